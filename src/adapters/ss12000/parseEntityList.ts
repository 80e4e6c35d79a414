import { said, SS12000_ISSUE_TEXT as T } from './issueText.js';
import type { z } from 'zod';
import { zodIssues } from './entityIssues.js';
import { unwrapList } from './envelope.js';
import type { Ss12000Entity } from './issues.js';
import { rawId } from './rawId.js';
import type { RejectionTracker, TrackedRejection } from './rejectionTracker.js';

/** The usable records of one SS 12000 list, by id, and the ids that could not be used. */
export interface ParsedList<T> {
  readonly items: readonly T[];
  readonly byId: ReadonlyMap<string, T>;
  /** The first rejection of each id that could not be used. */
  readonly rejectedById: ReadonlyMap<string, TrackedRejection>;
}

/** How often each id occurs, and the distinct texts of the records of every id that occurs more than once. */
function repeatedIds(items: readonly unknown[]): Map<string, Set<string>> {
  const times = new Map<string, number>();
  for (const raw of items) {
    const id = rawId(raw);
    if (id !== null) times.set(id, (times.get(id) ?? 0) + 1);
  }
  const copies = new Map<string, Set<string>>();
  for (const raw of items) {
    const id = rawId(raw);
    if (id !== null && (times.get(id) ?? 0) > 1) copies.set(id, (copies.get(id) ?? new Set<string>()).add(JSON.stringify(raw)));
  }
  return copies;
}

/**
 * Validate one SS 12000 list (Organisation, Person, CalendarEvent, Absence):
 * each record that fails the schema is rejected with located issues; copies
 * of one record (overlapping pages) count once; records that share an id but
 * differ are all rejected, whatever their order, since nothing says which one
 * is right. A value that is not a list is one rejection of the whole list.
 *
 * @param entity - the entity the list holds
 * @param value - the list as exported (envelope or plain array), or undefined when not given
 * @param schema - the entity's schema
 * @param tracker - where rejections go
 * @returns the usable records and the rejected ids
 * @example parseEntityList('Person', [{ id: 'p1' }, { id: 'p1' }], Ss12000PersonSchema, tracker).items.length // 1
 */
export function parseEntityList<T extends { id: string }>(entity: Ss12000Entity, value: unknown, schema: z.ZodType<T>, tracker: RejectionTracker): ParsedList<T> {
  const items: T[] = [];
  const byId = new Map<string, T>();
  const rejectedById = new Map<string, TrackedRejection>();
  if (value === undefined) return { items, byId, rejectedById };
  const list = unwrapList(value);
  if (!list.ok) {
    tracker.reject(entity, null, [{ entity, id: null, field: '(root)', message: list.message, text: list.text }]);
    return { items, byId, rejectedById };
  }
  const copies = repeatedIds(list.items);
  list.items.forEach((raw, index) => {
    const id = rawId(raw);
    if (id !== null && (copies.get(id)?.size ?? 1) > 1) {
      const r = tracker.reject(entity, id, [{ entity, id, field: 'id', ...said(T.sameId, { n: copies.get(id)?.size ?? 0 }) }]);
      if (!rejectedById.has(id)) rejectedById.set(id, r);
      copies.delete(id); // one rejection for the group
      return;
    }
    if (id !== null && (byId.has(id) || rejectedById.has(id))) return; // an identical copy, or the rest of a rejected group
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const r = tracker.reject(entity, id, zodIssues(entity, id, parsed.error, id === null ? `[${index}]` : ''));
      if (id !== null) rejectedById.set(id, r);
      return;
    }
    byId.set(parsed.data.id, parsed.data);
    items.push(parsed.data);
  });
  return { items, byId, rejectedById };
}
