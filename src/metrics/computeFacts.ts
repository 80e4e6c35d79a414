import { datedValueInForce } from '../model/datedParameter.js';
import { indexCalendar, type CalendarIndex } from '../calendar/calendarIndex.js';
import { ageInYears } from '../calendar/age.js';
import { dayNumber, isoDate } from '../calendar/dayNumber.js';
import { signalFact } from '../model/factCatalog.js';
import type { MeasuredFacts, Rate, SignalFact, Trend } from '../model/facts.js';
import type { Warning } from '../model/decision.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';
import type { StudentCase } from '../model/studentCase.js';
import { COMPULSORY_SCHOOL_FORMS, SignalTypeSchema } from '../model/vocabulary.js';
import type { PolicyParameters } from '../policy/policy.js';
import { latestMeasure } from '../model/measures.js';
import { buildLedger, type LedgerDay } from './ledger.js';
import { countOccasions } from './occasions.js';
import { computePatterns, type AbsencePatterns } from './patterns.js';
import { compareRates, rateBelow } from './rate.js';

interface Sums {
  scheduled: number;
  valid: number;
  invalid: number;
}

function sumDays(days: readonly LedgerDay[], from: number, to: number): Sums {
  const s: Sums = { scheduled: 0, valid: 0, invalid: 0 };
  for (const d of days) {
    if (d.day < from || d.day > to) continue;
    s.scheduled += d.scheduled;
    s.valid += d.valid;
    s.invalid += d.invalid;
  }
  return s;
}

function rate(part: number, whole: number): Rate {
  return { part, whole };
}

function countSchoolDays(index: CalendarIndex, from: number, to: number): number {
  let n = 0;
  for (const d of index.schoolDays) if (d >= from && d <= to) n += 1;
  return n;
}

function trendOf(current: Rate, previous: Rate, margin: number): Trend {
  if (current.whole === 0 || previous.whole === 0) return 'unknown';
  const c = compareRates(current, previous, margin);
  return c > 0 ? 'rising' : c < 0 ? 'falling' : 'stable';
}

/** Facts plus the data-quality warnings found while computing them. */
export interface FactsResult {
  /** Every fact but the typology's, which `evaluate` adds from `patterns` (see `classifyAbsence`). */
  readonly facts: MeasuredFacts;
  readonly warnings: readonly Warning[];
  /** Term-to-date attendance patterns for the absence typology. */
  readonly patterns: AbsencePatterns;
  /** Dates deadlines can be counted from; never shown to rules (facts carry no dates). */
  readonly anchors: {
    /** First day of the current whole-day absence streak, or null when there is none. */
    readonly currentAbsenceStart: string | null;
  };
}

/**
 * First day of the school year (läsår) that contains `asOf`: 1 July, so that
 * the autumn term and the following spring term form one year.
 */
export function schoolYearStart(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  return `${String(month >= 7 ? year : year - 1).padStart(4, '0')}-07-01`;
}

function isWholeDayAbsent(d: LedgerDay): boolean {
  return d.lessons > 0 && d.valid + d.invalid === d.scheduled;
}

function latestThisTerm(
  measures: StudentCase['measures'],
  step: StudentCase['measures'][number]['step'],
  asOf: string,
  termStartIso: string | undefined,
): StudentCase['measures'][number] | undefined {
  return termStartIso === undefined ? undefined : latestMeasure(measures, step, asOf, termStartIso);
}

/**
 * Compute the flat facts for one student on `asOf`: term-to-date and rolling
 * window rates as exact integer pairs, occasions, whole-day streaks,
 * lesson-level versus whole-day absence, trend, reporting rate, age, and the
 * context facts rules need. Pure: the calendar and parameters are arguments.
 *
 * @param input - a validated student case
 * @param asOf - ISO evaluation date
 * @param calendar - the school calendar
 * @param params - the policy's fact parameters
 * @returns facts and warnings
 * @example computeFacts(parseStudentCase(json).case, '2026-11-23', defaultCalendarFor('2026-11-23'), DEFAULT_PARAMETERS).facts.termAbsence
 */
