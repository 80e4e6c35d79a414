/** Where a batch run is. */
export interface ProgressState {
  readonly phase: 'reading' | 'evaluating';
  /** Reading: bytes of the lesson files; evaluating: students. */
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
