/**
 * Progress bars for long stages on a terminal: one bar per stage with rows, rate and (when the total is known)
 * ETA, drawn on stderr by cli-progress. Off when stderr is not a TTY, when `CI` is set, or with `--quiet`, so CI
 * logs stay clean.
 */
import cliProgress from 'cli-progress';

import { type ProgressSink, SILENT_PROGRESS } from '../model/progress.js';

/** Whether bars should be drawn: stderr is a TTY and not running in CI. */
export function progressWanted(quiet: boolean): boolean {
  return !quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
}

/**
 * A {@link ProgressSink} drawing a cli-progress bar per stage, or the silent sink when bars are not wanted.
 * @param enabled draw bars (see {@link progressWanted})
 */
export function createProgressBar(enabled: boolean): ProgressSink {
  if (!enabled) return SILENT_PROGRESS;
  let bar: cliProgress.SingleBar | null = null;
  let rows = 0;
  let startMs = 0;
  let knownTotal = false;
  return {
    start(stage, total) {
      rows = 0;
      startMs = Date.now();
      knownTotal = total !== undefined && total > 0;
      bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: knownTotal
            ? `${stage.padEnd(28).slice(0, 28)} [{bar}] {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`
            : `${stage.padEnd(28).slice(0, 28)} {value} rows | {rate} rows/s | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(knownTotal ? (total as number) : 0, 0, { rate: '0' });
    },
    tick(n) {
      rows += n;
      const seconds = Math.max((Date.now() - startMs) / 1000, 0.001);
      bar?.update(rows, { rate: Math.round(rows / seconds).toLocaleString('en-US') });
    },
    end() {
      if (!bar) return;
      if (knownTotal) bar.update(bar.getTotal());
      bar.stop();
      bar = null;
    },
  };
}
