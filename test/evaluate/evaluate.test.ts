/**
 * The decision as a whole: every step explained (rule, legal basis, evidence
 * with the real fact values), the policy identified, and a deterministic
 * order. Scenarios are built by hand on the default calendar (HT2026 from
 * 2026-08-17, höstlov 2026-10-26 – 10-30).
 */
import { describe, expect, it } from 'vitest';
import { builtinPolicy, evaluate, parseStudentCase, type Decision, type StepKind, type StudentCaseInput, type Urgency } from '../../src/index.js';
import { decide, lessons, schoolDays, step, stepIds, studentCase, wholeDaysAbsent, type CaseOverrides } from '../helpers/cases.js';

const AS_OF = '2026-11-23';

/** Everything at once: 10 whole days away, late today, harm suspected after an earlier orosanmälan, SIP needs. */
function richCase(overrides: CaseOverrides = {}): StudentCaseInput {
  const days = schoolDays('2026-08-17', AS_OF);
  const away = new Set(schoolDays('2026-11-09', '2026-11-20'));
  return studentCase({
    student: {
      school: { teams: ['skolsocialt-team'] },
      residence: { municipalityCode: '0180', district: 'Rinkeby-Kista' },
    },
    attendance: lessons(days, {
      perDay: 5,
      absent: (date, i) => (away.has(date) ? { valid: 60 } : date === AS_OF && i === 0 ? { invalid: 15 } : undefined),
    }),
    signals: [
      { type: 'harm-suspected', date: '2026-10-30' },
      { type: 'needs-health-and-social-care', date: '2026-11-10' },
      { type: 'harm-suspected', date: '2026-11-20' },
    ],
    measures: [{ step: 'orosanmalan', date: '2026-11-02' }],
    ...overrides,
  });
}

const SCENARIOS: ReadonlyArray<[string, () => Decision]> = [
  ['Stockholm city school, everything at once', () => decide(richCase(), 'stockholm')],
  ['the same under skollagen', () => decide(richCase(), 'skollagen')],
  [
    'fristående school, Stockholm resident, 10-day streak',
    () =>
      decide(
        studentCase({
          student: { school: { huvudman: 'fristaende' } },
          attendance: wholeDaysAbsent(schoolDays('2026-08-17', '2026-09-25'), schoolDays('2026-09-14', '2026-09-25')),
        }),
        'stockholm',
        '2026-09-25',
      ),
  ],
  [
    'gymnasium pupil aged 16, late today, complex problems',
    () =>
      decide(
        studentCase({
          student: { schoolForm: 'gymnasieskola', grade: 2, birthDate: '2010-02-01' },
          attendance: lessons([AS_OF], { perDay: 3, absent: () => ({ invalid: 60 }) }),
          signals: [{ type: 'complex-problems', date: AS_OF }],
        }),
        'stockholm',
      ),
  ],
];

const STRENGTH: Readonly<Record<StepKind, number>> = { lagkrav: 0, riktlinje: 1, stod: 2 };

describe('Explanations: every step says why (rule, legal basis, evidence)', () => {
  it.each(SCENARIOS)('%s: every step has ≥ 1 reason with ruleId, basis.citation and non-empty evidence', (_, run) => {
    const d = run();
    expect(d.steps.length).toBeGreaterThan(0);
    for (const s of d.steps) {
      expect(s.reasons.length, s.id).toBeGreaterThanOrEqual(1);
      for (const r of s.reasons) {
        expect(r.ruleId, s.id).toMatch(/^[a-z0-9-]+$/);
        expect(r.basis.citation.length, `${s.id} ${r.ruleId}`).toBeGreaterThan(0);
        expect(r.evidence.length, `${s.id} ${r.ruleId}`).toBeGreaterThan(0);
      }
    }
  });

  it.each(SCENARIOS)('%s: every evidence leaf carries the actual fact value of the decision, and held', (_, run) => {
    const d = run();
    const facts = d.facts as unknown as Record<string, unknown>;
    for (const s of d.steps) {
      for (const r of s.reasons) {
        for (const e of r.evidence) {
          expect(e.fact in facts, `${r.ruleId}: ${e.fact}`).toBe(true);
          expect(e.actual, `${r.ruleId}: ${e.fact}`).toEqual(facts[e.fact]);
          expect(e.result, `${r.ruleId}: ${e.fact}`).toBe(true);
        }
      }
    }
  });

  it.each(SCENARIOS)('%s: a step is as strong as its strongest reason (lagkrav > riktlinje > stöd), and reasons come from the policy chain', (_, run) => {
    const d = run();
    const chain = builtinPolicy(d.policy.id as 'stockholm' | 'skollagen').chain;
    for (const s of d.steps) {
      const strongest = s.reasons.map((r) => r.kind).reduce((a, b) => (STRENGTH[b] < STRENGTH[a] ? b : a));
      expect(s.kind, s.id).toBe(strongest);
      for (const r of s.reasons) expect(chain, r.ruleId).toContain(r.policyId);
    }
  });

  it('Explanations: SL 7:19 a evidence names the shared condition it came through and the real streak (10 days)', () => {
    const d = decide(richCase(), 'skollagen');
    const leaf = step(d, 'rektor-utredning').reasons[0]?.evidence.find((e) => e.fact === 'longestWholeDayStreak');
    expect(leaf).toEqual({
      fact: 'longestWholeDayStreak',
      operator: 'greaterThanInclusive',
      value: 10,
      actual: 10,
      result: true,
      via: ['upprepad-eller-langre-franvaro'],
    });
  });

  it('Explanations (§7.4 follow-up): an uppfoljning raised because an investigation is 20 school days old and the absence persists also has ≥ 1 reason with ruleId, citation and evidence', () => {
    // Skollagen only (no uppfoljning rule of its own): whole-day absence every school day from 2026-09-28,
    // rektor-utredning on 2026-10-16, i.e. 21 school days before 2026-11-23: the follow-up was due on
    // the 20th (Fri 2026-11-20) and is overdue on Monday.
    const d = decide(
      studentCase({
        attendance: wholeDaysAbsent(schoolDays('2026-08-17', AS_OF), schoolDays('2026-09-28', AS_OF)),
        measures: [{ step: 'rektor-utredning', date: '2026-10-16' }],
      }),
      'skollagen',
    );
    const s = step(d, 'uppfoljning');
    expect(s).toMatchObject({ status: 'overdue', dueDate: '2026-11-20' });
    expect(s.reasons.length).toBeGreaterThanOrEqual(1);
    for (const r of s.reasons) {
      expect(r.basis.citation.length).toBeGreaterThan(0);
      expect(r.evidence.length).toBeGreaterThan(0);
    }
  });

  it('Explanations (§7.4 follow-up): with the Stockholm policy the overdue uppfoljning keeps its guideline reason and lists the escalation', () => {
    const d = decide(
      studentCase({
        attendance: wholeDaysAbsent(schoolDays('2026-08-17', AS_OF), schoolDays('2026-09-28', AS_OF)),
        measures: [{ step: 'rektor-utredning', date: '2026-10-16' }],
      }),
      'stockholm',
    );
    const s = step(d, 'uppfoljning');
    expect(s).toMatchObject({ status: 'overdue', dueDate: '2026-11-20' });
    expect(s.reasons.map((r) => r.ruleId)).toEqual(['sthlm-allvarlig-franvaro-uppfoljning']);
    expect(s.escalations).toEqual([{ step: 'rektor-utredning', measureDate: '2026-10-16', schoolDaysSince: 21 }]);
  });
});

