import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStudentCase } from '../adapters/parseStudentCase.js';
import { readInput } from '../cli/readInput.js';
import { emptySummary, type RunSummary } from '../cli/summary.js';
import { bucketOfOtherId, studentRanges } from './studentRanges.js';
import { BinaryBucketWriter, BucketWriter } from './bucketWriter.js';
import { encodeLesson, LESSON_WORDS } from './lessonCodec.js';
import { parseCsvHeader, parseLessonCsvLine, parseLessonJsonLine, studentIdOfJsonLine, type CsvHeader } from './lessonRecord.js';
import { forEachLine } from './lines.js';
import { scanLessonLine, scanLessonWords } from './scanLesson.js';
import { RejectionLog, type RejectedLine } from './rejectionLog.js';

/** The files of one batch run. */
export interface BatchFiles {
  /** Student context: NDJSON (or a JSON array) of `StudentCase`, attendance optional. */
  readonly students: string;
  /** Lesson-level records, NDJSON or CSV with a header row; any order. */
  readonly lessons: readonly string[];
  /** The previous run's decisions (NDJSON, as `--json` writes them), for incremental output. */
  readonly previous?: string;
}

/** An input file that cannot be read as a whole (e.g. a CSV header with an unknown column). */
export class BatchInputError extends Error {}

/** What the partition pass learnt; the buckets themselves are files in `dir`. */
export interface Partition {
  readonly dir: string;
  readonly buckets: number;
  /** Accepted students per bucket (for progress). */
  readonly studentsPerBucket: readonly number[];
  /** Counts of this pass: students read and rejected, lesson records read, accepted and rejected. */
  readonly summary: RunSummary;
  readonly rejected: { readonly students: number; readonly records: number; readonly sample: readonly RejectedLine[] };
}

/** Progress of the partition pass. */
export interface PartitionProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly recordsRead: number;
}

/**
 * How many buckets for this much input: about 16 MiB of lesson lines per
 * bucket (some 160 000 lessons, 500 students: what one thread holds at a
 * time), at least 8 for input large enough to run in parallel, at most 4096. It depends on the
 * input alone, never on the worker count.
 *
 * @param inputBytes - total size of the lesson files
 * @returns the bucket count
 * @example bucketCount(10_000) // 1
 */
