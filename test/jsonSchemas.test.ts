/**
 * The published JSON Schemas against the validator (issue 13 point 4): ajv on
 * the schema accepts a value exactly when zod (or the batch's lesson reader)
 * does. A schema that claims to be complete is held to exact equivalence; the
 * others to equivalence once the refinements their description lists are
 * added back as test oracles, so nothing else may be missing.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc, { type Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeSchema } from '../src/run/changeSchema.js';
import { diffStepStates } from '../src/run/changes.js';
import { parseLessonValue } from '../src/adapters/lessons/lessonRecord.js';
import { defaultCalendarFor } from '../src/calendar/defaultCalendar.js';
import { builtinPolicy, BUILTIN_POLICY_IDS } from '../src/index.js';
import { ISO_CALENDAR_DATE_PATTERN, isValidIsoDate } from '../src/model/isoDate.js';
import { JSON_SCHEMA_NAMES, JSON_SCHEMAS, jsonSchema, type JsonSchemaName } from '../src/report/jsonSchemas.js';
import { DecisionSchema } from '../src/model/decisionSchema.js';
import { CompactDecisionSchema } from '../src/model/compactDecisionSchema.js';
import { compactDecision } from '../src/report/compactDecision.js';
import { PolicyFileSchema } from '../src/model/policyFile.js';
import { SchoolCalendarSchema } from '../src/model/schoolCalendar.js';
import { StudentCaseSchema } from '../src/model/studentCase.js';
import { StepIdSchema, StepKindSchema, UrgencySchema } from '../src/model/vocabulary.js';
import { Ss12000SideFileSchema } from '../src/adapters/ss12000/sideFile.js';
import { decideCase } from '../src/testing/decide.js';
import {
  arbitraryAttendance,
  arbitraryCase,
  arbitraryConsents,
  arbitraryInvalidLesson,
  arbitraryMeasures,
  arbitrarySignals,
  DEFAULT_TEST_AS_OF,
} from '../src/testing/arbitraries/index.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

// strictRequired: ajv's own lint, off by default, would ask that `required` inside anyOf repeat `properties`.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
const validators = new Map<JsonSchemaName, ValidateFunction>(JSON_SCHEMA_NAMES.map((name) => [name, ajv.compile(jsonSchema(name))]));
const ajvAccepts = (name: JsonSchemaName, value: unknown): boolean => validators.get(name)?.(value) === true;

const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Record<string, Json>[] => (Array.isArray(v) ? v.filter(isObject) : []);

// ---- what each schema's description says it does not express, as oracles -----------------------

const absenceWithinLesson = (r: Record<string, Json>): boolean =>
  Number(r['validAbsenceMinutes'] ?? 0) + Number(r['invalidAbsenceMinutes'] ?? 0) <= Number(r['scheduledMinutes']);
const untilNotBeforeDate = (s: Record<string, Json>): boolean => s['until'] === undefined || String(s['until']) >= String(s['date']);
const startNotAfterEnd = (r: Record<string, Json>): boolean => String(r['start']) <= String(r['end']);

/** The runtime validator of each schema, and the refinements its description lists (checked only where ajv accepted). */
const SIDES: Record<JsonSchemaName, { readonly zod: (v: Json) => boolean; readonly unexpressed: (v: Json) => boolean }> = {
  'student-case': {
    zod: (v) => StudentCaseSchema.safeParse(v).success,
    unexpressed: (v) => isObject(v) && records(v['attendance']).every(absenceWithinLesson) && records(v['signals']).every(untilNotBeforeDate),
  },
  policy: { zod: (v) => PolicyFileSchema.safeParse(v).success, unexpressed: () => true },
  decision: { zod: (v) => DecisionSchema.safeParse(v).success, unexpressed: () => true },
  'compact-decision': { zod: (v) => CompactDecisionSchema.safeParse(v).success, unexpressed: () => true },
  'lesson-record': { zod: (v) => parseLessonValue(v).ok, unexpressed: (v) => isObject(v) && absenceWithinLesson(v) },
  calendar: {
    zod: (v) => SchoolCalendarSchema.safeParse(v).success,
    unexpressed: (v) => isObject(v) && [...records(v['terms']), ...records(v['breaks'])].every(startNotAfterEnd),
  },
  'ss12000-side-file': {
    zod: (v) => Ss12000SideFileSchema.safeParse(v).success,
    unexpressed: (v) => isObject(v) && Object.values(isObject(v['students']) ? v['students'] : {}).every((s) => isObject(s) && records(s['signals']).every(untilNotBeforeDate)),
  },
  change: { zod: (v) => ChangeSchema.safeParse(v).success, unexpressed: () => true },
};

