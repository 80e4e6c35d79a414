import type { Template } from '../../model/template.js';
import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
/** The items of one SS 12000 list, or why there are none. */
export type UnwrappedList = { readonly ok: true; readonly items: readonly unknown[] } | { readonly ok: false; readonly message: string; readonly text: Template };

/**
 * Take the records out of an SS 12000 list response. The API answers
 * `{ data: [...], pageToken }` (e.g. the `Attendances` schema); exports and the
 * `…Array` schemas (`AttendancesArray`) are plain arrays. Both are accepted;
 * `pageToken` and other envelope keys are ignored.
 *
 * @param value - parsed JSON of one page or file
 * @returns the items, or a message saying what the value is instead
 * @example unwrapList({ data: [{ id: 'a' }], pageToken: null }) // { ok: true, items: [{ id: 'a' }] }
 */
export function unwrapList(value: unknown): UnwrappedList {
  if (Array.isArray(value)) return { ok: true, items: value };
  if (typeof value === 'object' && value !== null && 'data' in value) {
    const data = (value as { data: unknown }).data;
    if (Array.isArray(data)) return { ok: true, items: data };
    return { ok: false, ...said(T.dataNotArray) };
  }
  return { ok: false, ...said(T.notAList) };
}
