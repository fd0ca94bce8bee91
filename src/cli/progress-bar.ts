/**
 * Progress bars for long stages on a terminal: one bar per stage with the fraction done, rows, rate and ETA, drawn
 * on stderr by cli-progress. Off when stderr is not a TTY, when `CI` is set, or with `--quiet`, so CI logs stay
 * clean.
 */
import cliProgress from 'cli-progress';

import { type ProgressSink, SILENT_PROGRESS } from '../model/progress.js';

/** Whether bars should be drawn: stderr is a TTY and not running in CI. */
export function progressWanted(quiet: boolean): boolean {
  return !quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * A {@link ProgressSink} drawing a cli-progress bar per stage, or the silent sink when bars are not wanted.
 * @param enabled draw bars (see {@link progressWanted})
 */
export function createProgressBar(enabled: boolean): ProgressSink {
  if (!enabled) return SILENT_PROGRESS;
  let bar: cliProgress.SingleBar | null = null;
  let startMs = 0;
  let total = 0;
  return {
    start(stage, stageTotal) {
      startMs = Date.now();
      total = stageTotal !== undefined && stageTotal > 0 ? stageTotal : 0;
      const label = stage.length > 34 ? `…${stage.slice(-33)}` : stage.padEnd(34);
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format:
            total > 0
              ? `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`
              : `${label} {rows} rows | {rate} rows/s | {duration_formatted}`,
          hideCursor: true,
          etaBuffer: 20,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total > 0 ? total : 1, 0, { rows: '0', rate: '0' });
    },
    update(done, rows) {
      const seconds = Math.max((Date.now() - startMs) / 1000, 0.001);
      bar?.update(total > 0 ? Math.min(done, total) : 0, { rows: fmt(rows), rate: fmt(rows / seconds) });
    },
    end() {
      if (!bar) return;
      if (total > 0) bar.update(total);
      bar.stop();
      bar = null;
    },
  };
}
