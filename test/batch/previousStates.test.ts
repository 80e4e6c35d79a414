import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { keepPreviousStates, distributePreviousStates, previousLine, readPreviousStates, statesHead } from '../../src/batch/previousStates.js';
import { PreviousFileError } from '../../src/batch/decisionsFile.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import { compactDecision } from '../../src/report/compactDecision.js';
import { stepStates } from '../../src/run/changes.js';
import type { Decision } from '../../src/model/decision.js';
import { writeDecisionsFile } from '../helpers/decisionsFile.js';

const NIGHT = '2026-11-20';
const TONIGHT = '2026-11-23';
const policy = builtinPolicy('stockholm');
const root = mkdtempSync(join(tmpdir(), 'trappa-previous-states-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mkdirAt = (): string => mkdtempSync(join(root, 'run-'));

// A school's night: students with no step, with one, and with many, Swedish labels in every step.
const decisions: Decision[] = generateSchool({ students: 24, seed: 11, termEnd: NIGHT })
  .map((c) => {
    const parsed = parseStudentCase(c);
    if (!parsed.ok) throw new Error('fixture case rejected');
    return evaluate(parsed.case, policy, { asOf: NIGHT });
  })
  .sort((a, b) => (a.studentId < b.studentId ? -1 : 1));

let runs = 0;
function nightFile(form: 'full' | 'compact'): { path: string; lines: string[] } {
  runs += 1;
  const path = join(root, `night-${runs}.ndjson`);
  const lines = decisions.map((d) => JSON.stringify(form === 'full' ? d : compactDecision(d)));
  writeDecisionsFile(path, lines, { asOf: NIGHT, policy, form });
  return { path, lines };
}

describe('last night read once: keepPreviousStates, distributePreviousStates, readPreviousStates (issue 15)', () => {
  it('the data holds what the property needs: steps of every kind and status, non-ASCII text', () => {
    const steps = decisions.flatMap((d) => d.steps);
    expect(new Set(steps.map((s) => s.status))).toEqual(new Set(['recommended', 'blocked', 'overdue']));
    expect(steps.some((s) => s.forStep !== undefined)).toBe(true);
    expect(decisions.some((d) => d.steps.length === 0)).toBe(true);
    expect(JSON.stringify(decisions)).toMatch(/[åäö§]/);
  });

  it('gives every student of the file, in any buckets, the step states of their decision line and the line as written (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<'full' | 'compact'>('full', 'compact'), fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(4), { minLength: decisions.length, maxLength: decisions.length }), async (form, buckets, choice) => {
        const { path, lines } = nightFile(form);
        const dir = mkdtempSync(join(root, 'run-'));
        const { trailer, states } = await keepPreviousStates(path, TONIGHT, dir);
        expect(trailer.count).toBe(lines.length);
        const bucketOf = new Map(decisions.map((d, i) => [d.studentId, (choice[i] ?? 0) % buckets]));
        await distributePreviousStates(states, dir, buckets, (id) => bucketOf.get(id) ?? -1);
        const read = Array.from({ length: buckets }, (_, b) => readPreviousStates(dir, b));
        // Each student in their bucket only, once.
        expect(read.reduce((n, m) => n + m.size, 0)).toBe(lines.length);
        lines.forEach((line, i) => {
          const decision = JSON.parse(line) as Decision;
          const previous = read[bucketOf.get(decision.studentId) ?? -1]?.get(decision.studentId);
          expect(previous).toBeDefined();
          if (previous === undefined) return;
          expect(previous.asOf).toBe(decision.asOf);
          // The oracle: the states the diff takes from a decision object (`stepStates`), not the reader's own parse.
          expect(previous.steps).toEqual(stepStates(decision));
          expect(previousLine(dir, previous)).toBe(lines[i]);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('refuses a file cut short, with the file named, as verifyDecisionsFile does', async () => {
    const { path } = nightFile('compact');
    const text = readFileSync(path, 'utf8');
    const cut = join(root, 'cut.ndjson');
    writeFileSync(cut, text.replace(/\n[^\n]*\n$/, '\n'));
    await expect(keepPreviousStates(cut, TONIGHT, mkdtempSync(join(root, 'run-')))).rejects.toThrow(/--previous .*cut\.ndjson/);
  });
});

describe('statesHead: the states line of one decision', () => {
  const decision = decisions.find((d) => d.steps.length > 2) as Decision;
  const verified = (value: unknown): Parameters<typeof statesHead>[0] => ({ n: 7, studentId: decision.studentId, asOf: NIGHT, value, bytes: Buffer.from(JSON.stringify(value)) });

  it('is ASCII, with no tab inside a field, for a decision with Swedish text', () => {
    expect(JSON.stringify(decision)).toMatch(/[åäö]/);
    const head = statesHead(verified(JSON.parse(JSON.stringify(decision))));
    expect(head).toMatch(/^[\x20-\x7e\t]*$/);
    expect(head.split('\t')).toEqual([decision.studentId, NIGHT, JSON.stringify(stepStates(decision)), '']);
  });

  it('is never reached by a step it cannot read: the verifying read refuses the file at that line and field first', async () => {
    const value = JSON.parse(JSON.stringify(decision)) as { steps: Array<Record<string, unknown>> };
    (value.steps[1] as Record<string, unknown>)['status'] = 'maybe';
    const lines = decisions.map((d) => JSON.stringify(compactDecision(d)));
    const at = lines.findIndex((l) => (JSON.parse(l) as Decision).studentId === decision.studentId);
    lines[at] = JSON.stringify(compactDecision(value as unknown as Decision));
    const path = join(root, 'bad-step.ndjson');
    writeDecisionsFile(path, lines, { asOf: NIGHT, policy, form: 'compact' });
    const dir = mkdirAt();
    await expect(keepPreviousStates(path, TONIGHT, dir)).rejects.toThrow(PreviousFileError);
    await expect(keepPreviousStates(path, TONIGHT, dir)).rejects.toThrow(`line ${at + 1}: `);
    await expect(keepPreviousStates(path, TONIGHT, dir)).rejects.toThrow('steps.1.status');
  });
});
