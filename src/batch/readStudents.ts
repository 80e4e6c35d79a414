import { rmSync } from 'node:fs';
import { inputIssue, issueAt, INPUT_ISSUE_TEXT } from '../adapters/issueText.js';
import { forEachByteLine, forEachLine } from '../io/lines.js';
import { inputName } from '../io/openInput.js';
import { readInput } from '../io/readInput.js';
import { admitCase } from '../run/admitCase.js';
import type { RunSummary } from '../run/runSummary.js';
import { BucketWriter } from './bucketWriter.js';
import type { RejectionLog } from './rejectionLog.js';
import {
  acceptedIndices,
  addCounts,
  planStudentTasks,
  readStudentSlice,
  SLICE_ITEM_WORDS,
  SliceItem,
  studentFileSliceable,
  studentSliceLogPath,
  studentSlicePath,
  type SliceRejection,
  type StudentSliceResult,
  type StudentTask,
} from './studentSlice.js';

/** The students of a run as the partition pass read them; their lines wait in temp files until `distribute`. */
export interface StudentsRead {
  /** Accepted student ids by student number (file order). */
  readonly ids: readonly string[];
  /** Student number by id. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Ids of rejected student lines, in the order first met; none of a student accepted before it. */
  readonly rejectedIds: ReadonlySet<string>;
  /** Rejected student lines without an id that could be read. */
  readonly unidentifiedStudentLines: number;
  /**
   * Write each accepted student's line, `[number, location, case, rejectedRecordCount,
   * acceptedIndices]`, to its bucket's `students` file, in student-number order; the temp
   * files are removed.
   *
   * @returns the students of each bucket
   */
  readonly distribute: (bucketOfNumber: Int32Array, buckets: number) => Promise<number[]>;
}

/** Reads students-file slices: in this thread (the default) or in worker threads. */
export type StudentReader = (tasks: readonly StudentTask[]) => Promise<StudentSliceResult[]>;

/** How the students file is read. */
export interface StudentReadOptions {
  /** Slices a local NDJSON file is read in; 0 reads any file in order, in this thread (`readInput`). */
  readonly slices: number;
  /** Reads the slices: in this thread (the default) or in worker threads. */
  readonly readSlices?: StudentReader;
  /** Read size (default 1 MiB); the result never depends on it. */
  readonly chunkBytes?: number;
  /** Stops a read still waiting for a students file on stdin (the run was stopped). */
  readonly signal?: AbortSignal;
}

/**
 * Read and validate the students file, number the accepted students in file
 * order, log each rejected line (and each rejected record of an accepted
 * student) in file order, and count them into `summary`. A repeated id is
 * rejected, naming where the student was first given. A local NDJSON file
 * (`studentFileSliceable`) is read in slices, in parallel when `readSlices`
 * runs them in threads, and merged in file order (`mergeStudentSlices`);
 * stdin, gzip, a JSON array or a pretty-printed case is read in order
 * (`readStudentsInOrder`). Both give the same result, the same log and the
 * same bucket files.
 *
 * @param path - the students file as given
 * @param dir - the temp directory
 * @param summary - the run's counts, updated
 * @param log - the partition's rejection log
 * @param options - slices, the slice reader, read size
 * @returns the students
 * @throws {BatchInputError} for a binary or damaged gzip file
 * @example const students = await readStudents('students.ndjson', dir, summary, log, { slices: 2 }); students.ids.length // 100000
 */
export async function readStudents(path: string, dir: string, summary: RunSummary, log: RejectionLog, options: StudentReadOptions): Promise<StudentsRead> {
  if (options.slices > 0 && (await studentFileSliceable(path))) {
    const tasks = await planStudentTasks(path, options.slices, dir, options.chunkBytes);
    const results = await (options.readSlices ?? ((t: readonly StudentTask[]) => readSlicesHere(t, options.signal)))(tasks);
    return mergeStudentSlices(inputName(path), dir, results, summary, log);
  }
  return readStudentsInOrder(path, dir, summary, log, options.chunkBytes, options.signal);
}

/** Read the slices one after the other in this thread; a stop (`signal`) ends the reading. */
async function readSlicesHere(tasks: readonly StudentTask[], signal: AbortSignal | undefined): Promise<StudentSliceResult[]> {
  const results: StudentSliceResult[] = [];
  for (const task of tasks) results.push(await readStudentSlice(task, signal));
  return results;
}

