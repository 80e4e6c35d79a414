/**
 * Issue 15: last night's decisions file (`--previous`) is verified while the inputs are read, in a
 * thread of its own when it is large (`keepPreviousStatesInBackground`). What must not change: the
 * night's output byte for byte, the refusals (the same `PreviousFileError`, problem and message,
 * in both languages, whichever thread found it), and that a refused file stops the run before a
 * bucket is evaluated or an output written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { PreviousFileError, type PreviousFileProblem } from '../../src/batch/decisionsFile.js';
import { partitionInputs, type LessonReader } from '../../src/batch/partition.js';
import { keepPreviousStatesInBackground } from '../../src/batch/previousInBackground.js';
import { keepPreviousStates, readPreviousStates } from '../../src/batch/previousStates.js';
import { readLessonTask } from '../../src/batch/readLessons.js';
import type { BatchSettings } from '../../src/batch/evaluateBucket.js';
import { BatchAbortedError, runBatch, type BatchRun } from '../../src/batch/runBatch.js';
import { errorOf, failureOf } from '../../src/batch/workerFailure.js';
import { BatchInputError } from '../../src/io/batchInputError.js';
import { builtinPolicy } from '../../src/index.js';
import type { StudentCaseInput } from '../../src/model/studentCase.js';
import type { ProgressState } from '../../src/run/progressState.js';
import { readDecisionsFile, writeDecisionsFile } from '../helpers/decisionsFile.js';

const workerUrl = new URL('../../dist/batch-worker.js', import.meta.url);
const haveWorkers = existsSync(workerUrl);
const NIGHT_1 = '2026-11-20';
const NIGHT_2 = '2026-11-23';
const policy = builtinPolicy('stockholm');
const school = generateSchool({ students: 30, seed: 31, termEnd: NIGHT_2 });
const dir = mkdtempSync(join(tmpdir(), 'trappa-previous-thread-'));
const students = join(dir, 'students.ndjson');
const lessons = join(dir, 'lessons.ndjson');
writeFileSync(students, school.map(({ attendance: _, ...context }: StudentCaseInput) => JSON.stringify(context)).join('\n') + '\n');
writeFileSync(lessons, school.flatMap((c) => (c.attendance ?? []).map((r) => JSON.stringify({ studentId: c.student.id, ...r }))).join('\n') + '\n');
const files = { students, lessons: [lessons] };
const tonight: BatchSettings = { policy, calendar: undefined, asOf: NIGHT_2, incremental: true };

/** One run: stdout, the report, the phases progress saw, or what it threw. */
async function night(extra: Partial<BatchRun>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const phases = new Set<ProgressState['phase']>();
  const progress = { update: (s: ProgressState) => phases.add(s.phase), done: () => undefined };
  try {
    const report = await runBatch({ files, settings: tonight, out, workers: 1, progress, ...extra });
    return { ok: true as const, text: Buffer.concat(chunks).toString('utf8'), report, phases };
  } catch (error) {
    return { ok: false as const, error, phases };
  }
}

const night1 = join(dir, 'night-1.ndjson');
await runBatch({ files, settings: { ...tonight, asOf: NIGHT_1, incremental: false }, out: new PassThrough().resume(), workers: 1, decisionsPath: night1 });
/** In a thread of its own whatever its size; and in this thread. */
const inThread = { workerUrl, previousThreadFromBytes: 0 } as const;
const here = { previousThreadFromBytes: Number.MAX_SAFE_INTEGER } as const;

