import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  fromSs12000,
  Ss12000SideFileSchema,
  StudentCaseSchema,
  type Ss12000Bundle,
  type Ss12000Issue,
  type Ss12000Result,
  type Ss12000SideFile,
  type StudentCase,
} from '../../../src/index.js';
import { absence, attendance, calendarEvent, eventId, IDS, organisations, person } from '../../helpers/ss12000.js';

const AS_OF = '2026-11-23';
const DAY = '2026-11-23';

function bundle(parts: Partial<Record<keyof Ss12000Bundle, unknown[]>> = {}): Ss12000Bundle {
  return {
    organisations: { data: parts.organisations ?? organisations() },
    persons: { data: parts.persons ?? [person()] },
    calendarEvents: { data: parts.calendarEvents ?? [calendarEvent(DAY)] },
    attendances: { data: parts.attendances ?? [attendance(DAY)] },
    absences: parts.absences ?? [],
  };
}

function only(b: Ss12000Bundle, sideFile?: unknown) {
  const result = fromSs12000(b, sideFile, { asOf: AS_OF });
  expect(result.rejected).toEqual([]);
  expect(result.cases).toHaveLength(1);
  return result.cases[0] as (typeof result.cases)[number];
}

describe('fromSs12000: mapping of each field', () => {
  it('maps Person, Enrolment, Organisation and one Attendance to a StudentCase', () => {
    const c = only(bundle());
    expect(c.student).toEqual({
      id: IDS.student, // the SS 12000 Person id, opaque
      birthDate: '2012-03-14',
      enrolledFrom: '2019-08-19', // Enrolment.startDate: term coverage counts from it when later than the term's start
      schoolForm: 'grundskola', // Enrolment.schoolType GR
      grade: 8, // Enrolment.schoolYear
      school: { id: '12345678', huvudman: 'kommunal', municipalityCode: '0180', teams: [] }, // schoolUnitCode; 212000-… ; Organisation.municipalityCode
      residence: { municipalityCode: '0180' }, // Folkbokföring address, integer 180
      protectedIdentity: false,
      studiehjalp: 'unknown', // SS 12000 does not carry it; the side file may
    });
    expect(c.attendance).toEqual([
      { date: DAY, start: '08:10', scheduledMinutes: 50, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reported: true, guardianReported: false, reason: 'none' },
    ]);
    expect(StudentCaseSchema.parse(c)).toEqual(c);
  });

  it('valid and invalid absence minutes; other attendance counts as presence', () => {
    const c = only(bundle({ attendances: [attendance(DAY, { attendanceMinutes: 10, validAbsenceMinutes: 15, invalidAbsenceMinutes: 5, otherAttendanceMinutes: 20 })] }));
    expect(c.attendance[0]).toMatchObject({ scheduledMinutes: 50, validAbsenceMinutes: 15, invalidAbsenceMinutes: 5, reason: 'unknown' });
  });

  it('isReported: false stays an unreported lesson', () => {
    const c = only(bundle({ attendances: [attendance(DAY, { isReported: false, attendanceMinutes: null, validAbsenceMinutes: null, invalidAbsenceMinutes: null })] }));
    expect(c.attendance[0]).toMatchObject({ reported: false, validAbsenceMinutes: 0, invalidAbsenceMinutes: 0 });
  });

  it('scheduled minutes from teachingLengthStudent, else the span, else the student exception', () => {
    const events = [
      calendarEvent(DAY, { teachingLengthStudent: 40 }, 1),
      calendarEvent(DAY, {}, 2),
      calendarEvent(DAY, { studentExceptions: [{ student: { id: IDS.student }, participates: true, teachingLength: 25 }] }, 3),
    ];
    const c = only(bundle({ calendarEvents: events, attendances: [1, 2, 3].map((slot) => attendance(DAY, {}, slot)) }));
    expect(c.attendance.map((l) => [l.start, l.scheduledMinutes])).toEqual([
      ['08:10', 40],
      ['09:10', 50],
      ['10:10', 25],
    ]);
  });

  it('cancelled lessons and lessons the student does not take part in are excluded, and listed', () => {
    const events = [
      calendarEvent(DAY, { cancelled: true }, 1),
      calendarEvent(DAY, { studentExceptions: [{ student: { id: IDS.student }, participates: false }] }, 2),
      calendarEvent(DAY, { cancelled: false }, 3),
    ];
    const result = fromSs12000(bundle({ calendarEvents: events, attendances: [1, 2, 3].map((slot) => attendance(DAY, { invalidAbsenceMinutes: 50 }, slot)) }), undefined, { asOf: AS_OF });
    expect(result.cases[0]?.attendance.map((l) => l.start)).toEqual(['10:10']);
    expect(result.excluded.map((e) => [e.calendarEventId, e.reason])).toEqual([
      [eventId(DAY, 1), 'cancelled-lesson'],
      [eventId(DAY, 2), 'not-participating'],
    ]);
    expect(result.counts.attendance).toEqual({ read: 3, accepted: 1, duplicate: 0, excluded: 2, rejected: 0 });
  });

  it('Absence records give the reason and the guardian report', () => {
    const c = only(
      bundle({
        calendarEvents: [calendarEvent(DAY, {}, 1), calendarEvent(DAY, {}, 2), calendarEvent('2026-11-20', {}, 1)],
        attendances: [attendance(DAY, { validAbsenceMinutes: 50 }, 1), attendance(DAY, { invalidAbsenceMinutes: 50 }, 2), attendance('2026-11-20', { validAbsenceMinutes: 50 })],
        absences: [
          absence('2026-11-23T08:00:00+01:00', '2026-11-23T09:05:00+01:00', 'Anmäld frånvaro'),
          absence('2026-11-20T00:00:00+01:00', '2026-11-21T00:00:00+01:00', 'Beviljad ledighet'),
        ],
      }),
    );
    expect(c.attendance.map((l) => [l.date, l.start, l.reason, l.guardianReported])).toEqual([
      ['2026-11-20', '08:10', 'granted-leave', true],
      [DAY, '08:10', 'other', true],
      [DAY, '09:10', 'unknown', false],
    ]);
  });

  it('school form from every evaluated schoolType; FKLASS without schoolYear is grade 0', () => {
    const cases: [string, number | undefined, string, number][] = [
      ['FKLASS', undefined, 'forskoleklass', 0],
      ['GRS', 5, 'anpassad-grundskola', 5],
      ['GY', 2, 'gymnasieskola', 2],
      ['GYS', 1, 'anpassad-gymnasieskola', 1],
      ['SP', 7, 'specialskola', 7],
      ['SAM', 3, 'sameskola', 3],
    ];
    for (const [schoolType, schoolYear, form, grade] of cases) {
      const enrolment = { enroledAt: { id: IDS.unit }, schoolType, startDate: '2020-08-17', ...(schoolYear === undefined ? {} : { schoolYear }) };
      const c = only(bundle({ persons: [person({ enrolments: [enrolment] })] }));
      expect([c.student.schoolForm, c.student.grade]).toEqual([form, grade]);
    }
  });

  it('the home municipality is the Folkbokföring address, padded to four digits', () => {
    const addresses = [
      { type: 'Postadress', streetAddress: 'Box 1', postalCode: '111 11', locality: 'Solna', country: 'Sverige', municipalityCode: 184 },
      { streetAddress: 'Gatan 1', postalCode: '141 00', locality: 'Huddinge', country: 'Sverige', municipalityCode: 126 }, // type defaults to Folkbokföring
    ];
    expect(only(bundle({ persons: [person({ addresses })] })).student.residence).toEqual({ municipalityCode: '0126' });
    // A digit string (some exports) is read too.
    expect(only(bundle({ persons: [person({ addresses: [{ type: 'Folkbokföring', municipalityCode: '1480' }] })] })).student.residence).toEqual({ municipalityCode: '1480' });
  });

  it('huvudman from the organisation number, from the side file, or statlig for specialskola', () => {
    const friskola = organisations({ huvudman: { organisationNumber: '556677-8899' } });
    expect(only(bundle({ organisations: friskola })).student.school.huvudman).toBe('fristaende');
    const region = organisations({ huvudman: { organisationNumber: '232100-0016' } });
    expect(only(bundle({ organisations: region }), { schools: { '12345678': { huvudman: 'kommunal' } } }).student.school.huvudman).toBe('kommunal');
    const noNumber = organisations({ huvudman: { organisationNumber: undefined } });
    const sp = person({ enrolments: [{ enroledAt: { id: IDS.unit }, schoolType: 'SP', schoolYear: 7, startDate: '2020-08-17' }] });
    expect(only(bundle({ organisations: noNumber, persons: [sp] })).student.school.huvudman).toBe('statlig');
  });

  it('a school unit without schoolUnitCode is identified by its Organisation id', () => {
    const c = only(bundle({ organisations: organisations({ unit: { schoolUnitCode: undefined } }) }), { schools: { [IDS.unit]: { district: 'Kista' } } });
    expect(c.student.school).toMatchObject({ id: IDS.unit, district: 'Kista' });
  });

  it('the side file adds studiehjälp (CSN), which SS 12000 does not carry', () => {
    const c = only(bundle(), { students: { [IDS.student]: { studiehjalp: 'yes' } } });
    expect(c.student.studiehjalp).toBe('yes');
  });

  it('the side file adds consents, signals, measures, districts and teams', () => {
    const c = only(bundle(), {
      schools: { '12345678': { district: 'Skarpnäck', teams: ['skolsocialt-team'] } },
      students: {
        [IDS.student]: {
          residenceDistrict: 'Farsta',
          consents: { sip: { guardians: 'given' } },
          signals: [{ type: 'anxiety-distress', date: '2026-11-20' }],
          measures: [{ step: 'mentor-kontakt', date: '2026-11-02' }],
        },
      },
    });
    expect(c.student.school).toMatchObject({ district: 'Skarpnäck', teams: ['skolsocialt-team'] });
    expect(c.student.residence).toEqual({ municipalityCode: '0180', district: 'Farsta' });
    expect(c.consents).toEqual({ sip: { guardians: 'given', student: 'not-asked' } });
    expect(c.signals).toEqual([{ type: 'anxiety-distress', date: '2026-11-20' }]);
    expect(c.measures).toEqual([{ step: 'mentor-kontakt', date: '2026-11-02', outcome: 'done' }]);
  });
});

