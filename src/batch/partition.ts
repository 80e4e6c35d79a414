import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPAQUE_ID_PATTERN } from '../model/studentCase.js';
import { emptySummary, type RunSummary } from '../run/runSummary.js';
import { bucketOfOtherId, studentRanges } from './studentRanges.js';
import { distributePreviousStates } from './previousStates.js';
import { readLessonTask, sliceStarts, sniffLessonFile, type LessonTask, type LessonTaskResult, type StudentIndex } from './readLessons.js';
import { REJECTED_SAMPLE_SIZE, RejectionLog, type RejectedLine } from './rejectionLog.js';
import { readStudents, type StudentReader } from './readStudents.js';

export { acceptedIndices } from './studentSlice.js';

/** The files of one batch run. */
export interface BatchFiles {
  /** Student context: NDJSON (or a JSON array) of `StudentCase`, attendance optional; `-` for stdin, gzip decompressed (`readInput`). */
  readonly students: string;
  /** Lesson-level records, NDJSON or CSV with a header row; any order. `runBatch` also takes `-` (stdin) and gzip files (`localFiles`). */
  readonly lessons: readonly string[];
  /**
   * How messages name each lesson file, when not by its path: `runBatch` reads stdin and gzip
   * files from a decompressed copy (`localFiles`) and names them as given (`stdin`, `l.csv.gz`).
   */
  readonly lessonNames?: readonly string[];
  /** The previous run's decisions (NDJSON, as `--json` writes them), for incremental output. */
  readonly previous?: string;
}

export { BatchInputError } from '../io/batchInputError.js';

/** What the partition pass learnt; the buckets themselves are files in `dir`. */
export interface Partition {
  readonly dir: string;
  readonly buckets: number;
  /** Lesson-file slices read (bucket files `<bucket>.lessons.<part>`). */
  readonly parts: number;
  /** Per slice, the lines of its file before it (for rejected-line numbers). */
  readonly lineOffsets: readonly number[];
  /** Per slice, its file (for the locations of conflicting lessons). */
  readonly partPaths: readonly string[];
  /** Accepted students per bucket (for progress). */
  readonly studentsPerBucket: readonly number[];
  /** Counts of this pass: students read and rejected, lesson records read, accepted and rejected. */
  readonly summary: RunSummary;
  /** Student lines rejected without a student id that could be read (unreadable JSON, no valid `student.id`). */
  readonly unidentifiedStudentLines: number;
  readonly rejected: { readonly students: number; readonly records: number; readonly sample: readonly RejectedLine[] };
  /** Day number of the newest accepted lesson, -1 when none (for `--max-input-age`). */
  readonly newestLessonDay: number;
}

/** Reads lesson slices: in this thread (the default) or in worker threads. */
export type LessonReader = (tasks: readonly LessonTask[], students: StudentIndex, dir: string, buckets: number) => Promise<LessonTaskResult[]>;

/** How the partition pass cuts and reads. */
export interface PartitionOptions {
  /**
   * Last night's step states, as `keepPreviousStates` keeps them from `files.previous` (a states
   * file, or the promise of one while the file is verified elsewhere): copied to their buckets
   * once they are there. A rejection is the partition's failure, before the students' distribution's and the
   * lessons' (an error reading the students file comes first: it is thrown before the rest starts).
   */
  readonly previousStates?: string | Promise<string>;
  /** Bucket count; default `bucketCount` of the lesson bytes and the students read. The output does not depend on it. */
  readonly buckets?: number;
  /** Students per bucket at most, for the default bucket count (`MAX_STUDENTS_PER_BUCKET`). */
  readonly maxStudentsPerBucket?: number;
  /** Called after each chunk with bytes and records read. */
  readonly onProgress?: (p: PartitionProgress) => void;
  /** Slices each lesson file is read in (default 1). */
  readonly slicesPerFile?: number;
  /** Reads the slices: in this thread (the default) or in worker threads. */
  readonly readTasks?: LessonReader;
  /** Read size of the lesson files and the students file (default 1 MiB); the result never depends on it. */
  readonly chunkBytes?: number;
  /**
   * Slices a students file that is a local NDJSON file is read in (default `slicesPerFile`); 0
   * reads it in order in this thread, as stdin, gzip and a JSON array always are. The result
   * never depends on it.
   */
  readonly studentSlices?: number;
  /** Reads the students-file slices: in this thread (the default) or in worker threads. */
  readonly readStudentSlices?: StudentReader;
  /** The delimiter of lesson CSV files (`--delimiter`); default: sniffed from each file's header line. */
  readonly delimiter?: string;
  /**
   * Stops the partition when the run is stopped: a read of the students file still waiting on
   * stdin, and the students and lesson files read in this thread (checked after each MiB; worker
   * threads are terminated instead).
   */
  readonly signal?: AbortSignal;
}