/**
 * Any students file, in order, in this thread: each item of `readInput`
 * through `admitCase`, each accepted line to a temp file (`students-read`).
 *
 * @param path - the students file as given
 * @param dir - the temp directory
 * @param summary - the run's counts, updated
 * @param log - the partition's rejection log
 * @param chunkBytes - read size (default 1 MiB)
 * @param signal - optional: stops a read still waiting (stdin); the reading then throws
 * @returns the students
 * @example await readStudentsInOrder('-', dir, summary, log) // stdin
 */
export async function readStudentsInOrder(path: string, dir: string, summary: RunSummary, log: RejectionLog, chunkBytes?: number, signal?: AbortSignal): Promise<StudentsRead> {
  const numbers = new Map<string, number>();
  // Accepted students, one line each in reading order (line n is student number n - 1): on disk, not in memory.
  const studentLines = new BucketWriter(dir, 'students-read', 1);
  const ids: string[] = [];
  // Where each student was read, for the message on a repeated id: a line number where it can be (a
  // million location strings would be some 100 MB), the location itself otherwise (a JSON array).
  const firstSeen: Array<number | string> = [];
  const atLine = `${inputName(path)}:`;
  const rejectedIds = new Set<string>();
  let unidentifiedStudentLines = 0;
  const locationOf = (at: number | string | undefined): string => (typeof at === 'number' ? `${atLine}${at}` : String(at));
  for await (const item of readInput(path, chunkBytes, signal)) {
    // A case's own lessons are resolved (copies, conflicts) with the lesson files', in its bucket.
    const parsed = admitCase(
      item,
      summary,
      (c) => {
        const first = numbers.get(c.student.id);
        return first === undefined ? undefined : inputIssue('student.id', INPUT_ISSUE_TEXT.duplicateStudent, { location: locationOf(firstSeen[first]) });
      },
      { resolveDuplicates: false },
    );
    if (parsed.status !== 'accepted') {
      // A rejected student is still there: known by id (read from what there is of the line), they close nothing.
      // A repeated id is not "rejected" in the sense of the message for its lessons: the first line stands.
      if (parsed.studentId === null) unidentifiedStudentLines += 1;
      else if (!numbers.has(parsed.studentId)) rejectedIds.add(parsed.studentId);
      const issues = parsed.status === 'unparsable' ? [issueAt('(line)', parsed.text)] : parsed.issues;
      log.push({ location: parsed.location, kind: 'student', studentId: parsed.studentId, issues });
      continue;
    }
    const id = parsed.case.student.id;
    for (const r of parsed.rejectedRecords) log.push({ location: parsed.location, kind: 'record', studentId: id, issues: r.issues });
    const number = ids.length;
    numbers.set(id, number);
    const line = parsed.location.slice(atLine.length);
    firstSeen.push(parsed.location.startsWith(atLine) && /^\d+$/.test(line) ? Number(line) : parsed.location);
    ids.push(id);
    studentLines.add(0, JSON.stringify([number, parsed.location, parsed.case, parsed.rejectedRecords.length, acceptedIndices(parsed.case.attendance.length, parsed.rejectedRecords)]));
  }
  studentLines.flush();
  const distribute = async (bucketOfNumber: Int32Array, buckets: number): Promise<number[]> => {
    const perBucket = Array.from({ length: buckets }, () => 0);
    const students = new BucketWriter(dir, 'students', buckets);
    await forEachLine(studentLines.path(0), (line, n) => {
      const b = bucketOfNumber[n - 1] ?? 0;
      perBucket[b] = (perBucket[b] ?? 0) + 1;
      students.add(b, line);
    });
    students.flush();
    rmSync(studentLines.path(0));
    return perBucket;
  };
  return { ids, numbers, rejectedIds, unidentifiedStudentLines, distribute };
}

/** A slice after the merge: for each of its valid cases in order, its line in the file and its student number (-1 for a repeated id). */
interface MergedSlice {
  readonly part: number;
  readonly lines: Int32Array;
  readonly numbers: Int32Array;
}

/**
 * The slices' results taken in file order, as `readStudentsInOrder` takes
 * the file's lines: line numbers counted on from slice to slice, students
 * numbered, the first line of an id accepted and a later one rejected
 * (counted as `admitCase` counts a refused case: its records rejected),
 * rejected ids and unidentified lines noted, and each slice's log copied to
 * `log` in file order with its lines' locations (a repeated id's rejected
 * records are not logged: its line is). Only ids, line numbers and counts
 * are held; the cases stay in the slices' temp files until `distribute`.
 *
 * @param name - how messages name the students file
 * @param dir - the temp directory
 * @param results - every slice's result (any order)
 * @param summary - the run's counts, updated
 * @param log - the partition's rejection log
 * @returns the students
 * @example await mergeStudentSlices('students.ndjson', dir, results, summary, log) // { ids: ['e1', 'e2', …], … }
 */
