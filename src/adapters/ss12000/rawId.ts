/**
 * The `id` of a raw record, read before validation (to name it in an issue
 * and to find repeated records), or null when it has none usable.
 *
 * @param value - one parsed JSON value
 * @returns the non-empty string id, or null
 * @example rawId({ id: 'a1', name: 'x' }) // 'a1'
 */
export function rawId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The student id of a raw Attendance record (`student.id`), read before validation.
 *
 * @param value - one parsed JSON value
 * @returns the non-empty string id, or null
 * @example rawStudentId({ id: 'a1', student: { id: 'p1' } }) // 'p1'
 */
export function rawStudentId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  return rawId((value as { student?: unknown }).student);
}