/** Progress of the partition pass. */
export interface PartitionProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly recordsRead: number;
}

/**
 * Students per bucket at most, by default: a bucket's decisions (some 18 KB each as JSON) are
 * held until the bucket's turn to be written, some 20 MB. 40 000 students without lessons
 * (`npm run stress`) peaked at 570 MB on one thread with 2 000 a bucket, 300 MB with 1 000.
 */
export const MAX_STUDENTS_PER_BUCKET = 1000;

/**
 * How many buckets for this much input: about 16 MiB of lesson lines per
 * bucket (some 160 000 lessons, 500 students: what one thread holds at a
 * time) and at most `maxStudents` students per bucket (a night with few
 * lessons still has a decision per student), at least 8 for input large
 * enough to run in parallel, at most 4096. It depends on the input alone,
 * never on the worker count.
 *
 * @param inputBytes - total size of the lesson files
 * @param students - students in the run
 * @param maxStudents - students per bucket at most
 * @returns the bucket count
 * @example bucketCount(10_000) // 1
 * @example bucketCount(0, 40_000) // 40
 */
export function bucketCount(inputBytes: number, students = 0, maxStudents = MAX_STUDENTS_PER_BUCKET): number {
  const bySize = Math.ceil(inputBytes / (16 << 20));
  const byStudents = Math.ceil(students / Math.max(1, maxStudents));
  return Math.min(4096, Math.max(1, bySize, byStudents, inputBytes >= 64 << 20 ? 8 : 1));
}

/** The file with each student's count of rejected lessons (int32 per student number). */
export function rejectedCountsPath(dir: string): string {
  return join(dir, 'rejected-lessons-per-student');
}

/** The file with the ids of rejected student lines (one per line), so `--previous` closes nothing for them. */
export function rejectedIdsPath(dir: string): string {
  return join(dir, 'rejected-student-ids');
}

/**
 * The first pass over the input, streaming every file once:
 * - students (`readStudents`): each line validated (zod) and numbered;
 *   rejected lines and repeated ids are logged with their line; a local
 *   NDJSON file is read in slices (by the slice readers' threads), merged in
 *   file order. The accepted ones are sorted by
 *   id and cut into `buckets` ranges of equal size (`studentRanges`), so
 *   bucket 0 holds the first ids, and the outputs of the buckets, taken in
 *   order, are in student-id order with no merge;
 * - last night's step states (optional, `previousStates`): copied to their bucket once the
 *   file is verified (it may be verified in another thread while the inputs are read);
 * - lessons (NDJSON or CSV, any order): each line parsed and validated, then
 *   written to the bucket of its student as 20 bytes (`encodeLesson`), so the
 *   second pass neither re-parses nor holds text. A line that is malformed or
 *   names no accepted student is logged with its file and line number.
 * Memory grows with the number of students (an id table), not of lessons.
 *
 * @param files - the input files
 * @param dir - an empty temp directory
 * @param options - bucket count or its limits, slices, progress, the slice reader, and
 *   `previousStates`: last night's step states, kept while `files.previous` is verified
 *   (`keepPreviousStates`), or their promise
 * @throws {PreviousFileError} when `previousStates` is refused (before an error of the lessons' reading)
 * @returns the partition
 * @throws {BatchInputError} for a file that cannot be interpreted at all
 * @example await partitionInputs({ students: 's.ndjson', lessons: ['l.csv'] }, dir, { buckets: 4 })
 */
