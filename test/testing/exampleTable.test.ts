/**
 * Issue 17: the pure parts of example tables — compact attendance, expansion
 * of a case, structured differences, coverage semantics, toExampleCase.
 */
import { describe, expect, it } from 'vitest';
import { builtinPolicy } from '../../src/index.js';
import {
  CompactAttendanceSchema,
  compareDecision,
  coverageSample,
  expandAttendance,
  expandCase,
  ExpectationSchema,
  parseExampleTable,
  ruleCoverage,
  runExampleCase,
  toExampleCase,
  type ExampleTableInput,
} from '../../src/testing/index.js';
import { decide, studentCase } from '../helpers/cases.js';

const STUDENT = {
  birthDate: '2013-03-15',
  schoolForm: 'grundskola',
  grade: 7,
  school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180' },
  residence: { municipalityCode: '0180' },
};

describe('expandAttendance', () => {
  it('the issue\'s example: "invalid 08:10 lesson every Monday from 2026-09-07 to 2026-11-23"', () => {
    const lessons = expandAttendance(
      CompactAttendanceSchema.parse({
        schedule: ['08:10-09:00', '09:10-10:00'],
        absences: [{ kind: 'invalid', from: '2026-09-07', to: '2026-11-23', weekdays: ['mon'], lessons: ['08:10'] }],
      }),
      { asOf: '2026-11-23' },
    );
    const invalid = lessons.filter((l) => (l.invalidAbsenceMinutes ?? 0) > 0);
    // Mondays 09-07 … 11-23 are 12, less höstlov's Monday 10-26: 11 lessons, each the 08:10 one.
    expect(invalid).toHaveLength(11);
    expect(new Set(invalid.map((l) => l.start))).toEqual(new Set(['08:10']));
    expect(invalid[0]).toEqual({ date: '2026-09-07', start: '08:10', scheduledMinutes: 50, validAbsenceMinutes: 0, invalidAbsenceMinutes: 50, reason: 'none' });
    // From the term's first day (2026-08-17) to asOf, two lessons on each school day.
    expect(lessons[0]?.date).toBe('2026-08-17');
    expect(lessons.at(-1)?.date).toBe('2026-11-23');
  });

  it('"sick 2026-10-05 to 2026-10-09": whole days, valid, reason sick, reported by the guardian; a later pattern overrides an earlier one', () => {
    const lessons = expandAttendance(
      CompactAttendanceSchema.parse({
        from: '2026-10-05',
        to: '2026-10-09',
        schedule: { default: ['08:10-09:00'], fri: ['08:10-09:00', '10:00-11:30'] },
        absences: [
          { kind: 'sick', from: '2026-10-05', to: '2026-10-09' },
          { kind: 'invalid', dates: ['2026-10-09'], lessons: [2], minutes: 30 },
          { kind: 'unreported', dates: ['2026-10-06'] },
        ],
      }),
      { asOf: '2026-11-23' },
    );
    expect(lessons.map((l) => [l.date, l.start, l.validAbsenceMinutes, l.invalidAbsenceMinutes, l.reason ?? null, l.reported ?? true])).toEqual([
      ['2026-10-05', '08:10', 50, 0, 'sick', true],
      ['2026-10-06', '08:10', 50, 0, 'sick', false],
      ['2026-10-07', '08:10', 50, 0, 'sick', true],
      ['2026-10-08', '08:10', 50, 0, 'sick', true],
      ['2026-10-09', '08:10', 50, 0, 'sick', true],
      ['2026-10-09', '10:00', 0, 30, 'none', true],
    ]);
  });

  it('refuses a pattern with both dates and a range, and a lesson that ends before it starts', () => {
    expect(CompactAttendanceSchema.safeParse({ absences: [{ kind: 'sick', from: '2026-10-05', dates: ['2026-10-05'] }] }).success).toBe(false);
    expect(CompactAttendanceSchema.safeParse({ schedule: ['09:00-08:10'] }).success).toBe(false);
  });
});