describe('The decision names its policy', () => {
  it.each(['stockholm', 'skollagen'] as const)('decision.policy for %s: id, version and a 64-hex SHA-256 hash', (id) => {
    const d = decide(studentCase({}), id);
    expect(d.policy.id).toBe(id);
    expect(d.policy.version).toMatch(/^\d{4}\.\d+(\.\d+)?$/);
    expect(d.policy.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(d.policy.hash).toBe(builtinPolicy(id).hash);
  });

  it('the two bundled policies have different hashes', () => {
    expect(decide(studentCase({}), 'stockholm').policy.hash).not.toBe(decide(studentCase({}), 'skollagen').policy.hash);
  });

  it('the decision carries the student id and asOf', () => {
    const d = decide(studentCase({ student: { id: 'elev-42' } }), 'stockholm', '2026-11-20');
    expect(d.studentId).toBe('elev-42');
    expect(d.asOf).toBe('2026-11-20');
  });
});

describe('Deterministic order', () => {
  const URGENCY: readonly Urgency[] = ['genast', 'samma-dag', 'skyndsamt', 'snarast', 'inom-frist', 'planeras'];

  it('most urgent first: orosanmälan (genast) before the same-day notice (samma dag)', () => {
    const d = decide(
      studentCase({
        attendance: lessons([AS_OF], { perDay: 5, absent: (_, i) => (i === 0 ? { invalid: 15 } : undefined) }),
        signals: [{ type: 'harm-suspected', date: AS_OF }],
      }),
      'skollagen',
    );
    expect(stepIds(d)).toEqual(['orosanmalan', 'vardnadshavare-informeras']);
  });

  it.each(SCENARIOS)('%s: steps are ordered by urgency, most urgent first', (_, run) => {
    const ranks = run().steps.map((s) => URGENCY.indexOf(s.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('the same case twice gives the same decision, and it survives a JSON round trip', () => {
    const a = decide(richCase(), 'stockholm');
    const b = decide(richCase(), 'stockholm');
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('the order of attendance, signals and measures in the input does not change the decision', () => {
    const input = richCase({ measures: [{ step: 'orosanmalan', date: '2026-11-02' }, { step: 'eht', date: '2026-11-12' }] });
    const reversed: StudentCaseInput = {
      ...input,
      attendance: [...(input.attendance ?? [])].reverse(),
      signals: [...(input.signals ?? [])].reverse(),
      measures: [...(input.measures ?? [])].reverse(),
    };
    expect(decide(reversed, 'stockholm')).toEqual(decide(input, 'stockholm'));
  });

  it('evaluate rejects an asOf that is not a calendar date', () => {
    const parsed = parseStudentCase(studentCase({}));
    if (!parsed.ok) throw new Error('fixture rejected');
    expect(() => evaluate(parsed.case, builtinPolicy('skollagen'), { asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('a JavaScript caller that leaves asOf (or previous.asOf) out gets the RangeError that names it, not a TypeError', () => {
    const parsed = parseStudentCase(studentCase({}));
    if (!parsed.ok) throw new Error('fixture rejected');
    const policy = builtinPolicy('skollagen');
    expect(() => evaluate(parsed.case, policy, {} as unknown as { asOf: string })).toThrow(/asOf must be a date written YYYY-MM-DD, got "undefined"/);
    expect(() => evaluate(parsed.case, policy, { asOf: '2026-11-23', previous: { steps: [] } as unknown as { asOf: string; steps: [] } })).toThrow(RangeError);
  });
});