describe('fromSs12000: protected identity', () => {
  it('Skyddad folkbokföring: protected, no residence even if an address is there', () => {
    const c = only(bundle({ persons: [person({ securityMarking: 'Skyddad folkbokföring' })] }));
    expect(c.student.protectedIdentity).toBe(true);
    expect(c.student.residence).toBeUndefined();
  });

  it('a protected student needs no address at all', () => {
    expect(only(bundle({ persons: [person({ securityMarking: 'Skyddad folkbokföring', addresses: undefined })] })).student.protectedIdentity).toBe(true);
  });

  it('the marking on an Attendance or Absence reference counts too', () => {
    const att = attendance(DAY, { student: { id: IDS.student, securityMarking: 'Skyddad folkbokföring' } });
    expect(only(bundle({ persons: [person({ securityMarking: undefined })], attendances: [att] })).student.protectedIdentity).toBe(true);
  });

  it('Sekretessmarkering, and a guardian with protected data, also mean manual routing', () => {
    expect(only(bundle({ persons: [person({ securityMarking: 'Sekretessmarkering' })] })).student.protectedIdentity).toBe(true);
    const guardian = { id: IDS.guardian, meta: person().meta, givenName: 'G', familyName: 'G', securityMarking: 'Skyddad folkbokföring' };
    const child = person({ responsibles: [{ person: { id: IDS.guardian }, relationType: 'Vårdnadshavare' }] });
    expect(only(bundle({ persons: [child, guardian] })).student.protectedIdentity).toBe(true);
  });

  it('guardians and staff are not students', () => {
    const guardian = { id: IDS.guardian, meta: person().meta, givenName: 'G', familyName: 'G', addresses: [] };
    const result = fromSs12000(bundle({ persons: [person(), guardian] }), undefined, { asOf: AS_OF });
    expect(result.counts.students).toEqual({ read: 1, evaluated: 1, rejected: 0 });
  });
});

