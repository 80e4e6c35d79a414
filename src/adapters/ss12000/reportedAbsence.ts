import type { AbsenceReason } from '../../model/vocabulary.js';

/** An `Absence` reduced to what the mapping needs: its interval and type. */
export interface ReportedAbsence {
  readonly startMs: number;
  readonly endMs: number;
  readonly type: 'Beviljad ledighet' | 'Anmäld frånvaro';
}

/**
 * Reason and guardian report of a lesson's absence, from the student's
 * `Absence` records that overlap the lesson. SS 12000 has no reason codes
 * (`absenceReason` is free text and is never read), so:
 * - `Beviljad ledighet` (leave the school granted on the guardians' request) → `granted-leave`, guardian-reported;
 * - `Anmäld frånvaro` (reported by the student or guardians; sickness is not told apart) → `other`, guardian-reported;
 * - absence no Absence record covers → `unknown`, not guardian-reported;
 * - no absence minutes → `none`.
 * Granted leave wins when both overlap the lesson.
 *
 * @param absentMinutes - valid + invalid minutes of the lesson
 * @param lessonStartMs - lesson start (epoch ms)
 * @param lessonEndMs - lesson end (epoch ms)
 * @param absences - the student's Absence records
 * @returns the reason and whether the guardians reported the absence
 * @example absenceReasonOf(50, t0, t1, [{ startMs: t0, endMs: t1, type: 'Anmäld frånvaro' }]) // { reason: 'other', guardianReported: true }
 */
export function absenceReasonOf(
  absentMinutes: number,
  lessonStartMs: number,
  lessonEndMs: number,
  absences: readonly ReportedAbsence[],
): { readonly reason: AbsenceReason; readonly guardianReported: boolean } {
  if (absentMinutes === 0) return { reason: 'none', guardianReported: false };
  let reported = false;
  for (const a of absences) {
    if (a.startMs >= lessonEndMs || a.endMs <= lessonStartMs) continue;
    if (a.type === 'Beviljad ledighet') return { reason: 'granted-leave', guardianReported: true };
    reported = true;
  }
  return reported ? { reason: 'other', guardianReported: true } : { reason: 'unknown', guardianReported: false };
}
