/**
 * One student's decision of last night, for `trappa explain --previous`:
 * taken from the verifying read of the whole file, and answered only once
 * the file has passed.
 */
import type { Decision } from '../model/decision.js';
import { stepStates } from '../run/changes.js';
import type { PreviousNight } from '../steps/heldOpen.js';
import { verifyDecisionsFile } from './decisionsFile.js';

/**
 * One student's decision of last night, as `evaluate` reads it (`asOf` and
 * the step states), taken while the whole file is verified and answered only
 * once it is.
 *
 * @param id - the student id
 * @param path - the `--previous` file
 * @param asOf - tonight's date
 * @param signal - stops the reading (the signal's reason is thrown)
 * @returns the decision, or undefined when the file has none of the student
 * @throws {PreviousFileError} when the file is not a whole decisions file of an earlier night
 * @example await previousDecisionOf('elev-0042', 'night-1.ndjson', '2026-11-24') // { asOf: '2026-11-23', steps: [{ id: 'mentor-contact', … }] }
 */
export async function previousDecisionOf(id: string, path: string, asOf: string, signal?: AbortSignal): Promise<PreviousNight | undefined> {
  let found: PreviousNight | undefined;
  await verifyDecisionsFile(path, asOf, signal, ({ studentId, value }) => {
    if (found !== undefined || studentId !== id) return;
    // Checked by the verifying read: a decision (compact or full) with steps as `--previous` reads them.
    const decision = value as Pick<Decision, 'asOf' | 'steps'>;
    found = { asOf: decision.asOf, steps: stepStates(decision) };
  });
  return found;
}
