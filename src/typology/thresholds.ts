/**
 * The typology's thresholds. None is law or city policy: the sources name the
 * criteria (domain.md §4.1 from SEED-3, §6.2 from Heyne et al. 2019) but no
 * numbers, so every number here is a [DEFAULT] engineering choice, named after
 * the criterion it makes countable and kept in one place to be tuned.
 *
 * Scoring: each piece of evidence weighs 2 when the source names it as a
 * criterion of the type and 1 when it is an associated feature; contradicting
 * evidence subtracts its weight. The net score decides the strength, and
 * `stark` also needs two named criteria.
 */

/**
 * Net score for `stark`. A strong hypothesis also needs `STRONG_NAMED_CRITERIA`
 * distinct named criteria among its supporting evidence, so associated
 * features alone never make a type strong. [DEFAULT]
 */
export const STRONG_SCORE = 4;

/**
 * Named criteria (evidence of weight 2) a `stark` hypothesis needs: two, e.g.
 * ogiltig ströfrånvaro and guardians unaware for skolk (§4.1), or distress and
 * guardians trying for skolvägran. [DEFAULT]
 */
export const STRONG_NAMED_CRITERIA = 2;

/** Net score for `mattlig`: one named criterion, or two associated features. [DEFAULT] */
export const MODERATE_SCORE = 2;

/** Net score for `svag`: one associated feature. Below this the type is not a hypothesis. [DEFAULT] */
export const WEAK_SCORE = 1;

/**
 * Invalid lessons on days present that make ströfrånvaro "repeated": skolk is
 * "ogiltig ströfrånvaro … borta från lektioner men kan vara i skolan" (§4.1,
 * SEED-3 avsnitt 3); Skolinspektionen counts "repeated invalid ströfrånvaro"
 * (§5.1). Fewer lessons do not count as the pattern. [DEFAULT 3]
 */
export const SCATTERED_INVALID_LESSONS = 3;

/**
 * Whole days of only invalid absence that count for skolk as an associated
 * feature: truancy is "whole or part of day", "without permission" (§6.2).
 * [DEFAULT 1]
 */
export const INVALID_WHOLE_DAYS = 1;

/**
 * Whole days of only invalid absence that make the invalid pattern "repeated"
 * when there is no ströfrånvaro: then they count as skolk's named criterion
 * (the pattern counts once, ströfrånvaro first). [DEFAULT 2]
 */
export const INVALID_WHOLE_DAYS_REPEATED = 2;

/**
 * At most this percentage of the invalid minutes reported by the guardians
 * counts as "not told to the guardians": skolk "berättar oftast inte för
 * vårdnadshavarna" (§4.1), "parents unaware" (§6.2). [DEFAULT 25]
 */
export const UNREPORTED_INVALID_MAX_PERCENT = 25;

/**
 * At least this percentage of the invalid minutes reported by the guardians
 * contradicts skolk: the guardians know (§6.2 "concealment"). [DEFAULT 50]
 */
export const REPORTED_INVALID_MIN_PERCENT = 50;

/**
 * Fewest scattered invalid lessons (counted on days of at least three
 * lessons, see `AbsencePatterns.firstLastInvalidLessons`) before their
 * concentration on the first and last lesson of the day is read at all, and
 * the share of them at the day's edges that counts (arriving late, leaving
 * early: truancy "part of day", §6.2). With six lessons a day, chance alone
 * puts one in three at an edge. [DEFAULT 3 lessons, 2/3]
 */
export const FIRST_LAST_MIN_INVALID_LESSONS = 3;
/** See `FIRST_LAST_MIN_INVALID_LESSONS`: the share, as numerator and denominator. */
export const FIRST_LAST_SHARE = { part: 2, whole: 3 } as const;

/**
 * One-day sick episodes in a term that make "sick" look like a pattern rather
 * than illness: föräldrastödd frånvaro is "often reported as sick" (§4.1,
 * §6.2), school refusal is often reported by parents as sick with unexplained
 * somatic complaints (§6.2), and reported sickness must be overridable by
 * evidence (§7.5). Solna opens an investigation at the 6th sick period (§5.3);
 * a hint for the support path comes earlier. [DEFAULT 4]
 */
export const ONE_DAY_SICK_EPISODES = 4;

/**
 * Sick whole days needed before their weekday is read, and the share on a
 * Monday or Friday that counts (long weekends: "parent gave child day off",
 * "parent arranged extra holidays", SNACK reasons 5 and 7, §6.2; recurring
 * short absence after weekends, §5.4). Chance puts two in five there.
 * [DEFAULT 3 days, 2/3]
 */
export const SICK_MONDAY_FRIDAY_MIN_DAYS = 3;
/** See `SICK_MONDAY_FRIDAY_MIN_DAYS`: the share, as numerator and denominator. */
export const MONDAY_FRIDAY_SHARE = { part: 2, whole: 3 } as const;

/**
 * Notable absence, for `oklar`: at least this percentage of scheduled time
 * this term, the lowest of the common municipal thresholds (10, 15, 20 %,
 * §5.3). [DEFAULT 10]
 */
export const NOTABLE_ABSENCE_PERCENT = 10;

/** Notable absence, for `oklar`: this many absence occasions in a term (Bollnäs, §5.3). [DEFAULT 5] */
export const NOTABLE_ABSENCE_OCCASIONS = 5;

/** Days with absence needed before their Monday/Friday concentration is noted for `oklar` (§5.4). [DEFAULT 3] */
export const MONDAY_FRIDAY_MIN_DAYS = 3;