// ---- mutations ------------------------------------------------------------------------------------

function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (isObject(value)) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

function update(value: Json, path: Path, change: (old: Json | undefined) => Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return change(value) ?? null;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    const next = rest.length === 0 ? change(copy[head]) : update(copy[head] ?? null, rest, change);
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  if (isObject(value) && typeof head === 'string') {
    const copy: Record<string, Json> = { ...value };
    const next = rest.length === 0 ? change(copy[head]) : update(copy[head] ?? null, rest, change);
    if (next === undefined) delete copy[head];
    else copy[head] = next;
    return copy;
  }
  return value;
}

const PERSONNUMMER_IDS: readonly Json[] = ['201001011234', '1001011234', '100101-1234', '20100101+1234'];
const DATES: readonly Json[] = ['2026-02-30', '2026-02-29', '2028-02-29', '2000-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-11-2', '2024-01-01', '2026-11-23', '2099-12-31'];
const NUMBERS: readonly Json[] = [0, -1, 1, 7, 11, 12, 59, 60, 61, 600, 601, 1.5];
/**
 * Anything anywhere: ids, times, enum words, strings at and past maxLength
 * (also in characters outside the BMP, two UTF-16 units each), wrong types.
 */
const PROBES: readonly Json[] = [
  ...PERSONNUMMER_IDS, ...DATES, ...NUMBERS, 'elev-0001', '0180', '018', '', 'x y', '08:10', '24:00',
  'a'.repeat(41), 'a'.repeat(81), 'a'.repeat(129), '🏫'.repeat(40), '🏫'.repeat(41), '🏫'.repeat(80), '🏫'.repeat(81),
  'lagkrav', 'recommended', 'sick', 'given', 'harm-suspected', 'eht', 'samtycke', 'new', 'done', 'measure',
  true, false, null, [], {}, ['eht'], { x: 1 },
];

/**
 * One mutation: which paths it aims at, and what it does there. Aiming (ids
 * get personnummer, dates get impossible or reordered dates, numbers get
 * bounds) keeps each kind of check in reach however large the value is.
 */
interface Mutation {
  readonly aim: (path: Path, value: Json | undefined) => boolean;
  readonly apply: (old: Json | undefined) => Json | undefined;
}

const anywhere = () => true;
const arbitraryMutation: Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...PERSONNUMMER_IDS).map((to): Mutation => ({ aim: (p) => p.at(-1) === 'id' || p.at(-1) === 'studentId', apply: () => to })),
  fc.constantFrom(...DATES).map((to): Mutation => ({ aim: (_, v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), apply: () => to })),
  fc.constantFrom(...NUMBERS).map((to): Mutation => ({ aim: (_, v) => typeof v === 'number', apply: () => to })),
  fc.constant<Mutation>({ aim: (p) => typeof p.at(-1) === 'string', apply: () => undefined }), // delete a key
  fc.constant<Mutation>({ aim: (p, v) => typeof p.at(-1) === 'string' && isObject(v), apply: () => undefined }), // delete a part (residence, school…)
  fc
    .record({ key: fc.constantFrom('comment', 'teacher', 'x', 'until', 'residence', 'protectedIdentity'), to: fc.constantFrom(...PROBES) })
    .map(({ key, to }): Mutation => ({ aim: (_, v) => isObject(v), apply: (old) => (isObject(old) ? { ...old, [key]: to } : old) })),
  fc.constantFrom(...PROBES).map((to): Mutation => ({ aim: anywhere, apply: () => to })),
);

function valueAt(value: Json, path: Path): Json | undefined {
  let v: Json | undefined = value;
  for (const p of path) v = Array.isArray(v) && typeof p === 'number' ? v[p] : isObject(v) && typeof p === 'string' ? v[p] : undefined;
  return v;
}

/**
 * A path the mutation aims at, drawn by its shape first (array indices read
 * as `*`), so `student.id` is as likely as `attendance.*.date` however many
 * lessons the case has. Falls back to any path when none is aimed at.
 */
