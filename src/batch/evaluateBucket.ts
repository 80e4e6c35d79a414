import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readFully } from '../io/readFully.js';
import { decisionJson, decisionOutput, jsonFormOf, type DecisionForm, type OutputFormat } from '../report/decisionOutput.js';
import { emptySummary, type RunSummary } from '../run/runSummary.js';
import { evaluateCase, type CaseRun } from '../run/evaluateCase.js';
import type { StudentCase } from '../model/studentCase.js';
import type { Decision } from '../model/decision.js';
import { bucketPath } from './bucketWriter.js';
import { diffStepStates, stepStates, type Change } from '../run/changes.js';
import { formatChange } from '../report/changeText.js';
import { gatherBucketLessons, readyLessons, type BucketLessons, type BucketStudent } from './bucketLessons.js';
import { RejectionLog, type RejectedLine } from './rejectionLog.js';
import { resolveStudentLessons, type LessonFilePart } from './studentLessons.js';
import { rejectedCountsPath, rejectedIdsPath } from './partition.js';
import { previousLine, readPreviousStates, type PreviousDecision } from './previousStates.js';
import { compareIds } from './studentRanges.js';
import { coverageCounter, type CoverageCounts } from '../testing/coverageCounts.js';
import { utf8Chunks } from './utf8Chunks.js';

/**
 * What a batch evaluates with, besides its files: the policy, calendar and
 * date (`CaseRun`), and the duties-over-time switches. No presentation: how
 * the output is written is `BatchRun.format`. Plain data: it is sent to
 * worker threads.
 */
export interface BatchSettings extends CaseRun {
  /** Compare with the previous run's decisions and output changes instead of decisions. */
  readonly incremental: boolean;
  /**
   * Close the steps of students missing from tonight's input even when some
   * student lines could not be read and carry no id (one of them may be the
   * missing student). Default false: then nothing is closed for absence.
   */
  readonly allowMissingStudents?: boolean;
  /** Count rule and leaf coverage (`--coverage`): each bucket returns its counts, merged by the main thread. */
  readonly coverage?: boolean;
}

/**
 * Settings of one bucket: the run's, how its output is written (rendered in
 * the worker thread that evaluates it), and whether to keep the decisions
 * (for `decisionsPath`) and in which form.
 */
export interface BucketSettings extends BatchSettings {
  readonly format: OutputFormat;
  readonly keepDecisions: boolean;
  /** The form of the kept decisions: `compact` (`compactDecision`) or `full`. */
  readonly decisionsForm: DecisionForm;
}

/**
 * Whether the run writes any full decision (`--json` full on stdout without `--previous`, or
 * `--decisions-form full`): only then is the why-not evidence built (`evaluate`'s `whyNot`); the
 * compact form, the text and the changes leave it out. With `--previous`, stdout takes the changes,
 * never a decision, whatever `--json` says: the nightly job's `--json full --previous` builds no
 * evidence for its compact decisions file.
 *
 * @param settings - the bucket settings
 * @returns true when a full decision is written
 * @example writesFullDecisions({ ...settings, incremental: false, format: { output: 'json', details: 'none', lang: 'sv' }, keepDecisions: false }) // true
 * @example writesFullDecisions({ ...settings, incremental: true, format: { output: 'json', details: 'none', lang: 'sv' }, keepDecisions: true, decisionsForm: 'compact' }) // false
 */
export function writesFullDecisions(settings: BucketSettings): boolean {
  return (!settings.incremental && jsonFormOf(settings.format) === 'full') || (settings.keepDecisions && settings.decisionsForm === 'full');
}

/** Where the partition put things, as the bucket pass needs it. */
export interface BucketLayout {
  readonly dir: string;
  /** Lesson-file slices the partition read: a bucket's lessons are in `<bucket>.lessons.<part>` for each. */
  readonly parts: number;
  /**
   * Whether a student of the previous run who is missing tonight has their
   * steps closed (`no-longer-indicated`, `studentInInput: false`): only when
   * every student line of tonight was identified, or `allowMissingStudents`.
   */
  readonly closeMissingStudents: boolean;
  /** Per slice (`part`), its lesson file and the lines before the slice: a conflict names its lines. */
  readonly lessonFiles: readonly LessonFilePart[];
}

/**
 * A piece of a bucket's output: UTF-8 bytes with their own memory (not
 * Node's shared pool), so a worker thread can move them to the main thread
 * instead of copying (`bytesForTransfer`), and the main thread only writes.
 */
export type OutputChunk = Uint8Array;

