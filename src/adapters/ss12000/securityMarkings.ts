import type { SecurityMarking, Ss12000Absence, Ss12000Person } from './entities.js';
import type { AttendanceEntry } from './readAttendanceList.js';

const PROTECTING_MARKINGS: ReadonlySet<SecurityMarking> = new Set(['Skyddad folkbokföring', 'Sekretessmarkering']);

/**
 * The security markings each person carries on the references to them in
 * Attendance and Absence records (a PersonReference carries one too).
 *
 * @param attendances - the Attendance entries
 * @param absences - the valid Absence records
 * @returns markings by person id
 * @example referenceMarkings(entries, []).get('p1') // e.g. Set { 'Skyddad folkbokföring' }
 */
export function referenceMarkings(attendances: readonly AttendanceEntry[], absences: readonly Ss12000Absence[]): ReadonlyMap<string, ReadonlySet<SecurityMarking>> {
  const markings = new Map<string, Set<SecurityMarking>>();
  const mark = (id: string, marking: SecurityMarking | undefined): void => {
    if (marking === undefined) return;
    markings.set(id, (markings.get(id) ?? new Set<SecurityMarking>()).add(marking));
  };
  for (const { parsed } of attendances) if (parsed.success) mark(parsed.data.student.id, parsed.data.student.securityMarking);
  for (const a of absences) mark(a.student.id, a.student.securityMarking);
  return markings;
}

/**
 * Whether a student has protected identity: `Skyddad folkbokföring` or
 * `Sekretessmarkering` on the person, on any reference to them, or on a
 * guardian (a guardian with protected personal data protects the child's
 * address too). The strongest marking seen counts.
 *
 * @param person - the student
 * @param markings - markings from references (`referenceMarkings`)
 * @param personsById - every valid Person, for the guardians' own markings
 * @returns true when the student must be routed by hand, never by address
 * @example isProtected({ id: 'p1', securityMarking: 'Sekretessmarkering' }, new Map(), new Map()) // true
 */
export function isProtected(
  person: Ss12000Person,
  markings: ReadonlyMap<string, ReadonlySet<SecurityMarking>>,
  personsById: ReadonlyMap<string, Ss12000Person>,
): boolean {
  const all = new Set<SecurityMarking>(markings.get(person.id));
  if (person.securityMarking !== undefined) all.add(person.securityMarking);
  for (const r of person.responsibles ?? []) {
    if (r.person === undefined) continue;
    if (r.person.securityMarking !== undefined) all.add(r.person.securityMarking);
    const guardian = personsById.get(r.person.id);
    if (guardian?.securityMarking !== undefined) all.add(guardian.securityMarking);
  }
  for (const m of all) if (PROTECTING_MARKINGS.has(m)) return true;
  return false;
}
