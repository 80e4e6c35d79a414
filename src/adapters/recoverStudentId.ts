import { OpaqueIdSchema } from '../model/studentCase.js';

interface Frame {
  /** The key this container sits under in its parent (null for the root and inside arrays). */
  readonly key: string | null;
  readonly array: boolean;
  /** The key just read in this object, waiting for its value. */
  pending: string | null;
}

/** The end of the JSON string starting at `i` (its opening quote), or -1 when it does not end on this line. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 34) return j;
  }
  return -1;
}

/**
 * The student id of a student-case line that cannot be read as a whole (cut
 * off, one bad character, a missing bracket): a tolerant walk over the JSON
 * text, from the start up to the first thing it cannot read, for the string
 * at `student.id`. Only an id that passes the opaque-id rules is returned, so
 * a name or personnummer is never repeated. With it, a student whose line is
 * damaged is still known to be in tonight's input, and nothing of theirs is
 * closed.
 *
 * @param text - one line of a students file (or a lossy decoding of it)
 * @returns the id, or null when none can be read
 * @example recoverStudentId('{"student":{"id":"elev-7","birthDate":"2012-0') // 'elev-7'
 * @example recoverStudentId('{"student":{"id":"19900101-1234"}}') // null
 */
export function recoverStudentId(text: string): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      stack.push({ key: top?.pending ?? null, array: c === '[', pending: null });
      if (top !== undefined) top.pending = null;
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return null;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end === -1) return null;
      let value: string;
      try {
        value = JSON.parse(text.slice(i, end + 1)) as string;
      } catch {
        return null;
      }
      i = end;
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next] as string)) next += 1;
      if (top !== undefined && !top.array && top.pending === null && text[next] === ':') {
        top.pending = value;
        i = next;
      } else {
        if (top?.pending === 'id' && stack.length === 2 && stack[1]?.key === 'student') return OpaqueIdSchema.safeParse(value).success ? value : null;
        if (top !== undefined) top.pending = null;
      }
    } else if (c === ',' && top !== undefined) top.pending = null;
  }
  return null;
}
