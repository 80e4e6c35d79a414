import { describe, expect, it } from 'vitest';
import { absenceReasonOf, type ReportedAbsence } from '../../../src/adapters/ss12000/reportedAbsence.js';

const t = (iso: string) => Date.parse(iso);
const lesson = [t('2026-11-23T08:10:00+01:00'), t('2026-11-23T09:00:00+01:00')] as const;
const abs = (from: string, to: string, type: ReportedAbsence['type']): ReportedAbsence => ({ startMs: t(from), endMs: t(to), type });

describe('absenceReasonOf', () => {
  it('no absence minutes: none, whatever was reported', () => {
    expect(absenceReasonOf(0, ...lesson, [abs('2026-11-23T00:00:00+01:00', '2026-11-24T00:00:00+01:00', 'Anmäld frånvaro')])).toEqual({ reason: 'none', guardianReported: false });
  });

  it('Anmäld frånvaro covering the lesson: other, guardian-reported', () => {
    expect(absenceReasonOf(50, ...lesson, [abs('2026-11-23T07:00:00+01:00', '2026-11-23T12:00:00+01:00', 'Anmäld frånvaro')])).toEqual({ reason: 'other', guardianReported: true });
  });

  it('Beviljad ledighet: granted-leave, and it wins over Anmäld frånvaro', () => {
    const both = [abs('2026-11-23T08:00:00+01:00', '2026-11-23T08:30:00+01:00', 'Anmäld frånvaro'), abs('2026-11-20T00:00:00+01:00', '2026-11-24T00:00:00+01:00', 'Beviljad ledighet')];
    expect(absenceReasonOf(50, ...lesson, both)).toEqual({ reason: 'granted-leave', guardianReported: true });
  });

  it('absence no Absence record touches: unknown; intervals are half-open', () => {
    const before = abs('2026-11-23T07:00:00+01:00', '2026-11-23T08:10:00+01:00', 'Anmäld frånvaro');
    const after = abs('2026-11-23T09:00:00+01:00', '2026-11-23T10:00:00+01:00', 'Anmäld frånvaro');
    expect(absenceReasonOf(50, ...lesson, [before, after])).toEqual({ reason: 'unknown', guardianReported: false });
    // The same instant in another offset still overlaps.
    expect(absenceReasonOf(50, ...lesson, [abs('2026-11-23T07:30:00Z', '2026-11-23T07:40:00Z', 'Anmäld frånvaro')]).reason).toBe('other');
  });
});
