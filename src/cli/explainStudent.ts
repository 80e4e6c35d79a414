import { acceptedIndices } from '../batch/partition.js';
import { previousDecisionInBackground } from '../batch/previousInBackground.js';
import { workerScript } from '../batch/workerPool.js';
import { isHeaderAgain } from '../batch/readLessons.js';
import { resolveStudentLessons, type StudentLessons } from '../batch/studentLessons.js';
import { BatchInputError } from '../io/batchInputError.js';
import { INPUT_ISSUE_TEXT, issueAt } from '../adapters/issueText.js';
import { both } from '../model/template.js';
import { decodeLine, forEachByteLine, forEachInputByteLine } from '../io/lines.js';
import { inputName, openInput } from '../io/openInput.js';
import { readInput } from '../io/readInput.js';
import { caseTally } from '../adapters/recordWarnings.js';
import { parseCsvHeader, parseLessonCsvLine, parseLessonJsonLine, studentIdOfLine, type CsvHeader } from '../adapters/lessons/lessonRecord.js';
import type { CaseItem } from '../adapters/caseItems.js';
import type { InputIssue, ParseCaseOptions } from '../adapters/parseStudentCase.js';
import { admitCase, type Admission } from '../run/admitCase.js';
import type { PreviousNight } from '../steps/heldOpen.js';
import { evaluateCase, type CaseRun } from '../run/evaluateCase.js';
import { emptySummary } from '../run/runSummary.js';
import type { Decision } from '../model/decision.js';
import type { AttendanceRecord } from '../model/studentCase.js';

/** What looking one student up gave: their decisions, or why there is none. */
export type Explained =
  | { readonly kind: 'decisions'; readonly decisions: readonly Decision[] }
  /** Every line of the student was rejected: where, and the issues (field paths and messages, never a value of personal data). */
  | { readonly kind: 'rejected'; readonly lines: ReadonlyArray<{ readonly location: string; readonly issues: readonly InputIssue[] }> }
  /** No line of the inputs names the student; `read` students were read. */
  | { readonly kind: 'unknown'; readonly read: number };

/** The input lines that name the student: the others are not parsed (a students file of 150 000 lines is read, not validated). */
function isStudent(item: CaseItem, id: string): boolean {
  if ('error' in item) return item.studentId === id;
  const student = (item.value as { student?: { id?: unknown } } | null)?.student;
  return typeof student === 'object' && student !== null && student.id === id;
}

type Accepted = Extract<Admission, { status: 'accepted' }>;

/** The cases of the student in case files, admitted as `evaluate` admits them; the rejected ones for the message. */
async function casesOf(id: string, files: readonly string[], options: ParseCaseOptions): Promise<{ accepted: Accepted[]; rejected: Array<{ location: string; issues: readonly InputIssue[] }>; read: number }> {
  const counts = emptySummary();
  const accepted: Accepted[] = [];
  const rejected: Array<{ location: string; issues: readonly InputIssue[] }> = [];
  let read = 0;
  for (const file of files) {
    for await (const item of readInput(file)) {
      read += 1;
      if (!isStudent(item, id)) continue;
      const admitted = admitCase(item, counts, undefined, options);
      if (admitted.status === 'accepted') accepted.push(admitted);
      else rejected.push({ location: admitted.location, issues: admitted.status === 'unparsable' ? [issueAt('(line)', admitted.text)] : admitted.issues });
    }
  }
  return { accepted, rejected, read };
}

/**
 * One student's full decision(s) from case files (`StudentCase` NDJSON, a
 * JSON array or one object), as `trappa evaluate` makes them: each case of
 * the id, admitted and evaluated on its own.
 *
 * @param id - the student id (a valid opaque id)
 * @param files - the case files
 * @param run - policy, calendar and date
 * @returns the decisions, or why there are none
 * @example await explainFromCases('elev-0042', ['cases.ndjson'], run) // { kind: 'decisions', decisions: [{ studentId: 'elev-0042', … }] }
 */
export async function explainFromCases(id: string, files: readonly string[], run: CaseRun): Promise<Explained> {
  const found = await casesOf(id, files, {});
  if (found.accepted.length === 0) return found.rejected.length === 0 ? { kind: 'unknown', read: found.read } : { kind: 'rejected', lines: found.rejected };
  return { kind: 'decisions', decisions: found.accepted.map((a) => evaluateCase(a.case, caseTally(a), run, emptySummary())) };
}

/** What the lesson files hold of one student: lessons with their file and line, and rejected lines naming them. */
interface LessonScan {
  readonly lessons: StudentLessons;
  rejected: number;
}