export function bucketCount(inputBytes: number): number {
  const bySize = Math.ceil(inputBytes / (16 << 20));
  return Math.min(4096, Math.max(1, bySize, inputBytes >= 64 << 20 ? 8 : 1));
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
 * - students: each line validated (zod) and numbered; rejected lines and
 *   repeated ids are logged with their line; the accepted ones are sorted by
 *   id and cut into `buckets` ranges of equal size (`studentRanges`), so
 *   bucket 0 holds the first ids, and the outputs of the buckets, taken in
 *   order, are in student-id order with no merge;
 * - previous decisions (optional): copied to their bucket;
 * - lessons (NDJSON or CSV, any order): each line parsed and validated, then
 *   written to the bucket of its student as 20 bytes (`encodeLesson`), so the
 *   second pass neither re-parses nor holds text. A line that is malformed or
 *   names no accepted student is logged with its file and line number.
 * Memory grows with the number of students (an id table), not of lessons.
 *
 * @param files - the input files
 * @param dir - an empty temp directory
 * @param buckets - how many buckets (see `bucketCount`)
 * @param onProgress - called after each chunk with bytes and records read
 * @returns the partition
 * @throws {BatchInputError} for a file that cannot be interpreted at all
 * @example await partitionInputs({ students: 's.ndjson', lessons: ['l.csv'] }, dir, 4)
 */
export async function partitionInputs(
  files: BatchFiles,
  dir: string,
  buckets: number,
  onProgress?: (p: PartitionProgress) => void,
): Promise<Partition> {
  const summary = emptySummary();
  const log = new RejectionLog(dir, 'partition');
  const numbers = new Map<string, number>();
  const studentLines: string[] = [];
  const ids: string[] = [];
  const firstSeen: string[] = [];
  const rejectedIds = new Set<string>();
  for await (const item of readInput(files.students)) {
    summary.cases.read += 1;
    if ('error' in item) {
      summary.cases.rejected += 1;
      log.push({ location: item.location, kind: 'student', studentId: null, issues: [{ path: '(line)', message: item.error }] });
      continue;
    }
    const attendance = (item.value as { attendance?: unknown } | null)?.attendance;
    const inline = Array.isArray(attendance) ? attendance.length : 0;
    summary.records.read += inline;
    const parsed = parseStudentCase(item.value);
    if (!parsed.ok) {
      summary.cases.rejected += 1;
      summary.records.rejected += inline;
      if (parsed.studentId !== null) rejectedIds.add(parsed.studentId);
      log.push({ location: item.location, kind: 'student', studentId: parsed.studentId, issues: parsed.issues });
      continue;
    }
    const id = parsed.case.student.id;
    const first = numbers.get(id);
    if (first !== undefined) {
      summary.cases.rejected += 1;
      summary.records.rejected += inline;
      log.push({ location: item.location, kind: 'student', studentId: id, issues: [{ path: 'student.id', message: `Duplicate student id; the student was first given at ${firstSeen[first]}` }] });
      continue;
    }
    summary.records.accepted += parsed.case.attendance.length;
    summary.records.rejected += parsed.rejectedRecords.length;
    for (const r of parsed.rejectedRecords) log.push({ location: item.location, kind: 'record', studentId: id, issues: r.issues });
    const number = firstSeen.length;
    numbers.set(id, number);
    firstSeen.push(item.location);
    ids.push(id);
    studentLines.push(JSON.stringify([number, item.location, parsed.case, parsed.rejectedRecords.length]));
  }
  const ranges = studentRanges(ids, buckets);
  const studentsPerBucket = Array.from({ length: buckets }, () => 0);
  const students = new BucketWriter(dir, 'students', buckets);
  studentLines.forEach((line, number) => {
    const b = ranges.bucketOfNumber[number] ?? 0;
    studentsPerBucket[b] = (studentsPerBucket[b] ?? 0) + 1;
    students.add(b, line);
  });
  students.flush();
  studentLines.length = 0;
  const bucketOfId = (id: string): number => {
    const number = numbers.get(id);
    return number === undefined ? bucketOfOtherId(ranges.firstIds, id) : (ranges.bucketOfNumber[number] ?? 0);
  };
  const rejectedPerStudent = new Int32Array(firstSeen.length);

  if (files.previous !== undefined) {
    const previousPath = files.previous;
    const previous = new BucketWriter(dir, 'previous', buckets);
    await forEachLine(previousPath, (line, n) => {
      if (line.trim() === '') return;
      const id = studentIdOfJsonLine(line);
      if (id === null) throw new BatchInputError(`${previousPath}:${n}: not a decision with a studentId; --previous takes the NDJSON that --json wrote`);
      previous.add(bucketOfId(id), `${n}\t${line}`);
    });
    previous.flush();
  }

  const bytesTotal = files.lessons.reduce((sum, f) => sum + statSync(f).size, 0);
  let bytesBefore = 0;
  const lessons = new BinaryBucketWriter(dir, 'lessons', buckets, LESSON_WORDS);
  const scratch = new Int32Array(LESSON_WORDS);
  for (const path of files.lessons) {
    let header: CsvHeader | null | undefined;
    await forEachLine(
      path,
      (line, n) => {
        if (header === undefined) {
          if (line.trim() === '') return;
          if (line.trimStart().startsWith('{')) header = null;
          else {
            const parsed = parseCsvHeader(line);
            if ('error' in parsed) throw new BatchInputError(`${path}:${n}: not NDJSON, and not a lesson CSV: ${parsed.error}`);
            header = parsed;
            return;
          }
        } else if (line.length === 0 || line.trim() === '') return;
        summary.records.read += 1;
        if (header === null) {
          // Fastest path: canonical lines go straight into the bucket's words.
          const id = scanLessonWords(line, scratch);
          const number = id === undefined ? undefined : numbers.get(id);
          if (number !== undefined) {
            summary.records.accepted += 1;
            const b = ranges.bucketOfNumber[number] ?? 0;
            const at = lessons.reserve(b);
            const words = lessons.buffer(b);
            words[at] = number;
            words[at + 1] = scratch[1] ?? 0;
            words[at + 2] = scratch[2] ?? 0;
            words[at + 3] = scratch[3] ?? 0;
            words[at + 4] = scratch[4] ?? 0;
            return;
          }
        }
        const scanned = header === null ? scanLessonLine(line) : undefined;
        const parsed = scanned !== undefined ? { ok: true as const, lesson: scanned } : header === null ? parseLessonJsonLine(line) : parseLessonCsvLine(line, header);
        if (!parsed.ok) {
          summary.records.rejected += 1;
          log.push({ location: `${path}:${n}`, kind: 'record', studentId: parsed.studentId, issues: parsed.issues });
          const number = parsed.studentId === null ? undefined : numbers.get(parsed.studentId);
          if (number !== undefined) rejectedPerStudent[number] = (rejectedPerStudent[number] ?? 0) + 1;
          return;
        }
        const { studentId, record } = parsed.lesson;
        const number = numbers.get(studentId);
        if (number === undefined) {
          summary.records.rejected += 1;
          const why = rejectedIds.has(studentId) ? "the student's own line in the students file was rejected" : 'no student with this id in the students file';
          log.push({ location: `${path}:${n}`, kind: 'record', studentId, issues: [{ path: 'studentId', message: `Cannot evaluate: ${why}` }] });
          return;
        }
        summary.records.accepted += 1;
        const b = ranges.bucketOfNumber[number] ?? 0;
        const at = lessons.reserve(b);
        encodeLesson(number, record, lessons.buffer(b), at);
      },
      (bytes) => onProgress?.({ bytesRead: bytesBefore + bytes, bytesTotal, recordsRead: summary.records.read }),
    );
    bytesBefore += statSync(path).size;
  }
  lessons.flush();
  log.flush();
  writeFileSync(rejectedCountsPath(dir), new Uint8Array(rejectedPerStudent.buffer));
  writeFileSync(rejectedIdsPath(dir), [...rejectedIds].filter((id) => /^[\w.:-]{1,128}$/.test(id)).map((id) => `${id}\n`).join(''));
  return { dir, buckets, studentsPerBucket, summary, rejected: log.counts() };
}
