import { PreviousFileError } from '../batch/decisionsFile.js';
import { OutputLockedError, OutputUnwritableError, OutputWriteError } from '../io/outputErrors.js';
import { StaleInputError } from '../batch/staleInputError.js';
import { UsageError } from './usageError.js';
import type { Texts } from '../report/labels.js';

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

/**
 * What each exit code means, sv and en: the one list `trappa --help` prints
 * (and docs/cli.md "Exit codes" tabulates; a test holds the two equal). Each command's help says which it uses.
 *
 * @example EXIT_TEXT.locked.en // 'another run holds the lock of an output (its lock file names it): nothing was read or written'
 */
export const EXIT_TEXT: Readonly<Record<keyof typeof EXIT, Texts>> = {
  ok: { sv: 'klart: all indata godtogs', en: 'done: all input accepted' },
  failure: {
    sv: 'annat fel: en fil som inte kan läsas, en ogiltig policy; check: policyn har fel; test: ett fall misslyckades; verify: motorerna skiljer sig; eller regeltäckningen under --threshold (utdata är fullständiga; går före 3)',
    en: 'other failure: an unreadable file, an invalid policy; check: the policy has errors; test: a case failed; verify: the engines disagree; or rule coverage under --threshold (the outputs are complete; takes precedence over 3)',
  },
  usage: {
    sv: 'användningsfel: fel flagga, saknat argument, ogiltigt värde, en konfigurationsfil (--config) som inte kan läsas eller är ogiltig',
    en: 'usage error: an unknown option, a missing argument, an invalid value, a config file (--config) that cannot be read or is not valid',
  },
  rejected: { sv: 'några fall eller poster avvisades (och rapporterades på stderr); resten utvärderades', en: 'some cases or records were rejected (and reported on stderr); the rest was evaluated' },
  previousRefused: {
    sv: '--previous avvisad (tom, avkortad, ihopslagen, redigerad, äldre format, inte en tidigare natt): inget skrevs',
    en: '--previous refused (empty, cut short, joined, edited, older format, not an earlier night): nothing was written',
  },
  staleInput: { sv: '--max-input-age: den senaste lektionen är för gammal, eller det finns ingen: inget skrevs', en: '--max-input-age: the newest lesson is too old, or there is none: nothing was written' },
  cannotCreate: {
    sv: 'en utdatafil kan inte skapas (katalog saknas eller är skrivskyddad, en katalog angiven som fil): inget lästes eller skrevs',
    en: 'an output cannot be created (a missing or unwritable directory, a directory given as a file): nothing was read or written',
  },
  writeFailed: { sv: 'skrivning till stdout eller en utdatafil misslyckades (t.ex. full disk): utdatafilerna lämnades som de var', en: 'writing stdout or an output failed (e.g. a full disk): the output files were left as they were' },
  locked: { sv: 'en annan körning håller låset för en utdatafil (låsfilen namnger den): inget lästes eller skrevs', en: 'another run holds the lock of an output (its lock file names it): nothing was read or written' },
  sigint: { sv: 'stoppad av SIGINT (Ctrl-C): tillfälliga filer borttagna', en: 'stopped by SIGINT (Ctrl-C): temporary files removed' },
  sigterm: { sv: 'stoppad av SIGTERM: tillfälliga filer borttagna', en: 'stopped by SIGTERM: temporary files removed' },
};

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