function pathFor(value: Json, m: Mutation, shapeIndex: number, pathIndex: number): Path {
  const byShape = new Map<string, Path[]>();
  const all = pathsOf(value);
  const aimed = all.filter((path) => m.aim(path, valueAt(value, path)));
  for (const path of aimed.length > 0 ? aimed : all) {
    const shape = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
    byShape.set(shape, [...(byShape.get(shape) ?? []), path]);
  }
  const shapes = [...byShape.values()];
  const paths = shapes[shapeIndex % shapes.length] ?? [[]];
  return paths[pathIndex % paths.length] ?? [];
}

/** A valid value, or one to three mutations of it at random places. */
function validOrMutated(valid: Arbitrary<unknown>): Arbitrary<Json> {
  return valid.map(toJson).chain((v) =>
    fc.oneof(
      fc.constant(v),
      fc
        .array(fc.tuple(fc.nat(), fc.nat(), arbitraryMutation), { minLength: 1, maxLength: 3 })
        .map((ms) => ms.reduce((acc, [shape, n, m]) => update(acc, pathFor(acc, m, shape, n), m.apply), v)),
    ),
  );
}

function expectEquivalent(name: JsonSchemaName, value: Json): void {
  const side = SIDES[name];
  const viaSchema = ajvAccepts(name, value) && side.unexpressed(value);
  expect(viaSchema, `${name}: ajv ${String(ajvAccepts(name, value))}, zod ${String(side.zod(value))}: ${JSON.stringify(value).slice(0, 400)}`).toBe(side.zod(value));
}

// ---- generators of valid values -------------------------------------------------------------------

const isoDate = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const safeKey = fc.stringMatching(/^[a-z0-9-]{1,10}$/);

const arbitraryStepState = fc.record(
  {
    id: fc.constantFrom(...StepIdSchema.options),
    forStep: fc.constantFrom(...StepIdSchema.options),
    kind: fc.constantFrom(...StepKindSchema.options),
    status: fc.constantFrom('recommended', 'blocked', 'overdue'),
    urgency: fc.constantFrom(...UrgencySchema.options),
    arisesOn: isoDate,
    closableFrom: isoDate,
    dueDate: fc.option(isoDate, { nil: null }),
    heldOpen: fc.record({ verifiedOn: isoDate }),
  },
  { requiredKeys: ['id', 'kind', 'status', 'urgency', 'dueDate'] },
);

const arbitraryChange = fc.record({ studentId: fc.stringMatching(/^[a-z0-9-]{1,12}$/), asOf: isoDate, step: arbitraryStepState, previous: arbitraryStepState }).chain(({ studentId, asOf, step, previous }) =>
  fc.oneof(
    fc.constant({ studentId, change: 'new', step, asOf }),
    fc.constant({ studentId, change: 'overdue', step, previous, asOf }),
    fc.subarray(['urgency', 'consent-given']).map((causes) => ({ studentId, change: 'escalated', step, previous, causes, asOf })),
    fc
      .record({ step: fc.constantFrom(...StepIdSchema.options), date: isoDate, outcome: fc.constantFrom('done', 'started', 'obehovligt') })
      .map((measure) => ({ studentId, change: 'done', previous, closedBy: 'measure', measure, asOf })),
    fc.constant({ studentId, change: 'done', previous, closedBy: 'consent-given', asOf }),
    fc.boolean().map((studentInInput) => ({ studentId, change: 'no-longer-indicated', previous, studentInInput, asOf })),
  ),
);

const arbitraryRange = fc.record({ id: safeKey, start: isoDate, end: isoDate });
const arbitraryCalendar = fc.oneof(
  fc.constantFrom('2025-11-23', '2026-03-02', DEFAULT_TEST_AS_OF).map((asOf) => defaultCalendarFor(asOf)),
  fc.record({ terms: fc.array(arbitraryRange, { minLength: 1, maxLength: 3 }), breaks: fc.array(arbitraryRange, { maxLength: 3 }) }, { requiredKeys: ['terms'] }),
);

const arbitrarySideFile = fc.record(
  {
    schools: fc.dictionary(
      fc.stringMatching(/^\d{8}$/),
      fc.record(
        { huvudman: fc.constantFrom('kommunal', 'fristaende', 'statlig'), district: fc.constantFrom('Skarpnäck', 'Farsta', 'Centrum'), teams: fc.constant(['skolsocialt-team']) },
        { requiredKeys: [] },
      ),
      { maxKeys: 3 },
    ),
    students: fc.dictionary(
      safeKey,
      fc.record(
        {
          residenceDistrict: fc.constantFrom('Farsta', 'Bromma'),
          studiehjalp: fc.constantFrom('yes', 'no', 'unknown'),
          consents: arbitraryConsents(),
          signals: arbitrarySignals(),
          measures: arbitraryMeasures(),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: [] },
);

const arbitraryLesson = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,12}$/), arbitraryAttendance({ pattern: 'mixed' })).map(([studentId, lessons]) => ({ studentId, ...(lessons[0] ?? {}) })),
  arbitraryInvalidLesson().map((lesson) => (isObject(lesson) ? { studentId: 'elev-1', ...lesson } : lesson)),
);