describe('--previous verified while the inputs are read (issue 15)', () => {
  it.skipIf(!haveWorkers)('gives the same changes, summary and decisions file in a thread of its own as in this thread', async () => {
    // Two students have left since last night: their steps are closed from last night's states and lines.
    const fewer = join(dir, 'students-2.ndjson');
    writeFileSync(fewer, readFileSync(students, 'utf8').split('\n').slice(2).join('\n'));
    const tonightsFiles = { students: fewer, lessons: [lessons], previous: night1 };
    const a = await night({ ...here, files: tonightsFiles, decisionsPath: join(dir, 'night-2-here.ndjson') });
    const b = await night({ ...inThread, files: tonightsFiles, decisionsPath: join(dir, 'night-2-thread.ndjson') });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    // Something to compare: the night has changes against last night.
    expect(a.text).not.toBe('');
    expect(b.text).toBe(a.text);
    expect(b.report.summary).toEqual(a.report.summary);
    expect(readFileSync(join(dir, 'night-2-thread.ndjson')).equals(readFileSync(join(dir, 'night-2-here.ndjson')))).toBe(true);
  });

  it.skipIf(!haveWorkers)('refuses a broken file with the same error from the thread as from this thread, before any bucket is evaluated or output written', async () => {
    const { lines, trailer } = readDecisionsFile(night1);
    const notADecision = join(dir, 'no-step.ndjson');
    writeDecisionsFile(notADecision, [lines[0] ?? '', JSON.stringify({ ...(JSON.parse(lines[1] ?? '{}') as object), steps: [{ x: 1 }] }), ...lines.slice(2)], trailer);
    const edited = join(dir, 'edited.ndjson');
    writeFileSync(edited, readFileSync(night1, 'utf8').replace('"status":"recommended"', '"status":"overdue"'));
    expect(readFileSync(edited, 'utf8')).not.toBe(readFileSync(night1, 'utf8'));
    for (const [path, problem] of [
      [notADecision, 'not-a-decision'],
      [edited, 'hash'],
    ] as const) {
      const decisionsPath = join(dir, `out-${problem}.ndjson`);
      const a = await night({ ...here, files: { ...files, previous: path }, decisionsPath });
      const b = await night({ ...inThread, files: { ...files, previous: path }, decisionsPath });
      for (const r of [a, b]) {
        expect(r.ok).toBe(false);
        expect(r.error).toBeInstanceOf(PreviousFileError);
        expect(r.error).toMatchObject({ problem });
        expect(r.phases.has('evaluating')).toBe(false);
      }
      expect((b.error as PreviousFileError).message).toBe((a.error as PreviousFileError).message);
      expect((b.error as PreviousFileError).text).toEqual((a.error as PreviousFileError).text);
      expect(existsSync(decisionsPath)).toBe(false);
    }
  });

  it('takes the thread from the size on (a worker script that cannot start fails only that run)', async () => {
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('this worker script does not start');\n");
    const size = readFileSync(night1).length;
    const withBroken = { workerUrl: new URL(`file://${broken}`), files: { ...files, previous: night1 } };
    expect((await night({ ...withBroken, previousThreadFromBytes: size + 1 })).ok).toBe(true);
    const r = await night({ ...withBroken, previousThreadFromBytes: size });
    expect(r.ok).toBe(false);
    expect((r.error as Error).message).toMatch('this worker script does not start');
  });

  it('reports a refused file before another input\'s error, from either thread', async () => {
    const { lines, trailer } = readDecisionsFile(night1);
    const notADecision = join(dir, 'no-step-2.ndjson');
    writeDecisionsFile(notADecision, [lines[0] ?? '', JSON.stringify({ ...(JSON.parse(lines[1] ?? '{}') as object), steps: [{ x: 1 }] }), ...lines.slice(2)], trailer);
    for (const where of haveWorkers ? [here, inThread] : [here]) {
      // A lesson file that cannot be read: the run fails, with the refusal.
      const r = await night({ ...where, files: { students, lessons: [join(dir, 'no-such-lessons.ndjson')], previous: notADecision } });
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ name: 'PreviousFileError', problem: 'not-a-decision' });
    }
  });

  it('checks the trailer before anything else is read: tonight\'s own file is refused even when the lessons cannot be read', async () => {
    const tonightsFile = join(dir, 'night-2-own.ndjson');
    await runBatch({ files, settings: { ...tonight, incremental: false }, out: new PassThrough().resume(), workers: 1, decisionsPath: tonightsFile });
    for (const where of haveWorkers ? [here, inThread] : [here]) {
      const r = await night({ ...where, files: { students, lessons: [join(dir, 'no-such-lessons.ndjson')], previous: tonightsFile } });
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ name: 'PreviousFileError', problem: 'not-earlier' });
      expect(r.phases.size).toBe(0);
    }
  });
});

describe('the partition waits for last night\'s states (partitionInputs)', () => {
  const readAll: LessonReader = (tasks, index, d, b) => Promise.all(tasks.map((t) => readLessonTask(t, index, d, b)));

  it('fails with a refusal that comes after every lesson is read, and keeps states that come after them', async () => {
    const refusal = new PreviousFileError(night1, 'hash', { sv: 'x', en: 'x' });
    let lessonsRead = false;
    let refuse: (error: unknown) => void = () => undefined;
    const late = new Promise<string>((_, reject) => {
      refuse = reject;
    });
    const readThenRefuse: LessonReader = async (...args) => {
      const results = await readAll(...args);
      lessonsRead = true;
      refuse(refusal);
      return results;
    };
    const partDir = mkdtempSync(join(dir, 'partition-'));
    await expect(partitionInputs(files, partDir, { previousStates: late, readTasks: readThenRefuse })).rejects.toBe(refusal);
    expect(lessonsRead).toBe(true);
    // The same states, given after the lessons are read, reach their buckets.
    const keptDir = mkdtempSync(join(dir, 'kept-'));
    const { states } = await keepPreviousStates(night1, NIGHT_2, keptDir);
    let give: (path: string) => void = () => undefined;
    const given = new Promise<string>((resolve) => {
      give = resolve;
    });
    const readThenGive: LessonReader = async (...args) => {
      const results = await readAll(...args);
      give(states);
      return results;
    };
    const partition = await partitionInputs(files, keptDir, { previousStates: given, readTasks: readThenGive, buckets: 3 });
    const kept = [0, 1, 2].flatMap((b) => [...readPreviousStates(keptDir, b).keys()]);
    expect(partition.buckets).toBe(3);
    expect(kept.sort()).toEqual(school.map((c) => c.student.id).sort());
  });
});

