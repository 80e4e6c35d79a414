import { escapeControl } from '../adapters/safeText.js';
import type { Admission } from '../run/admitCase.js';
import type { Lang } from './text.js';

/**
 * What a run prints on stderr about one admitted input case: for a case
 * that is not JSON, its location and why; for a rejected case, one line per
 * issue (location, field path, message); for an accepted case, one line per
 * issue of each rejected lesson record. Control characters are escaped (a
 * location names a file, which may hold any character). Messages never hold
 * a personal value (`shownValue`).
 *
 * @param admission - what `admitCase` made of the case
 * @param lang - output language
 * @returns the lines, without line breaks (none for a clean case)
 * @example admissionLines({ status: 'unparsable', location: 'cases.ndjson:3', error: 'invalid JSON: …', text: { sv: 'ogiltig JSON: oväntat tecken vid tecken 9', en: '…' }, studentId: null }, 'sv') // ['cases.ndjson:3: ogiltig JSON: oväntat tecken vid tecken 9']
 */
export function admissionLines(admission: Admission, lang: Lang): string[] {
  if (admission.status === 'unparsable') return [escapeControl(`${admission.location}: ${admission.text[lang]}`)];
  const issues = admission.status === 'rejected' ? admission.issues : admission.rejectedRecords.flatMap((r) => r.issues);
  return issues.map((issue) => escapeControl(`${admission.location}: ${issue.path}: ${issue.text[lang]}`));
}
