/**
 * A night's decisions, read once as a stream and kept on disk by school: what
 * `trappa report` renders one school at a time. A city's decisions file is
 * too large to hold as one string (V8's longest is about 512 MB: 70 000
 * students of compact decisions) or as objects (some 40 KB a student), so the
 * report reads the input line by line, checks each line, copies its bytes to a
 * spool file in a temp directory and keeps only where each school's lines
 * are. Rendering then reads back one school's lines at a time: memory is
 * bounded by the largest school and the night's student ids (a plain input is
 * checked for a student given twice), not by the city's decisions.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CompactDecisionSchema } from '../model/compactDecisionSchema.js';
import { isDecisionLine } from '../model/fastDecision.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { both, type Template } from '../model/template.js';
import type { DecisionRecord } from '../report/compactDecision.js';
import { INPUT_FILE_TEXT, REPORT_INPUT_TEXT as R } from '../report/failureText.js';
import { BatchInputError } from '../io/batchInputError.js';
import { forEachInputByteLine } from '../io/lines.js';
import { openInput, type OpenedInput } from '../io/openInput.js';
import { readFully } from '../io/readFully.js';
import { endsWithTrailer, PreviousFileError, scanDecisionLines, trailerOf, verifyDecisionsFile, type ScannedLine } from './decisionsFile.js';

/** A night's decisions spooled by school (see `spoolDecisions`). */
export interface DecisionsSpool {
  /** How messages name the input (`stdin` for `-`). */
  readonly name: string;
  /** The schools, in code-unit order of their ids (as `bySchool` orders them); `''` for decisions without a school id. */
  readonly schools: readonly string[];
  /** How many decisions were read. */
  readonly decisions: number;
  /**
   * One school's decisions, in the input's order, read back from the spool
   * (each line parsed again: memory holds one school at a time).
   */
  decisionsOf(schoolId: string): DecisionRecord[];
  /** Close the spool file (the caller removes its directory). */
  close(): void;
}

/** How far the reading of the input has come (see `spoolDecisions`'s `onProgress`). */
export interface SpoolProgress {
  /** Bytes of decision lines read (decompressed), line breaks included. */
  readonly bytes: number;
  /** The input's size when it is a plain file, else 0 (not known in advance). */
  readonly totalBytes: number;
  readonly decisions: number;
}

/** Bytes gathered before one write to the spool, and the most read back in one go. */
const BLOCK_BYTES = 1 << 20;
const LF = 0x0a;

/** The spool file: line bytes appended, each line's place kept by school. */
interface SpoolWriter {
  add(schoolId: string, bytes: Uint8Array): void;
  finish(name: string, decisions: number): DecisionsSpool;
  close(): void;
}

function spoolWriter(dir: string): SpoolWriter {
  const path = join(dir, 'decisions');
  let fd: number | undefined = openSync(path, 'wx', 0o600);
  const block = Buffer.allocUnsafe(BLOCK_BYTES);
  let used = 0;
  let offset = 0;
  // Each school's lines as (offset, length) pairs, in input order.
  const places = new Map<string, number[]>();
  const flush = (): void => {
    let at = 0;
    while (at < used) at += writeSync(fd as number, block, at, used - at);
    used = 0;
  };
  const write = (bytes: Uint8Array): void => {
    if (used + bytes.length > BLOCK_BYTES) flush();
    if (bytes.length > BLOCK_BYTES) {
      let at = 0;
      while (at < bytes.length) at += writeSync(fd as number, bytes, at, bytes.length - at);
      return;
    }
    block.set(bytes, used);
    used += bytes.length;
  };
  const close = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    add(schoolId, bytes) {
      const list = places.get(schoolId);
      if (list === undefined) places.set(schoolId, [offset, bytes.length]);
      else list.push(offset, bytes.length);
      write(bytes);
      write(NEWLINE);
      offset += bytes.length + 1;
    },
    finish(name, decisions) {
      flush();
      closeSync(fd as number);
      fd = openSync(path, 'r');
      const schools = [...places.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const decisionsOf = (schoolId: string): DecisionRecord[] => {
        if (fd === undefined) throw new Error('the decisions spool was closed before it was read');
        return readBack(fd, places.get(schoolId) ?? []);
      };
      return { name, schools, decisions, decisionsOf, close };
    },
    close,
  };
}