export async function partitionInputs(files: BatchFiles, dir: string, options: PartitionOptions = {}): Promise<Partition> {
  const { onProgress, slicesPerFile = 1, readTasks = (tasks, students, d, b) => readTasksHere(tasks, students, d, b, onProgress, options.signal), previousStates } = options;
  const summary = emptySummary();
  const log = new RejectionLog(dir, 'partition');
  const read = await readStudents(files.students, dir, summary, log, {
    slices: options.studentSlices ?? slicesPerFile,
    ...(options.readStudentSlices === undefined ? {} : { readSlices: options.readStudentSlices }),
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const { ids, numbers, rejectedIds, unidentifiedStudentLines } = read;
  const inputBytes = files.lessons.reduce((sum, f) => sum + statSync(f).size, 0);
  const buckets = options.buckets ?? bucketCount(inputBytes, ids.length, options.maxStudentsPerBucket);
  const ranges = studentRanges(ids, buckets);
  const bucketOfId = (id: string): number => {
    const number = numbers.get(id);
    return number === undefined ? bucketOfOtherId(ranges.firstIds, id) : (ranges.bucketOfNumber[number] ?? 0);
  };
  log.flush();
  const studentIndex: StudentIndex = {
    ids,
    bucketOfNumber: ranges.bucketOfNumber,
    rejectedIds: [...rejectedIds],
  };
  const readLessons = async (): Promise<{ tasks: LessonTask[]; results: LessonTaskResult[] }> => {
    const tasks = await planLessonTasks(files.lessons, slicesPerFile, options.chunkBytes, options.delimiter, files.lessonNames);
    const ignoredColumns = [...new Set(tasks.flatMap((t) => t.header?.ignored ?? []))];
    if (ignoredColumns.length > 0) summary.ignoredColumns = ignoredColumns;
    return { tasks, results: await readTasks(tasks, studentIndex, dir, buckets) };
  };
  // The students' lines go to their buckets while the lessons are read (by the threads), and last night's
  // states once they are verified: nothing there waits for the rest.
  const keepPrevious = async (): Promise<void> => {
    if (previousStates !== undefined) await distributePreviousStates(await previousStates, dir, buckets, bucketOfId);
  };
  const [previous, distributed, lessons] = await Promise.allSettled([keepPrevious(), read.distribute(ranges.bucketOfNumber, buckets), readLessons()]);
  if (previous.status === 'rejected') throw previous.reason;
  if (distributed.status === 'rejected') throw distributed.reason;
  if (lessons.status === 'rejected') throw lessons.reason;
  const studentsPerBucket = distributed.value;
  const { tasks, results } = lessons.value;
  const rejectedPerStudent = new Int32Array(ids.length);
  const offsets = lineOffsets(tasks, results);
  const sample = log.counts().sample.slice();
  for (const r of results) {
    summary.records.read += r.records.read;
    summary.records.accepted += r.records.accepted;
    summary.records.duplicate += r.records.duplicate;
    summary.records.rejected += r.records.rejected;
    for (let n = 0; n < rejectedPerStudent.length; n += 1) rejectedPerStudent[n] = (rejectedPerStudent[n] ?? 0) + (r.rejectedPerStudent[n] ?? 0);
    for (const line of r.sample) if (sample.length < REJECTED_SAMPLE_SIZE) sample.push(relocate(line, offsets[r.part] ?? 0));
  }
  writeFileSync(rejectedCountsPath(dir), new Uint8Array(rejectedPerStudent.buffer));
  writeFileSync(rejectedIdsPath(dir), [...rejectedIds].filter((id) => OPAQUE_ID_PATTERN.test(id)).map((id) => `${id}\n`).join(''));
  const studentRejections = log.counts();
  return {
    dir,
    buckets,
    parts: tasks.length,
    lineOffsets: offsets,
    partPaths: tasks.map((t) => t.path),
    studentsPerBucket,
    summary,
    unidentifiedStudentLines,
    rejected: { students: studentRejections.students, records: summary.records.rejected, sample },
    newestLessonDay: results.reduce((newest, r) => Math.max(newest, r.newestDay), -1),
  };
}

/**
 * The lesson-file slices of a run: each file sniffed for its format, then cut
 * into `slicesPerFile` slices at line breaks (one per reading thread).
 *
 * @param paths - the lesson files
 * @param slicesPerFile - slices per file
 * @param chunkBytes - read size (default 1 MiB)
 * @param delimiter - the CSV delimiter, or undefined to sniff it per file
 * @param names - how messages name each file (default: its path)
 * @returns the tasks, numbered in file and slice order
 * @throws {BatchInputError} for a file that is neither NDJSON nor a lesson CSV
 * @example await planLessonTasks(['lessons.ndjson'], 2)
 */
export async function planLessonTasks(
  paths: readonly string[],
  slicesPerFile: number,
  chunkBytes?: number,
  delimiter?: string,
  names: readonly string[] = [],
): Promise<LessonTask[]> {
  const tasks: LessonTask[] = [];
  for (const [f, path] of paths.entries()) {
    const name = names[f] ?? path;
    const { header, headerLine } = await sniffLessonFile(path, delimiter, name);
    const starts = slicesPerFile > 1 ? await sliceStarts(path, slicesPerFile) : [0];
    starts.forEach((start, i) => {
      tasks.push({
        part: tasks.length,
        path,
        ...(name === path ? {} : { name }),
        start,
        end: starts[i + 1] ?? Number.POSITIVE_INFINITY,
        header,
        headerLine: i === 0 ? headerLine : 0,
        ...(chunkBytes === undefined ? {} : { chunkBytes }),
      });
    });
  }
  return tasks;
}

/**
 * For each slice, the number of lines of its file before it.
 *
 * @param tasks - the slices
 * @param results - their results (any order)
 * @returns offsets by part
 * @example lineOffsets(tasks, results)[1] // lines in slice 0 of the same file
 */
export function lineOffsets(tasks: readonly LessonTask[], results: readonly LessonTaskResult[]): number[] {
  const linesOf = new Map(results.map((r) => [r.part, r.lines]));
  const offsets: number[] = [];
  let before = 0;
  tasks.forEach((task, i) => {
    if (i === 0 || tasks[i - 1]?.path !== task.path || task.start === 0) before = 0;
    offsets[task.part] = before;
    before += linesOf.get(task.part) ?? 0;
  });
  return offsets;
}

/**
 * A rejected line of a slice with its line number counted from the start of the file.
 *
 * @param line - as the slice logged it (`file:line` within the slice)
 * @param offset - lines of the file before the slice
 * @returns the line with its file line number
 * @example relocate({ location: 'a.csv:3', kind: 'record', studentId: null, issues: [] }, 100).location // 'a.csv:103'
 */
export function relocate(line: RejectedLine, offset: number): RejectedLine {
  if (offset === 0) return line;
  const colon = line.location.lastIndexOf(':');
  return { ...line, location: `${line.location.slice(0, colon)}:${Number(line.location.slice(colon + 1)) + offset}` };
}

/** Read the slices one after the other in this thread; a stop (`signal`) ends the reading. */
async function readTasksHere(
  tasks: readonly LessonTask[],
  students: StudentIndex,
  dir: string,
  buckets: number,
  onProgress?: (p: PartitionProgress) => void,
  signal?: AbortSignal,
): Promise<LessonTaskResult[]> {
  const bytesTotal = tasks.reduce((sum, t) => sum + (Number.isFinite(t.end) ? t.end : statSync(t.path).size) - t.start, 0);
  let bytesBefore = 0;
  let recordsBefore = 0;
  const results: LessonTaskResult[] = [];
  for (const task of tasks) {
    const result = await readLessonTask(
      task,
      students,
      dir,
      buckets,
      (bytes, records) => onProgress?.({ bytesRead: bytesBefore + bytes, bytesTotal, recordsRead: recordsBefore + records }),
      signal,
    );
    bytesBefore += (Number.isFinite(task.end) ? task.end : statSync(task.path).size) - task.start;
    recordsBefore += result.records.read;
    results.push(result);
  }
  return results;
}
