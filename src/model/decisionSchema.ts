import { z } from 'zod';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';
import { IsoDateSchema } from './isoDate.js';
import { MAX_SERIES_WEEKS } from './decision.js';
import { OPAQUE_ID_PATTERN } from './studentCase.js';
import { RoleSchema, SignalTypeSchema, StepIdSchema, StepKindSchema, UrgencySchema } from './vocabulary.js';

/**
 * A step as a decision file stores it. Everything the next night reads of it
 * (`stepStates`: id, kind, status, urgency, dates, held-open state) is checked
 * exactly; the explanation (reasons, routing, consent) is checked for its
 * shape only.
 *
 * @example StepRecordSchema.safeParse({ x: 1 }).error?.issues[0]?.path // ['id']
 */
export const StepRecordSchema = z.object({
  id: StepIdSchema,
  label: z.object({ sv: z.string(), en: z.string() }),
  kind: StepKindSchema,
  responsible: RoleSchema,
  urgency: UrgencySchema,
  arisesOn: IsoDateSchema,
  arisesFrom: z.looseObject({ kind: z.enum(['absence-days', 'fact', 'signal', 'measure', 'evaluation-date']) }),
  closableFrom: IsoDateSchema,
  dueDate: IsoDateSchema.nullable(),
  resultDueDate: IsoDateSchema.optional(),
  status: z.enum(['recommended', 'blocked', 'overdue']),
  heldOpen: z.object({ verifiedOn: IsoDateSchema }).optional(),
  routing: z.looseObject({ target: z.enum(['vardnadshavare', 'huvudman', 'csn', 'hemkommun', 'socialtjanst', 'manual']) }).nullable(),
  consent: z.looseObject({ required: z.boolean() }),
  csnReport: z
    .object({
      firstSkolkDay: IsoDateSchema,
      earliestReportDate: IsoDateSchema,
      earliestExceptionalReportDate: IsoDateSchema,
      studiehjalp: z.enum(['yes', 'unknown']),
      specialReasons: z.array(SignalTypeSchema),
    })
    .optional(),
  forStep: StepIdSchema.optional(),
  reasons: z.array(z.looseObject({ ruleId: z.string(), ruleVersion: z.number(), policyId: z.string(), kind: StepKindSchema, basis: z.unknown(), evidence: z.array(z.unknown()) })),
  escalations: z.array(z.object({ step: StepIdSchema, measureDate: IsoDateSchema, schoolDaysSince: z.number() })),
});

const Minutes = z.array(z.int().nonnegative()).max(MAX_SERIES_WEEKS);

/**
 * A decision's `series` read back: a Monday, and three columns of whole
 * minutes of the same length (at most `MAX_SERIES_WEEKS`).
 *
 * @example WeeklySeriesSchema.safeParse({ firstWeek: '2026-08-17', scheduled: [600], valid: [0], invalid: [60, 0] }).success // false
 */
export const WeeklySeriesSchema = z
  .object({ firstWeek: IsoDateSchema, scheduled: Minutes, valid: Minutes, invalid: Minutes })
  .refine((s) => s.valid.length === s.scheduled.length && s.invalid.length === s.scheduled.length, { message: 'scheduled, valid and invalid must have the same number of weeks' });

/**
 * A `Decision` as `--json` and `--decisions-out` write it, read back: every
 * field present with its type, the steps checked as `StepRecordSchema` says,
 * facts and typology checked for their shape. A line that is not a decision
 * of this version (`"steps":[{"x":1}]`, a missing `asOf`) fails with the
 * field. Student ids are checked for the characters of an opaque id only:
 * they were accepted as input the night they were written.
 *
 * @example DecisionSchema.safeParse(JSON.parse(JSON.stringify(evaluate(c, policy, { asOf })))).success // true
 * @example DecisionSchema.safeParse({ ...decision, steps: [{ x: 1 }] }).error?.issues[0]?.path // ['steps', 0, 'id']
 */
export const DecisionSchema = z
  .object({
  studentId: z.string().regex(OPAQUE_ID_PATTERN, { message: M.opaqueId.en }),
  // Optional: decision files written before the school and the series were added are still read (--previous).
  schoolId: z.string().regex(OPAQUE_ID_PATTERN, { message: M.opaqueId.en }).optional(),
  asOf: IsoDateSchema,
  policy: z.object({ id: z.string(), version: z.string(), hash: z.string().min(1), rulesInForce: z.array(z.string()), calendarHash: z.string() }),
  facts: z.record(z.string(), z.unknown()),
  series: WeeklySeriesSchema.nullable().optional(),
  typology: z.looseObject({ hypotheses: z.array(z.looseObject({ type: z.string(), strength: z.enum(['stark', 'mattlig', 'svag']) })) }),
  steps: z.array(StepRecordSchema),
  notRecommended: z.array(z.looseObject({ step: StepIdSchema, reason: z.enum(['conditions-not-met', 'already-taken']) })),
  warnings: z.array(z.looseObject({ kind: z.string() })),
  episode: z.object({ start: IsoDateSchema, obehovligtOn: IsoDateSchema }).nullable(),
  expiredSignals: z.array(z.looseObject({ type: z.string(), date: IsoDateSchema, until: IsoDateSchema })),
  })
  .meta({
    title: 'Trappa decision',
    description: [
      'One decision as trappa evaluate --json, --decisions-out --decisions-form full and trappa explain --json write it, one per line, and as --previous reads it back (a compact decision, schema compact-decision, leaves out notRecommended and part of policy).',
      'Every field is present with its type; the steps are checked exactly where the next night reads them (id, kind, status, urgency, dates, held-open state), the explanation (reasons, routing, consent, facts, typology) for its shape only.',
      'Keys not listed are allowed, so a reader of an older version keeps working when fields are added.',
      'studentId is checked for the characters of an opaque id only (it was checked as input).',
      'Complete: the validator checks nothing this schema does not.',
    ].join(' '),
  });