/** What one bucket produced besides its files. */
export interface BucketResult {
  readonly bucket: number;
  /**
   * Wall seconds this bucket took in the thread that evaluated it (its files read, its students
   * evaluated, its output made): `--summary-json`'s `run.bucketSeconds`. A thread's first buckets
   * also pay for V8 compiling the evaluation (docs/performance.md).
   */
  readonly seconds: number;
  /** Students evaluated, steps, typology (by school) and changes; reading counts come from the partition. */
  readonly summary: RunSummary;
  /** What goes to the output, in student-id order: decisions, text or changes, in chunks of about 1 MiB (never one string: a bucket may hold thousands of students). */
  readonly out: readonly OutputChunk[];
  /**
   * The decisions as NDJSON, in `decisionsForm`, when `keepDecisions` (tomorrow's `--previous`), in
   * chunks; else none. `'out'` when they are `out` itself (the same form on stdout, without
   * `--previous`): held once.
   */
  readonly decisions: readonly OutputChunk[] | 'out';
  /**
   * Lessons the partition accepted that this bucket left out: identical copies
   * (`duplicate`) and records rejected for a conflict with another record of
   * the same student, date and start (`conflicting`, logged to `conflictsLogPath`).
   */
  readonly lessons: { readonly duplicate: number; readonly conflicting: number };
  /** The first conflicting records (at most `REJECTED_SAMPLE_SIZE`), for stderr. */
  readonly rejectedSample: readonly RejectedLine[];
  /** With `settings.coverage`: the bucket's coverage counts (sums; `mergeCoverage` adds buckets in any order). */
  readonly coverage?: CoverageCounts;
}

/**
 * The file a bucket logs its conflicting lessons to (NDJSON of `RejectedLine`;
 * absent when there were none).
 *
 * @param dir - the temp directory
 * @param bucket - the bucket
 * @returns the path
 * @example conflictsLogPath('/tmp/trappa-x', 3) // '/tmp/trappa-x/0.rejected-conflicts-3'
 */
export function conflictsLogPath(dir: string, bucket: number): string {
  return bucketPath(dir, 0, `rejected-${conflictsLogName(bucket)}`);
}

function conflictsLogName(bucket: number): string {
  return `conflicts-${bucket}`;
}

interface Pending {
  readonly case: StudentCase;
  /** The student's line in the students file. */
  readonly location: string;
  /** The student's place in the bucket's gathered lessons (`gatherBucketLessons`). */
  readonly index: number;
  readonly rejectedRecords: number;
}

function lines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function int32File(path: string): Int32Array {
  const bytes = readFileSync(path);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
}

/**
 * What the partition wrote once for the whole run (rejected lessons per
 * student, ids of rejected students), read once per thread and run rather
 * than once per bucket: a city has hundreds of buckets.
 */
let runFiles: { readonly dir: string; readonly rejectedPerStudent: Int32Array; readonly rejectedIds: ReadonlySet<string> } | undefined;

function runFilesOf(dir: string): NonNullable<typeof runFiles> {
  if (runFiles?.dir !== dir) {
    runFiles = { dir, rejectedPerStudent: int32File(rejectedCountsPath(dir)), rejectedIds: new Set(lines(rejectedIdsPath(dir))) };
  }
  return runFiles;
}

/** A bucket's students by number, and their lessons gathered from the partition's binary parts. */
function readStudents(dir: string, bucket: number, parts: number): { readonly students: Pending[]; readonly lessons: BucketLessons } {
  const { rejectedPerStudent } = runFilesOf(dir);
  const students: Pending[] = [];
  const owners: BucketStudent[] = [];
  for (const line of lines(bucketPath(dir, bucket, 'students'))) {
    const [number, location, studentCase, rejectedInline, indices] = JSON.parse(line) as [number, string, StudentCase, number, number[] | null];
    owners.push({ number, own: studentCase.attendance, ownLines: indices ?? [] });
    // The lessons are evaluated packed (`readyLessons`): the case keeps none of its own.
    students.push({ case: { ...studentCase, attendance: [] }, location, index: students.length, rejectedRecords: rejectedInline + (rejectedPerStudent[number] ?? 0) });
  }
  return { students, lessons: gatherBucketLessons(owners, readLessonParts(dir, bucket, parts), packedWords) };
}

/**
 * Memory a thread reuses from bucket to bucket: `n` words of one array, grown
 * (doubling) when a bucket needs more. New memory costs a page fault a page on
 * its first write. What it hands out is read only while its bucket is
 * evaluated, and a thread evaluates one bucket at a time (`evaluateBucket` has
 * no await). It is kept for the thread's next run: up to twice the largest
 * bucket's words.
 */
