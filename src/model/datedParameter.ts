import { z } from 'zod';
import { IsoDateSchema } from './isoDate.js';
import { BasisSchema } from './basis.js';

/**
 * One value of a dated parameter: the value the law (or policy) sets in a
 * period, with its basis. `effectiveFrom` may be left out only on the first
 * entry (in force for every earlier date) and `effectiveTo` only on the last.
 *
 * @example DatedValueSchema.parse({ value: 12, effectiveFrom: '2023-07-01', basis }).value // 12
 */
export const DatedValueSchema = datedValueSchema(100);
export type DatedValue = z.infer<typeof DatedValueSchema>;

function datedValueSchema(max: number) {
  return z.strictObject({
    value: z.int().min(0).max(max),
    effectiveFrom: IsoDateSchema.optional(),
    effectiveTo: IsoDateSchema.optional(),
    basis: BasisSchema,
  });
}

/** The day after an ISO date, by UTC arithmetic (no time zone is involved). */
function nextIsoDate(iso: string): string {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + 1);
  return d.toISOString().slice(0, 10);
}

/** A problem with the dates of a dated parameter, located by entry index. */
export interface DatedRangeIssue {
  readonly code: 'dated-parameter-overlap' | 'dated-parameter-gap' | 'dated-parameter-range';
  readonly index: number;
  readonly field: 'effectiveFrom' | 'effectiveTo';
  readonly message: string;
}

/**
 * Checks that a dated parameter's entries are in date order, never overlap
 * and leave no day uncovered, so exactly one value is in force on every date.
 *
 * @param entries - the parameter's entries, in file order
 * @returns the problems, empty when the parameter is well formed
 * @example datedRangeIssues([{ value: 15, effectiveTo: '2023-06-30', basis }, { value: 12, effectiveFrom: '2023-07-01', basis }]) // []
 */
export function datedRangeIssues(entries: readonly DatedValue[]): DatedRangeIssue[] {
  const issues: DatedRangeIssue[] = [];
  entries.forEach((entry, i) => {
    if (entry.effectiveFrom !== undefined && entry.effectiveTo !== undefined && entry.effectiveTo < entry.effectiveFrom) {
      issues.push({ code: 'dated-parameter-range', index: i, field: 'effectiveTo', message: 'effectiveTo must not be before effectiveFrom' });
    }
    if (i > 0 && entry.effectiveFrom === undefined) {
      issues.push({ code: 'dated-parameter-overlap', index: i, field: 'effectiveFrom', message: 'Only the first entry may leave out effectiveFrom' });
    }
    if (i < entries.length - 1 && entry.effectiveTo === undefined) {
      issues.push({ code: 'dated-parameter-overlap', index: i, field: 'effectiveTo', message: 'Only the last entry may leave out effectiveTo' });
    }
  });
  if (entries[0]?.effectiveFrom !== undefined) {
    issues.push({
      code: 'dated-parameter-gap',
      index: 0,
      field: 'effectiveFrom',
      message: `No value is in force before ${entries[0].effectiveFrom}: leave out effectiveFrom on the first entry`,
    });
  }
  const last = entries[entries.length - 1];
  if (last?.effectiveTo !== undefined) {
    issues.push({
      code: 'dated-parameter-gap',
      index: entries.length - 1,
      field: 'effectiveTo',
      message: `No value is in force after ${last.effectiveTo}: leave out effectiveTo on the last entry`,
    });
  }
  for (let i = 1; i < entries.length; i += 1) {
    const before = entries[i - 1] as DatedValue;
    const entry = entries[i] as DatedValue;
    if (before.effectiveTo === undefined || entry.effectiveFrom === undefined) continue;
    const expected = nextIsoDate(before.effectiveTo);
    if (entry.effectiveFrom < expected) {
      issues.push({
        code: 'dated-parameter-overlap',
        index: i,
        field: 'effectiveFrom',
        message: `Starts on ${entry.effectiveFrom}, while entry [${i - 1}] is in force until ${before.effectiveTo}: two values would be in force on the same day`,
      });
    } else if (entry.effectiveFrom > expected) {
      issues.push({
        code: 'dated-parameter-gap',
        index: i,
        field: 'effectiveFrom',
        message: `Starts on ${entry.effectiveFrom}, but entry [${i - 1}] ends on ${before.effectiveTo}: no value is in force from ${expected}`,
      });
    }
  }
  return issues;
}

/**
 * A dated parameter: entries in date order covering every date exactly once.
 * Issues carry `params.trappaCode` so `checkPolicy` can name them.
 *
 * @example DatedParameterSchema.safeParse([{ value: 15, effectiveTo: '2023-06-30', basis }, { value: 12, effectiveFrom: '2023-07-01', basis }]).success // true
 */
export const DatedParameterSchema = datedParameterSchema(100);

/**
 * A dated parameter whose values may reach `max` (ages stop at 100; a
 * validity in days may be longer).
 *
 * @param max - the largest value allowed
 * @returns the schema
 * @example datedParameterSchema(3650).safeParse([{ value: 365, basis }]).success // true
 */
export function datedParameterSchema(max: number) {
  return z
    .array(datedValueSchema(max))
    .min(1)
    .superRefine((entries, ctx) => {
      for (const issue of datedRangeIssues(entries)) {
        ctx.addIssue({ code: 'custom', path: [issue.index, issue.field], message: issue.message, params: { trappaCode: issue.code } });
      }
    });
}

/**
 * The entry of a dated parameter in force on a date.
 *
 * @param entries - a validated dated parameter
 * @param asOf - ISO date
 * @returns the entry whose range contains `asOf`, or undefined when none does
 * @example datedValueInForce(params.childConsentAgeOppnaInsatser, '2023-07-01')?.value // 12
 */
export function datedValueInForce(entries: readonly DatedValue[], asOf: string): DatedValue | undefined {
  return entries.find(
    (e) => (e.effectiveFrom === undefined || e.effectiveFrom <= asOf) && (e.effectiveTo === undefined || asOf <= e.effectiveTo),
  );
}
