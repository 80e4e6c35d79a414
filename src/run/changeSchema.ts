import { z } from 'zod';
import { IsoDateSchema } from '../model/isoDate.js';
import { documentedJsonSchema, type JsonSchema } from '../model/jsonSchema.js';
import { OPAQUE_ID_PATTERN } from '../model/studentCase.js';
import { StepIdSchema, StepKindSchema, UrgencySchema } from '../model/vocabulary.js';

/** A step's task-relevant state (`StepState`), as a change line carries it. */
export const StepStateSchema = z
  .object({
    id: StepIdSchema,
    forStep: StepIdSchema.optional().describe('For samtycke: the step whose consent is asked for.'),
    kind: StepKindSchema,
    status: z.enum(['recommended', 'blocked', 'overdue']),
    urgency: UrgencySchema,
    arisesOn: IsoDateSchema.optional().describe('The date the duty arose (absent only in files written before duties were dated).'),
    closableFrom: IsoDateSchema.optional().describe('A measure dated on or after this closes the duty.'),
    dueDate: IsoDateSchema.nullable(),
    heldOpen: z.object({ verifiedOn: IsoDateSchema }).optional().describe('Present when the duty is held open from an earlier night.'),
  })
  .meta({ id: 'StepState', title: 'Step state', description: 'What a school information system needs of a step to raise or close a task.' });

const studentId = z.string().regex(OPAQUE_ID_PATTERN);

/**
 * One change line of the `--previous` feed (`trappa evaluate --format lessons
 * --previous <file> --json`), the `Change` type as data. The runtime writes
 * changes and never reads them back: this schema is their documentation for
 * consumers, checked against what `diffStepStates` writes and held equal to
 * its JSON Schema by the differential test (`test/jsonSchemas.test.ts`).
 *
 * @example ChangeSchema.safeParse({ studentId: 'e1', change: 'new', asOf: '2026-11-23', step: { id: 'eht', kind: 'lagkrav', status: 'recommended', urgency: 'snarast', dueDate: null } }).success // true
 */
export const ChangeSchema = z
  .union([
    z.object({ studentId, change: z.literal('new'), step: StepStateSchema, asOf: IsoDateSchema }),
    z.object({ studentId, change: z.literal('overdue'), step: StepStateSchema, previous: StepStateSchema, asOf: IsoDateSchema }),
    z.object({
      studentId,
      change: z.literal('escalated'),
      step: StepStateSchema,
      previous: StepStateSchema,
      causes: z.array(z.enum(['urgency', 'consent-given'])),
      asOf: IsoDateSchema,
    }),
    z.object({
      studentId,
      change: z.literal('done'),
      previous: StepStateSchema,
      closedBy: z.literal('measure'),
      measure: z.object({ step: StepIdSchema, date: IsoDateSchema, outcome: z.enum(['done', 'started', 'obehovligt']) }),
      asOf: IsoDateSchema,
    }),
    z.object({ studentId, change: z.literal('done'), previous: StepStateSchema, closedBy: z.literal('consent-given'), asOf: IsoDateSchema }),
    z.object({ studentId, change: z.literal('no-longer-indicated'), previous: StepStateSchema, studentInInput: z.boolean(), asOf: IsoDateSchema }),
  ])
  .meta({
    title: 'Trappa change',
    description: [
      'One change since the previous night, for one student and one step, one per line of trappa evaluate --format lessons --previous <file> --json:',
      'new (indicated now, not last night, or a new duty after a done one), overdue (passed its due date since last night),',
      'escalated (more urgent, or no longer waiting for consent), done (closed by a recorded measure, or consent given),',
      'no-longer-indicated (gone without a measure; studentInInput: false when the student is not in tonight\'s input).',
      'Keys not listed are allowed, so a consumer keeps working when fields are added. Complete: nothing is checked that this schema does not say.',
    ].join(' '),
  });

/**
 * JSON Schema of a change line (`trappa schema change`).
 *
 * @returns the JSON Schema object
 * @example changeJsonSchema().title // 'Trappa change'
 */
export function changeJsonSchema(): JsonSchema {
  return documentedJsonSchema(ChangeSchema, 'change');
}
