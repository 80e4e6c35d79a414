/**
 * Trappa benchmark: a baseline and Trappa measured in the same run, on the same data.
 *
 *   npm run bench -- [--students N] [--seed S]
 *
 * 1. baseline: read the NDJSON file line by line, JSON.parse each case, sum minutes per student;
 * 2. end to end: the same read, then parseStudentCase (zod), evaluate (ledger, facts, rules,
 *    steps) and JSON.stringify of the decision;
 * 3. rule evaluation alone on the same facts: Trappa's synchronous interpreter versus
 *    json-rules-engine (the reference).
 * The last line is one JSON object with the figures.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { generateSchool } from '../fixtures/school.js';
import { builtinPolicy, defaultCalendarFor, evaluate, parseStudentCase, rulesInForce } from '../src/index.js';
import { computeFacts } from '../src/metrics/computeFacts.js';
import { addTypology } from '../src/typology/addTypology.js';
import { compilePolicy, runCompiled } from '../src/policy/compile.js';
import { evaluateConditions } from '../src/policy/evaluateConditions.js';
import { createReferenceEngine } from '../src/policy/jreReference.js';
import type { Facts } from '../src/model/facts.js';

const { values } = parseArgs({
  options: { students: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } },
});
const students = Number(values.students);
const asOf = '2026-11-23';
const file = '.bench/school.ndjson';

mkdirSync('.bench', { recursive: true });
const cases = generateSchool({ students, seed: Number(values.seed), termEnd: asOf });
writeFileSync(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
const records = cases.reduce((n, c) => n + (c.attendance?.length ?? 0), 0);

async function eachLine(fn: (line: string) => void): Promise<number> {
  const start = performance.now();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line !== '') fn(line);
  return (performance.now() - start) / 1000;
}

async function baseline(): Promise<number> {
  const totals = new Map<string, number>();
  return eachLine((line) => {
    const c = JSON.parse(line) as { student: { id: string }; attendance: Array<{ scheduledMinutes: number; validAbsenceMinutes?: number; invalidAbsenceMinutes?: number }> };
    let sum = 0;
    for (const r of c.attendance) sum += r.scheduledMinutes + (r.validAbsenceMinutes ?? 0) + (r.invalidAbsenceMinutes ?? 0);
    totals.set(c.student.id, sum);
  });
}

async function endToEnd(): Promise<number> {
  const policy = builtinPolicy('stockholm');
  let bytes = 0;
  return eachLine((line) => {
    const parsed = parseStudentCase(JSON.parse(line));
    if (!parsed.ok) throw new Error('fixture case rejected');
    bytes += JSON.stringify(evaluate(parsed.case, policy, { asOf })).length;
  }).finally(() => void bytes);
}

function best(times: number[]): number {
  return Math.min(...times);
}

const base: number[] = [];
const e2e: number[] = [];
for (let round = 0; round < 3; round += 1) {
  base.push(await baseline());
  e2e.push(await endToEnd());
}

const policy = builtinPolicy('stockholm');
const rules = rulesInForce(policy, asOf);
const calendar = defaultCalendarFor(asOf);
const facts: Facts[] = cases.slice(0, 500).map((c) => {
  const parsed = parseStudentCase(c);
  if (!parsed.ok) throw new Error('fixture case rejected');
  const measured = computeFacts(parsed.case, asOf, calendar, policy.parameters);
  return addTypology(measured.facts, measured.patterns).facts;
});
const interpStart = performance.now();
let fired = 0;
const interpRounds = 20;
for (let r = 0; r < interpRounds; r += 1) {
  for (const f of facts) for (const rule of rules) if (evaluateConditions(rule.conditions, f, policy.conditions).result) fired += 1;
}
const interpSeconds = (performance.now() - interpStart) / 1000;
// The compiled evaluator `evaluate` uses: all rules of the policy, then those in force.
const compiledPolicy = compilePolicy(policy);
const inForceIds = new Set(rules.map((r) => r.id));
const compiledStart = performance.now();
let compiledFired = 0;
const compiledRounds = 200;
for (let r = 0; r < compiledRounds; r += 1) {
  for (const f of facts) {
    const run = runCompiled(compiledPolicy, f);
    compiledPolicy.rules.forEach((cr, i) => {
      if (run.rules[i] === 1 && inForceIds.has(cr.rule.id)) compiledFired += 1;
    });
  }
}
const compiledSeconds = (performance.now() - compiledStart) / 1000;
const engine = createReferenceEngine(policy, rules);
const jreStart = performance.now();
let jreFired = 0;
for (const f of facts) jreFired += (await engine.run({ ...f })).events.length;
const jreSeconds = (performance.now() - jreStart) / 1000;
if (fired !== jreFired * interpRounds) throw new Error(`engines disagree: ${fired / interpRounds} vs ${jreFired}`);
if (compiledFired !== jreFired * compiledRounds) throw new Error(`compiled and json-rules-engine disagree: ${compiledFired / compiledRounds} vs ${jreFired}`);

const baselineRps = records / best(base);
const e2eRps = records / best(e2e);
const interpEps = (facts.length * interpRounds) / interpSeconds;
const compiledEps = (facts.length * compiledRounds) / compiledSeconds;
const jreEps = facts.length / jreSeconds;
const result = {
  students,
  records,
  records_per_s: Math.round(e2eRps),
  baseline_records_per_s: Math.round(baselineRps),
  ratio_vs_baseline: Number((e2eRps / baselineRps).toFixed(3)),
  students_per_s: Math.round(students / best(e2e)),
  compiled_evals_per_s: Math.round(compiledEps),
  interpreter_evals_per_s: Math.round(interpEps),
  jre_evals_per_s: Math.round(jreEps),
  ratio_vs_jre: Number((compiledEps / jreEps).toFixed(1)),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  node: process.version,
};
const rows: Array<[string, string]> = [
  ['students / lesson records', `${students} / ${records}`],
  ['baseline: JSON.parse + sum (records/s)', result.baseline_records_per_s.toLocaleString('en')],
  ['Trappa end to end (records/s)', result.records_per_s.toLocaleString('en')],
  ['  ratio vs baseline', String(result.ratio_vs_baseline)],
  ['rules: compiled (evaluations/s)', result.compiled_evals_per_s.toLocaleString('en')],
  ['rules: interpreter (evaluations/s)', result.interpreter_evals_per_s.toLocaleString('en')],
  ['rules: json-rules-engine (evaluations/s)', result.jre_evals_per_s.toLocaleString('en')],
  ['  ratio vs json-rules-engine', String(result.ratio_vs_jre)],
  ['peak RSS (MB)', String(result.peak_rss_mb)],
];
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(44)} ${v}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
