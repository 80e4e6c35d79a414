import { open } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { emptySummary, type RunSummary } from '../run/runSummary.js';
import { OpaqueIdSchema } from '../model/studentCase.js';
import { BinaryBucketWriter } from './bucketWriter.js';
import { encodeLesson, lessonDay, LESSON_WORDS } from '../adapters/lessons/lessonCodec.js';
import { parseCsvHeader, parseLessonCsvLine, parseLessonJsonLine, studentIdOfLine, type CsvHeader } from '../adapters/lessons/lessonRecord.js';
import { decodeLine, forEachByteLine } from '../io/lines.js';
import { BatchInputError } from '../io/batchInputError.js';
import { inputIssue, issueAt, INPUT_ISSUE_TEXT } from '../adapters/issueText.js';
import { SCHEMA_MESSAGE_TEXT } from '../model/schemaMessageText.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { both, type Template } from '../model/template.js';
import { RejectionLog, type RejectedLine } from './rejectionLog.js';
import { scanLessonJson, scanLessonJsonLine } from '../adapters/lessons/scanLesson.js';
import { csvLessonPlan, scanLessonCsv } from '../adapters/lessons/scanLessonCsv.js';
import { studentIdTable } from '../adapters/lessons/studentIdTable.js';

/** One slice of one lesson file for one thread: whole lines from `start` up to (not including) `end`. */
export interface LessonTask {
  /** Index of the task: names its bucket files (`<bucket>.lessons.<part>`) and its rejection log. */
  readonly part: number;
  readonly path: string;
  /** How messages name the file, when not by `path`: the input as given for a copy of stdin or a gzip file (`localFiles`). */
  readonly name?: string;
  readonly start: number;
  /** Exclusive; `Infinity` for the end of the file. */
  readonly end: number;
  /** The file's CSV header, or null for NDJSON. */
  readonly header: CsvHeader | null;
  /** Line number of the header (skipped), 0 when none or not in this slice. */
  readonly headerLine: number;
  /** Read size (default 1 MiB); tests make it tiny. The result never depends on it. */
  readonly chunkBytes?: number;
  /** Whether to read usual lines by the byte-level fast path; default `lessonFastPath`. The result never depends on it. */
  readonly fastPath?: boolean;
}

/** The students a lesson may belong to, as the reading threads need them. */
export interface StudentIndex {
  /** Student ids by number. */
  readonly ids: readonly string[];
  /** Bucket of each student number. */
  readonly bucketOfNumber: Int32Array;
  /** Ids whose own student line was rejected (for the message). */
  readonly rejectedIds: readonly string[];
}

/** What reading one slice produced besides its bucket files. */
export interface LessonTaskResult {
  readonly part: number;
  /** Lines in the slice (blank lines included): later slices of the file count on from here. */
  readonly lines: number;
  /** records read, accepted, duplicate (a repeated CSV header) and rejected. */
  readonly records: RunSummary['records'];
  /** Rejected lessons per student number. */
  readonly rejectedPerStudent: Int32Array;
  /** First rejected lines, their line numbers counted from the slice's start (see `relocate`). */
  readonly sample: readonly RejectedLine[];
  /** Day number of the newest accepted lesson, -1 when none (for `--max-input-age`). */
  readonly newestDay: number;
}

/**
 * How to read a lesson file: its format (an NDJSON object, or a CSV header
 * naming the columns, its delimiter sniffed or given) from its first
 * non-blank line. A BOM and a CR before the line break are skipped.
 *
 * @param path - the file
 * @param delimiter - the CSV delimiter (`--delimiter`), or undefined to sniff it
 * @param name - how messages name it (default: `path`)
 * @returns the header (null for NDJSON) and its line number
 * @throws {BatchInputError} when the first line is neither
 * @example await sniffLessonFile('lessons.csv') // { header: { delimiter: ';', columns: [...], ignored: ['teacher'] }, headerLine: 1 }
 */
export async function sniffLessonFile(path: string, delimiter?: string, name = path): Promise<{ readonly header: CsvHeader | null; readonly headerLine: number }> {
  let found: { header: CsvHeader | null; headerLine: number } | undefined;
  let error: Template | undefined;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const lines = buffer.toString('utf8', 0, bytesRead).split('\n');
    for (const [i, raw] of lines.entries()) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      if (line.trimStart().startsWith('{')) found = { header: null, headerLine: 0 };
      else {
        const parsed = parseCsvHeader(line, delimiter);
        if ('error' in parsed) error = both(INPUT_ISSUE_TEXT.notNdjsonNorCsv, (lang) => ({ where: `${name}:${i + 1}`, reason: parsed.error[lang] }));
        else found = { header: parsed, headerLine: i + 1 };
      }
      break;
    }
  } finally {
    await handle.close();
  }
  if (error !== undefined) throw new BatchInputError(error);
  return found ?? { header: null, headerLine: 0 };
}