export async function mergeStudentSlices(name: string, dir: string, results: readonly StudentSliceResult[], summary: RunSummary, log: RejectionLog): Promise<StudentsRead> {
  const atLine = `${name}:`;
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  // The line each student was first given on, by student number.
  const firstLines: number[] = [];
  const rejectedIds = new Set<string>();
  let unidentifiedStudentLines = 0;
  const slices: MergedSlice[] = [];
  let offset = 0;
  for (const r of [...results].sort((a, b) => a.part - b.part)) {
    addCounts(summary, r.summary);
    const word = (item: number, w: number): number => r.items[item * SLICE_ITEM_WORDS + w] ?? 0;
    const lineOf = (item: number): number => offset + word(item, SliceItem.line);
    const count = r.ids.length;
    let valid = 0;
    for (let item = 0; item < count; item += 1) valid += word(item, SliceItem.valid);
    const merged: MergedSlice = { part: r.part, lines: new Int32Array(valid), numbers: new Int32Array(valid).fill(-1) };
    let k = -1;
    // Whether the line is a valid case whose id came before: its own rejected records are not reported.
    let repeated = false;
    const settle = (item: number): void => {
      const id = r.ids[item] ?? null;
      repeated = false;
      if (word(item, SliceItem.valid) !== 1 || id === null) {
        if (id === null) unidentifiedStudentLines += 1;
        else if (!numbers.has(id)) rejectedIds.add(id);
        return;
      }
      k += 1;
      merged.lines[k] = lineOf(item);
      const first = numbers.get(id);
      if (first === undefined) {
        merged.numbers[k] = ids.length;
        numbers.set(id, ids.length);
        ids.push(id);
        firstLines.push(lineOf(item));
        return;
      }
      // A repeated id: the whole line is rejected, its records with it (as `admitCase` counts a refused case).
      repeated = true;
      summary.cases.rejected += 1;
      summary.records.accepted -= word(item, SliceItem.accepted);
      summary.records.duplicate -= word(item, SliceItem.duplicate);
      summary.records.rejected += word(item, SliceItem.read) - word(item, SliceItem.rejected);
      const issue = inputIssue('student.id', INPUT_ISSUE_TEXT.duplicateStudent, { location: `${atLine}${firstLines[first] ?? 0}` });
      log.push({ location: `${atLine}${lineOf(item)}`, kind: 'student', studentId: id, issues: [issue] });
    };
    let next = 0;
    const logPath = studentSliceLogPath(dir, r.part);
    await forEachLine(logPath, (text) => {
      if (text === '') return;
      const rejection = JSON.parse(text) as SliceRejection;
      while (next <= rejection.item) settle(next++);
      if (repeated) return;
      log.push({ location: `${atLine}${lineOf(rejection.item)}`, kind: rejection.kind, studentId: rejection.studentId, issues: rejection.issues });
    });
    while (next < count) settle(next++);
    rmSync(logPath);
    slices.push(merged);
    offset += r.lines;
  }
  const distribute = async (bucketOfNumber: Int32Array, buckets: number): Promise<number[]> => {
    const perBucket = Array.from({ length: buckets }, () => 0);
    const students = new BucketWriter(dir, 'students', buckets);
    for (const s of slices) {
      const path = studentSlicePath(dir, s.part);
      let k = 0;
      // Line k of the slice's file is its k-th valid case: `[number,"location",` goes before it.
      await forEachByteLine(path, (bytes, from, to) => {
        if (k === s.numbers.length) throw new Error(`${path}: more lines than the slice's valid cases`);
        const number = s.numbers[k] ?? -1;
        const line = s.lines[k] ?? 0;
        k += 1;
        if (number < 0) return;
        const b = bucketOfNumber[number] ?? 0;
        perBucket[b] = (perBucket[b] ?? 0) + 1;
        students.addJoined(b, `[${number},${JSON.stringify(`${atLine}${line}`)},`, bytes, from, to);
      });
      rmSync(path);
    }
    students.flush();
    return perBucket;
  };
  return { ids, numbers, rejectedIds, unidentifiedStudentLines, distribute };
}
