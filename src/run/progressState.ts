/** Where a batch run is. */
export interface ProgressState {
  readonly phase: 'reading' | 'evaluating' | 'reporting';
  /** Reading: bytes of the input files; evaluating: students; reporting: students whose school's report is written (`trappa report`). */
  readonly done: number;
  readonly total: number;
  readonly recordsRead: number;
  readonly studentsEvaluated: number;
  /** Seconds since the phase began. */
  readonly elapsedS: number;
}

/**
 * Where a batch reports its progress: the CLI draws a bar on a terminal
 * (`ProgressBar` in `cli/`), a service may log or ignore it. Called often;
 * an implementation throttles itself.
 */
export interface BatchProgress {
  update(state: ProgressState): void;
  /** The run has finished (or failed): finish any line drawn. */
  done(): void;
}