/**
 * Whether a CSV line that is not a lesson is the file's header row again
 * (the same columns in the same order, by the same delimiter): what joining
 * two exports with their headers leaves in the middle of the file. Checked
 * only for lines that failed as lessons, so it costs nothing on good lines.
 *
 * @param line - the line (a BOM at its start is skipped)
 * @param header - the file's header
 * @returns true for a repeated header
 * @example isHeaderAgain('studentId,date,start,scheduledMinutes', header) // true for a file with that header
 */
export function isHeaderAgain(line: string, header: CsvHeader): boolean {
  const again = parseCsvHeader(line.endsWith('\r') ? line.slice(0, -1) : line, header.delimiter);
  return !('error' in again) && again.columns.length === header.columns.length && again.columns.every((c, i) => c === header.columns[i]) && again.ignored.join('\n') === header.ignored.join('\n');
}

/**
 * Cut a file into `parts` slices of about equal size at line breaks.
 *
 * @param path - the file
 * @param parts - how many slices
 * @returns the start offsets (the first is 0), each just after a line break
 * @example await sliceStarts('lessons.ndjson', 2) // [0, 33554471]
 */
export async function sliceStarts(path: string, parts: number): Promise<number[]> {
  const size = statSync(path).size;
  const starts = [0];
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    for (let p = 1; p < parts; p += 1) {
      let at = Math.floor((size * p) / parts);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        if (bytesRead === 0) {
          at = size;
          break;
        }
        const nl = buffer.subarray(0, bytesRead).indexOf(10);
        if (nl !== -1) {
          at += nl + 1;
          break;
        }
        at += bytesRead;
      }
      if (at > (starts[starts.length - 1] ?? 0) && at < size) starts.push(at);
    }
  } finally {
    await handle.close();
  }
  return starts;
}

/**
 * Whether the lesson reader's byte-level fast path is on: by default, unless
 * `TRAPPA_LESSON_FAST_PATH=off` is set (for the property test that holds the
 * two paths equal, and for measuring what the fast path gains).
 *
 * @param task - a task may say (tests); else the environment does
 * @returns true to read usual lines from their bytes
 * @example lessonFastPath({ ...task, fastPath: false }) // false
 */
export function lessonFastPath(task: Pick<LessonTask, 'fastPath'>): boolean {
  return task.fastPath ?? process.env['TRAPPA_LESSON_FAST_PATH'] !== 'off';
}

/**
 * Read one slice of a lesson file: parse and validate each line, write each
 * accepted lesson to its student's bucket (`<bucket>.lessons.<part>`, 20 bytes
 * a lesson, with its line number in the slice: duplicates are resolved per
 * student when the bucket is evaluated), log each rejected line with its reason (to
 * `rejected-lessons-<part>`, line numbers counted from the slice's first line).
 * The same function runs in the main thread or in a worker.
 *
 * Lines are read as bytes. The usual line (NDJSON in the canonical key
 * order, or a CSV row of plain cells) of a known student is read by the
 * byte-level fast path (`scanLessonJsonLine`, which also finds where the
 * NDJSON line ends, and `scanLessonCsv`): its id is looked up by its bytes
 * (`studentIdTable`) and the lesson written to the bucket with no string made. Every other line is decoded on its own (`decodeLine`)
 * and read by the general path (`JSON.parse` or csv-parse, then the schema),
 * which gives the located errors; the result is the same with the fast path
 * off (`lessonFastPath`).
 *
 * @param task - the slice
 * @param students - the run's students
 * @param dir - the temp directory
 * @param buckets - the bucket count
 * @param onProgress - bytes and records read so far in this slice
 * @param signal - stops the reading in this thread (a worker is terminated instead); its reason is thrown
 * @returns counts, rejected lessons per student, first rejected lines
 * @example await readLessonTask(task, students, dir, 8)
 */
