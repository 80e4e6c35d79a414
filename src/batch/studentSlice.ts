import { statSync } from 'node:fs';
import { isBlank, isJsonLine, lineItem, type Line } from '../adapters/caseItems.js';
import { issueAt, type InputIssue } from '../adapters/issueText.js';
import { forEachLineRange, readLines } from '../io/lines.js';
import { inputName, isStdin, openInput } from '../io/openInput.js';
import { admitCase } from '../run/admitCase.js';
import type { RunSummary } from '../run/runSummary.js';
import { BucketWriter, bucketPath } from './bucketWriter.js';
import { sliceStarts } from './readLessons.js';

/** One slice of the students file for one thread: whole lines from `start` up to (not including) `end`. */
export interface StudentTask {
  /** Index of the slice: names its temp files (`studentSlicePath`, `studentSliceLogPath`). */
  readonly part: number;
  readonly path: string;
  /** How messages name the file (`inputName`). */
  readonly name: string;
  readonly start: number;
  /** Exclusive; `Infinity` for the end of the file. */
  readonly end: number;
  /** The temp directory. */
  readonly dir: string;
  /** Read size (default 1 MiB); tests make it tiny. The result never depends on it. */
  readonly chunkBytes?: number;
}

/**
 * What a thread learnt of its slice, for the main thread to number the
 * students in file order: one entry per non-blank line, small (an id, a line
 * number, a few counts; never the case). The valid cases themselves are in
 * the slice's temp file, the rejections in its log.
 */
export interface StudentSliceResult {
  readonly part: number;
  /** Lines in the slice (blank lines included): later slices count on from here. */
  readonly lines: number;
  /** Per non-blank line, `SLICE_ITEM_WORDS` words (`SliceItem`): its line number, its verdict and its counts. */
  readonly items: Int32Array;
  /** Per non-blank line: the case's student id, or for a rejected line the id read from what there is of it (or null). */
  readonly ids: ReadonlyArray<string | null>;
  /** Cases and records of the slice, counted by `admitCase` as if no id were repeated. */
  readonly summary: Pick<RunSummary, 'cases' | 'records'>;
}

/**
 * The words of one line in `StudentSliceResult.items`: its line number
 * counted from the slice's first line; 1 for a valid case (accepted, unless
 * its id came before) or 0 for a rejected line; and for a valid case its
 * records read, accepted, duplicate and rejected as `admitCase` counted
 * them (0 for a rejected line).
 */
export const SliceItem = { line: 0, valid: 1, read: 2, accepted: 3, duplicate: 4, rejected: 5 } as const;

/** Words per line in `StudentSliceResult.items`. */
export const SLICE_ITEM_WORDS = 6;

/** One line of a slice's log: a rejection, its line given by the index of the non-blank line (`item`). */
export interface SliceRejection {
  readonly item: number;
  readonly kind: 'student' | 'record';
  readonly studentId: string | null;
  readonly issues: readonly InputIssue[];
}

/**
 * The temp file of a slice's valid cases: one line each, in file order,
 * `JSON.stringify([case, rejectedRecordCount, acceptedIndices])` without its
 * `[`, so that `[number,"location",` before it makes the line the partition
 * writes to the student's bucket.
 *
 * @param dir - the temp directory
 * @param part - the slice
 * @returns the path
 * @example studentSlicePath('/tmp/trappa-x', 1) // '/tmp/trappa-x/0.students-slice-1'
 */
export function studentSlicePath(dir: string, part: number): string {
  return bucketPath(dir, 0, `students-slice-${part}`);
}

/**
 * The temp file of a slice's rejections (`SliceRejection` as NDJSON, texts not yet escaped).
 *
 * @param dir - the temp directory
 * @param part - the slice
 * @returns the path
 * @example studentSliceLogPath('/tmp/trappa-x', 1) // '/tmp/trappa-x/0.students-slice-rejected-1'
 */
export function studentSliceLogPath(dir: string, part: number): string {
  return bucketPath(dir, 0, `students-slice-rejected-${part}`);
}

