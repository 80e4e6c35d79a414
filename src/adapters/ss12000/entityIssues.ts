import { spoken } from './issueText.js';
import type { z } from 'zod';
import { forbiddenKeyText, forbiddenKeys } from '../../model/forbiddenKeys.js';
import { formatIssuePath, inputIssues } from '../parseStudentCase.js';
import type { Ss12000Entity, Ss12000Issue } from './issues.js';

/**
 * A zod error as located issues of one entity.
 *
 * @param entity - the entity the record is
 * @param id - its id, or null
 * @param error - the schema's error
 * @param prefix - path prefix (`[3]` for a record without id, `schools["x"]` in the side file)
 * @returns one issue per zod issue
 * @example zodIssues('Person', 'p1', error)[0]?.field // e.g. 'birthDate'
 */
export function zodIssues(entity: Ss12000Entity, id: string | null, error: z.ZodError, prefix = ''): Ss12000Issue[] {
  return inputIssues(error, prefix).map((i) => ({ entity, id, field: i.path, message: i.message, text: i.text }));
}

/**
 * `__proto__`, `constructor` and `prototype` keys in a side-file value, as issues (the schema's records would drop them).
 *
 * @param entity - the entity the value belongs to
 * @param id - its id, or null
 * @param value - the value to search
 * @param prefix - path prefix
 * @returns one issue per forbidden key
 * @example forbiddenKeyIssues('SideFile', 's1', JSON.parse('{"__proto__":{}}'), 'students["s1"]')[0]?.field // 'students["s1"].__proto__'
 */
export function forbiddenKeyIssues(entity: Ss12000Entity, id: string | null, value: unknown, prefix = ''): Ss12000Issue[] {
  return forbiddenKeys(value).map((f) => ({ entity, id, field: formatIssuePath(f.path, prefix), ...spoken(forbiddenKeyText(f.key)) }));
}
