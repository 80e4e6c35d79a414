import type { Template } from '../../model/template.js';
import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { SchoolForm } from '../../model/vocabulary.js';
import type { Ss12000Enrolment } from './entities.js';
import { SCHOOL_TYPE_TO_SCHOOL_FORM, schoolFormOf } from './schoolType.js';

/** The enrolment Trappa evaluates a person under, or why there is none. */
export type EnrolmentChoice =
  | { readonly kind: 'found'; readonly index: number; readonly enrolment: Ss12000Enrolment; readonly schoolForm: SchoolForm }
  | { readonly kind: 'none'; readonly field: string; readonly message: string; readonly text: Template };

const EVALUATED_TYPES = Object.keys(SCHOOL_TYPE_TO_SCHOOL_FORM).join(', ');

/**
 * Choose the enrolment to evaluate: not cancelled, in force on `asOf`
 * (`startDate ≤ asOf ≤ endDate`, both inclusive, either may be missing), in a
 * school form Trappa evaluates; of several, the one that started last (a
 * student who moved on from grundskola to gymnasieskola is evaluated in
 * gymnasieskolan). Without `asOf`, every enrolment counts as in force.
 *
 * @param enrolments - `Person.enrolments`
 * @param asOf - the evaluation date, `YYYY-MM-DD`
 * @returns the chosen enrolment with its index and school form, or the reason there is none
 * @example currentEnrolment([{ enroledAt: { id: 'u' }, schoolType: 'GR', schoolYear: 8, startDate: '2019-08-19' }], '2026-11-23').kind // 'found'
 */
export function currentEnrolment(enrolments: readonly Ss12000Enrolment[], asOf?: string): EnrolmentChoice {
  const inForce = enrolments
    .map((enrolment, index) => ({ enrolment, index }))
    .filter(({ enrolment: e }) => e.cancelled !== true && (asOf === undefined || ((e.startDate ?? '') <= asOf && (e.endDate === undefined || asOf <= e.endDate))));
  let best: { index: number; enrolment: Ss12000Enrolment; schoolForm: SchoolForm } | undefined;
  for (const { enrolment, index } of inForce) {
    const schoolForm = schoolFormOf(enrolment.schoolType);
    if (schoolForm === undefined) continue;
    if (best === undefined || (enrolment.startDate ?? '') > (best.enrolment.startDate ?? '')) best = { index, enrolment, schoolForm };
  }
  if (best !== undefined) return { kind: 'found', ...best };
  const other = inForce[0];
  if (other !== undefined) {
    return {
      kind: 'none',
      field: `enrolments[${other.index}].schoolType`,
      ...said(T.schoolType, { type: String(other.enrolment.schoolType), types: EVALUATED_TYPES }),
    };
  }
  if (enrolments.length > 0) {
    return { kind: 'none', field: 'enrolments', ...(asOf === undefined ? said(T.allCancelled) : said(T.noneInForce, { date: asOf })) };
  }
  return { kind: 'none', field: 'enrolments', ...said(T.noEnrolments) };
}
