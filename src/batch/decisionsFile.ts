import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { CompactDecisionSchema } from '../model/compactDecisionSchema.js';
import type { Decision } from '../model/decision.js';
import { DecisionSchema } from '../model/decisionSchema.js';
import { isDecisionLine } from '../model/fastDecision.js';
import { IsoDateSchema } from '../model/isoDate.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import { defaultCalendarFor } from '../calendar/defaultCalendar.js';
import type { Policy } from '../policy/policy.js';
import { policyStamp } from '../policy/policyStamp.js';
import type { DecisionForm } from '../report/decisionOutput.js';
import type { AtomicFile } from '../io/atomicFile.js';
import { decodeLine, forEachByteLine, type ByteLineSink } from '../io/lines.js';
import { compareIds } from './studentRanges.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { both, type Template } from '../model/template.js';
import { PREVIOUS_FILE_TEXT as P } from '../report/failureText.js';

/**
 * The newest format of a decisions file (`--decisions-out`) this version
 * reads and writes: one decision per line (NDJSON, in student-id order), then
 * one trailer line that makes the file verifiable on its own. Format 1: full
 * decisions, the trailer names the policy by id, version and hash (what
 * `--decisions-form full` still writes, byte for byte). Format 2: the trailer
 * names the form of its lines (`form`); compact decisions (`compactDecision`)
 * leave the policy block to the trailer, once a run. Bump it when a decision
 * line changes in a way `--previous` cannot read.
 *
 * @example DECISIONS_FORMAT // 2
 */
export const DECISIONS_FORMAT = 2;

/** The format a file of each form is written in: full files stay readable by versions that read format 1 only. */
const FORMAT_OF: Readonly<Record<DecisionForm, number>> = { full: 1, compact: 2 };

/** The last line of a decisions file. */
export interface DecisionsTrailer {
  /** Marks the line as the trailer (no decision has this key). */
  readonly trappa: 'decisions';
  readonly format: number;
  /** The form of the decision lines (format 2 on); absent in format 1: `full`. */
  readonly form?: DecisionForm;
  /** Decision lines before the trailer. */
  readonly count: number;
  /** SHA-256 (hex) of the decision lines, each with its `\n`: the bytes before the trailer. */
  readonly sha256: string;
  /** The night's evaluation date: every decision's `asOf`. */
  readonly asOf: string;
  /**
   * The policy every decision was made under. A compact file's trailer holds
   * the whole block the full decisions carry (`Decision['policy']`): the rules
   * in force on `asOf` and the calendar's hash, once for the night.
   */
  readonly policy: { readonly id: string; readonly version: string; readonly hash: string; readonly rulesInForce?: readonly string[]; readonly calendarHash?: string };
}

const TrailerSchema = z
  .object({
    trappa: z.literal('decisions'),
    format: z.number().int().positive(),
    form: z.enum(['full', 'compact']).optional(),
    count: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    asOf: IsoDateSchema,
    policy: z.object({ id: z.string(), version: z.string(), hash: z.string(), rulesInForce: z.array(z.string()).optional(), calendarHash: z.string().optional() }),
  })
  .refine((t) => t.format < 2 || t.form !== undefined, { path: ['form'], message: 'format 2 names the form of its lines' })
  .refine((t) => t.form !== 'compact' || (t.policy.rulesInForce !== undefined && t.policy.calendarHash !== undefined), {
    path: ['policy'],
    message: 'a compact file names the rules in force and the calendar hash',
  });

/** The form of a verified file's decision lines. */
function formOf(trailer: DecisionsTrailer): DecisionForm {
  return trailer.form ?? 'full';
}

/** Why a `--previous` file was refused. */
export type PreviousFileProblem = 'unreadable' | 'empty' | 'truncated' | 'no-trailer' | 'newer-format' | 'count' | 'hash' | 'not-a-decision' | 'mixed' | 'not-earlier' | 'changed';


/**
 * A `--previous` file that is not one whole decisions file written by
 * `--decisions-out` before tonight: empty, cut short, joined from two runs,
 * edited, older or newer in format, or not earlier than tonight. Found before
 * any output is written. The message says what is wrong and what to do.
 *
 * @example new PreviousFileError('n.ndjson', 'empty', PREVIOUS_FILE_TEXT.empty).message
 * // '--previous n.ndjson: the file is empty; run last night again with --decisions-out to write a verified file, or run tonight without --previous for a full output (every decision, no changes)'
 */
