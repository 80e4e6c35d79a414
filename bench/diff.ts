/**
 * What `trappa diff` costs, phase by phase, with its baseline in the same run:
 *
 *   npx tsx bench/diff.ts [--students N] [--seed S]
 *
 * Streams N cases from the trappa/testing arbitraries (as `--generate` does,
 * in chunks) and, per chunk, times:
 * 1. generation (fast-check) and validation (`parseStudentCase`);
 * 2. the baseline: two plain `evaluate` calls per student and `diffDecisions`;
 * 3. `diffCase`: facts once, the two compiled rule sets on them (Stockholm
 *    20 % → 15 %, equal parameters) — must give the same step changes;
 * 4. `diffCase` when a parameter differs (facts measured under each policy).
 * The last line is one JSON object with the figures.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCases } from '../src/cli/generateCases.js';
import { diffDecisions } from '../src/diff/diffDecisions.js';
import { diffCase, diffContext, tallyFor } from '../src/diff/diffPolicies.js';
import { addCaseDiff, finishDiff } from '../src/diff/policyDiff.js';
import { builtinPolicy, defaultCalendarFor, evaluate, loadPolicy, parseStudentCase, resolveBuiltinPolicy, type StudentCase } from '../src/index.js';

const { values } = parseArgs({ options: { students: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const students = Number(values.students);
const seed = Number(values.seed);
const asOf = '2026-11-23';
const calendar = defaultCalendarFor(asOf);
const from = builtinPolicy('stockholm');
const stricterJson = JSON.parse(readFileSync(new URL('../fixtures/policies/stockholm-15-percent.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const to = loadPolicy(stricterJson, resolveBuiltinPolicy);
const wider = loadPolicy({ ...stricterJson, version: '2026.3', parameters: { rollingWindowSchoolDays: 30 } }, resolveBuiltinPolicy);
const shared = diffContext(from, to, { asOf, calendar });
const separate = diffContext(from, wider, { asOf, calendar });
const tally = tallyFor(shared);

const seconds = { generate: 0, parse: 0, baseline: 0, shared: 0, separate: 0 };
let records = 0;
let buffer: unknown[] = [];
const CHUNK = 1000;

function timed<T>(phase: keyof typeof seconds, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  seconds[phase] += (performance.now() - start) / 1000;
  return out;
}

function run(chunk: readonly unknown[]): void {
  const cases = timed('parse', () =>
    chunk.map((input) => {
      const parsed = parseStudentCase(input);
      if (!parsed.ok) throw new Error('the kit drew a case the schema rejects');
      records += parsed.case.attendance.length;
      return parsed.case;
    }),
  );
  const baseline = timed('baseline', () => cases.map((c: StudentCase) => diffDecisions(evaluate(c, from, { asOf, calendar }), evaluate(c, to, { asOf, calendar }))));
  const results = timed('shared', () => cases.map((c) => diffCase(shared, c)));
  results.forEach((r, i) => {
    if (JSON.stringify(r.changes) !== JSON.stringify(baseline[i])) throw new Error(`diffCase and two evaluate calls disagree for ${cases[i]?.student.id}`);
    addCaseDiff(tally, r);
  });
  timed('separate', () => cases.forEach((c) => diffCase(separate, c)));
}

const cases = generateCases(students, seed, asOf);
for (;;) {
  const next = timed('generate', () => cases.next());
  if (next.done === true) break;
  buffer.push(next.value);
  if (buffer.length === CHUNK) {
    run(buffer);
    buffer = [];
  }
}
if (buffer.length > 0) run(buffer);

const diff = finishDiff(tally);
const perSecond = (s: number) => Math.round(students / s);
const result = {
  students,
  records,
  affected: diff.students.affected,
  generateStudentsPerSecond: perSecond(seconds.generate),
  parseStudentsPerSecond: perSecond(seconds.parse),
  baselineTwoEvaluatesStudentsPerSecond: perSecond(seconds.baseline),
  diffSharedFactsStudentsPerSecond: perSecond(seconds.shared),
  diffSeparateFactsStudentsPerSecond: perSecond(seconds.separate),
  speedupSharedFacts: Number((seconds.baseline / seconds.shared).toFixed(2)),
  seconds: Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, Number(v.toFixed(1))])),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
process.stdout.write(`${students} students, ${records} lesson records, ${diff.students.affected} affected by Stockholm 20 % → 15 %\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