const stockholm = builtinPolicy('stockholm');
const arbitraryDecision = arbitraryCase().map((input) => decideCase(input, stockholm, DEFAULT_TEST_AS_OF));
const arbitraryCompactDecision = arbitraryDecision.map(compactDecision);

const readPolicyFile = (id: string): Json => toJson(JSON.parse(readFileSync(new URL(`../rules/${id}.json`, import.meta.url), 'utf8')));
const arbitraryPolicyFile = fc.constantFrom(...BUILTIN_POLICY_IDS).map(readPolicyFile);

// ---- the tests ------------------------------------------------------------------------------------

describe('the shipped schema files', () => {
  it.each(JSON_SCHEMA_NAMES)('schemas/%s.schema.json is what the zod schemas generate (run npm run schemas when this fails)', (name) => {
    const file = JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(jsonSchema(name));
  });

  it.each(JSON_SCHEMA_NAMES)('%s has $id, title and a description that says whether it is complete', (name) => {
    const schema = jsonSchema(name);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`https://unpkg.com/trappa/schemas/${name}.schema.json`);
    expect(schema['title']).toMatch(/^Trappa /);
    const description = String(schema['description']);
    if (JSON_SCHEMAS[name].complete) expect(description).toContain('Complete');
    else expect(description).toMatch(/Not expressed by this schema/);
  });
});

describe('the calendar-date pattern', () => {
  it('accepts exactly the dates isValidIsoDate accepts, leap years included', () => {
    const pattern = new RegExp(ISO_CALENDAR_DATE_PATTERN, 'u');
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const centuries = fc.constantFrom('0000', '0400', '1600', '1700', '1900', '2000', '2100', '2400', '2024', '2026', '2028');
    fc.assert(
      fc.property(fc.oneof(digits(4), centuries), digits(2), digits(2), (y, m, d) => {
        const value = `${y}-${m}-${d}`;
        expect(pattern.test(value)).toBe(isValidIsoDate(value));
      }),
      { numRuns: 3000 },
    );
    for (const [value, valid] of [['2024-02-29', true], ['2026-02-29', false], ['2000-02-29', true], ['2100-02-29', false], ['2026-02-30', false], ['2026-04-31', false], ['2026-12-31', true]] as const) {
      expect(pattern.test(value), value).toBe(valid);
    }
  });
});

describe('what the issue found the schema accepted', () => {
  const student = { id: 'elev-1', birthDate: '2013-01-01', schoolForm: 'grundskola', grade: 7, school: { id: 's', huvudman: 'kommunal', municipalityCode: '0180' }, residence: { municipalityCode: '0180' } };
  const lesson = { date: '2026-11-23', start: '08:10', scheduledMinutes: 60 };

  it('refuses a personnummer-shaped id, 2026-02-30 and a student without residence, as zod does', () => {
    expect(ajvAccepts('student-case', { student })).toBe(true);
    for (const bad of [
      { student: { ...student, id: '20130101-1234' } },
      { student: { ...student, school: { ...student.school, id: '1301011234' } } },
      { student: { ...student, birthDate: '2013-02-30' } },
      { student, attendance: [{ ...lesson, date: '2026-02-30' }] },
      { student: { ...student, residence: undefined } },
      { student: { ...student, residence: undefined, protectedIdentity: false } },
    ]) {
      expect(ajvAccepts('student-case', toJson(bad)), JSON.stringify(bad)).toBe(false);
      expect(StudentCaseSchema.safeParse(bad).success).toBe(false);
    }
    expect(ajvAccepts('student-case', toJson({ student: { ...student, residence: undefined, protectedIdentity: true } }))).toBe(true);
  });

  it('lets absence longer than the lesson through, and says so in its description', () => {
    const long = { student, attendance: [{ ...lesson, invalidAbsenceMinutes: 90 }] };
    expect(ajvAccepts('student-case', long)).toBe(true);
    expect(StudentCaseSchema.safeParse(long).success).toBe(false);
    expect(String(jsonSchema('student-case')['description'])).toContain('validAbsenceMinutes + invalidAbsenceMinutes must not exceed scheduledMinutes');
    expect(String(jsonSchema('lesson-record')['description'])).toContain('validAbsenceMinutes + invalidAbsenceMinutes must not exceed scheduledMinutes');
  });

  it('counts string lengths in characters (code points) on both sides', () => {
    const within = { student: { ...student, school: { ...student.school, district: '🏫'.repeat(80) } } }; // 160 UTF-16 units
    const over = { student: { ...student, school: { ...student.school, district: '🏫'.repeat(81) } } };
    expect([ajvAccepts('student-case', within), StudentCaseSchema.safeParse(within).success]).toEqual([true, true]);
    expect([ajvAccepts('student-case', over), StudentCaseSchema.safeParse(over).success]).toEqual([false, false]);
  });

  it('documents the lesson CSV columns in the lesson-record schema', () => {
    expect(String(jsonSchema('lesson-record')['description'])).toMatch(/CSV: one header row naming columns from studentId, date, start, scheduledMinutes,.*studentId, date, start, scheduledMinutes are required/);
  });
});

