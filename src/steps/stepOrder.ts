import { compareCodePoints } from '../model/compareCodePoints.js';
import type { Step } from '../model/decision.js';
import { StepIdSchema } from '../model/vocabulary.js';
import { URGENCY_ORDER } from './deadline.js';

const STEP_ORDER = StepIdSchema.options;

/**
 * Steps in the order a decision lists them: most urgent first, then in the
 * ladder's order, then by the step a consent request is for.
 *
 * @param steps - steps in any order
 * @returns a new sorted array
 * @example sortSteps(decision.steps)[0]?.urgency // 'genast' when an orosanmälan is due
 */
export function sortSteps(steps: readonly Step[]): Step[] {
  return [...steps].sort(
    (a, b) =>
      URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
      STEP_ORDER.indexOf(a.id) - STEP_ORDER.indexOf(b.id) ||
      compareCodePoints(a.forStep ?? '', b.forStep ?? ''),
  );
}
