import { describe, expect, it } from 'vitest';
import { specSha256, ss12000Validator, undeclaredKeys } from '../../helpers/ss12000Schema.js';

describe('the SS 12000 validator used by the fixture tests', () => {
  it('reads the official 2.1.0 and 2.0.0 files (hashes from shared/ss12000/README.md)', () => {
    expect(specSha256('2.1.0')).toBe('aee9a95a4c5bd25cebaf357d266592f94e9388ae785ee9ac3b58e1992acccd28');
    expect(specSha256('2.0.0')).toBe('b022963a2c164e3aa85e7c505c9c68580fb7a00a8351bd0c3dfb9386853c55bb');
  });

  const v21 = ss12000Validator('2.1.0');
  const attendance = {
    id: '0b6c7f04-8a0b-43b9-b35d-6489e6daee91',
    meta: { created: '2026-11-23T07:00:00+01:00', modified: '2026-11-23T16:30:00+01:00' },
    calendarEvent: { id: '1b6c7f04-8a0b-43b9-b35d-6489e6daee91' },
    student: { id: '2b6c7f04-8a0b-43b9-b35d-6489e6daee91' },
    isReported: true,
  };

  it('accepts a valid record and an envelope with a null pageToken (OpenAPI nullable)', () => {
    expect(v21.errors('Attendance', attendance)).toEqual([]);
    expect(v21.errors('Attendances', { data: [attendance], pageToken: null })).toEqual([]);
  });

  it('rejects what the spec forbids: missing required field, wrong type, bad format, unknown enum value', () => {
    const { isReported: _, ...withoutIsReported } = attendance;
    expect(v21.errors('Attendance', withoutIsReported).map((e) => e.params)).toContainEqual({ missingProperty: 'isReported' });
    expect(v21.errors('Attendance', { ...attendance, invalidAbsenceMinutes: '10' })).not.toEqual([]);
    expect(v21.errors('Attendance', { ...attendance, meta: { created: '2026-11-23 07:00', modified: '2026-11-23T16:30:00+01:00' } })).not.toEqual([]);
    expect(v21.errors('Attendance', { ...attendance, student: { id: 'not-a-uuid' } })).not.toEqual([]);
    expect(
      v21.errors('Absence', { ...attendance, startTime: '2026-11-23T07:00:00Z', endTime: '2026-11-23T08:00:00Z', type: 'Sjukdom' }),
    ).not.toEqual([]);
  });

  it('knows the 2.0/2.1 difference: attendanceMinutes is required in 2.0 only', () => {
    const v20 = ss12000Validator('2.0.0');
    expect(v20.errors('Attendance', attendance).map((e) => e.params)).toContainEqual({ missingProperty: 'attendanceMinutes' });
    expect(v20.errors('Attendance', { ...attendance, attendanceMinutes: 50 })).toEqual([]);
  });

  it('finds keys the schema does not declare, through $ref and allOf', () => {
    expect(undeclaredKeys('2.1.0', 'Attendance', { ...attendance, isReportd: true, student: { id: 'x', securityMarking: 'Ingen', nickname: 'y' } })).toEqual([
      'student.nickname',
      'isReportd',
    ]);
  });
});
