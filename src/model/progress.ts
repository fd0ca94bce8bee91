/**
 * A progress sink the pipeline reports to. The library never draws anything itself: the CLI plugs in a
 * progress bar on a TTY (cli-progress) and nothing in CI; library users may pass their own.
 */
export interface ProgressSink {
  /** A stage starts; `total` is the expected row count when known. */
  start(stage: string, total?: number): void;
  /** `rows` more rows are done in the current stage. */
  tick(rows: number): void;
  /** The current stage ended. */
  end(): void;
}

/** A sink that ignores everything (the default). */
export const SILENT_PROGRESS: ProgressSink = {
  start() {},
  tick() {},
  end() {},
};
