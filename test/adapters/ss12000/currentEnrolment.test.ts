import { describe, expect, it } from 'vitest';
import { currentEnrolment } from '../../../src/adapters/ss12000/currentEnrolment.js';
import type { Ss12000Enrolment } from '../../../src/adapters/ss12000/entities.js';

const e = (schoolType: string, startDate: string, extra: Partial<Ss12000Enrolment> = {}): Ss12000Enrolment => ({
  enroledAt: { id: 'u' },
  schoolType,
  startDate,
  ...extra,
});

describe('currentEnrolment', () => {
  it('takes the enrolment in force on asOf, in a form Trappa evaluates', () => {
    const list = [e('FTH', '2019-08-19', { endDate: '2022-06-10' }), e('GR', '2019-08-19', { schoolYear: 8 })];
    expect(currentEnrolment(list, '2026-11-23')).toMatchObject({ kind: 'found', index: 1, schoolForm: 'grundskola' });
  });

  it('prefers the one that started last, and skips ended, future and cancelled ones', () => {
    const list = [
      e('GR', '2017-08-21', { endDate: '2026-06-12', schoolYear: 9 }),
      e('GY', '2026-08-17', { schoolYear: 1 }),
      e('GYS', '2026-09-01', { cancelled: true }),
      e('GR', '2027-01-07'),
    ];
    expect(currentEnrolment(list, '2026-11-23')).toMatchObject({ kind: 'found', index: 1, schoolForm: 'gymnasieskola' });
    expect(currentEnrolment(list, '2026-06-12')).toMatchObject({ kind: 'found', index: 0 });
  });

  it('says why there is none', () => {
    expect(currentEnrolment([e('FS', '2024-08-01')], '2026-11-23')).toMatchObject({
      kind: 'none',
      field: 'enrolments[0].schoolType',
      message: 'School type "FS" is not one Trappa evaluates (FKLASS, GR, GRS, TR, SP, SAM, GY, GYS)',
    });
    expect(currentEnrolment([e('GR', '2019-08-19', { endDate: '2026-06-12' })], '2026-11-23')).toMatchObject({
      kind: 'none',
      field: 'enrolments',
      message: 'No enrolment in force on 2026-11-23',
    });
    expect(currentEnrolment([], '2026-11-23').kind).toBe('none');
  });

  it('without asOf, every enrolment counts as in force', () => {
    expect(currentEnrolment([e('GR', '2017-08-21', { endDate: '2026-06-12' }), e('GY', '2026-08-17')])).toMatchObject({ index: 1 });
  });
});
