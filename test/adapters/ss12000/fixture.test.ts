import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinPolicy, evaluate, fromSs12000, parseStudentCase, type StudentCase } from '../../../src/index.js';
import { readSs12000Files } from '../../../src/io/readSs12000.js';
import { ss12000Validator, undeclaredKeys } from '../../helpers/ss12000Schema.js';

// The worked example of docs/ss12000.md: fixtures/ss12000/ (written by fixtures/ss12000/build.ts from a hand-written plan).
const DIR = new URL('../../../fixtures/ss12000/', import.meta.url);
const EXPORT = new URL('export/', DIR);
const json = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const AS_OF = '2026-11-23';

/** Which component schema each file is an instance of: the endpoints' list envelopes, or a plain `…Array`. */
const FILE_SCHEMA: Record<string, string> = {
  'organisations.json': 'Organisations',
  'persons.json': 'PersonsExpanded',
  'groups.json': 'GroupsExpanded',
  'activities.json': 'Activities',
  'calendarEvents.json': 'CalendarEvents',
  'attendances-1.json': 'Attendances',
  'attendances-2.json': 'Attendances',
  'absences.json': 'AbsencesArray',
};

async function load() {
  const { bundle } = await readSs12000Files([EXPORT.pathname]);
  return fromSs12000(bundle, json(new URL('trappa-context.json', DIR)), { asOf: AS_OF });
}

function directCases(): StudentCase[] {
  return (json(new URL('student-cases.json', DIR)) as unknown[]).map((value) => {
    const parsed = parseStudentCase(value);
    if (!parsed.ok || parsed.rejectedRecords.length > 0) throw new Error('student-cases.json is not a valid StudentCase list');
    return parsed.case;
  });
}

const byId = (id: string) => (c: StudentCase) => c.student.id === id;

describe('fixtures/ss12000 against the official SS 12000 2.1.0 schema', () => {
  const validator = ss12000Validator('2.1.0');

  it('has a schema for every file of the export', () => {
    expect(readdirSync(EXPORT).sort()).toEqual(Object.keys(FILE_SCHEMA).sort());
  });

  for (const [file, schema] of Object.entries(FILE_SCHEMA)) {
    it(`${file} is valid as ${schema}`, () => {
      const value = json(new URL(file, EXPORT));
      expect(validator.errors(schema, value)).toEqual([]);
      expect(undeclaredKeys('2.1.0', schema, value)).toEqual([]);
    });
  }

  it('is internally consistent: every reference resolves', () => {
    const list = (file: string) => {
      const v = json(new URL(file, EXPORT)) as { data?: { id: string }[] } | { id: string }[];
      return (Array.isArray(v) ? v : (v.data ?? [])) as Record<string, any>[];
    };
    const ids = (file: string) => new Set(list(file).map((x) => x.id as string));
    const orgs = ids('organisations.json');
    const persons = ids('persons.json');
    const events = ids('calendarEvents.json');
    const activities = ids('activities.json');
    const groups = ids('groups.json');
    for (const o of list('organisations.json')) if (o.parentOrganisation) expect(orgs).toContain(o.parentOrganisation.id);
    for (const p of list('persons.json')) {
      for (const e of p.enrolments ?? []) expect(orgs).toContain(e.enroledAt.id);
      for (const r of p.responsibles ?? []) expect(persons).toContain(r.person.id);
    }
    for (const g of list('groups.json')) {
      expect(orgs).toContain(g.organisation.id);
      for (const m of g.groupMemberships) expect(persons).toContain(m.person.id);
    }
    for (const a of list('activities.json')) for (const g of a.groups) expect(groups).toContain(g.id);
    for (const e of list('calendarEvents.json')) {
      expect(activities).toContain(e.activity.id);
      for (const x of e.studentExceptions ?? []) expect(persons).toContain(x.student.id);
    }
    for (const a of [...list('attendances-1.json'), ...list('attendances-2.json')]) {
      expect(events).toContain(a.calendarEvent.id);
      expect(persons).toContain(a.student.id);
    }
    for (const a of list('absences.json')) expect(persons).toContain(a.student.id);
  });
});

