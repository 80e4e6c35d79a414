import { PreviousFileError } from '../batch/decisionsFile.js';
import { OutputLockedError, OutputUnwritableError, OutputWriteError } from '../io/outputErrors.js';
import { StaleInputError } from '../batch/staleInputError.js';
import { UsageError } from './usageError.js';

/**
 * The exit codes of `trappa`. The codes above 3 are those of BSD's
 * `sysexits.h`, which schedulers and operators already know: 65 bad input
 * data, 73 cannot create an output, 74 input/output error, 75 try again later.
 *
 * @example EXIT.locked // 75
 */
export const EXIT = {
  /** Every input line accepted. */
  ok: 0,
  /** Any other failure: an unreadable input file, an invalid policy. */
  failure: 1,
  /** How the command was called. */
  usage: 2,
  /** Some cases or lines were rejected (and reported); the rest was evaluated. */
  rejected: 3,
  /** `--previous` is not a whole, verified decisions file of an earlier night (EX_DATAERR). Nothing was written. */
  previousRefused: 65,
  /** `--max-input-age`: the newest lesson is older than allowed, or there is none (EX_NOINPUT: no current input). Nothing was written. */
  staleInput: 66,
  /** An output cannot be created: a missing or unwritable directory, a directory given as a file (EX_CANTCREAT). Nothing was read or written. */
  cannotCreate: 73,
  /** Writing stdout or an output file failed during the run, e.g. a full disk (EX_IOERR). The output files were left as they were. */
  writeFailed: 74,
  /** Another run is writing the same output (its lock file names it) (EX_TEMPFAIL). Nothing was read or written. */
  locked: 75,
  /** Stopped by SIGINT. */
  sigint: 130,
  /** Stopped by SIGTERM. */
  sigterm: 143,
} as const;

const WRITE_ERRORS: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EROFS']);

/**
 * The exit code for an error that ended a command.
 *
 * @param error - what was thrown
 * @returns the code (`EXIT`)
 * @example exitCodeFor(new OutputLockedError('--decisions-out', 'n.ndjson', 'n.ndjson.lock', undefined)) // 75
 * @example exitCodeFor(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) // 74
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS')) return EXIT.usage;
  if (error instanceof PreviousFileError) return EXIT.previousRefused;
  if (error instanceof StaleInputError) return EXIT.staleInput;
  if (error instanceof OutputUnwritableError) return EXIT.cannotCreate;
  if (error instanceof OutputWriteError) return EXIT.writeFailed;
  if (error instanceof OutputLockedError) return EXIT.locked;
  // A full disk or an I/O error while writing the temp buckets is a write failure too.
  if (WRITE_ERRORS.has(String((error as { code?: unknown } | null)?.code))) return EXIT.writeFailed;
  return EXIT.failure;
}