const NEWLINE = Uint8Array.of(LF);

/**
 * Lines read back from the spool by their places, as decisions. Lines next to
 * each other in the spool (a school's students usually are) are read in one
 * go, up to a block at a time.
 */
function readBack(fd: number, places: readonly number[]): DecisionRecord[] {
  const out: DecisionRecord[] = [];
  for (let i = 0; i < places.length; ) {
    const start = places[i] as number;
    let end = start + (places[i + 1] as number);
    let j = i + 2;
    // Adjacent lines: the next starts just after this one's line feed.
    while (j < places.length && places[j] === end + 1 && (places[j] as number) + (places[j + 1] as number) - start <= BLOCK_BYTES) {
      end = (places[j] as number) + (places[j + 1] as number);
      j += 2;
    }
    const bytes = Buffer.allocUnsafe(end - start);
    readFully(fd, bytes, 0, bytes.length, start, 'the report spool');
    for (let k = i; k < j; k += 2) {
      const from = (places[k] as number) - start;
      // Checked when spooled: each line is UTF-8 JSON of a decision.
      out.push(JSON.parse(bytes.toString('utf8', from, from + (places[k + 1] as number))) as DecisionRecord);
    }
    i = j;
  }
  return out;
}

/** A line's school: its `schoolId`, or `''` for a decision written before decisions had one. */
function schoolOf(value: unknown): string {
  const id = (value as { schoolId?: unknown }).schoolId;
  return typeof id === 'string' ? id : '';
}

/**
 * Read a night's decisions once, as a stream, check them, and spool them by
 * school into a file in `dir` (the caller's temp directory, which it removes).
 *
 * - A plain file that ends with a trailer (`--decisions-out`) is verified
 *   whole as `--previous` is (`verifyDecisionsFile`: count, SHA-256, every line
 *   a decision of the file's form, one night, one policy, ids in order).
 * - Anything else (the NDJSON of `--json`, stdin, a gzip file) is read line
 *   by line: every line must be a decision (`CompactDecisionSchema`; a full
 *   decision is also a compact one) of a student no earlier line had (two
 *   outputs joined would show a student twice), and a trailer, when it is the
 *   last line, must match the lines before it. A trailer that does not match is reported
 *   before any line's fault, as a cut or edited file.
 *
 * Messages name the input and the line, never a line's content.
 *
 * @param input - a file, or `-` for stdin
 * @param dir - a temp directory of the caller's (`makeTempDir`), for the spool file
 * @param onProgress - optional: called after each line read (a progress bar throttles itself)
 * @param signal - optional: stops the reading (the signal's reason is thrown)
 * @returns the spool; the caller closes it
 * @throws {BatchInputError} for an input that is not a night's decisions (the text in both languages)
 * @throws {Error} when the input cannot be opened or read (its `code`: ENOENT, EACCES…)
 * @example const dir = makeTempDir(tmpdir()); const spool = await spoolDecisions('night-1.ndjson', dir.path); for (const id of spool.schools) render(id, spool.decisionsOf(id)); spool.close(); dir.remove();
 */