describe('fromSs12000: tolerance of 2.0 and of real exports', () => {
  it('attendanceMinutes may be missing (2.1) or present (2.0); null means not given; unknown fields are ignored', () => {
    const c = only(
      bundle({
        attendances: [attendance(DAY, { attendanceMinutes: undefined, validAbsenceMinutes: null, invalidAbsenceMinutes: 10, vendorField: { x: 1 } })],
        persons: [person({ addresses: [{ type: 'Folkbokföring', municipalityCode: 180 }, { type: 'Särskildpostadress', municipalityCode: 184 }], sex: 'Okänt' })],
      }),
    );
    expect(c.attendance[0]).toMatchObject({ validAbsenceMinutes: 0, invalidAbsenceMinutes: 10 });
  });

  it('plain arrays and envelopes alike', () => {
    const b = bundle();
    const plain: Ss12000Bundle = {
      organisations: organisations(),
      persons: [person()],
      calendarEvents: [calendarEvent(DAY)],
      attendances: [attendance(DAY)],
    };
    expect(fromSs12000(plain, undefined, { asOf: AS_OF }).cases).toEqual(fromSs12000(b, undefined, { asOf: AS_OF }).cases);
  });

  it('a 2.0 school type Trappa does not evaluate (KOMVUX) is named', () => {
    const result = fromSs12000(bundle({ persons: [person({ enrolments: [{ enroledAt: { id: IDS.unit }, schoolType: 'KOMVUX', startDate: '2026-01-01' }] })] }), undefined, { asOf: AS_OF });
    expect(result.rejected[0]?.issues[0]).toMatchObject({ entity: 'Person', id: IDS.student, field: 'enrolments[0].schoolType' });
  });
});

