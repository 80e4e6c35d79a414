import { z } from 'zod';
import { DecisionSchema } from './decisionSchema.js';

/**
 * A compact decision (`compactDecision`: `--json compact`, and
 * `--decisions-out` by default) read back: the decision's fields as
 * `DecisionSchema` checks them, without `notRecommended`, and the policy by
 * id, version and hash only (a compact file's trailer holds the rest of the
 * block once). A full decision is also a compact one: the keys it has more
 * are allowed, as in `DecisionSchema`.
 *
 * @example CompactDecisionSchema.safeParse(JSON.parse(JSON.stringify(compactDecision(decision)))).success // true
 * @example CompactDecisionSchema.safeParse({ ...compact, policy: { id: 'stockholm' } }).error?.issues[0]?.path // ['policy', 'version']
 */
export const CompactDecisionSchema = DecisionSchema.omit({ notRecommended: true })
  .extend({ policy: z.object({ id: z.string(), version: z.string(), hash: z.string().min(1) }) })
  .meta({
    title: 'Trappa compact decision',
    description: [
      'One compact decision as trappa evaluate --json compact and --decisions-out (its default form) write it, one per line, and as --previous and trappa report read it back.',
      'A projection of the full decision (schema decision): every field is the full decision\'s own; notRecommended (the why-not evidence) is left out, and the policy is named by id, version and hash (the trailer of a decisions file holds rulesInForce and calendarHash once for the night).',
      'trappa explain regenerates the full decision of one student from the same inputs.',
      'Every field is present with its type; the steps are checked exactly where the next night reads them (id, kind, status, urgency, dates, held-open state), the explanation (reasons, routing, consent, facts, typology) for its shape only.',
      'Keys not listed are allowed, so a full decision is also a compact one and a reader of an older version keeps working when fields are added.',
      'studentId is checked for the characters of an opaque id only (it was checked as input).',
      'Complete: the validator checks nothing this schema does not.',
    ].join(' '),
  });
