import { z } from 'zod';
import { POLICY_ISSUE_TEXT as T } from './policyIssueText.js';
import { both, type Template } from './template.js';
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
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

function rangeIssue(code: DatedRangeIssue['code'], index: number, field: DatedRangeIssue['field'], text: Template): DatedRangeIssue {
  return { code, index, field, message: text.en, text };
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
      issues.push(rangeIssue('dated-parameter-range', i, 'effectiveTo', both(T.effectiveRange)));
    }
    if (i > 0 && entry.effectiveFrom === undefined) {
      issues.push(rangeIssue('dated-parameter-overlap', i, 'effectiveFrom', both(T.onlyFirstOpenStart)));
    }
    if (i < entries.length - 1 && entry.effectiveTo === undefined) {
      issues.push(rangeIssue('dated-parameter-overlap', i, 'effectiveTo', both(T.onlyLastOpenEnd)));
    }
  });
  if (entries[0]?.effectiveFrom !== undefined) {
    issues.push(rangeIssue('dated-parameter-gap', 0, 'effectiveFrom', both(T.noneBefore, { date: entries[0].effectiveFrom })));
  }
  const last = entries[entries.length - 1];
  if (last?.effectiveTo !== undefined) {
    issues.push(rangeIssue('dated-parameter-gap', entries.length - 1, 'effectiveTo', both(T.noneAfter, { date: last.effectiveTo })));
  }
  for (let i = 1; i < entries.length; i += 1) {
    const before = entries[i - 1] as DatedValue;
    const entry = entries[i] as DatedValue;
    if (before.effectiveTo === undefined || entry.effectiveFrom === undefined) continue;
    const expected = nextIsoDate(before.effectiveTo);
    if (entry.effectiveFrom < expected) {
      issues.push(rangeIssue('dated-parameter-overlap', i, 'effectiveFrom', both(T.datedOverlap, { from: entry.effectiveFrom, previous: i - 1, until: before.effectiveTo })));
    } else if (entry.effectiveFrom > expected) {
      issues.push(rangeIssue('dated-parameter-gap', i, 'effectiveFrom', both(T.datedGap, { from: entry.effectiveFrom, previous: i - 1, until: before.effectiveTo, expected })));
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
        ctx.addIssue({ code: 'custom', path: [issue.index, issue.field], message: issue.message, params: { trappaCode: issue.code, sv: issue.text.sv } });
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