describe('fromSs12000 on the fixture', () => {
  it('reads every student and accounts for every Attendance record', async () => {
    const result = await load();
    expect(result.rejected).toEqual([]);
    expect(result.counts.students).toEqual({ read: 6, evaluated: 6, rejected: 0 });
    const { read, accepted, duplicate, excluded, rejected } = result.counts.attendance;
    expect(read).toBe(628);
    expect(accepted + duplicate + excluded + rejected).toBe(read);
    expect(duplicate).toBe(0);
    // The cancelled 8A lesson had rows for its four students; Noah has three Wednesday lessons he does not take part in.
    expect(result.excluded.filter((e) => e.reason === 'cancelled-lesson')).toHaveLength(4);
    expect(result.excluded.filter((e) => e.reason === 'not-participating')).toHaveLength(3);
  });

  it('maps the students as the plan says (checked by hand)', async () => {
    const { cases } = await load();
    const [alva, bilal, elin, noah, leo, wilma] = directCases().map((c) => cases.find(byId(c.student.id)));
    expect(alva?.student).toMatchObject({
      schoolForm: 'grundskola',
      grade: 8,
      school: { id: '29384756', huvudman: 'kommunal', municipalityCode: '0180', district: 'Skarpnäck', teams: ['skolsocialt-team'] },
      residence: { municipalityCode: '0180', district: 'Skarpnäck' },
      protectedIdentity: false,
    });
    // Summer time (+02:00) before 25 October, winter time after: the exported UTC times are 06:10Z and 07:10Z.
    expect(alva?.attendance[0]).toMatchObject({ date: '2026-10-19', start: '08:10', scheduledMinutes: 50 });
    expect(alva?.attendance.find((l) => l.date === '2026-11-02')).toMatchObject({ start: '08:10' });
    // The double lesson is 100 minutes long with 90 of teaching (teachingLengthStudent).
    expect(alva?.attendance.find((l) => l.date === '2026-10-19' && l.start === '10:20')?.scheduledMinutes).toBe(90);
    // Her exception: 30 minutes on 17 November, last lesson.
    expect(alva?.attendance.find((l) => l.date === '2026-11-17' && l.start === '13:50')?.scheduledMinutes).toBe(30);
    // Reported sick (Anmäld frånvaro): valid, guardian-reported, reason other.
    expect(alva?.attendance.filter((l) => l.date === '2026-11-05').every((l) => l.reason === 'other' && l.guardianReported && l.validAbsenceMinutes === l.scheduledMinutes)).toBe(true);
    // Elevråd (otherAttendanceMinutes) is presence, not absence.
    expect(alva?.attendance.find((l) => l.date === '2026-11-10' && l.start === '12:50')).toMatchObject({ validAbsenceMinutes: 0, invalidAbsenceMinutes: 0, reason: 'none' });
    // The cancelled lesson is not there at all.
    expect(alva?.attendance.some((l) => l.date === '2026-11-12' && l.start === '12:50')).toBe(false);

    expect(bilal?.attendance.filter((l) => l.date === '2026-10-22').every((l) => l.reason === 'granted-leave' && l.guardianReported)).toBe(true);
    expect(bilal?.attendance.find((l) => l.date === '2026-11-19' && l.start === '10:20')?.scheduledMinutes).toBe(45);
    expect(bilal?.attendance.find((l) => l.date === '2026-11-23' && l.start === '08:10')).toMatchObject({ invalidAbsenceMinutes: 50, reason: 'unknown', guardianReported: false });
    expect(bilal?.student.residence).toEqual({ municipalityCode: '0180', district: 'Farsta' });
    expect(bilal?.consents['skolsocialt-team']).toEqual({ guardians: 'given', student: 'given' });

    expect(elin?.student.protectedIdentity).toBe(true);
    expect(elin?.student.residence).toBeUndefined();
    expect(elin?.signals).toEqual([{ type: 'harm-suspected', date: '2026-11-20' }]);

    expect(noah?.student.residence).toEqual({ municipalityCode: '0126' }); // arrived as the integer 126
    expect(noah?.attendance.filter((l) => l.start === '13:50' && ['2026-11-04', '2026-11-11', '2026-11-18'].includes(l.date))).toEqual([]);

    expect(leo?.student.school).toMatchObject({ id: '83746529', huvudman: 'fristaende', municipalityCode: '0180' });
    expect(leo?.student.grade).toBe(9);
    expect(leo?.attendance.find((l) => l.date === '2026-11-09' && l.start === '08:10')).toMatchObject({ invalidAbsenceMinutes: 50, guardianReported: true, reason: 'other' });
    expect(leo?.attendance.find((l) => l.date === '2026-11-18' && l.start === '13:50')?.reported).toBe(false);
    expect(leo?.attendance.some((l) => l.date === '2026-11-04' && l.start === '09:10')).toBe(false);

    expect(wilma?.student.residence).toEqual({ municipalityCode: '0183' });
  });

  it('gives exactly the cases written directly as StudentCase (fixtures/ss12000/student-cases.json)', async () => {
    const { cases } = await load();
    const direct = directCases().sort((a, b) => (a.student.id < b.student.id ? -1 : 1));
    expect(cases).toEqual(direct);
  });

  for (const policyId of ['stockholm', 'skollagen'] as const) {
    for (const asOf of ['2026-11-06', '2026-11-20', AS_OF]) {
      it(`gives the same decisions as the StudentCase version (${policyId}, as of ${asOf})`, async () => {
        const { cases } = await load();
        const policy = builtinPolicy(policyId);
        for (const direct of directCases()) {
          const fromExport = cases.find(byId(direct.student.id));
          expect(fromExport).toBeDefined();
          expect(evaluate(fromExport as StudentCase, policy, { asOf })).toEqual(evaluate(direct, policy, { asOf }));
        }
      });
    }
  }

  it('leads to the steps the fixture was designed for', async () => {
    const { cases } = await load();
    const policy = builtinPolicy('stockholm');
    const decisions = new Map(cases.map((c) => [c.student.id, evaluate(c, policy, { asOf: AS_OF })]));
    const [alva, bilal, elin, noah, leo, wilma] = directCases().map((c) => decisions.get(c.student.id));
    const ids = (d: typeof alva) => d?.steps.map((s) => s.id) ?? [];
    // Protected identity: orosanmälan, routed by hand.
    expect(elin?.steps.find((s) => s.id === 'orosanmalan')?.routing).toEqual({ target: 'manual', for: 'socialtjanst', reason: 'protected-identity' });
    // Lives in Huddinge, goes to a Stockholm city school, repeated absence: the hemkommun is told (SL 7:22).
    expect(noah?.steps.find((s) => s.id === 'information-hemkommun')?.routing).toEqual({ target: 'hemkommun', municipalityCode: '0126' });
    // Fristående school: the huvudman is not the hemkommun either.
    expect(leo?.steps.find((s) => s.id === 'information-hemkommun')?.routing).toEqual({ target: 'hemkommun', municipalityCode: '0180' });
    // Invalid absence today at a compulsory school: guardians informed the same day (SL 7:17).
    expect(ids(bilal)).toContain('vardnadshavare-informeras');
    expect(ids(bilal)).toContain('rektor-utredning');
    // Ten minutes of invalid absence on Thu 2026-11-19 and no notice recorded: the same-day notice is still owed (SL 7:17, issue 10).
    expect(ids(alva)).toEqual(['vardnadshavare-informeras']);
    expect(alva?.steps[0]).toMatchObject({ arisesOn: '2026-11-19', status: 'overdue' });
    expect(ids(wilma)).toEqual([]);
  });
});