describe('fromSs12000: errors name the entity, id and field', () => {
  function issuesOf(b: Ss12000Bundle, sideFile?: unknown) {
    const result = fromSs12000(b, sideFile, { asOf: AS_OF });
    const { read, accepted, duplicate, excluded, rejected } = result.counts.attendance;
    expect(accepted + duplicate + excluded + rejected).toBe(read);
    expect(result.rejected.reduce((n, r) => n + r.attendanceRecords, 0)).toBe(rejected);
    return { result, issues: result.rejected.flatMap((r) => r.issues.map((i) => ({ ...i, records: r.attendanceRecords }))) };
  }

  it('a bad Attendance field', () => {
    const { result, issues } = issuesOf(bundle({ attendances: [attendance(DAY, { invalidAbsenceMinutes: -5 }), attendance(DAY, { id: 'second', isReported: 'yes' }, 2)] }));
    expect(issues).toEqual([
      expect.objectContaining({ entity: 'Attendance', id: attendance(DAY).id, field: 'invalidAbsenceMinutes', records: 1 }),
      expect.objectContaining({ entity: 'Attendance', id: 'second', field: 'isReported', records: 1 }),
    ]);
    // The student is still evaluated, with a count for the rejected-records warning.
    expect(result.cases).toHaveLength(1);
    expect(result.rejectedRecords).toEqual({ [IDS.student]: 2 });
  });

  it('absence longer than the lesson', () => {
    const { issues } = issuesOf(bundle({ attendances: [attendance(DAY, { validAbsenceMinutes: 30, invalidAbsenceMinutes: 30 })] }));
    expect(issues[0]).toMatchObject({ entity: 'Attendance', field: 'invalidAbsenceMinutes' });
    expect(issues[0]?.message).toContain('60 min');
  });

  it('a Person without birth date takes its Attendance records with it, counted once', () => {
    const { result, issues } = issuesOf(bundle({ persons: [person({ birthDate: undefined })], attendances: [attendance(DAY), attendance('2026-11-20')] }));
    expect(issues).toEqual([expect.objectContaining({ entity: 'Person', id: IDS.student, field: 'birthDate', records: 2 })]);
    expect(result.counts.students).toEqual({ read: 1, evaluated: 0, rejected: 1 });
  });

  it('an invalid integer municipality code on the address', () => {
    const { issues } = issuesOf(bundle({ persons: [person({ addresses: [{ type: 'Folkbokföring', municipalityCode: 9999 }] })] }));
    expect(issues[0]).toMatchObject({ entity: 'Person', field: 'addresses[0].municipalityCode' });
  });

  it('an unprotected student without a Folkbokföring address', () => {
    const { issues } = issuesOf(bundle({ persons: [person({ addresses: [] })] }));
    expect(issues[0]).toMatchObject({ entity: 'Person', field: 'addresses' });
  });

  it('a school unit without municipality code, and a huvudman that cannot be told', () => {
    const orgs = organisations({ unit: { municipalityCode: undefined }, huvudman: { organisationNumber: '232100-0016' } });
    const { issues } = issuesOf(bundle({ organisations: orgs }));
    expect(issues.map((i) => [i.entity, i.id, i.field])).toEqual([
      ['Organisation', IDS.unit, 'municipalityCode'],
      ['Organisation', IDS.huvudman, 'organisationNumber'],
    ]);
  });

  it('references to entities that are not in the export', () => {
    const unitGone = issuesOf(
      bundle({
        persons: [person({ enrolments: [{ enroledAt: { id: 'gone-unit' }, schoolType: 'GR', schoolYear: 8, startDate: '2019-08-19' }] })],
        calendarEvents: [calendarEvent(DAY), calendarEvent('2026-11-20')],
        attendances: [attendance(DAY), attendance('2026-11-20')],
      }),
    );
    expect(unitGone.issues.map((i) => [i.entity, i.id, i.field, i.records])).toEqual([['Person', IDS.student, 'enrolments[0].enroledAt.id', 2]]);
    const gone = issuesOf(
      bundle({
        attendances: [
          attendance(DAY, { calendarEvent: { id: 'gone-event' } }),
          attendance('2026-11-20', { calendarEvent: { id: 'gone-event-2' } }),
          attendance(DAY, { id: 'a3', student: { id: 'gone-person' } }),
        ],
      }),
    );
    expect(gone.issues.map((i) => [i.entity, i.id, i.field, i.records])).toEqual([
      ['Person', 'gone-person', 'id', 1],
      ['CalendarEvent', 'gone-event', 'id', 1],
      ['CalendarEvent', 'gone-event-2', 'id', 1],
    ]);
  });

  it('a CalendarEvent with broken times takes its lessons with it', () => {
    const { issues } = issuesOf(bundle({ calendarEvents: [calendarEvent(DAY, { endTime: `${DAY}T07:00:00Z` })] }));
    expect(issues).toEqual([expect.objectContaining({ entity: 'CalendarEvent', id: eventId(DAY), field: 'endTime', records: 1 })]);
  });

  it("a broken student exception rejects that student's lesson, located on the CalendarEvent", () => {
    const ev = calendarEvent(DAY, { studentExceptions: [{ student: { id: IDS.student }, participates: true, teachingLength: 0 }] });
    const { result } = issuesOf(bundle({ calendarEvents: [ev] }));
    expect(result.rejected).toEqual([
      {
        entity: 'Attendance',
        id: attendance(DAY).id,
        issues: [expect.objectContaining({ entity: 'CalendarEvent', id: eventId(DAY), field: 'studentExceptions[0].teachingLength' })],
        attendanceRecords: 1,
      },
    ]);
  });

  it('a timestamp without offset, an unknown Absence type and a second report of one lesson', () => {
    const { issues } = issuesOf(
      bundle({
        calendarEvents: [calendarEvent(DAY, { startTime: '2026-11-23T08:10:00' })],
        absences: [absence('2026-11-23T08:00:00+01:00', '2026-11-23T09:00:00+01:00', 'Anmäld frånvaro', { type: 'Sjukdom' })],
      }),
    );
    expect(issues.map((i) => [i.entity, i.field, i.records])).toEqual([
      ['CalendarEvent', 'startTime', 1],
      ['Absence', 'type', 0],
    ]);
  });

  it('repeated records: copies count once as duplicate, contradicting records are all rejected, whatever their order', () => {
    const copy = issuesOf(bundle({ attendances: [attendance(DAY), attendance(DAY)] }));
    expect(copy.result.cases[0]?.attendance).toHaveLength(1);
    expect(copy.issues).toEqual([]);
    expect(copy.result.counts.attendance).toMatchObject({ read: 2, accepted: 1, duplicate: 1, rejected: 0 });
    expect(copy.result.rejectedRecords).toEqual({});
    // Two ids for one lesson of one student: a copy when they say the same, else a conflict.
    const sameLesson = issuesOf(bundle({ attendances: [attendance(DAY), attendance(DAY, { id: 'again' })] }));
    expect(sameLesson.result.counts.attendance).toMatchObject({ read: 2, accepted: 1, duplicate: 1, rejected: 0 });
    const conflict = issuesOf(bundle({ attendances: [attendance(DAY, { invalidAbsenceMinutes: 50 }), attendance(DAY, { id: 'again' })] }));
    expect(conflict.result.cases[0]?.attendance).toEqual([]);
    expect(conflict.issues.map((i) => [i.id, i.field, i.message])).toEqual([
      [attendance(DAY).id, 'calendarEvent.id', 'Same student, date and start as Attendance again, with a different invalidAbsenceMinutes, reason; none of them is used'],
      ['again', 'calendarEvent.id', `Same student, date and start as Attendance ${attendance(DAY).id}, with a different invalidAbsenceMinutes, reason; none of them is used`],
    ]);
    expect(conflict.result.rejectedRecords).toEqual({ [IDS.student]: 2 });
    expect(conflict.result.conflictingRecords).toEqual({ [IDS.student]: { count: 2, lessons: 1 } });
    // A third record, a copy of one of the two: counted as duplicate, the other two still rejected.
    const third = issuesOf(bundle({ attendances: [attendance(DAY, { id: 'again' }), attendance(DAY, { invalidAbsenceMinutes: 50 }), attendance(DAY, { id: 'third' })] }));
    expect(third.result.counts.attendance).toMatchObject({ read: 3, accepted: 0, duplicate: 1, rejected: 2 });
    const sameId = issuesOf(bundle({ attendances: [attendance(DAY, { invalidAbsenceMinutes: 50 }), attendance(DAY), attendance(DAY)] }));
    expect(sameId.issues.map((i) => i.message)).toEqual(['2 different records have this id; none is used', '2 different records have this id; none is used']);
    expect(sameId.result.counts.attendance).toMatchObject({ read: 3, accepted: 0, duplicate: 1, rejected: 2 });
    expect(sameId.result.conflictingRecords).toEqual({ [IDS.student]: { count: 2, lessons: 1 } });
    const persons = issuesOf(bundle({ persons: [person(), person({ birthDate: '2012-03-15' })] }));
    expect(persons.issues).toEqual([expect.objectContaining({ entity: 'Person', id: IDS.student, field: 'id', records: 1 })]);
  });

  it('a record without id and a list that is not a list', () => {
    const { issues } = issuesOf({ ...bundle({ attendances: [{ isReported: true }] }), absences: { rows: [] } });
    expect(issues.map((i) => [i.entity, i.id, i.field])).toEqual([
      ['Absence', null, '(root)'],
      ['Attendance', null, '[0].id'],
      ['Attendance', null, '[0].calendarEvent'],
      ['Attendance', null, '[0].student'],
    ]);
  });

  it('side file: a bad entry rejects only its student; unknown ids are reported; a bad file rejects everything', () => {
    const bad = issuesOf(bundle(), { students: { [IDS.student]: { signals: [{ type: 'worried', date: '2026-11-20' }] }, 'no-such-person': {} } });
    expect(bad.issues.map((i) => [i.entity, i.id, i.field])).toEqual([
      ['SideFile', IDS.student, `students["${IDS.student}"].signals[0].type`],
      ['SideFile', 'no-such-person', 'students["no-such-person"]'],
    ]);
    const broken = issuesOf(bundle(), { student: {} });
    expect(broken.result.cases).toEqual([]);
    expect(broken.issues).toEqual([expect.objectContaining({ entity: 'SideFile', id: null, records: 1 })]);
  });

  it('side file: a __proto__ key is refused where it is (issue 12, D12), not dropped', () => {
    const inConsents = JSON.parse(JSON.stringify({ students: { [IDS.student]: { consents: { sip: { guardians: 'given' } } } } }).replace('"sip":', '"__proto__":')) as unknown;
    const student = issuesOf(bundle(), inConsents);
    expect(student.result.cases).toEqual([]);
    expect(student.issues.map((i) => [i.entity, i.id, i.field])).toEqual([['SideFile', IDS.student, `students["${IDS.student}"].consents.__proto__`]]);
    const inOutline = JSON.parse('{"students":{"__proto__":{}}}') as unknown;
    const outline = issuesOf(bundle(), inOutline);
    expect(outline.issues.map((i) => [i.entity, i.id, i.field])).toEqual([['SideFile', null, 'students.__proto__']]);
  });

  it('a personnummer used as Person id is refused: Trappa ids stay opaque', () => {
    const { issues } = issuesOf(bundle({ persons: [person({ id: '201203009812' })], attendances: [attendance(DAY, { student: { id: '201203009812' } })] }));
    expect(issues[0]).toMatchObject({ entity: 'Person', id: '201203009812', field: 'id', message: 'Looks like a personnummer; use an opaque id instead' });
  });
});