describe('differential: ajv on the schema accepts exactly what the validator accepts', () => {
  const cases: ReadonlyArray<readonly [JsonSchemaName, Arbitrary<unknown>, number]> = [
    ['student-case', arbitraryCase(), 200],
    ['lesson-record', arbitraryLesson, 400],
    ['decision', arbitraryDecision, 60],
    ['compact-decision', arbitraryCompactDecision, 60],
    ['calendar', arbitraryCalendar, 300],
    ['ss12000-side-file', arbitrarySideFile, 300],
    ['change', arbitraryChange, 400],
  ];

  it.each(cases)('%s (modulo only the refinements its description lists)', (name, valid, numRuns) => {
    fc.assert(fc.property(validOrMutated(valid), (value) => expectEquivalent(name, value)), { numRuns });
  });

  it('valid values are valid on both sides (the generators are not all mutations)', () => {
    for (const [name, valid] of cases) {
      for (const value of fc.sample(valid.map(toJson), { numRuns: 5, seed: 1 })) {
        if (name === 'lesson-record' || name === 'calendar') continue; // their generators include invalid values on purpose
        expect(ajvAccepts(name, value) && SIDES[name].zod(value), name).toBe(true);
      }
    }
  });

  it('policy: never stricter than PolicyFileSchema (the fact catalog and cross-field checks are loadPolicy\'s)', () => {
    fc.assert(
      fc.property(validOrMutated(arbitraryPolicyFile), (value) => {
        if (SIDES.policy.zod(value)) expect(ajvAccepts('policy', value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ChangeSchema describes what the diff writes', () => {
  it('accepts what diffStepStates writes, on both sides', () => {
    const notice = { id: 'vardnadshavare-informeras', kind: 'lagkrav', urgency: 'samma-dag', arisesOn: '2026-11-20', dueDate: '2026-11-20' } as const;
    const previous = { asOf: '2026-11-20', steps: [{ ...notice, status: 'recommended' as const }] };
    const changes = [
      ...diffStepStates('e1', { asOf: '2026-11-23', steps: [{ ...notice, status: 'overdue' }], measures: [] }, previous),
      ...diffStepStates('e1', { asOf: '2026-11-23', steps: [], measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-23', outcome: 'done' }] }, previous),
      // A student missing tonight closes only what is not a statutory duty (issue 12 D1): a guideline step.
      ...diffStepStates('e1', { asOf: '2026-11-23', steps: null, measures: [] }, {
        asOf: '2026-11-20',
        steps: [{ id: 'mentor-kontakt', kind: 'riktlinje', urgency: 'snarast', arisesOn: '2026-11-20', dueDate: null, status: 'recommended' }],
      }),
      ...diffStepStates('e1', { asOf: '2026-11-23', steps: [{ ...notice, status: 'recommended' }], measures: [] }, null),
    ];
    expect(changes.map((c) => c.change)).toEqual(['overdue', 'done', 'no-longer-indicated', 'new']);
    for (const c of changes) {
      expect(ChangeSchema.safeParse(toJson(c)).success).toBe(true);
      expect(ajvAccepts('change', toJson(c))).toBe(true);
    }
  });
});