export async function readLessonTask(
  task: LessonTask,
  students: StudentIndex,
  dir: string,
  buckets: number,
  onProgress?: (bytes: number, records: number) => void,
  signal?: AbortSignal,
): Promise<LessonTaskResult> {
  // Student numbers by id for the general path, made when a line first needs it (a million ids are some 50 MB).
  let numbers: Map<string, number> | undefined;
  const numberOf = (id: string): number | undefined => {
    if (numbers === undefined) {
      numbers = new Map();
      for (const [n, known] of students.ids.entries()) numbers.set(known, n);
    }
    return numbers.get(id);
  };
  const rejectedIds = new Set(students.rejectedIds);
  const { bucketOfNumber } = students;
  const summary = emptySummary();
  const log = new RejectionLog(dir, `lessons-${task.part}`);
  const rejectedPerStudent = new Int32Array(students.ids.length);
  const lessons = new BinaryBucketWriter(dir, `lessons.${task.part}`, buckets, LESSON_WORDS);
  const scratch = new Int32Array(LESSON_WORDS);
  const { header, path } = task;
  const fast = lessonFastPath(task);
  const table = fast ? studentIdTable(students.ids) : undefined;
  const plan = fast && header !== null ? csvLessonPlan(header) : undefined;
  let newestDay = -1;
  /** An accepted lesson (words 2–4 of `scratch`), written to its student's bucket with its line. */
  const accept = (number: number, n: number): void => {
    summary.records.accepted += 1;
    const b = bucketOfNumber[number] ?? 0;
    const at = lessons.reserve(b);
    const words = lessons.buffer(b);
    words[at] = number;
    words[at + 1] = n;
    words[at + 2] = scratch[2] ?? 0;
    words[at + 3] = scratch[3] ?? 0;
    words[at + 4] = scratch[4] ?? 0;
    if (lessonDay(words, at) > newestDay) newestDay = lessonDay(words, at);
  };
  /**
   * A read line that is not accepted: logged, and counted against its student when known.
   * The id is repeated only when it is a valid opaque id: never a name or a personnummer.
   */
  const reject = (n: number, studentId: string | null, issues: RejectedLine['issues']): void => {
    summary.records.rejected += 1;
    const number = studentId === null ? undefined : numberOf(studentId);
    const shown = number !== undefined || (studentId !== null && OpaqueIdSchema.safeParse(studentId).success) ? studentId : null;
    log.push({ location: `${task.name ?? path}:${n}`, kind: 'record', studentId: shown, issues });
    if (number !== undefined) rejectedPerStudent[number] = (rejectedPerStudent[number] ?? 0) + 1;
  };
  /** The general path: one decoded line, parsed and validated in full. */
  const readLine = (line: string, n: number): void => {
    if (line.trim() === '') return;
    summary.records.read += 1;
    const parsed = header === null ? parseLessonJsonLine(line) : parseLessonCsvLine(line, header);
    if (!parsed.ok) {
      // The header again (two exports joined, `cat a.csv b.csv`): a copy of a line already read.
      if (header !== null && isHeaderAgain(line, header)) summary.records.duplicate += 1;
      else reject(n, parsed.studentId, parsed.issues);
      return;
    }
    const { studentId, record } = parsed.lesson;
    const number = numberOf(studentId);
    if (number === undefined) {
      // Validated like a case's id, here where it matters: a known id passed when its student was read.
      const valid = OpaqueIdSchema.safeParse(studentId);
      const first = valid.success ? undefined : valid.error.issues[0];
      const why = first !== undefined
        ? issueAt('studentId', { sv: swedishIssueMessage(first), en: first.message })
        : !valid.success
          ? inputIssue('studentId', SCHEMA_MESSAGE_TEXT.opaqueId)
          : inputIssue('studentId', rejectedIds.has(studentId) ? INPUT_ISSUE_TEXT.studentRejected : INPUT_ISSUE_TEXT.noSuchStudent);
      reject(n, studentId, [why]);
      return;
    }
    encodeLesson(number, record, scratch, 0, n);
    accept(number, n);
  };
  /** A line the byte-level fast path read: its lesson is in `scratch`. */
  const readScanned = (number: number, n: number): void => {
    summary.records.read += 1;
    accept(number, n);
  };
  /**
   * A line that is not valid UTF-8: only its own bytes decide. It is rejected, and no other line changes.
   * Its student, when the id is intact and known, gets the rejected-records warning.
   */
  const readInvalid = (n: number, invalidByte: number, lossy: string): void => {
    summary.records.read += 1;
    const id = studentIdOfLine(lossy, header);
    reject(n, id !== null && numberOf(id) !== undefined ? id : null, [inputIssue('(line)', INPUT_ISSUE_TEXT.notUtf8, { byte: invalidByte })]);
  };
  // The bucket files stay open while the slice is read (`BinaryBucketWriter`): closed when reading fails too.
  let lines: number;
  try {
    lines = await forEachByteLine(
      path,
      (bytes, from, to, n) => {
        if (from === to) return;
        if (table !== undefined && n !== task.headerLine) {
          const number = header === null ? scanLessonJson(bytes, from, to, table, scratch) : plan === undefined ? -1 : scanLessonCsv(bytes, from, to, plan, table, scratch);
          if (number >= 0) {
            readScanned(number, n);
            return;
          }
        }
        const line = decodeLine(bytes, from, to);
        if (typeof line !== 'string') readInvalid(n, line.invalidByte, line.lossy);
        else if (n !== task.headerLine) readLine(line, n);
      },
      {
        // NDJSON's usual line is read where it starts, its end found on the way (`scanLessonJsonLine`); the rest are cut and read above.
        ...(table === undefined || header !== null
          ? {}
          : {
              take: (bytes: Buffer, from: number, limit: number, n: number): number => {
                const end = scanLessonJsonLine(bytes, from, limit, table, scratch);
                if (end >= 0) readScanned(scratch[0] ?? 0, n);
                return end;
              },
            }),
        onBytes: (bytes) => onProgress?.(bytes, summary.records.read),
        ...(task.chunkBytes === undefined ? {} : { chunkBytes: task.chunkBytes }),
        signal,
        start: task.start,
        end: task.end,
      },
    );
    lessons.flush();
  } finally {
    lessons.close();
  }
  log.flush();
  return { part: task.part, lines, records: summary.records, rejectedPerStudent, sample: log.counts().sample, newestDay };
}
