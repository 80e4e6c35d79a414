/**
 * The hot path of reading decisions back (`isDecisionLine`) against its oracle, zod's
 * `CompactDecisionSchema` and `DecisionSchema`: the same verdict on every value, real decisions of
 * a generated school (compact and full, with the fields a school's night seldom has added: a CSN
 * report, a held-open duty, a result date, a follow-up, escalations, an episode, expired signals)
 * and the same decisions broken at one to three places (a key deleted, a value replaced by any
 * JSON value or by a value near the edge of what the schema takes: a date that does not exist, a
 * 26th week, a negative or fractional minute, an empty hash, an enum's neighbour). A value the
 * hot path accepts and zod refuses would let a broken line into the night; one it refuses and zod
 * accepts only costs time, but the property asks for the same verdict both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSchool } from '../../fixtures/school.js';
import { builtinPolicy, evaluate, parseStudentCase } from '../../src/index.js';
import { compactDecision } from '../../src/report/compactDecision.js';
import { CompactDecisionSchema } from '../../src/model/compactDecisionSchema.js';
import { DecisionSchema } from '../../src/model/decisionSchema.js';
import { isDecisionLine } from '../../src/model/fastDecision.js';

const NIGHT = '2026-11-20';
const policy = builtinPolicy('stockholm');

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** A school's night as `JSON.parse` reads its lines back: students with no step, one and many. */
const decisions: JsonObject[] = generateSchool({ students: 16, seed: 5, termEnd: NIGHT }).map((c) => {
  const parsed = parseStudentCase(c);
  if (!parsed.ok) throw new Error('fixture case rejected');
  return JSON.parse(JSON.stringify(evaluate(parsed.case, policy, { asOf: NIGHT }))) as JsonObject;
});

const json = (v: unknown): JsonValue => JSON.parse(JSON.stringify(v)) as JsonValue;

/** The line in the form asked for, as it is read back. */
function line(d: JsonObject, full: boolean): JsonObject {
  return full ? (json(d) as JsonObject) : (json(compactDecision(d as never)) as JsonObject);
}

/** The fields a night seldom has, added valid: the mutations below then reach into them too. */
function enriched(d: JsonObject, full: boolean): JsonObject {
  const out = line(d, full);
  const steps = out['steps'] as JsonObject[];
  const step = steps[0];
  if (step !== undefined) {
    step['csnReport'] = { firstSkolkDay: '2026-11-02', earliestReportDate: '2026-11-16', earliestExceptionalReportDate: '2026-11-09', studiehjalp: 'yes', specialReasons: ['harm-suspected'] };
    step['heldOpen'] = { verifiedOn: '2026-11-19' };
    step['resultDueDate'] = '2026-12-01';
    step['forStep'] = 'eht';
    step['escalations'] = [{ step: 'eht', measureDate: '2026-10-01', schoolDaysSince: 12 }];
  }
  out['episode'] = { start: '2026-09-01', obehovligtOn: '2026-08-31' };
  out['expiredSignals'] = [{ type: 'bullying', date: '2026-08-20', until: '2026-10-19' }];
  return out;
}

/** Every place in a value: the path to it (keys and indices). */
function paths(v: JsonValue, at: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** Values at the edge of what the schemas take. */
const EDGE: JsonValue[] = [
  null, true, false, 0, -1, 1.5, 2 ** 53, '', 'x', '2026-11-23', '2026-02-29', '2028-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '2026-11-23 ', '２０２６-11-23',
  [], {}, [1], [-1], [0.5], ['x'], Array.from({ length: 26 }, () => 0), Array.from({ length: 25 }, () => 0),
  'recommended', 'blocked', 'lagkrav', 'stod', 'rektor', 'genast', 'csn', 'manual', 'yes', 'no', 'stark', 'mattlig', 'conditions-not-met', 'already-taken',
  'eht', 'orosanmalan', 'vardnadshavare-informeras', 'absence-days', 'evaluation-date', 'harm-suspected', 'skola:1', 'a b', 'å',
  { kind: 'fact' }, { required: true }, { target: 'csn' }, { verifiedOn: '2026-11-19' }, { sv: '', en: '' },
];

type Mutation = { readonly at: number; readonly kind: 'delete' | 'edge' | 'any' | 'grow'; readonly edge: number; readonly any: JsonValue };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('delete', 'edge', 'edge', 'any', 'grow'),
  edge: fc.nat(EDGE.length - 1),
  any: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
});