describe('fromSs12000: privacy and determinism', () => {
  it('never copies names, civic numbers, street addresses or free-text reasons', () => {
    const b = bundle({
      attendances: [attendance(DAY, { invalidAbsenceMinutes: 50, absenceReason: 'Hemlig anledning', reporter: { id: IDS.guardian, displayName: 'Lärare Larsson' } })],
      persons: [person({ responsibles: [{ person: { id: IDS.guardian, displayName: 'Förälder Föräldersson' } }] })],
    });
    const text = JSON.stringify(fromSs12000(b, undefined, { asOf: AS_OF }));
    for (const secret of ['201203009812', 'Testa', 'Testsson', 'Gatan', 'Hemlig', 'Larsson', 'Föräldersson', '123 45']) expect(text).not.toContain(secret);
  });

  const dates = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'];
  const arbitraryExport = fc
    .record({
      lessons: fc.array(
        fc.record({
          date: fc.constantFrom(...dates),
          slot: fc.integer({ min: 1, max: 3 }),
          valid: fc.integer({ min: 0, max: 40 }),
          invalid: fc.integer({ min: -5, max: 40 }),
          reported: fc.boolean(),
          cancelled: fc.boolean(),
          notParticipating: fc.boolean(),
          eventMissing: fc.boolean(),
          duplicate: fc.boolean(),
        }),
        { maxLength: 15 },
      ),
      personMissing: fc.boolean(),
      badBirthDate: fc.boolean(),
    })
    .map(({ lessons, personMissing, badBirthDate }) => {
      const events = new Map<string, Record<string, unknown>>();
      const attendances: unknown[] = [];
      lessons.forEach((l, i) => {
        const id = eventId(l.date, l.slot);
        if (!l.eventMissing && !events.has(id)) {
          events.set(
            id,
            calendarEvent(l.date, { cancelled: l.cancelled, ...(l.notParticipating ? { studentExceptions: [{ student: { id: IDS.student }, participates: false }] } : {}) }, l.slot),
          );
        }
        const row = attendance(l.date, { id: `row-${i}`, validAbsenceMinutes: l.valid, invalidAbsenceMinutes: l.invalid, isReported: l.reported }, l.slot);
        attendances.push(row);
        if (l.duplicate) attendances.push({ ...row, id: `row-${i}-again` });
      });
      return bundle({
        persons: personMissing ? [] : [person(badBirthDate ? { birthDate: '2012-02-30' } : {})],
        calendarEvents: [...events.values()],
        attendances,
      });
    });

  it('every Attendance record is accepted, a duplicate, excluded or rejected exactly once; cases are valid StudentCases', () => {
    fc.assert(
      fc.property(arbitraryExport, (b) => {
        const result = fromSs12000(b, undefined, { asOf: AS_OF });
        const { read, accepted, duplicate, excluded, rejected } = result.counts.attendance;
        expect(read).toBe(((b.attendances as { data: unknown[] }).data).length);
        expect(accepted + duplicate + excluded + rejected).toBe(read);
        expect(result.excluded).toHaveLength(excluded);
        expect(result.rejected.reduce((n, r) => n + r.attendanceRecords, 0)).toBe(rejected);
        expect(result.cases.reduce((n, c) => n + c.attendance.length, 0)).toBe(accepted);
        expect(result.counts.students.evaluated + result.counts.students.rejected).toBe(result.counts.students.read);
        for (const c of result.cases) expect(StudentCaseSchema.parse(c)).toEqual(c);
      }),
      { numRuns: 200 },
    );
  });

  it('the order of the export does not change the cases', () => {
    fc.assert(
      fc.property(arbitraryExport, fc.integer(), (b, seed) => {
        const rows = [...(b.attendances as { data: unknown[] }).data];
        // A deterministic shuffle of the Attendance records.
        const shuffled = rows
          .map((r, i) => ({ r, k: (Math.imul(i + 1, seed | 1) >>> 0) % 1009 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const a = fromSs12000(b, undefined, { asOf: AS_OF });
        const c = fromSs12000({ ...b, attendances: shuffled }, undefined, { asOf: AS_OF });
        expect(c.cases).toEqual(a.cases);
        expect(c.counts).toEqual(a.counts);
      }),
      { numRuns: 100 },
    );
  });

  it('records exported again (overlapping pages) change nothing but the duplicate count, in any order', () => {
    fc.assert(
      fc.property(arbitraryExport, fc.array(fc.nat(), { maxLength: 8 }), fc.integer(), (b, picks, seed) => {
        const rows = [...(b.attendances as { data: unknown[] }).data];
        // Copies of well-formed records (a malformed one is rejected wherever it is, as a bad lesson line is).
        const wellFormed = rows.filter((r) => (r as { invalidAbsenceMinutes: number }).invalidAbsenceMinutes >= 0);
        const again = wellFormed.length === 0 ? [] : picks.map((p) => wellFormed[p % wellFormed.length]);
        const mixed = [...rows, ...again]
          .map((r, i) => ({ r, k: (Math.imul(i + 1, seed | 1) >>> 0) % 1009 }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const a = fromSs12000(b, undefined, { asOf: AS_OF });
        const c = fromSs12000({ ...b, attendances: mixed }, undefined, { asOf: AS_OF });
        expect(c.cases).toEqual(a.cases);
        expect(c.counts.attendance).toEqual({ ...a.counts.attendance, read: a.counts.attendance.read + again.length, duplicate: a.counts.attendance.duplicate + again.length });
        expect(c.rejectedRecords).toEqual(a.rejectedRecords);
        expect(c.conflictingRecords).toEqual(a.conflictingRecords);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fromSs12000: types', () => {
  it('takes unknown JSON and gives validated StudentCases', () => {
    expectTypeOf(fromSs12000).parameter(0).toEqualTypeOf<Ss12000Bundle>();
    expectTypeOf(fromSs12000).parameter(1).toEqualTypeOf<unknown>();
    expectTypeOf<Ss12000Result['cases']>().toEqualTypeOf<readonly StudentCase[]>();
    expectTypeOf<Ss12000Result['rejected'][number]['issues'][number]>().toEqualTypeOf<Ss12000Issue>();
    expectTypeOf<Ss12000Issue['entity']>().toEqualTypeOf<'Organisation' | 'Person' | 'CalendarEvent' | 'Attendance' | 'Absence' | 'SideFile'>();
  });

  it('types the side file with Trappa’s vocabularies', () => {
    const ok: Ss12000SideFile = { students: { x: { signals: [{ type: 'harm-suspected', date: '2026-11-20' }] } } };
    expect(Ss12000SideFileSchema.parse(ok).students.x?.signals).toHaveLength(1);
    // @ts-expect-error signals are ids from SignalTypeSchema, never free text
    const bad: Ss12000SideFile = { students: { x: { signals: [{ type: 'worried about home', date: '2026-11-20' }] } } };
    expect(Ss12000SideFileSchema.safeParse(bad).success).toBe(false);
  });
});
