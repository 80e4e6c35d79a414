import { weekday } from '../calendar/dayNumber.js';
import type { Rate } from '../model/facts.js';
import type { LedgerDay } from './ledger.js';

/**
 * Attendance patterns the absence typology reads (domain.md §4.1, §6.2),
 * term to date. Counts are integers and shares are exact `Rate`s: nothing is
 * rounded and nothing is a float.
 *
 * "Scattered" (ströfrånvaro) means absence on a day the student attended at
 * least part of: being at school but not in class. "Whole day" means every
 * reported minute of the day was absence.
 */
export interface AbsencePatterns {
  /** Days with at least one reported lesson. */
  readonly reportedDays: number;
  readonly scheduledMinutes: number;
  /** Valid + invalid absence minutes. */
  readonly absenceMinutes: number;
  readonly invalidMinutes: number;
  /** Days with any absence. */
  readonly absenceDays: number;

  /** Lessons with invalid absence on days with some attendance (ogiltig ströfrånvaro). */
  readonly scatteredInvalidLessons: number;
  /** Days with some attendance and some invalid absence. */
  readonly scatteredInvalidDays: number;
  /** Invalid absence minutes on days with some attendance. */
  readonly scatteredInvalidMinutes: number;

  /** Whole days absent. */
  readonly wholeDays: number;
  /** Whole days absent where all the absence was invalid. */
  readonly wholeDaysInvalid: number;
  /** Whole days absent where all the absence was valid. */
  readonly wholeDaysValid: number;

  /** Absence minutes the guardians reported, of all absence minutes. */
  readonly guardianReported: Rate;
  /** Invalid absence minutes the guardians reported, of all invalid absence minutes. */
  readonly guardianReportedInvalid: Rate;

  /**
   * Scattered invalid lessons that were the first or the last reported lesson
   * of the day, of all scattered invalid lessons, on days with at least
   * `FIRST_LAST_MIN_LESSONS` reported lessons (on shorter days every lesson is
   * first or last, so they say nothing about concentration).
   */
  readonly firstLastInvalidLessons: Rate;

  /** Days with absence per ISO weekday, Monday first (index 0) to Sunday (index 6). */
  readonly absenceDaysByWeekday: readonly number[];
  /** Days with absence on a Monday or a Friday, of all days with absence. */
  readonly mondayFridayAbsenceDays: Rate;

  /** Whole days absent with every absent minute reported as `sick`. */
  readonly sickWholeDays: number;
  /** Runs of consecutive sick whole days (days without reported lessons neither break nor extend a run). */
  readonly sickEpisodes: number;
  /** Sick episodes of exactly one day. */
  readonly oneDaySickEpisodes: number;
  /** Sick whole days on a Monday or a Friday, of all sick whole days. */
  readonly sickMondayFriday: Rate;

  /** Absence minutes with reason `school-initiated`. */
  readonly schoolInitiatedMinutes: number;
  /** Days with school-initiated absence. */
  readonly schoolInitiatedDays: number;
}

/** Fewest reported lessons a day needs before its first and last lessons count as "edges" (see `firstLastInvalidLessons`). */
export const FIRST_LAST_MIN_LESSONS = 3;

const MONDAY = 1;
const FRIDAY = 5;

function isMondayOrFriday(day: number): boolean {
  const w = weekday(day);
  return w === MONDAY || w === FRIDAY;
}

/**
 * Compute the typology's attendance patterns from ledger days. Pure: pass the
 * days of the period to look at (the term to date, as `computeFacts` does).
 *
 * @param days - ledger days in date order (see `buildLedger`)
 * @returns the patterns
 * @example computePatterns(buildLedger(records, '2026-11-23').days).scatteredInvalidLessons // 3
 */
export function computePatterns(days: readonly LedgerDay[]): AbsencePatterns {
  let reportedDays = 0;
  let scheduled = 0;
  let absence = 0;
  let invalid = 0;
  let absenceDays = 0;
  let scatteredLessons = 0;
  let scatteredDays = 0;
  let scatteredMinutes = 0;
  let wholeDays = 0;
  let wholeInvalid = 0;
  let wholeValid = 0;
  let guardianReported = 0;
  let guardianReportedInvalid = 0;
  let edgeLessons = 0;
  let edgeWhole = 0;
  const byWeekday = [0, 0, 0, 0, 0, 0, 0];
  let monFriDays = 0;
  let sickWholeDays = 0;
  let sickMonFri = 0;
  let sickEpisodes = 0;
  let oneDayEpisodes = 0;
  let sickRun = 0;
  let schoolInitiatedMinutes = 0;
  let schoolInitiatedDays = 0;

  const endSickRun = (): void => {
    if (sickRun === 0) return;
    sickEpisodes += 1;
    if (sickRun === 1) oneDayEpisodes += 1;
    sickRun = 0;
  };

  for (const d of days) {
    if (d.lessons === 0) continue;
    reportedDays += 1;
    scheduled += d.scheduled;
    const absent = d.valid + d.invalid;
    absence += absent;
    invalid += d.invalid;
    guardianReported += d.guardianReported;
    guardianReportedInvalid += d.guardianReportedInvalid;
    if (d.schoolInitiated > 0) {
      schoolInitiatedMinutes += d.schoolInitiated;
      schoolInitiatedDays += 1;
    }
    if (absent > 0) {
      absenceDays += 1;
      const w = weekday(d.day);
      byWeekday[w - 1] = (byWeekday[w - 1] ?? 0) + 1;
      if (isMondayOrFriday(d.day)) monFriDays += 1;
    }
    const whole = absent === d.scheduled;
    if (whole) {
      wholeDays += 1;
      if (d.invalid === d.scheduled) wholeInvalid += 1;
      if (d.valid === d.scheduled) wholeValid += 1;
    } else if (d.invalid > 0) {
      scatteredLessons += d.invalidLessons;
      scatteredDays += 1;
      scatteredMinutes += d.invalid;
      if (d.lessons >= FIRST_LAST_MIN_LESSONS) {
        edgeWhole += d.invalidLessons;
        edgeLessons += (d.firstLessonInvalid ? 1 : 0) + (d.lastLessonInvalid ? 1 : 0);
      }
    }
    if (whole && d.sick === d.scheduled) {
      sickWholeDays += 1;
      if (isMondayOrFriday(d.day)) sickMonFri += 1;
      sickRun += 1;
    } else {
      endSickRun();
    }
  }
  endSickRun();

  return {
    reportedDays,
    scheduledMinutes: scheduled,
    absenceMinutes: absence,
    invalidMinutes: invalid,
    absenceDays,
    scatteredInvalidLessons: scatteredLessons,
    scatteredInvalidDays: scatteredDays,
    scatteredInvalidMinutes: scatteredMinutes,
    wholeDays,
    wholeDaysInvalid: wholeInvalid,
    wholeDaysValid: wholeValid,
    guardianReported: { part: guardianReported, whole: absence },
    guardianReportedInvalid: { part: guardianReportedInvalid, whole: invalid },
    firstLastInvalidLessons: { part: edgeLessons, whole: edgeWhole },
    absenceDaysByWeekday: byWeekday,
    mondayFridayAbsenceDays: { part: monFriDays, whole: absenceDays },
    sickWholeDays,
    sickEpisodes,
    oneDaySickEpisodes: oneDayEpisodes,
    sickMondayFriday: { part: sickMonFri, whole: sickWholeDays },
    schoolInitiatedMinutes,
    schoolInitiatedDays,
  };
}
