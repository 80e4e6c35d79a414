import type { Step } from '../model/decision.js';
import { STEP_CATALOG } from './catalog.js';

/**
 * The `samtycke` step that asks for a step's missing consent, or undefined
 * when the step needs none or has it. It arises with the step.
 *
 * @param step - a step
 * @returns the consent request, if one is needed
 * @example consentRequestFor(blockedTeamStep)?.forStep // 'skolsocialt-team'
 */
export function consentRequestFor(step: Step): Step | undefined {
  if (!step.consent.required || step.consent.satisfied) return undefined;
  const definition = STEP_CATALOG.samtycke;
  return {
      id: 'samtycke',
      label: { sv: definition.sv, en: definition.en },
      kind: step.kind,
      responsible: definition.responsible,
      urgency: definition.deadline.urgency,
      arisesOn: step.arisesOn,
      arisesFrom: step.arisesFrom,
      closableFrom: step.closableFrom,
      dueDate: null,
      status: 'recommended',
      routing: null,
      consent: step.consent,
      forStep: step.id,
      reasons: step.reasons,
      escalations: [],
  };
}
