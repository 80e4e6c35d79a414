/**
 * Regression (the kit's monotonic-escalation invariant, Göteborg, seed 570379362 on the landed code):
 * more absence must not reopen a duty a measure closed. A gymnasium student away (sick) from
 * 2026-09-25, present on 2026-10-08, away again; the rektor's investigation recorded on 09-25.
 * "Upprepad eller längre frånvaro" is an `any`: the term rate over 20 % after 40 school days (its
 * episode began on 09-25) or ten days with absence and over 10 % (its tenth day). One absent minute
 * on 10-08 makes the second alternative fire a day earlier (10-08), and the duty was dated from it:
 * its episode then began on 10-08, after the measure, and the investigation was asked for again.
 * An `any`'s episode begins when the first of its true alternatives' episodes did.
 */
import { describe, expect, it } from 'vitest';
import { builtinPolicy, type BuiltinPolicyId } from '../../src/index.js';
import { decideCase, stepKeys } from '../../src/testing/index.js';
import { lessons, schoolDays, type LessonAbsence } from '../helpers/cases.js';

const DAYS = schoolDays('2026-09-25', '2026-12-04');
const SHORT = new Set(['2026-10-12', '2026-10-21', '2026-11-13', '2026-11-16', '2026-11-17', '2026-11-19', '2026-11-24', '2026-11-26', '2026-12-01']);

function studentCase(oneMinuteOn1008: boolean) {
  return {
    student: {
      id: 'elev-1', birthDate: '2005-12-05', schoolForm: 'gymnasieskola' as const, grade: 3, enrolledFrom: '2026-09-25',
      school: { id: 'skola-1', huvudman: 'kommunal' as const, municipalityCode: '0180' }, residence: { municipalityCode: '0180' },
    },
    attendance: lessons(DAYS, {
      perDay: 1,
      minutes: 40,
      absent: (d): LessonAbsence | undefined =>
        d === '2026-10-08' ? (oneMinuteOn1008 ? { valid: 1 } : undefined) : SHORT.has(d) ? { valid: 5, reason: 'sick' } : { valid: 40, reason: 'sick' },
    }),
    measures: [{ step: 'rektor-utredning' as const, date: '2026-09-25' }],
  };
}

describe('an `any` condition\'s episode begins with the first of its true alternatives\' episodes', () => {
  it.each(['skollagen', 'goteborg'] satisfies BuiltinPolicyId[])('%s: one more absent minute keeps the investigation closed by the 09-25 measure, and the follow-up', (policyId) => {
    const policy = builtinPolicy(policyId);
    const before = decideCase(studentCase(false), policy, '2026-12-04');
    const after = decideCase(studentCase(true), policy, '2026-12-04');
    for (const d of [before, after]) expect(d.notRecommended.find((n) => n.step === 'rektor-utredning')).toMatchObject({ reason: 'already-taken', measureDate: '2026-09-25' });
    expect(stepKeys(after)).toEqual(stepKeys(before));
    expect(stepKeys(after)).toContain('uppfoljning');
  });
});
