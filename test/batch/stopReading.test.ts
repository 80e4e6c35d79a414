/**
 * A stopped run (SIGTERM, Ctrl-C) stops reading a large local file in this
 * thread, instead of reading it to its end: `forEachByteLine` and
 * `forEachLineRange` check their `signal` after each chunk, and the partition
 * passes the run's signal to the lesson files and to the students file read
 * in slices (`--workers 1`; worker threads are terminated instead).
 *
 * The oracle is the file's own size and line count: a stop asked for during
 * the first chunk must leave most of the file unread and reject with the
 * signal's reason. Each test of a stop fails on the build before, which read on.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { partitionInputs } from '../../src/batch/partition.js';
import { readStudents } from '../../src/batch/readStudents.js';
import { RejectionLog } from '../../src/batch/rejectionLog.js';
import { emptySummary } from '../../src/run/runSummary.js';
import { forEachByteLine, forEachLineRange } from '../../src/io/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'trappa-stop-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHUNK = 1 << 12;
const STUDENTS = 40;
// 40 valid students without lessons (some 300 bytes a line) and 20 000 lessons (some 1.7 MB): hundreds of chunks each.
const contexts = generateSchool({ students: STUDENTS, seed: 3, termEnd: '2026-11-20' }).map(({ attendance: _, ...context }) => context);
const ids = contexts.map((c) => c.student.id);
const studentsPath = join(dir, 'students.ndjson');
writeFileSync(studentsPath, contexts.map((c) => `${JSON.stringify(c)}\n`).join(''));
const lessonsPath = join(dir, 'lessons.ndjson');
const LESSONS = 20_000;
writeFileSync(
  lessonsPath,
  Array.from({ length: LESSONS }, (_, i) => `${JSON.stringify({ studentId: ids[i % STUDENTS], date: '2026-11-16', start: `${String(8 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, scheduledMinutes: 40 })}\n`).join(''),
);
const lessonBytes = statSync(lessonsPath).size;

/** A reason of the test's own, so the rejection can only come from the signal. */
const stopped = (): Error => new Error('stoppad av testet');

describe('a stop ends the reading of a local file in this thread, after the chunk in which it came', () => {
  it('forEachByteLine and forEachLineRange stop after the chunk, rejecting with the reason', async () => {
    expect(lessonBytes).toBeGreaterThan(100 * CHUNK);
    for (const read of [forEachByteLine, forEachLineRange] as const) {
      const controller = new AbortController();
      const reason = stopped();
      let lines = 0;
      const reading = read(
        lessonsPath,
        () => {
          lines += 1;
          if (lines === 1) controller.abort(reason);
        },
        { chunkBytes: CHUNK, signal: controller.signal },
      );
      await expect(reading).rejects.toBe(reason);
      // The first chunk's lines at most (some 50), of 20 000.
      expect(lines).toBeGreaterThan(0);
      expect(lines).toBeLessThan(Math.ceil((2 * CHUNK) / 60));
    }
  });

  it('without a signal, the same reading reads every line (the oracle is the file)', async () => {
    let lines = 0;
    await forEachByteLine(lessonsPath, () => (lines += 1), { chunkBytes: CHUNK });
    expect(lines).toBe(LESSONS);
  });

  it('the partition stops reading the lesson file when the run is stopped (--workers 1)', async () => {
    const controller = new AbortController();
    const reason = stopped();
    let bytesRead = 0;
    const out = mkdtempSync(join(dir, 'lessons-'));
    const partition = partitionInputs({ students: studentsPath, lessons: [lessonsPath] }, out, {
      buckets: 2,
      chunkBytes: CHUNK,
      signal: controller.signal,
      onProgress: (p) => {
        bytesRead = Math.max(bytesRead, p.bytesRead);
        if (p.bytesRead > 0) controller.abort(reason);
      },
    });
    await expect(partition).rejects.toBe(reason);
    expect(bytesRead).toBeGreaterThan(0);
    expect(bytesRead).toBeLessThan(lessonBytes / 10);
  });

  it('the students file read in slices in this thread stops when the run is stopped (readStudents, as the partition calls it)', async () => {
    const controller = new AbortController();
    const reason = stopped();
    controller.abort(reason);
    const out = mkdtempSync(join(dir, 'students-'));
    // A local NDJSON students file is read in slices (`slices` 1) in this thread, in 64-byte reads: stopped, it throws.
    const reading = readStudents(studentsPath, out, emptySummary(), new RejectionLog(out, 'partition'), { slices: 1, chunkBytes: 64, signal: controller.signal });
    await expect(reading).rejects.toBe(reason);
    // The oracle: without the stop the same call reads every student.
    const whole = await readStudents(studentsPath, mkdtempSync(join(dir, 'students-')), emptySummary(), new RejectionLog(out, 'whole'), { slices: 1, chunkBytes: 64 });
    expect(whole.ids).toHaveLength(STUDENTS);
  });
});
