/**
 * A progress sink the pipeline reports to. The library never draws anything itself: the CLI plugs in a
 * progress bar on a TTY (cli-progress) and nothing in CI; library users may pass their own.
 */
export interface ProgressSink {
  /**
   * A stage starts. `total` is the amount of work in the stage's own unit when known (bytes of the file for
   * ingest, percent for SQL stages), so a bar can show a fraction and an ETA.
   */
  start(stage: string, total?: number): void;
  /** Progress so far: `done` in the unit of `total`, `rows` processed so far (shown with its rate). */
  update(done: number, rows: number): void;
  /** The current stage ended. */
  end(): void;
}

/** A sink that ignores everything (the default). */
export const SILENT_PROGRESS: ProgressSink = {
  start() {},
  update() {},
  end() {},
};
