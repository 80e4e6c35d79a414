/**
 * Small SS 12000 builders for adapter tests: one school unit of Stockholms
 * kommun, one student, one lesson a day. Override any field; everything is
 * plain JSON as an export would carry it.
 */
type Json = Record<string, unknown>;

export const IDS = {
  huvudman: '00000000-0000-4000-8000-000000000001',
  unit: '00000000-0000-4000-8000-000000000002',
  student: '00000000-0000-4000-8000-0000000000a1',
  guardian: '00000000-0000-4000-8000-0000000000b1',
} as const;

const META = { created: '2026-08-10T07:00:00+02:00', modified: '2026-08-10T07:00:00+02:00' };

export function organisations(overrides: { huvudman?: Json; unit?: Json } = {}): Json[] {
  return [
    { id: IDS.huvudman, meta: META, displayName: 'Stockholms kommun', organisationType: 'Huvudman', organisationNumber: '212000-0142', ...overrides.huvudman },
    {
      id: IDS.unit,
      meta: META,
      displayName: 'Testskolan',
      organisationType: 'Skolenhet',
      parentOrganisation: { id: IDS.huvudman },
      schoolUnitCode: '12345678',
      municipalityCode: '0180',
      ...overrides.unit,
    },
  ];
}

export function person(overrides: Json = {}): Json {
  return {
    id: IDS.student,
    meta: META,
    givenName: 'Testa',
    familyName: 'Testsson',
    civicNo: { value: '201203009812' },
    birthDate: '2012-03-14',
    securityMarking: 'Ingen',
    addresses: [{ type: 'Folkbokföring', streetAddress: 'Gatan 1', postalCode: '123 45', locality: 'Stockholm', country: 'Sverige', municipalityCode: 180 }],
    enrolments: [{ enroledAt: { id: IDS.unit }, schoolType: 'GR', schoolYear: 8, startDate: '2019-08-19' }],
    ...overrides,
  };
}

/** A lesson id for a date and slot (deterministic, UUID-shaped). */
export function eventId(date: string, slot = 1): string {
  return `e0000000-0000-4000-8000-${date.replaceAll('-', '')}000${slot}`;
}

/** A 50-minute lesson, slot 1 at 08:10–09:00 Stockholm winter time, slot 2 an hour later…, written in UTC. */
export function calendarEvent(date: string, overrides: Json = {}, slot = 1): Json {
  const hour = (h: number) => String(h).padStart(2, '0');
  return {
    id: eventId(date, slot),
    meta: META,
    activity: { id: 'a0000000-0000-4000-8000-000000000001' },
    startTime: `${date}T${hour(6 + slot)}:10:00Z`,
    endTime: `${date}T${hour(7 + slot)}:00:00Z`,
    ...overrides,
  };
}

export function attendance(date: string, overrides: Json = {}, slot = 1): Json {
  return {
    id: `f0000000-0000-4000-8000-${date.replaceAll('-', '')}000${slot}`,
    meta: META,
    calendarEvent: { id: eventId(date, slot) },
    student: { id: IDS.student },
    isReported: true,
    attendanceMinutes: 50,
    validAbsenceMinutes: 0,
    invalidAbsenceMinutes: 0,
    ...overrides,
  };
}

export function absence(start: string, end: string, type: 'Anmäld frånvaro' | 'Beviljad ledighet', overrides: Json = {}): Json {
  return { id: `c0000000-0000-4000-8000-${start.slice(0, 10).replaceAll('-', '')}0001`, meta: META, startTime: start, endTime: end, type, student: { id: IDS.student }, ...overrides };
}