/** The file's format from its first non-blank line, as the batch's partition reads it (`sniffLessonFile`). */
function headerOf(text: string, name: string, lineNumber: number, delimiter: string | undefined): CsvHeader | null {
  if (text.trimStart().startsWith('{')) return null;
  const parsed = parseCsvHeader(text, delimiter);
  if ('error' in parsed) throw new BatchInputError(both(INPUT_ISSUE_TEXT.notNdjsonNorCsv, (lang) => ({ where: `${name}:${lineNumber}`, reason: parsed.error[lang] })));
  return parsed;
}

/**
 * Whether a line may name the student. A line that holds neither the id's
 * bytes nor a backslash cannot: an id is ASCII `[A-Za-z0-9_.:-]`, so a line
 * names it only by those bytes, or in JSON by an escape. Such lines are
 * skipped without being decoded. The two are searched a chunk at a time with
 * `Buffer.indexOf`, not a line at a time.
 */
function mayNameFinder(id: string): (bytes: Buffer, from: number, to: number) => boolean {
  const idBytes = Buffer.from(id, 'latin1');
  let buffer: Buffer | undefined;
  let searchedFrom = -1;
  // The next place of each at or after `searchedFrom` in `buffer`, or -1 for none up to its end. Each
  // is searched again only once a line has passed it, so a chunk is searched about once for each,
  // however many lines hit (a backslash on every line, an id inside many others: measured, a
  // search of both from every hit to the chunk's end made such a file 20 times slower).
  let idAt = -1;
  let slashAt = -1;
  return (bytes, from, to) => {
    if (bytes !== buffer || from < searchedFrom) {
      // A new chunk (another buffer, or one refilled: its lines start again from the top).
      buffer = bytes;
      idAt = bytes.indexOf(idBytes, from);
      slashAt = bytes.indexOf(BACKSLASH, from);
    } else {
      if (idAt !== -1 && idAt < from) idAt = bytes.indexOf(idBytes, from);
      if (slashAt !== -1 && slashAt < from) slashAt = bytes.indexOf(BACKSLASH, from);
    }
    searchedFrom = from;
    return (idAt !== -1 && idAt < to) || (slashAt !== -1 && slashAt < to);
  };
}

const BACKSLASH = 0x5c;

/**
 * Scan one lesson file for the student's lines: accepted lessons go to `scan`
 * with their file (`part`) and line, and lines the batch would reject and
 * count against the student are counted. The file is read as bytes: a line
 * that holds neither the id nor a backslash (a JSON escape could spell the id)
 * is not decoded or parsed, so a city's file is read at the speed of
 * `Buffer.indexOf`, not a string and a parse a line.
 */
async function scanLessonFile(id: string, path: string, part: number, scan: LessonScan, delimiter: string | undefined, chunkBytes: number | undefined): Promise<void> {
  const name = inputName(path);
  let header: CsvHeader | null | undefined;
  let headerLine = 0;
  const mayName = mayNameFinder(id);
  const onLine = (bytes: Buffer, from: number, to: number, n: number): void => {
    if (header === undefined) {
      // The format from the first line that is not blank, whoever it names.
      const first = decodeLine(bytes, from, to);
      const text = typeof first === 'string' ? first : first.lossy;
      if (text.trim() === '') return;
      header = headerOf(text, name, n, delimiter);
      headerLine = header === null ? 0 : n;
    }
    if (n === headerLine || !mayName(bytes, from, to)) return;
    const line = decodeLine(bytes, from, to);
    if (typeof line !== 'string') {
      if (studentIdOfLine(line.lossy, header) === id) scan.rejected += 1;
      return;
    }
    if (line.trim() === '') return;
    const parsed = header === null ? parseLessonJsonLine(line) : parseLessonCsvLine(line, header);
    if (!parsed.ok) {
      if (parsed.studentId === id && !(header !== null && isHeaderAgain(line, header))) scan.rejected += 1;
      return;
    }
    if (parsed.lesson.studentId !== id) return;
    scan.lessons.attendance.push(parsed.lesson.record);
    scan.lessons.parts.push(part);
    scan.lessons.lines.push(n);
  };
  // A regular file is read into two buffers in turn (`forEachByteLine`); stdin and gzip as a stream.
  const input = await openInput(path, chunkBytes);
  if (input.regularFile && !input.compressed) {
    await input.close();
    await forEachByteLine(path, onLine, chunkBytes === undefined ? {} : { chunkBytes });
    return;
  }
  // It closes the input, also when a line throws.
  await forEachInputByteLine(input, onLine);
}

