import { openAtomic, sweepStaleTemps, type AtomicFile } from '../io/atomicFile.js';
import { checkDirectory, checkOutputs, outputPath, type OutputTarget } from './checkOutputs.js';
import { decisionsWriter, type DecisionsNight, type DecisionsWriter } from './decisionsFile.js';
import { OutputUnwritableError, OutputWriteError, systemErrorText } from '../io/outputErrors.js';
import { both } from '../model/template.js';
import { OUTPUT_FAILURE_TEXT } from '../report/failureText.js';
import { lockOutput, type OutputLock } from './outputLock.js';

/** The files a batch writes besides its output stream; each optional. */
export interface BatchOutputPaths {
  /** `--decisions-out`: every decision and a trailer, tomorrow's `--previous`. */
  readonly decisions?: string | undefined;
  /** `--rejected`: every rejected line. */
  readonly rejected?: string | undefined;
  /** `--summary-json`: the run summary. */
  readonly summary?: string | undefined;
}

/** The outputs of a run, claimed: checked, locked, and open as temp files. */
export interface BatchOutputs {
  readonly decisions: DecisionsWriter | undefined;
  readonly rejected: { write(text: string): void } | undefined;
  readonly summary: { write(text: string): void } | undefined;
  /**
   * Finish the decisions file with its trailer and rename every output into
   * place: rejected lines, summary, then the decisions last (their presence
   * means the others are there).
   *
   * @throws {OutputWriteError} naming the output
   */
  commit(night: DecisionsNight): void;
  /** Remove the temp files not committed and the locks. Never throws. */
  release(): void;
}

const FLAGS = { decisions: '--decisions-out', rejected: '--rejected', summary: '--summary-json' } as const;

function guarded<T>(flag: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof OutputWriteError) throw error;
    throw new OutputWriteError(flag, error as NodeJS.ErrnoException);
  }
}

/**
 * Claim the outputs of a run before it reads anything:
 * 1. check them (`checkOutputs`: directories exist and are writable, no
 *    directory or device as a file, no output overwriting `--previous` but
 *    `--decisions-out`), and the temp directory;
 * 2. lock each (`<path>.lock`; a live run holding one refuses this run);
 * 3. sweep the temp files killed runs left beside them;
 * 4. open a temp file for each, which `commit` renames into place.
 * Messages name the CLI option of each output.
 *
 * @param paths - the outputs
 * @param inputs - `previous` (which only `--decisions-out` may replace) and `tmpDir` (checked)
 * @returns the claimed outputs; call `release` in a `finally`
 * @throws {OutputUnwritableError} for an output that cannot be written
 * @throws {OutputLockedError} when another run holds an output
 * @example
 * const outputs = claimOutputs({ decisions: 'night-2.ndjson' }, {});
 * try { outputs.decisions?.write(lines); outputs.commit({ asOf, policy }); } finally { outputs.release(); }
 * // night-2.ndjson replaced whole (the lines, then the trailer); night-2.ndjson.lock removed
 */
export function claimOutputs(paths: BatchOutputPaths, inputs: { readonly previous?: string | undefined; readonly tmpDir?: string | undefined }): BatchOutputs {
  const kinds = (['decisions', 'rejected', 'summary'] as const).filter((k) => paths[k] !== undefined);
  const targets: OutputTarget[] = kinds.map((k) => ({ flag: FLAGS[k], path: paths[k] as string }));
  checkOutputs(targets, inputs.previous === undefined ? [] : [{ flag: '--previous', path: inputs.previous }], [FLAGS.decisions]);
  if (inputs.tmpDir !== undefined) checkDirectory('--tmp-dir', inputs.tmpDir);
  const locks: OutputLock[] = [];
  const files = new Map<(typeof kinds)[number], AtomicFile>();
  const release = (): void => {
    for (const file of files.values()) file.discard();
    for (const lock of locks.splice(0)) lock.release();
  };
  try {
    for (const kind of kinds) {
      const flag = FLAGS[kind];
      const path = outputPath(paths[kind] as string);
      locks.push(lockOutput(path, flag, paths[kind] as string));
      sweepStaleTemps(path);
      try {
        files.set(kind, openAtomic(path));
      } catch (error) {
        throw new OutputUnwritableError(flag, paths[kind] as string, both(OUTPUT_FAILURE_TEXT.cannotCreateBeside, (lang) => ({ error: systemErrorText(error as NodeJS.ErrnoException)[lang] })));
      }
    }
  } catch (error) {
    release();
    throw error;
  }
  const writerOf = (kind: 'rejected' | 'summary'): BatchOutputs['rejected'] => {
    const file = files.get(kind);
    return file === undefined ? undefined : { write: (text) => guarded(FLAGS[kind], () => file.write(text)) };
  };
  const decisionsFile = files.get('decisions');
  const decisions = decisionsFile === undefined ? undefined : decisionsWriter(decisionsFile);
  const guardedDecisions: DecisionsWriter | undefined =
    decisions === undefined
      ? undefined
      : { write: (lines) => guarded(FLAGS.decisions, () => decisions.write(lines)), finish: (night) => guarded(FLAGS.decisions, () => decisions.finish(night)) };
  return {
    decisions: guardedDecisions,
    rejected: writerOf('rejected'),
    summary: writerOf('summary'),
    commit(night) {
      guardedDecisions?.finish(night);
      for (const kind of ['rejected', 'summary', 'decisions'] as const) {
        const file = files.get(kind);
        if (file !== undefined) guarded(FLAGS[kind], () => file.commit());
      }
    },
    release,
  };
}