export class PreviousFileError extends Error {
  override readonly name = 'PreviousFileError';
  /** The message, sv and en (`message` is the English). */
  readonly text: Template;

  /**
   * @param path - the file
   * @param problem - what is wrong, as a code
   * @param detail - what is wrong, in words (with the line when there is one), sv and en
   */
  constructor(
    readonly path: string,
    readonly problem: PreviousFileProblem,
    readonly detail: Template,
  ) {
    const todo = problem === 'not-earlier' ? P.giveEarlier : P.whatToDo;
    const text = both(P.refused, (lang) => ({ path, detail: detail[lang], todo: todo[lang] }));
    super(text.en);
    this.text = text;
  }
}

/**
 * Whether a line is a decisions file's trailer (and not a decision).
 *
 * @param line - one line
 * @returns the parsed value when it is
 * @example trailerOf('{"trappa":"decisions","format":1}') // { trappa: 'decisions', format: 1 }
 */
export function trailerOf(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{"trappa":')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && (value as { trappa?: unknown }).trappa === 'decisions' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The night a decisions file is of: what its trailer says besides the lines' count and hash. */
export interface DecisionsNight {
  readonly asOf: string;
  /** The policy, or the policy block of the night's decisions (`Decision['policy']`, or a trailer's). */
  readonly policy: Policy | DecisionsTrailer['policy'];
  /** The run's calendar (default: `defaultCalendarFor(asOf)`, as `evaluate`): its hash is in a compact file's trailer. */
  readonly calendar?: SchoolCalendar | undefined;
  /** The form of the lines written (default `full`). */
  readonly form?: DecisionForm;
}

/** The line breaks in text or in its UTF-8 bytes (a multi-byte character never holds the byte 10). */
function newlines(lines: string | Uint8Array): number {
  let count = 0;
  if (typeof lines === 'string') {
    for (let at = lines.indexOf('\n'); at !== -1; at = lines.indexOf('\n', at + 1)) count += 1;
    return count;
  }
  const bytes = Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength);
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count += 1;
  return count;
}

/** Writes decision lines to an atomic file, counting and hashing them for the trailer. */
export interface DecisionsWriter {
  /** Append complete decision lines (each ending in `\n`), as text or as their UTF-8 bytes. */
  write(lines: string | Uint8Array): void;
  /** Append the trailer; the caller then commits the file. */
  finish(night: DecisionsNight): DecisionsTrailer;
}

/**
 * The trailer's policy: id, version and hash; for compact lines also the rest
 * of the block every full decision of the night carries (`policyStamp`, as
 * `evaluate` makes it), which the compact lines leave out.
 */
function trailerPolicy(night: DecisionsNight, form: DecisionForm): DecisionsTrailer['policy'] {
  const { policy, asOf } = night;
  if (form === 'full') return { id: policy.id, version: policy.version, hash: policy.hash };
  const stamp: Partial<Decision['policy']> = 'rules' in policy ? policyStamp(policy, asOf, night.calendar ?? defaultCalendarFor(asOf)) : policy;
  const { rulesInForce, calendarHash } = stamp;
  if (rulesInForce === undefined || calendarHash === undefined) throw new TypeError('a compact decisions file needs the policy, or its rules in force and calendar hash, for its trailer');
  return { id: policy.id, version: policy.version, hash: policy.hash, rulesInForce, calendarHash };
}

/**
 * A decisions file being written.
 *
 * @param file - the atomic file (`openAtomic`)
 * @returns the writer
 * @example const w = decisionsWriter(openAtomic('night-1.ndjson')); w.write(line + '\n'); w.finish({ asOf, policy }).count // 1
 * @example decisionsWriter(file).finish({ asOf, policy, form: 'compact' }) // { trappa: 'decisions', format: 2, form: 'compact', …, policy: { id, version, hash, rulesInForce, calendarHash } }
 */
export function decisionsWriter(file: AtomicFile): DecisionsWriter {
  const hash = createHash('sha256');
  let count = 0;
  return {
    write(lines) {
      if (lines.length === 0) return;
      count += newlines(lines);
      hash.update(lines);
      file.write(lines);
    },
    finish(night) {
      const form = night.form ?? 'full';
      const trailer: DecisionsTrailer = {
        trappa: 'decisions',
        format: FORMAT_OF[form],
        ...(form === 'full' ? {} : { form }),
        count,
        sha256: hash.digest('hex'),
        asOf: night.asOf,
        policy: trailerPolicy(night, form),
      };
      file.write(`${JSON.stringify(trailer)}\n`);
      return trailer;
    },
  };
}

/**
 * A line of a decisions file or stream as `scanDecisionLines` hands it on: its text (decoded as
 * UTF-8, U+FFFD for bad bytes), number and bytes. `bytes` is the line's own copy (without its
 * line break), so a caller may keep it.
 */
export interface ScannedLine {
  readonly text: string;
  readonly n: number;
  readonly bytes: Buffer;
  /** The first byte that is not UTF-8 (from 1), when the line is not; else undefined. */
  readonly invalidByte: number | undefined;
}

/**
 * The lines of a decisions file or stream, each handed on only once the next has come (the last
 * one may be the trailer, which is not a decision), and the SHA-256 and count of all but the last,
 * taken as the writer took them: each line's bytes and a line feed, with no second encoding of
 * the text (a night's file is 150 MB of mostly non-ASCII decisions); a line that is not UTF-8 as
 * its text reads (it matches no hash the writer took). The one reading of `--previous`
 * (`verifyDecisionsFile`) and of `trappa report`'s input (`spoolDecisions`).
 *
 * @param read - reads the lines as bytes (`forEachByteLine` of a file, `forEachInputByteLine` of a stream)
 * @param onLine - called with each line but the last; what it throws stops the reading
 * @param signal - stops the reading (its reason is thrown)
 * @returns the last line (undefined for no line), and the count and SHA-256 of the lines before it
 * @example const { last, lines } = await scanDecisionLines((cb) => forEachByteLine('night-1.ndjson', cb), () => undefined) // last: the trailer
 */
export async function scanDecisionLines(
  read: (onLine: ByteLineSink) => Promise<number>,
  onLine: (line: ScannedLine) => void,
  signal?: AbortSignal,
): Promise<{ readonly last: ScannedLine | undefined; readonly lines: number; readonly sha256: string }> {
  const hash: Hash = createHash('sha256');
  let pending: ScannedLine | undefined;
  let lines = 0;
  await read((bytes, from, to, n) => {
    // A large file takes a while: a stopped run (SIGTERM) stops reading it.
    if (signal?.aborted === true) throw signal.reason;
    if (pending !== undefined) {
      onLine(pending);
      hash.update(pending.invalidByte === undefined ? pending.bytes : pending.text);
      hash.update(NEWLINE);
      lines += 1;
    }
    const decoded = decodeLine(bytes, from, to);
    const valid = typeof decoded === 'string';
    pending = { text: valid ? decoded : decoded.lossy, n, bytes: Buffer.from(bytes.subarray(from, to)), invalidByte: valid ? undefined : decoded.invalidByte };
  });
  return { last: pending, lines, sha256: hash.digest('hex') };
}

/**
 * Read the decision lines of a file, then its last line (`scanDecisionLines`). What `onDecision`
 * throws is thrown as it is; a failure to read the file is `unreadable`.
 */
async function scan(path: string, onDecision: (line: ScannedLine) => void, signal?: AbortSignal): Promise<{ last: string | undefined; lines: number; sha256: string }> {
  let thrown: unknown;
  try {
    const { last, lines, sha256 } = await scanDecisionLines(
      (onLine) => forEachByteLine(path, onLine),
      (line) => {
        try {
          onDecision(line);
        } catch (error) {
          thrown = error;
          throw error;
        }
      },
      signal,
    );
    return { last: last?.text, lines, sha256 };
  } catch (error) {
    if (error === thrown || error instanceof PreviousFileError || signal?.aborted === true) throw error;
    throw new PreviousFileError(path, 'unreadable', both(P.cannotRead, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
}

const NEWLINE = Buffer.from('\n');

/** The last line of a file (without its line break), read from the end; undefined for an empty file. */
function lastLine(path: string): string | undefined {
  let fd: number | undefined;
  let compressed = false;
  let line: string | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size === 0) return undefined;
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) compressed = true;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    const end = tail[length - 1] === 10 ? length - 1 : length;
    const start = tail.lastIndexOf(10, end - 1) + 1;
    line = tail.toString('utf8', start, end);
  } catch (error) {
    throw new PreviousFileError(path, 'unreadable', both(P.cannotRead, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // Read from its end and twice, the file cannot be a stream: a gzip file is refused by its first bytes, whatever its name.
  if (compressed) throw new PreviousFileError(path, 'unreadable', P.gzip);
  return line;
}

/**
 * Whether a file ends with a decisions trailer (a `--decisions-out` file), read
 * from its end only: how `trappa report` tells such a file, which it verifies
 * whole first, from the plain NDJSON of `--json`. False for a gzip file, an
 * empty one, or one that cannot be read (its reader then says why).
 *
 * @param path - a regular file
 * @returns true when its last line is a trailer
 * @example endsWithTrailer('night-1.ndjson') // true for a --decisions-out file
 */
export function endsWithTrailer(path: string): boolean {
  try {
    const last = lastLine(path);
    return last !== undefined && trailerOf(last) !== undefined;
  } catch {
    return false;
  }
}

/** A trailer is under a kilobyte; a file whose last 64 KiB hold no line break does not end with one. */
const TAIL_BYTES = 1 << 16;

/** The trailer of a file, read from its end first: an empty, cut-short or trailer-less file is refused at once, however large. */
function readTrailer(path: string): DecisionsTrailer {
  const last = lastLine(path);
  if (last === undefined || last === '') throw new PreviousFileError(path, 'empty', P.empty);
  const raw = trailerOf(last);
  if (raw === undefined) {
    let complete = false;
    try {
      const value = JSON.parse(last) as { studentId?: unknown } | null;
      complete = typeof value === 'object' && value !== null && typeof value.studentId === 'string';
    } catch {
      // An incomplete line.
    }
    throw complete
      ? new PreviousFileError(path, 'no-trailer', P.noTrailer)
      : new PreviousFileError(path, 'truncated', P.truncated);
  }
  if (typeof raw['format'] === 'number' && raw['format'] > DECISIONS_FORMAT) {
    throw new PreviousFileError(path, 'newer-format', both(P.newerFormat, { format: String(raw['format']), reads: DECISIONS_FORMAT }));
  }
  const parsed = TrailerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PreviousFileError(path, 'truncated', both(P.badTrailer, (lang) => ({ path: issue?.path.join('.') ?? '', message: issue === undefined ? '' : lang === 'sv' ? swedishIssueMessage(issue) : issue.message })));
  }
  return parsed.data as DecisionsTrailer;
}

/**
 * The first of `verifyDecisionsFile`'s checks, alone: the file ends with a
 * trailer of a format this version reads, of a night before tonight. It reads
 * only the end of the file, so a caller can refuse the commonest wrong file
 * (empty, cut short, tonight's own, a newer format) before it reads anything
 * else, and verify the lines later or elsewhere (the batch does that in a
 * thread of its own while it reads the lessons).
 *
 * @param path - the file
 * @param asOf - tonight's date
 * @returns the trailer
 * @throws {PreviousFileError} saying what is wrong and what to do
 * @example checkTrailer('night-1.ndjson', '2026-11-24').asOf // '2026-11-23'
 */
export function checkTrailer(path: string, asOf: string): DecisionsTrailer {
  const trailer = readTrailer(path);
  if (trailer.asOf >= asOf) throw new PreviousFileError(path, 'not-earlier', both(P.notEarlier, { asOf: trailer.asOf, tonight: asOf }));
  return trailer;
}

/** A line the hot path accepted, as the schema's success: the fields read of it (id, date, policy hash) are the line's own. */
function accepted(value: unknown): ReturnType<typeof CompactDecisionSchema.safeParse> {
  return { success: true, data: value as z.output<typeof CompactDecisionSchema> };
}

/**
 * Check one line of a verified file: a decision of the trailer's form. A line
 * of an earlier night (carried over for a student not evaluated that night)
 * is last night's record as it was written, compact or full.
 */
function decisionOfLine(value: unknown, trailer: DecisionsTrailer): ReturnType<typeof CompactDecisionSchema.safeParse> {
  // The hot path first (`isDecisionLine`: the schema's verdict without zod); zod for the rest, and for the located error.
  const fullForm = formOf(trailer) !== 'compact';
  if (isDecisionLine(value, fullForm)) return accepted(value);
  if (!fullForm) return CompactDecisionSchema.safeParse(value);
  if (isDecisionLine(value, false) && (value as { asOf: string }).asOf < trailer.asOf) return accepted(value);
  const full = DecisionSchema.safeParse(value);
  if (full.success) return full;
  const carried = CompactDecisionSchema.safeParse(value);
  return carried.success && carried.data.asOf < trailer.asOf ? carried : full;
}

/**
 * A decision line of a verified file, as `verifyDecisionsFile` hands it to
 * its `onDecision`: checked against the schema of the file's form, but not yet
 * against the trailer's count and hash (a later line can still fail the file).
 */
export interface VerifiedDecision {
  /** The line's number in the file, from 1. */
  readonly n: number;
  readonly studentId: string;
  readonly asOf: string;
  /** The line as `JSON.parse` reads it. */
  readonly value: unknown;
  /** The line's bytes as written (UTF-8, without its line break), the caller's to keep. */
  readonly bytes: Buffer;
}

/**
 * Verify a `--previous` file whole before the run writes anything: it ends
 * with a trailer of a format this version reads (read first, from the end of
 * the file, so an empty or cut-short file is refused at once); the count and SHA-256 of its
 * decision lines match the trailer; every line is a decision of the trailer's form
 * (`DecisionSchema`, or `CompactDecisionSchema` for a compact file) of the trailer's date and policy (or carried over from an earlier night for a student not evaluated then); student ids ascend
 * (one run's output, not two joined); and its date is before tonight's.
 * Streams: memory does not grow with the file. The file is read once: a caller
 * that needs its decisions takes them from `onDecision` (the batch keeps last
 * night's step states, `trappa explain` one student's), and uses them only if
 * the file is then returned as verified. Reading the file a second time
 * would also have to check that it had not changed in between.
 *
 * @param path - the file
 * @param asOf - tonight's date
 * @param signal - stops the reading (the signal's reason is thrown)
 * @param onDecision - called with each decision line once it has passed its own checks; what it throws stops the reading and is thrown
 * @returns the trailer
 * @throws {PreviousFileError} saying what is wrong and what to do
 * @example await verifyDecisionsFile('night-1.ndjson', '2026-11-24') // { trappa: 'decisions', format: 1, count: 2000, asOf: '2026-11-23', … }
 * @example await verifyDecisionsFile('empty.ndjson', '2026-11-24') // throws "--previous empty.ndjson: the file is empty; run last night again with --decisions-out …"
 * @example const ids: string[] = []; await verifyDecisionsFile('night-1.ndjson', '2026-11-24', undefined, (d) => ids.push(d.studentId)); ids.length // the trailer's count
 */
export async function verifyDecisionsFile(path: string, asOf: string, signal?: AbortSignal, onDecision?: (decision: VerifiedDecision) => void): Promise<DecisionsTrailer> {
  const trailer = checkTrailer(path, asOf);
  let lastId: string | undefined;
  const { last, lines, sha256 } = await scan(path, ({ text: line, n, bytes }) => {
    const fail = (problem: PreviousFileProblem, detail: Template): never => {
      throw new PreviousFileError(path, problem, both(P.atLine, (lang) => ({ n, detail: detail[lang] })));
    };
    if (trailerOf(line) !== undefined) fail('mixed', P.trailerInside);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail('not-a-decision', line === '' ? P.emptyLine : P.notJson);
    }
    const parsed = decisionOfLine(value, trailer);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail('not-a-decision', both(P.notADecision, (lang) => ({ path: issue?.path.join('.') ?? '', message: issue === undefined ? '' : lang === 'sv' ? swedishIssueMessage(issue) : issue.message })));
      return;
    }
    const d = parsed.data;
    // A decision of an earlier night is carried over for a student not evaluated that night whose
    // duties stay open (a rejected or missing student closes nothing): older, never newer. The
    // trailer's hash covers every line, so files joined by hand are refused anyway.
    if (d.asOf > trailer.asOf) fail('mixed', both(P.newerDecision, { asOf: d.asOf, file: trailer.asOf }));
    if (d.asOf === trailer.asOf && d.policy.hash !== trailer.policy.hash) fail('mixed', P.otherPolicy);
    if (lastId !== undefined && compareIds(lastId, d.studentId) >= 0) fail('mixed', P.outOfOrder);
    lastId = d.studentId;
    onDecision?.({ n, studentId: d.studentId, asOf: d.asOf, value, bytes });
  }, signal);
  if (last === undefined || trailerOf(last)?.['sha256'] !== trailer.sha256) throw new PreviousFileError(path, 'changed', P.changed);
  if (trailer.count !== lines) {
    throw new PreviousFileError(path, 'count', both(P.count, { count: trailer.count, lines }));
  }
  if (trailer.sha256 !== sha256) throw new PreviousFileError(path, 'hash', P.hash);
  return trailer;
}