describe('tables, cases and differences', () => {
  const table: ExampleTableInput = {
    policy: 'stockholm',
    asOf: '2026-11-23',
    student: STUDENT,
    schedule: ['08:10-09:00'],
    cases: [
      {
        name: 'harm',
        student: { residence: { district: 'Farsta' } },
        signals: [{ type: 'harm-suspected', date: '2026-11-23' }],
        expect: { steps: [{ step: 'orosanmalan', status: 'overdue', routing: { target: 'socialtjanst', district: 'Farsta' } }, 'kartlaggning'], notSteps: ['orosanmalan'], typology: { skolk: 'stark' } },
      },
    ],
  };

  it('merges the student field by field and names the case\'s student', () => {
    const parsed = parseExampleTable(table);
    if (!parsed.ok) throw new Error('table');
    const c = expandCase(parsed.table, 0);
    if (!('input' in c)) throw new Error(c.message);
    expect(c.input.student).toMatchObject({ id: 'case-1', residence: { municipalityCode: '0180', district: 'Farsta' } });
  });

  it('a wrong expectation gives one structured difference per mismatch', () => {
    const parsed = parseExampleTable(table);
    if (!parsed.ok) throw new Error('table');
    const c = expandCase(parsed.table, 0);
    if (!('input' in c)) throw new Error(c.message);
    const result = runExampleCase(c, builtinPolicy('stockholm'));
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.differences).toEqual([
      { kind: 'step-field', step: 'orosanmalan', field: 'status', expected: 'overdue', actual: 'recommended' },
      { kind: 'missing-step', step: 'kartlaggning' },
      { kind: 'unexpected-step', step: 'orosanmalan', status: 'recommended', rules: ['sol-2025-orosanmalan'] },
      { kind: 'typology', type: 'skolk', expected: 'stark', actual: 'ingen' },
    ]);
  });

  it('a table without cases, or with an unknown key, names the path', () => {
    expect(parseExampleTable({ policy: 'stockholm', cases: [] })).toMatchObject({ ok: false, issues: [{ path: 'cases' }] });
    expect(parseExampleTable({ cases: [{ name: 'x', expect: {}, attendence: {} }] })).toMatchObject({ ok: false, issues: [{ path: 'cases.0' }] });
  });

  it('a case the schema refuses is an error, not a failure', () => {
    const parsed = parseExampleTable({ ...table, cases: [{ name: 'bad', student: { grade: 42 }, expect: {} }] });
    if (!parsed.ok) throw new Error('table');
    const c = expandCase(parsed.table, 0);
    if (!('input' in c)) throw new Error(c.message);
    expect(runExampleCase(c, builtinPolicy('stockholm'))).toMatchObject({ status: 'error', error: expect.stringContaining('student.grade') });
  });

  it('compareDecision with an empty expectation finds nothing', () => {
    expect(compareDecision(decide(studentCase()), ExpectationSchema.parse({}))).toEqual([]);
  });
});

describe('ruleCoverage', () => {
  it('counts a rule not in force on the asOf as not in force, its leaves as never evaluated; each named-condition leaf once', () => {
    const policy = builtinPolicy('skollagen');
    const d = decide(studentCase({ signals: [{ type: 'harm-suspected', date: '2026-11-23' }] }), 'skollagen');
    const p = ruleCoverage([coverageSample(d, policy)]).policies[0];
    expect(p?.rules.find((r) => r.ruleId === 'sol-2001-14-1-orosanmalan')?.status).toBe('not-in-force');
    expect(p?.rules.find((r) => r.ruleId === 'sol-2025-orosanmalan')).toMatchObject({ status: 'fired', evaluated: 1, fired: 1 });
    expect(p?.leaves.find((l) => l.owner.kind === 'rule' && l.owner.ruleId === 'sol-2001-hsl-sip')).toMatchObject({ evaluated: false, seenTrue: false, seenFalse: false });
    const harm = p?.leaves.filter((l) => l.owner.kind === 'condition' && l.owner.name === 'misstanke-att-barn-far-illa' && l.fact === 'signalHarmSuspected');
    expect(harm).toEqual([expect.objectContaining({ path: 'all[1].any[0]', seenTrue: true, seenFalse: false })]);
    expect(p?.conditions.find((c) => c.name === 'misstanke-att-barn-far-illa')).toEqual({ name: 'misstanke-att-barn-far-illa', seenTrue: true, seenFalse: false, evaluated: true, casesTrue: 1, casesFalse: 0 });
  });

  it('refuses a decision made under another policy', () => {
    expect(() => coverageSample(decide(studentCase(), 'stockholm'), builtinPolicy('goteborg'))).toThrow(/not goteborg/);
  });
});

describe('toExampleCase', () => {
  it('a kit counterexample becomes a case that runs to the same steps', () => {
    const input = studentCase({ signals: [{ type: 'harm-suspected', date: '2026-11-20' }], attendance: [{ date: '2026-11-20', start: '08:00', scheduledMinutes: 60, invalidAbsenceMinutes: 60 }] });
    const decision = decide(input, 'stockholm', '2026-11-23');
    const kept = toExampleCase({ asOf: '2026-11-23', input, otherConsents: {} }, { policy: 'stockholm', source: 'SoL 14:1', decision });
    expect(kept).toMatchObject({ name: 'counterexample elev-1 on 2026-11-23', policy: 'stockholm', asOf: '2026-11-23', source: 'SoL 14:1' });
    const parsed = parseExampleTable(JSON.parse(JSON.stringify({ cases: [kept] })));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const c = expandCase(parsed.table, 0);
    if (!('input' in c)) throw new Error(c.message);
    const result = runExampleCase(c, builtinPolicy('stockholm'));
    expect(result.status).toBe('passed');
    expect(result.status === 'passed' && result.decision.steps).toEqual(decision.steps);
  });

  it('refuses a value without asOf and input', () => {
    expect(() => toExampleCase({ input: {} }, { policy: 'stockholm' })).toThrow(TypeError);
  });
});
