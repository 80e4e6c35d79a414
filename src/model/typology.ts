import type { Rate } from './rate.js';
import type { SignalType } from './vocabulary.js';

/**
 * The absence typology of Heyne, Gren-Landell et al. (2019) as Göteborg uses
 * it (domain.md §4.1, §6.2): `skolk` (truancy), `skolvagran` (school refusal),
 * `foraldrastodd` (parent-supported absence, school withdrawal) and Heyne's
 * fourth type `skolinitierad` (school exclusion). `oklar`: notable absence
 * that no type explains. Advisory: the type steers the support path, never a
 * legal duty (domain.md §6.2 "Engine implication").
 */
export type TypologyType = 'skolk' | 'skolvagran' | 'foraldrastodd' | 'skolinitierad' | 'oklar';

/** The four types that are hypotheses about a cause (every type but `oklar`). */
export type AbsenceType = Exclude<TypologyType, 'oklar'>;

/** The types in the order the typology explains them. */
export const ABSENCE_TYPES: readonly AbsenceType[] = ['skolk', 'skolvagran', 'foraldrastodd', 'skolinitierad'];

/** How well the evidence supports a hypothesis. `mattlig` is ASCII for "måttlig". */
export type TypologyStrength = 'stark' | 'mattlig' | 'svag';

/**
 * A measured attendance pattern that can count for or against a type. Each is
 * computed term to date from the attendance records (see `AbsencePatterns`).
 */
export type PatternId =
  /** Lessons with invalid absence on days the student attended (ogiltig ströfrånvaro). */
  | 'scattered-invalid-lessons'
  /** Whole school days absent with only invalid absence. */
  | 'invalid-whole-days'
  /** Share of the invalid absence minutes that the guardians reported. */
  | 'guardian-reported-invalid'
  /** Share of the scattered invalid lessons that were the first or last lesson of the day. */
  | 'first-last-lesson'
  /** Whole days reported sick that stand alone (one-day sick episodes). */
  | 'one-day-sick-episodes'
  /** Share of the whole days reported sick that fell on a Monday or a Friday. */
  | 'sick-monday-friday'
  /** Absence minutes the school initiated (reason `school-initiated`). */
  | 'school-initiated-minutes'
  /** Term-to-date absence (valid + invalid) as a share of scheduled time. */
  | 'absence-rate'
  /** Absence occasions this term. */
  | 'absence-occasions'
  /** Rolling-window absence rising against the window before. */
  | 'rising-trend'
  /** Share of the days with absence that fell on a Monday or a Friday. */
  | 'monday-friday-absence';

/** Whether a piece of evidence counts for or against the hypothesis it sits in. */
export type EvidenceDirection = 'supports' | 'contradicts';

/**
 * One piece of evidence behind a hypothesis: a measured pattern or a signal
 * staff recorded, its value, and how much it counts (`weight` 2 for a
 * criterion the source names for the type, 1 for an associated feature).
 */
export type TypologyEvidence =
  | {
      readonly source: 'pattern';
      readonly id: PatternId;
      readonly value: number | Rate;
      readonly direction: EvidenceDirection;
      readonly weight: 1 | 2;
    }
  | {
      readonly source: 'signal';
      readonly id: SignalType;
      readonly value: true;
      readonly direction: EvidenceDirection;
      readonly weight: 1 | 2;
    };

/**
 * One hypothesis about the student's absence. `oklar` always carries strength
 * `svag`: it is the absence of an explanation, never a finding, and its
 * evidence lists only what made the absence notable.
 */
export interface Hypothesis {
  readonly type: TypologyType;
  readonly strength: TypologyStrength;
  /** Supporting evidence first, then contradicting, each in a fixed order. */
  readonly evidence: readonly TypologyEvidence[];
  /** One line in Swedish and English naming the decisive evidence. */
  readonly explanation: { readonly sv: string; readonly en: string };
}

/**
 * The typology of one student: hypotheses sorted by strength (strongest first),
 * then by type id. Empty when the student has no absence this term.
 */
export interface Typology {
  readonly hypotheses: readonly Hypothesis[];
}

/** A type's strength as a fact for rules: `ingen` when the type is not a hypothesis. */
export type TypologyLevel = 'ingen' | TypologyStrength;

/** The values a typology fact can take, weakest first. */
export const TYPOLOGY_LEVELS: readonly TypologyLevel[] = ['ingen', 'svag', 'mattlig', 'stark'];

/** Labels of the typology types: Swedish term first (domain.md §4.1), English gloss (§6.2). */
export const TYPOLOGY_TYPE_LABELS: Readonly<Record<TypologyType, { readonly sv: string; readonly en: string }>> = {
  skolk: { sv: 'skolk', en: 'truancy' },
  skolvagran: { sv: 'skolvägran', en: 'school refusal' },
  foraldrastodd: { sv: 'föräldrastödd frånvaro', en: 'parent-supported absence (school withdrawal)' },
  skolinitierad: { sv: 'skolinitierad frånvaro', en: 'school-initiated absence (school exclusion)' },
  oklar: { sv: 'oklar', en: 'unclear' },
};

/** Labels of the strengths. */
export const TYPOLOGY_STRENGTH_LABELS: Readonly<Record<TypologyStrength, { readonly sv: string; readonly en: string }>> = {
  stark: { sv: 'stark', en: 'strong' },
  mattlig: { sv: 'måttlig', en: 'moderate' },
  svag: { sv: 'svag', en: 'weak' },
};
