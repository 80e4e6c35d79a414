import { escapeControl } from '../adapters/safeText.js';
import type { Admission } from '../run/admitCase.js';

/**
 * What a run prints on stderr about one admitted input case: for a case
 * that is not JSON, its location and why; for a rejected case, one line per
 * issue (location, field path, message); for an accepted case, one line per
 * issue of each rejected lesson record. Control characters are escaped (a
 * location names a file, which may hold any character). Messages never hold
 * a personal value (`shownValue`).
 *
 * @param admission - what `admitCase` made of the case
 * @returns the lines, without line breaks (none for a clean case)
 * @example admissionLines({ status: 'unparsable', location: 'cases.ndjson:3', error: 'invalid JSON: …', studentId: null }) // ['cases.ndjson:3: invalid JSON: …']
 */
export function admissionLines(admission: Admission): string[] {
  if (admission.status === 'unparsable') return [escapeControl(`${admission.location}: ${admission.error}`)];
  const issues = admission.status === 'rejected' ? admission.issues : admission.rejectedRecords.flatMap((r) => r.issues);
  return issues.map((issue) => escapeControl(`${admission.location}: ${issue.path}: ${issue.message}`));
}