/** What `explainFromLessons` reads. */
export interface LessonInputs {
  /** The students file (`--students`). */
  readonly students: string;
  /** The lesson files, NDJSON or CSV. */
  readonly lessons: readonly string[];
  /** Last night's decisions file (`--previous`), when the night was run with one. */
  readonly previous?: string | undefined;
  /** The CSV delimiter (`--delimiter`), or undefined to sniff it. */
  readonly delimiter?: string | undefined;
  /** Read size of the lesson files (default 1 MiB); tests use small ones to cut lines and the id at chunk edges. The result never depends on it. */
  readonly chunkBytes?: number | undefined;
  /** The batch worker script, for verifying a large `--previous` in a thread of its own; default `batch-worker.js` beside this module (the built package). */
  readonly workerUrl?: URL | undefined;
  /** The `--previous` size from which that thread is used (default `PREVIOUS_THREAD_FROM_BYTES`). */
  readonly previousThreadFromBytes?: number | undefined;
}

/**
 * One student's full decision from the nightly batch's inputs, as the batch
 * makes it: the student's line in the students file (the first accepted one
 * with the id), every lesson line of theirs in the lesson files (found by
 * scanning them whole: a slow path, one student at a time), copies and
 * conflicts resolved across the files (`resolveStudentLessons`), their
 * rejected lines counted in the decision's warnings, and last night's decision
 * (`--previous`) keeping open duties open. The same inputs give the same
 * decision as `trappa evaluate --format lessons --json`, byte for byte.
 *
 * @param id - the student id (a valid opaque id)
 * @param inputs - students file, lesson files, previous decisions
 * @param run - policy, calendar and date
 * @returns the decision, or why there is none
 * @throws {BatchInputError} for a lesson file that is neither NDJSON nor a lesson CSV
 * @throws {PreviousFileError} for a `--previous` that is not a whole decisions file of an earlier night: at
 *   once for its trailer; for its lines once the student's lines are read (as before the file was
 *   verified beside the scan, an unknown or rejected student, or an input that cannot be read,
 *   is answered without waiting for the file)
 * @example await explainFromLessons('elev-0042', { students: 'students.ndjson', lessons: ['lessons.csv'] }, run) // { kind: 'decisions', decisions: [{ studentId: 'elev-0042', … }] }
 */
export async function explainFromLessons(id: string, inputs: LessonInputs, run: CaseRun): Promise<Explained> {
  // Last night's file: its trailer checked now, its lines verified (in a thread of their own for a large file) while the inputs are scanned.
  const workerUrl = inputs.workerUrl ?? workerScript('./batch-worker.js', import.meta.url);
  const previous = inputs.previous === undefined ? undefined : previousDecisionInBackground(id, inputs.previous, run.asOf, { workerUrl, threadFromBytes: inputs.previousThreadFromBytes });
  try {
    return await explainWith(id, inputs, run, previous?.result);
  } finally {
    await previous?.stop();
  }
}

/** `explainFromLessons` once last night's decision is under way. */
async function explainWith(id: string, inputs: LessonInputs, run: CaseRun, previousNight: Promise<PreviousNight | undefined> | undefined): Promise<Explained> {
  // Awaited below; until then a refused file is not an unhandled rejection.
  previousNight?.catch(() => undefined);
  // The batch resolves a case's own duplicate lessons with the lesson files' (`resolveStudentLessons`).
  const found = await casesOf(id, [inputs.students], { resolveDuplicates: false });
  const student = found.accepted[0];
  if (student === undefined) return found.rejected.length === 0 ? { kind: 'unknown', read: found.read } : { kind: 'rejected', lines: found.rejected };
  const own = student.case.attendance;
  const indices = acceptedIndices(own.length, student.rejectedRecords);
  const scan: LessonScan = { lessons: { attendance: [...own], parts: own.map(() => -1), lines: own.map((_, k) => indices?.[k] ?? k) }, rejected: 0 };
  for (const [part, path] of inputs.lessons.entries()) await scanLessonFile(id, path, part, scan, inputs.delimiter, inputs.chunkBytes);
  const files = inputs.lessons.map((path) => ({ path: inputName(path), lineOffset: 0 }));
  const lessons = resolveStudentLessons(id, scan.lessons, student.location, files);
  const tally = { rejected: student.rejectedRecords.length + scan.rejected + lessons.conflicting, conflicting: lessons.conflicting, conflictingLessons: lessons.conflictingLessons };
  const previous = await previousNight;
  // The batch reads the case back from its bucket file: JSON, as here.
  const studentCase = JSON.parse(JSON.stringify(student.case)) as typeof student.case;
  const decision = evaluateCase({ ...studentCase, attendance: lessons.attendance as AttendanceRecord[] }, tally, run, emptySummary(), { previous });
  return { kind: 'decisions', decisions: [decision] };
}