/**
 * Whether a students file can be read in slices: a regular local file, not
 * gzip-compressed, that `readInput` reads as NDJSON from its first non-blank
 * line on (that line is a whole JSON value, or does not start with `[` or
 * `{`, or is not valid UTF-8). Stdin, a pipe, gzip, a JSON array, a
 * pretty-printed case and a file `openInput` refuses (binary, unreadable)
 * are read in order by `readInput`, which gives their errors.
 *
 * @param path - the students file as given
 * @returns true when slices give what `readInput` gives
 * @example await studentFileSliceable('students.ndjson') // true
 * @example await studentFileSliceable('students.ndjson.gz') // false
 */
export async function studentFileSliceable(path: string): Promise<boolean> {
  if (isStdin(path)) return false;
  try {
    const input = await openInput(path, 1 << 16);
    await input.close();
    if (input.compressed || !input.regularFile) return false;
    for await (const line of readLines(path, 1 << 16)) {
      if (isBlank(line)) continue;
      if (!('text' in line)) return true;
      const start = line.text.trimStart()[0];
      return start !== '[' && (start !== '{' || isJsonLine(line));
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes of a students file per reading thread, at least: a smaller file is
 * read in fewer slices, one in the main thread when it is under twice this
 * (some 23 000 students), where waiting for a thread to start (some 150 ms)
 * would cost more than it saves.
 */
export const STUDENT_SLICE_BYTES = 8 << 20;

/**
 * How many slices to read a students file in with `threads` reading threads:
 * one per thread, at most one per `STUDENT_SLICE_BYTES`, at least one (stdin
 * and a file that cannot be read: one).
 *
 * @param path - the students file as given
 * @param threads - the reading threads
 * @returns the slice count
 * @example studentSliceCount('students.ndjson', 2) // 2 for 100 000 students (35 MB), 1 for 2 000 (0.7 MB)
 */
export function studentSliceCount(path: string, threads: number): number {
  if (isStdin(path)) return 1;
  try {
    return Math.max(1, Math.min(threads, Math.floor(statSync(path).size / STUDENT_SLICE_BYTES)));
  } catch {
    return 1;
  }
}

/**
 * The slices of a students file, cut at line breaks (`sliceStarts`).
 *
 * @param path - the students file (see `studentFileSliceable`)
 * @param slices - how many (at most; a small file gives fewer)
 * @param dir - the temp directory
 * @param chunkBytes - read size (default 1 MiB)
 * @returns the tasks, in file order
 * @example await planStudentTasks('students.ndjson', 2, dir) // [{ part: 0, start: 0, end: 17705062, … }, { part: 1, start: 17705062, end: Infinity, … }]
 */
export async function planStudentTasks(path: string, slices: number, dir: string, chunkBytes?: number): Promise<StudentTask[]> {
  const starts = slices > 1 ? await sliceStarts(path, slices) : [0];
  return starts.map((start, part) => ({
    part,
    path,
    name: inputName(path),
    start,
    end: starts[part + 1] ?? Number.POSITIVE_INFINITY,
    dir,
    ...(chunkBytes === undefined ? {} : { chunkBytes }),
  }));
}

/**
 * Read one slice of a students file, as `partitionInputs` reads the whole
 * file with `readInput` and `admitCase`: each non-blank line parsed and
 * validated (a line that is not valid UTF-8 or not JSON is rejected). A
 * valid case goes to the slice's temp file (`studentSlicePath`), each
 * rejection to its log (`studentSliceLogPath`); what the main thread needs
 * to number the students and find repeated ids is returned. The same
 * function runs in the main thread or in a worker.
 *
 * @param task - the slice
 * @param signal - stops the reading in this thread (a worker is terminated instead); its reason is thrown
 * @returns per non-blank line its number, id, verdict and counts
 * @example await readStudentSlice(task) // { part: 0, lines: 3, items: Int32Array [1, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0], ids: ['e1', null], … }
 */
export async function readStudentSlice(task: StudentTask, signal?: AbortSignal): Promise<StudentSliceResult> {
  const cases = new BucketWriter(task.dir, `students-slice-${task.part}`, 1);
  const log = new BucketWriter(task.dir, `students-slice-rejected-${task.part}`, 1);
  const summary = noCounts();
  const ids: Array<string | null> = [];
  let items = new Int32Array(SLICE_ITEM_WORDS * 1024);
  /** One line's words, at the end of `items` (grown by doubling: 24 bytes a line, not an array of numbers). */
  const push = (line: number, valid: number, records: RunSummary['records'] | undefined): void => {
    const at = (ids.length - 1) * SLICE_ITEM_WORDS;
    if (at + SLICE_ITEM_WORDS > items.length) {
      const grown = new Int32Array(items.length * 2);
      grown.set(items);
      items = grown;
    }
    items[at + SliceItem.line] = line;
    items[at + SliceItem.valid] = valid;
    items[at + SliceItem.read] = records?.read ?? 0;
    items[at + SliceItem.accepted] = records?.accepted ?? 0;
    items[at + SliceItem.duplicate] = records?.duplicate ?? 0;
    items[at + SliceItem.rejected] = records?.rejected ?? 0;
  };
  const take = (line: Line): void => {
    const item = ids.length;
    const counted = noCounts();
    const parsed = admitCase(lineItem(task.name, line), counted, undefined, { resolveDuplicates: false });
    addCounts(summary, counted);
    if (parsed.status !== 'accepted') {
      const issues = parsed.status === 'unparsable' ? [issueAt('(line)', parsed.text)] : parsed.issues;
      ids.push(parsed.studentId);
      push(line.lineNumber, 0, undefined);
      log.add(0, JSON.stringify({ item, kind: 'student', studentId: parsed.studentId, issues } satisfies SliceRejection));
      return;
    }
    const id = parsed.case.student.id;
    ids.push(id);
    push(line.lineNumber, 1, counted.records);
    for (const r of parsed.rejectedRecords) log.add(0, JSON.stringify({ item, kind: 'record', studentId: id, issues: r.issues } satisfies SliceRejection));
    cases.add(0, JSON.stringify([parsed.case, parsed.rejectedRecords.length, acceptedIndices(parsed.case.attendance.length, parsed.rejectedRecords)]).slice(1));
  };
  const lines = await forEachLineRange(
    task.path,
    (text, from, to, lineNumber) => {
      const line = { lineNumber, text: text.slice(from, to) };
      if (!isBlank(line)) take(line);
    },
    {
      onInvalid: (lineNumber, invalidByte, lossy) => take({ lineNumber, invalidByte, lossy }),
      start: task.start,
      end: task.end,
      ...(task.chunkBytes === undefined ? {} : { chunkBytes: task.chunkBytes }),
      signal,
    },
  );
  cases.flush();
  log.flush();
  // A copy of the words used: the result crosses to the main thread with its own buffer.
  return { part: task.part, lines, items: items.slice(0, ids.length * SLICE_ITEM_WORDS), ids, summary };
}

/** Case and record counts, all 0. */
function noCounts(): Pick<RunSummary, 'cases' | 'records'> {
  return { cases: { read: 0, evaluated: 0, rejected: 0 }, records: { read: 0, accepted: 0, duplicate: 0, rejected: 0 } };
}

/**
 * Add the case and record counts of `more` to `into`.
 *
 * @param into - updated
 * @param more - the counts to add
 * @example addCounts(summary, { cases: { read: 1, evaluated: 0, rejected: 1 }, records: { read: 0, accepted: 0, duplicate: 0, rejected: 0 } }) // summary.cases.read + 1
 */
export function addCounts(into: Pick<RunSummary, 'cases' | 'records'>, more: Pick<RunSummary, 'cases' | 'records'>): void {
  into.cases.read += more.cases.read;
  into.cases.evaluated += more.cases.evaluated;
  into.cases.rejected += more.cases.rejected;
  into.records.read += more.records.read;
  into.records.accepted += more.records.accepted;
  into.records.duplicate += more.records.duplicate;
  into.records.rejected += more.records.rejected;
}

/**
 * The attendance index of each accepted record of a case, when some were
 * rejected (null when none was: the indices are 0, 1, 2, …), so a conflict
 * found in the bucket names the record as it was written.
 *
 * @param accepted - accepted records
 * @param rejected - the rejected ones, by index
 * @returns the indices, or null
 * @example acceptedIndices(2, [{ index: 1, issues: [] }]) // [0, 2]
 */
export function acceptedIndices(accepted: number, rejected: readonly { readonly index: number }[]): number[] | null {
  if (rejected.length === 0) return null;
  const skip = new Set(rejected.map((r) => r.index));
  const indices: number[] = [];
  for (let i = 0; indices.length < accepted; i += 1) if (!skip.has(i)) indices.push(i);
  return indices;
}