/** Apply one mutation to a copy's place `m.at` (modulo the places there are). */
function mutate(value: JsonObject, m: Mutation): JsonObject {
  const all = paths(value).slice(1);
  const path = all[m.at % all.length] ?? [];
  const parentPath = path.slice(0, -1);
  const key = path.at(-1) as string | number;
  let parent: JsonValue = value;
  for (const p of parentPath) parent = (parent as Record<string | number, JsonValue>)[p] as JsonValue;
  const holder = parent as Record<string | number, JsonValue>;
  const here = holder[key];
  if (m.kind === 'delete') {
    if (Array.isArray(holder)) holder.splice(key as number, 1);
    else delete holder[key];
  } else if (m.kind === 'grow' && Array.isArray(here)) {
    here.push(json(here[0] ?? m.any));
  } else {
    holder[key] = json(m.kind === 'any' ? m.any : EDGE[m.edge]);
  }
  return value;
}

const verdicts = (value: JsonObject, full: boolean): [boolean, boolean] => [isDecisionLine(value, full), (full ? DecisionSchema : CompactDecisionSchema).safeParse(value).success];

describe('isDecisionLine: the schema\'s verdict without zod (issue 15)', () => {
  it('the night has what the property needs: steps, a weekly series, Swedish text', () => {
    expect(decisions.some((d) => (d['steps'] as JsonValue[]).length > 1)).toBe(true);
    expect(decisions.some((d) => (d['steps'] as JsonValue[]).length === 0)).toBe(true);
    expect(decisions.every((d) => d['series'] !== null)).toBe(true);
  });

  it('accepts every real decision, compact and full, also with the fields a night seldom has', () => {
    for (const d of decisions) {
      for (const full of [false, true]) {
        expect(verdicts(line(d, full), full)).toEqual([true, true]);
        expect(verdicts(enriched(d, full), full)).toEqual([true, true]);
      }
    }
    // A full decision is also a compact one; a compact one is not a full one (no notRecommended, half a policy).
    expect(isDecisionLine(line(decisions[0] as JsonObject, true), false)).toBe(true);
    expect(isDecisionLine(line(decisions[0] as JsonObject, false), true)).toBe(false);
  });

  it('gives zod\'s verdict on a decision broken at one to three places (property)', () => {
    fc.assert(
      fc.property(fc.nat(decisions.length - 1), fc.boolean(), fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, full, rich, mutations) => {
        const base = rich ? enriched(decisions[i] as JsonObject, full) : line(decisions[i] as JsonObject, full);
        const broken = json(mutations.reduce(mutate, base)) as JsonObject;
        const [fast, zod] = verdicts(broken, full);
        expect(fast).toBe(zod);
      }),
      { numRuns: 3000 },
    );
  });

  it('a weekly series: at most 25 weeks (MAX_SERIES_WEEKS), three columns of one length, whole minutes', () => {
    const weeks = (n: number, minute = 0): JsonValue => ({ firstWeek: '2026-08-17', scheduled: Array(n).fill(600), valid: Array(n).fill(minute), invalid: Array(n).fill(0) });
    for (const [series, ok] of [
      [weeks(25), true],
      [weeks(26), false],
      [weeks(0), true],
      [weeks(3, 0.5), false],
      [weeks(3, -1), false],
      [null, true],
      [{ ...(weeks(2) as JsonObject), invalid: [0] }, false],
      [{ ...(weeks(2) as JsonObject), firstWeek: '2026-02-30' }, false],
    ] as const) {
      const d = { ...line(decisions[0] as JsonObject, false), series: json(series) };
      expect(verdicts(d, false)).toEqual([ok, ok]);
    }
    const { series: _, ...without } = line(decisions[0] as JsonObject, false);
    expect(verdicts(without, false)).toEqual([true, true]);
  });

  it('refuses what is not a decision object at all, as zod does', () => {
    for (const v of [null, [], 'x', 1, {}, { studentId: 'e1' }]) {
      expect(isDecisionLine(v, false)).toBe(false);
      expect(CompactDecisionSchema.safeParse(v).success).toBe(false);
    }
  });
});