function reusedWords(): (n: number) => Int32Array {
  let memory = new Int32Array(0);
  return (n) => {
    if (memory.length < n) memory = new Int32Array(Math.max(n, memory.length * 2));
    return memory.subarray(0, n);
  };
}

/**
 * Where a bucket's packed lessons are gathered (12 bytes a lesson, some 4 MB
 * for the bench city's buckets). Measured with `--details none` on the
 * 20 000-student city, two workers: 81 300 → 72 600 page faults and peak
 * 250 → 244 MB (medians of 4), wall time the same; on one worker (the main
 * thread, whose allocator reused the memory already) and at 100 000 students,
 * no change (docs/performance.md).
 */
const packedWords = reusedWords();

/** Where a bucket's lesson parts are read (`readLessonParts`). */
const partWords = reusedWords();

/**
 * A bucket's lesson parts (one per slice), read into one piece of memory that
 * the next bucket of this thread reads into again: new memory costs a page
 * fault a page on its first write (some 3 MB a bucket). The parts are read
 * only while their bucket is evaluated (`gatherBucketLessons`, and its
 * `sources` for a conflict), and a thread evaluates one bucket at a time.
 */
function readLessonParts(dir: string, bucket: number, parts: number): Int32Array[] {
  const paths = Array.from({ length: parts }, (_, part) => bucketPath(dir, bucket, `lessons.${part}`));
  const fds: number[] = [];
  try {
    const sizes: number[] = [];
    for (const path of paths) {
      // A slice that read no lesson of this bucket wrote no file for it (`BinaryBucketWriter`).
      const fd = openPart(path);
      fds.push(fd);
      sizes.push(fd < 0 ? 0 : fstatSync(fd).size);
    }
    const memory = partWords(sizes.reduce((a, b) => a + (b >> 2), 0));
    const bytes = new Uint8Array(memory.buffer, memory.byteOffset, memory.byteLength);
    const out: Int32Array[] = [];
    let at = 0;
    fds.forEach((fd, part) => {
      const size = sizes[part] as number;
      if (size === 0) {
        out.push(memory.subarray(0, 0));
        return;
      }
      readFully(fd, bytes, at, size, 0, paths[part] as string);
      out.push(memory.subarray(at >> 2, (at + size) >> 2));
      at += size;
    });
    return out;
  } finally {
    for (const fd of fds) if (fd >= 0) closeSync(fd);
  }
}

/** A file opened for reading, or -1 when there is none. */
function openPart(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw error;
  }
}

/**
 * Evaluate one bucket: read its students (validated by the partition), their
 * lessons (decoded from the partition's binary records) and previous
 * decisions (their step states, read and checked with last night's file:
 * `keepPreviousStates`); resolve each student's lessons of one date and start
 * (`resolveStudentLessons`: copies count once, conflicts are rejected and
 * logged with every line); evaluate each student and return the output in
 * student-id order (and the full decisions when asked). Deterministic: the files depend only on
 * the bucket's input, never on which thread ran it.
 *
 * Incremental (`--previous`): each student is evaluated with last night's
 * decision as `previous` (its `asOf` and steps), so an open `lagkrav` duty
 * stays open until a recorded measure closes it, and tonight's steps are
 * compared with last night's using tonight's measures (`diffStepStates`:
 * new, overdue, escalated, done, no-longer-indicated). A student of last
 * night who is not evaluated tonight closes nothing when their line was
 * rejected (`missingStudent`).
 *
 * @param layout - the partition's directory and input description
 * @param bucket - the bucket number
 * @param settings - policy, date and output settings
 * @returns the bucket's counts and output chunks
 * @example evaluateBucket(layout, 0, settings)
 */