export async function spoolDecisions(input: string, dir: string, onProgress?: (progress: SpoolProgress) => void, signal?: AbortSignal): Promise<DecisionsSpool> {
  let opened: OpenedInput;
  try {
    opened = await openInput(input, undefined, signal);
  } catch (error) {
    // Stopped before the first bytes came (a stdin that sends nothing): the stop is what happened.
    throw signal?.aborted === true ? signal.reason : error;
  }
  const totalBytes = opened.regularFile && !opened.compressed ? (opened.size ?? 0) : 0;
  let bytes = 0;
  const verifiable = opened.regularFile && !opened.compressed && endsWithTrailer(input);
  if (verifiable) await opened.close();
  let spool: SpoolWriter;
  try {
    spool = spoolWriter(dir);
  } catch (error) {
    await opened.close();
    throw error;
  }
  try {
    if (verifiable) {
      let decisions = 0;
      try {
        await verifyDecisionsFile(input, '9999-12-31', signal, (d) => {
          spool.add(schoolOf(d.value), d.bytes);
          decisions += 1;
          bytes += d.bytes.length + 1;
          onProgress?.({ bytes, totalBytes, decisions });
        });
      } catch (error) {
        if (!(error instanceof PreviousFileError)) throw error;
        throw new BatchInputError(both(R.notWhole, (lang) => ({ input, detail: error.detail[lang] })));
      }
      return spool.finish(opened.name, decisions);
    }
    // A stopped run (SIGTERM) stops reading, also a stdin that sends nothing (`openInput` destroys the stream).
    try {
      const decisions = await spoolLines(opened, spool, (length, n) => {
        if (signal?.aborted === true) throw signal.reason;
        bytes += length + 1;
        onProgress?.({ bytes, totalBytes, decisions: n });
      });
      if (signal?.aborted === true) throw signal.reason;
      return spool.finish(opened.name, decisions);
    } catch (error) {
      // A stream cut by the stop reads as cut short (a gzip file as damaged): the stop is what happened.
      throw signal?.aborted === true ? signal.reason : error;
    }
  } catch (error) {
    spool.close();
    throw error;
  }
}

/**
 * Spool an opened input's lines (see `spoolDecisions`), read by
 * `scanDecisionLines`: every line but the last is a decision, and so is the
 * last unless it is the trailer. Returns how many decisions were spooled.
 */
async function spoolLines(opened: OpenedInput, spool: SpoolWriter, onLine: (length: number, n: number) => void): Promise<number> {
  const source = opened.name;
  // The first fault of a line: reported after the trailer's check, which says more (the file was cut or edited).
  let fault: Template | undefined;
  // Each student's first line: a student twice is two outputs joined (`cat night-1 night-2`), which a
  // report would show twice, perhaps with two nights' duties. (A trailer file is verified instead: its ids ascend.)
  const firstLine = new Map<string, number>();
  const decision = (line: ScannedLine): void => {
    if (line.invalidByte !== undefined) throw new BatchInputError(both(INPUT_FILE_TEXT.notUtf8, { name: source, line: line.n, byte: line.invalidByte }));
    onLine(line.bytes.length, line.n);
    if (fault !== undefined) return;
    if (trailerOf(line.text) !== undefined) {
      fault = both(R.trailerInside, { source, n: line.n });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      fault = both(R.notJson, { source, n: line.n });
      return;
    }
    const parsed = isDecisionLine(value, false) ? undefined : CompactDecisionSchema.safeParse(value);
    if (parsed?.success === false) {
      const issue = parsed.error.issues[0];
      fault = both(R.notDecision, (lang) => ({ source, n: line.n, path: issue?.path.join('.') ?? '', message: issue === undefined ? '' : lang === 'sv' ? swedishIssueMessage(issue) : issue.message }));
      return;
    }
    const studentId = (value as { studentId: string }).studentId;
    const first = firstLine.get(studentId);
    if (first !== undefined) {
      fault = both(R.repeatedStudent, { source, n: line.n, first });
      return;
    }
    firstLine.set(studentId, line.n);
    spool.add(schoolOf(value), line.bytes);
  };
  const { last, lines, sha256 } = await scanDecisionLines((cb) => forEachInputByteLine(opened, cb), decision);
  if (last === undefined) return 0;
  // A last line that is not UTF-8 is refused as such (`decision` throws), before anything is read of it.
  if (last.invalidByte !== undefined) decision(last);
  // The last line: a trailer is checked against every line before it.
  const trailer = trailerOf(last.text);
  if (trailer !== undefined) {
    if (trailer['count'] !== lines || trailer['sha256'] !== sha256) throw new BatchInputError(both(R.trailerMismatch, { source }));
  } else {
    decision(last);
  }
  if (fault !== undefined) throw new BatchInputError(fault);
  return trailer === undefined ? lines + 1 : lines;
}