describe('stopping the check (InBackground.stop)', () => {
  it('in this thread: the reading is aborted, and has ended when stop resolves', async () => {
    const stopDir = mkdtempSync(join(dir, 'stop-'));
    const kept = keepPreviousStatesInBackground(night1, NIGHT_2, stopDir, { workerUrl: undefined });
    let ended = false;
    const outcome = kept.result.then(
      () => 'kept',
      (error: unknown) => (error as Error).name,
    );
    void outcome.then(() => (ended = true));
    // Stopped before its first read has come back: it cannot have finished.
    await kept.stop();
    await Promise.resolve();
    expect(ended).toBe(true);
    expect(await outcome).toBe('AbortError');
  });

  it.skipIf(!haveWorkers)('in a thread: the thread is stopped, and the result rejected, when stop resolves', async () => {
    const stopDir = mkdtempSync(join(dir, 'stop-thread-'));
    const kept = keepPreviousStatesInBackground(night1, NIGHT_2, stopDir, { workerUrl, threadFromBytes: 0 });
    const outcome = kept.result.then(
      () => 'kept',
      (error: unknown) => (error as Error).message,
    );
    // Stopped while the thread is still starting: it cannot have verified the file.
    await kept.stop();
    expect(await outcome).toBe('the worker pool was closed');
  });

  it.skipIf(!haveWorkers)('an abort while last night\'s file is checked ends the run with BatchAbortedError, from either thread', async () => {
    for (const where of [here, inThread]) {
      const controller = new AbortController();
      // Abort at the first sign of reading: the check of last night's file is under way.
      const progress = { update: () => controller.abort(), done: () => undefined };
      const out = new PassThrough().resume();
      const r = await runBatch({ files: { ...files, previous: night1 }, settings: tonight, out, workers: 1, progress, signal: controller.signal, ...where }).catch((e: unknown) => e);
      expect(r).toBeInstanceOf(BatchAbortedError);
    }
  });
});

describe('an abort while the check never ends', () => {
  it('stops the check: the run ends with BatchAbortedError instead of waiting for a thread that never answers', { timeout: 10_000 }, async () => {
    // A "worker" that takes the check and never answers: without the abort stopping it, the partition waits for ever.
    const silent = new URL('../helpers/silentWorker.mjs', import.meta.url);
    const controller = new AbortController();
    const progress = { update: () => controller.abort(), done: () => undefined };
    const started = performance.now();
    const r = await runBatch({ files: { ...files, previous: night1 }, settings: tonight, out: new PassThrough().resume(), workers: 1, progress, signal: controller.signal, workerUrl: silent, previousThreadFromBytes: 0 }).catch((e: unknown) => e);
    expect(r).toBeInstanceOf(BatchAbortedError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('a batch error across the thread boundary (failureOf, errorOf)', () => {
  const PROBLEMS: readonly PreviousFileProblem[] = ['unreadable', 'empty', 'truncated', 'no-trailer', 'newer-format', 'count', 'hash', 'not-a-decision', 'mixed', 'not-earlier', 'changed'];
  const text = fc.record({ sv: fc.string(), en: fc.string() });

  it('a PreviousFileError comes back as one, with its path, problem, detail and both messages', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(...PROBLEMS), text, (path, problem, detail) => {
        const sent = new PreviousFileError(path, problem, detail);
        // What crosses: a structured clone of the reply.
        const back = errorOf(structuredClone(failureOf(sent)));
        expect(back).toBeInstanceOf(PreviousFileError);
        expect(back).toMatchObject({ name: 'PreviousFileError', path, problem, detail, message: sent.message, text: sent.text });
      }),
    );
  });

  it('a BatchInputError comes back as one, with its text when it had one; anything else as an Error with its message', () => {
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), fc.string(), (both, message) => {
        const sent = new BatchInputError(both ?? message);
        const back = errorOf(structuredClone(failureOf(sent)));
        expect(back).toBeInstanceOf(BatchInputError);
        expect(back.message).toBe(sent.message);
        expect((back as BatchInputError).text).toEqual(sent.text);
        const other = errorOf(structuredClone(failureOf(new RangeError(message))));
        expect(other).not.toBeInstanceOf(BatchInputError);
        expect(other).not.toBeInstanceOf(PreviousFileError);
        expect(other.message).toBe(message);
      }),
    );
  });
});