export function evaluateBucket(layout: BucketLayout, bucket: number, settings: BucketSettings): BucketResult {
  const started = performance.now();
  const summary = emptySummary();
  const read = readStudents(layout.dir, bucket, layout.parts);
  const students = new Map(read.students.map((p) => [p.case.student.id, p]));
  const previous = settings.incremental ? readPreviousStates(layout.dir, bucket) : new Map<string, PreviousDecision>();
  const out = utf8Chunks();
  const decisions = utf8Chunks();
  const { format } = settings;
  // Each decision is evaluated whole; only how it is written differs: the form stdout takes and the form kept.
  const outForm = jsonFormOf(format);
  const keptForm = settings.keepDecisions ? settings.decisionsForm : undefined;
  const decisionsAreOut = keptForm !== undefined && keptForm === outForm && !settings.incremental;
  const whyNot = writesFullDecisions(settings);
  const emit = (changes: readonly Change[]): void => {
    for (const c of changes) {
      summary.changes ??= {};
      summary.changes[c.change] = (summary.changes[c.change] ?? 0) + 1;
      if (outForm !== undefined) out.add(JSON.stringify(c));
      else if (format.output === 'text') out.add(formatChange(c, format.lang));
    }
  };
  if (settings.incremental) summary.changes = {};
  let duplicate = 0;
  let conflicting = 0;
  let log: RejectionLog | undefined;
  const coverage = settings.coverage === true ? coverageCounter() : undefined;
  // One pass in id order over tonight's students and last night's: outputs and changes come out sorted.
  for (const id of [...new Set([...students.keys(), ...previous.keys()])].sort(compareIds)) {
    const student = students.get(id);
    const before = previous.get(id);
    if (student === undefined) {
      if (before !== undefined) {
        const missing = missingStudent(layout.dir, id, before, settings.asOf, runFilesOf(layout.dir).rejectedIds.has(id), layout.closeMissingStudents);
        emit(missing.changes);
        if (missing.carried !== undefined && settings.keepDecisions) decisions.add(missing.carried);
        if (missing.missing) {
          const m = (summary.missingStudents ??= { students: 0, stepsKeptOpen: 0 });
          m.students += 1;
          m.stepsKeptOpen += missing.keptOpen;
        }
      }
      continue;
    }
    const ready = readyLessons(read.lessons, student.index);
    let decision: Decision;
    // Last night's open duties stay open until a measure closes them (`previous`).
    if ('packed' in ready) {
      const tally = { rejected: student.rejectedRecords, conflicting: 0, conflictingLessons: 0 };
      decision = evaluateCase(student.case, tally, settings, summary, { coverage, previous: before, packed: ready.packed, whyNot });
    } else {
      const lessons = resolveStudentLessons(id, ready.records, student.location, layout.lessonFiles);
      duplicate += lessons.duplicates;
      conflicting += lessons.conflicting;
      for (const line of lessons.rejected) (log ??= new RejectionLog(layout.dir, conflictsLogName(bucket))).push(line);
      const tally = { rejected: student.rejectedRecords + lessons.conflicting, conflicting: lessons.conflicting, conflictingLessons: lessons.conflictingLessons };
      decision = evaluateCase({ ...student.case, attendance: [...lessons.attendance] }, tally, settings, summary, { coverage, previous: before, whyNot });
    }
    const kept = keptForm === undefined ? undefined : decisionJson(decision, keptForm);
    if (kept !== undefined && !decisionsAreOut) decisions.add(kept);
    if (settings.incremental) emit(diffStepStates(id, { asOf: settings.asOf, steps: stepStates(decision), measures: student.case.measures }, before ?? null));
    else {
      const written = decisionOutput(decision, format, outForm === keptForm ? kept : undefined);
      if (written !== undefined) out.add(written);
    }
  }
  log?.flush();
  return {
    bucket,
    seconds: (performance.now() - started) / 1000,
    summary,
    out: out.done(),
    decisions: decisionsAreOut ? 'out' : decisions.done(),
    lessons: { duplicate, conflicting },
    rejectedSample: log?.counts().sample ?? [],
    ...(coverage === undefined ? {} : { coverage: coverage.counts() }),
  };
}

/**
 * A student of last night who is not evaluated tonight. Nothing is closed
 * for a student who is there but whose line was rejected (`present`), nor for
 * any missing student while `close` is false (some student line carried no
 * id): last night's decision is carried, unchanged, to tomorrow's
 * `--previous`. A student who is really gone has their steps closed
 * (`no-longer-indicated`, `studentInInput: false`), except the open `lagkrav`
 * duties (`diffStepStates` never closes them for absence): those are carried.
 */
function missingStudent(
  dir: string,
  id: string,
  before: PreviousDecision,
  asOf: string,
  present: boolean,
  close: boolean,
): { readonly changes: readonly Change[]; readonly carried: string | undefined; readonly missing: boolean; readonly keptOpen: number } {
  if (present) return { changes: [], carried: previousLine(dir, before), missing: false, keptOpen: 0 };
  if (!close) return { changes: [], carried: previousLine(dir, before), missing: true, keptOpen: before.steps.length };
  const changes = diffStepStates(id, { asOf, steps: null, measures: [] }, before);
  const held = before.steps.filter((s) => s.kind === 'lagkrav');
  if (held.length === 0) return { changes, carried: undefined, missing: true, keptOpen: 0 };
  const decision = JSON.parse(previousLine(dir, before)) as { steps: Array<{ kind?: unknown }> };
  return { changes, carried: JSON.stringify({ ...decision, steps: decision.steps.filter((s) => s.kind === 'lagkrav') }), missing: true, keptOpen: held.length };
}