export function computeFacts(
  input: StudentCase,
  asOf: string,
  calendar: SchoolCalendar,
  params: PolicyParameters,
): FactsResult {
  const { student } = input;
  const asOfDay = dayNumber(asOf);
  const index = indexCalendar(calendar);
  const ledger = buildLedger(input.attendance, asOf);
  const warnings: Warning[] = [];

  const term = index.termAt(asOfDay);
  const termStart = term?.start ?? asOfDay + 1;
  const termDays = ledger.days.filter((d) => d.day >= termStart);
  const termSums = sumDays(termDays, termStart, asOfDay);

  const window = index.schoolDaysEndingAt(asOfDay, params.rollingWindowSchoolDays);
  const windowStart = window[0] ?? asOfDay + 1;
  const windowSums = sumDays(ledger.days, windowStart, asOfDay);
  const previous = index.schoolDaysEndingAt(windowStart - 1, params.rollingWindowSchoolDays);
  const previousSums = previous.length === 0 ? { scheduled: 0, valid: 0, invalid: 0 } : sumDays(ledger.days, previous[0] ?? 0, windowStart - 1);

  let longest = 0;
  let run = 0;
  let runStart: number | null = null;
  let wholeDays = 0;
  let partialDays = 0;
  let daysWithAbsence = 0;
  let lessonLevelInvalid = 0;
  let reportedLessons = 0;
  let allLessons = 0;
  for (const d of termDays) {
    reportedLessons += d.lessons;
    allLessons += d.lessons + d.unreportedLessons;
    if (d.lessons === 0) continue;
    const absent = d.valid + d.invalid;
    if (absent > 0) daysWithAbsence += 1;
    if (absent === d.scheduled) {
      wholeDays += 1;
      if (run === 0) runStart = d.day;
      run += 1;
      if (run > longest) longest = run;
    } else {
      run = 0;
      runStart = null;
      if (absent > 0) partialDays += 1;
      lessonLevelInvalid += d.invalidLessons;
    }
  }

  const termLessonStart = ledger.days.length - termDays.length;
  const lessonsBeforeTerm = ledger.days.slice(0, termLessonStart).reduce((n, d) => n + d.lessons, 0);
  const termLessons = ledger.lessons.slice(lessonsBeforeTerm);

  const today = ledger.days.length > 0 && ledger.days[ledger.days.length - 1]?.day === asOfDay ? ledger.days[ledger.days.length - 1] : undefined;

  const active = new Set(input.signals.filter((s) => s.date <= asOf).map((s) => s.type));
  const signalFacts = Object.fromEntries(
    SignalTypeSchema.options.map((s) => [signalFact(s), active.has(s)]),
  ) as Record<SignalFact, boolean>;

  const orosanmalan = input.measures
    .filter((m) => m.step === 'orosanmalan' && m.date <= asOf)
    .reduce<string | undefined>((latest, m) => (latest === undefined || m.date > latest ? m.date : latest), undefined);

  const termStartIso = term === undefined ? undefined : isoDate(term.start);
  const latestInvestigation = latestThisTerm(input.measures, 'rektor-utredning', asOf, termStartIso);
  const yearStart = dayNumber(schoolYearStart(asOf));
  const schoolYearWholeDays = ledger.days.filter((d) => d.day >= yearStart && isWholeDayAbsent(d)).length;

  const residence = student.residence;
  const reportingRate = rate(reportedLessons, allLessons);
  const windowAbsence = rate(windowSums.valid + windowSums.invalid, windowSums.scheduled);
  const previousWindowAbsence = rate(previousSums.valid + previousSums.invalid, previousSums.scheduled);

  if (term === undefined) warnings.push({ kind: 'no-school-term', asOf });
  else if (termSums.scheduled === 0) warnings.push({ kind: 'no-attendance-this-term' });
  if (rateBelow(reportingRate, params.minimumReportingPercent)) {
    warnings.push({ kind: 'low-reporting-rate', reportingRate, minimumPercent: params.minimumReportingPercent });
  }
  if (ledger.recordsAfterAsOf > 0) warnings.push({ kind: 'records-after-as-of', count: ledger.recordsAfterAsOf });

  const ageYears = ageInYears(student.birthDate, asOf);
  // Dated parameter: the value whose range contains asOf (SoL 3 kap. 6 a §: 15, then 12 from 2023-07-01).
  const consentAge = datedValueInForce(params.childConsentAgeOppnaInsatser, asOf)?.value;
  const facts: MeasuredFacts = {
    ageYears,
    schoolForm: student.schoolForm,
    grade: student.grade,
    huvudman: student.school.huvudman,
    compulsorySchoolForm: COMPULSORY_SCHOOL_FORMS.has(student.schoolForm),
    gymnasiumSchoolForm: student.schoolForm === 'gymnasieskola' || student.schoolForm === 'anpassad-gymnasieskola',
    schoolMunicipalityCode: student.school.municipalityCode,
    residenceMunicipalityCode: student.protectedIdentity ? null : (residence?.municipalityCode ?? null),
    residenceKnown: residence !== undefined,
    huvudmanIsHemkommun:
      student.school.huvudman === 'kommunal' && residence !== undefined && residence.municipalityCode === student.school.municipalityCode,
    protectedIdentity: student.protectedIdentity,
    schoolHasSkolsocialtTeam: student.school.teams.includes('skolsocialt-team'),
    studentConsentsToGuardianContact: input.consents['information-sharing']?.student === 'given',
    termId: term?.id ?? null,
    termSchoolDaysElapsed: term === undefined ? 0 : countSchoolDays(index, term.start, Math.min(asOfDay, term.end)),
    termScheduledMinutes: termSums.scheduled,
    termAbsenceMinutes: termSums.valid + termSums.invalid,
    termValidAbsenceMinutes: termSums.valid,
    termInvalidAbsenceMinutes: termSums.invalid,
    termAbsence: rate(termSums.valid + termSums.invalid, termSums.scheduled),
    termValidAbsence: rate(termSums.valid, termSums.scheduled),
    termInvalidAbsence: rate(termSums.invalid, termSums.scheduled),
    windowAbsence,
    windowValidAbsence: rate(windowSums.valid, windowSums.scheduled),
    windowInvalidAbsence: rate(windowSums.invalid, windowSums.scheduled),
    previousWindowAbsence,
    trend: trendOf(windowAbsence, previousWindowAbsence, params.trendMarginPercent),
    termDaysWithAbsence: daysWithAbsence,
    termAbsenceOccasions: countOccasions(termLessons, 'any'),
    termInvalidAbsenceOccasions: countOccasions(termLessons, 'invalid'),
    longestWholeDayStreak: longest,
    currentWholeDayStreak: run,
    termWholeDayAbsenceDays: wholeDays,
    termPartialDayAbsenceDays: partialDays,
    termLessonLevelInvalidLessons: lessonLevelInvalid,
    reportingRate,
    invalidAbsenceMinutesToday: today?.invalid ?? 0,
    utredningObehovlig: latestInvestigation?.outcome === 'obehovligt',
    utredningInledd: latestInvestigation !== undefined && latestInvestigation.outcome !== 'obehovligt',
    ehtHeldThisTerm: latestThisTerm(input.measures, 'eht', asOf, termStartIso) !== undefined,
    schoolYearWholeDayAbsenceDays: schoolYearWholeDays,
    orosanmalanMade: orosanmalan !== undefined,
    daysSinceOrosanmalan: orosanmalan === undefined ? null : asOfDay - dayNumber(orosanmalan),
    childConsentAgeOppnaInsatser: consentAge ?? null,
    childMayConsentToOppnaInsatser: consentAge !== undefined && ageYears >= consentAge,
    ...signalFacts,
  };
  return { facts, warnings, patterns: computePatterns(termDays), anchors: { currentAbsenceStart: run > 0 && runStart !== null ? isoDate(runStart) : null } };
}
