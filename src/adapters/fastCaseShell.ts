import { isValidIsoDate } from '../model/isoDate.js';
import { looksLikePersonnummer, OPAQUE_ID_PATTERN, type StudentCase } from '../model/studentCase.js';
import {
  ConsentPurposeSchema,
  ConsentStatusSchema,
  HuvudmanSchema,
  SchoolFormSchema,
  SchoolTeamSchema,
  SignalTypeSchema,
  StepIdSchema,
  StudiehjalpSchema,
} from '../model/vocabulary.js';

type Obj = Record<string, unknown>;
type Student = StudentCase['student'];
type School = Student['school'];
type Residence = NonNullable<Student['residence']>;
type Consents = StudentCase['consents'];
type Signal = StudentCase['signals'][number];
type Measure = StudentCase['measures'][number];

const keys = (...k: string[]): ReadonlySet<string> => new Set(k);
const CASE_KEYS = keys('student', 'attendance', 'consents', 'signals', 'measures');
const STUDENT_KEYS = keys('id', 'birthDate', 'schoolForm', 'grade', 'school', 'residence', 'protectedIdentity', 'enrolledFrom', 'studiehjalp');
const SCHOOL_KEYS = keys('id', 'huvudman', 'municipalityCode', 'district', 'teams');
const RESIDENCE_KEYS = keys('municipalityCode', 'district');
const PARTY_KEYS = keys('guardians', 'student');
const SIGNAL_KEYS = keys('type', 'date', 'until');
const MEASURE_KEYS = keys('step', 'date', 'outcome');
const SCHOOL_FORMS: ReadonlySet<unknown> = new Set(SchoolFormSchema.options);
const HUVUDMAN: ReadonlySet<unknown> = new Set(HuvudmanSchema.options);
const TEAMS: ReadonlySet<unknown> = new Set(SchoolTeamSchema.options);
const STUDIEHJALP: ReadonlySet<unknown> = new Set(StudiehjalpSchema.options);
const PURPOSES: ReadonlySet<unknown> = new Set(ConsentPurposeSchema.options);
const CONSENT_STATUS: ReadonlySet<unknown> = new Set(ConsentStatusSchema.options);
const SIGNAL_TYPES: ReadonlySet<unknown> = new Set(SignalTypeSchema.options);
const STEPS: ReadonlySet<unknown> = new Set(StepIdSchema.options);
const OUTCOMES: ReadonlySet<unknown> = new Set(['done', 'started', 'obehovligt']);
const MUNICIPALITY_CODE = /^\d{4}$/;

/** A plain object (prototype `Object.prototype` or null) whose enumerable keys are all in `allowed`: anything else is left to zod. */
function objectWith(value: unknown, allowed: ReadonlySet<string>): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

/** An array read index by index, as zod reads it; anything but a true array is left to zod. */
function arrayOf<T>(value: unknown, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: T[] = new Array<T>(value.length);
  for (let i = 0; i < value.length; i += 1) {
    const parsed = item(value[i]);
    if (parsed === undefined) return undefined;
    out[i] = parsed;
  }
  return out;
}

/** `OpaqueIdSchema`: 1–128 of `[A-Za-z0-9_.:-]`, not a personnummer. */
function opaqueId(value: unknown): value is string {
  return typeof value === 'string' && OPAQUE_ID_PATTERN.test(value) && !looksLikePersonnummer(value);
}

/** `IsoDateSchema`: a real calendar date written YYYY-MM-DD. */
function isoDate(value: unknown): value is string {
  return typeof value === 'string' && isValidIsoDate(value);
}

/** `z.string().min(1).max(80)`, for the district of a school or residence. */
function district(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 80;
}

/** Whether an optional key is written (zod: `key in input`); a key written as `undefined` stays in the output, as in zod. */
function has(o: Obj, key: string): boolean {
  return o[key] !== undefined || key in o;
}

function school(value: unknown): School | undefined {
  if (!objectWith(value, SCHOOL_KEYS)) return undefined;
  const { id, huvudman, municipalityCode } = value;
  const teams = value['teams'] === undefined ? [] : arrayOf(value['teams'], (t) => (TEAMS.has(t) ? (t as School['teams'][number]) : undefined));
  if (!opaqueId(id) || !HUVUDMAN.has(huvudman) || typeof municipalityCode !== 'string' || !MUNICIPALITY_CODE.test(municipalityCode) || teams === undefined) return undefined;
  const d = value['district'];
  if (d !== undefined && !district(d)) return undefined;
  const h = huvudman as School['huvudman'];
  return has(value, 'district') ? { id, huvudman: h, municipalityCode, district: d as string, teams } : { id, huvudman: h, municipalityCode, teams };
}

function residence(value: unknown): Residence | undefined {
  if (!objectWith(value, RESIDENCE_KEYS)) return undefined;
  const { municipalityCode } = value;
  if (typeof municipalityCode !== 'string' || !MUNICIPALITY_CODE.test(municipalityCode)) return undefined;
  const d = value['district'];
  if (d !== undefined && !district(d)) return undefined;
  return has(value, 'district') ? { municipalityCode, district: d as string } : { municipalityCode };
}

function student(value: unknown): Student | undefined {
  if (!objectWith(value, STUDENT_KEYS)) return undefined;
  const { id, birthDate, schoolForm, grade } = value;
  if (!opaqueId(id) || !isoDate(birthDate) || !SCHOOL_FORMS.has(schoolForm)) return undefined;
  if (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 0 || grade > 11) return undefined;
  const s = school(value['school']);
  if (s === undefined) return undefined;
  const r = value['residence'] === undefined ? undefined : residence(value['residence']);
  if (r === undefined && value['residence'] !== undefined) return undefined;
  const protectedIdentity = value['protectedIdentity'] === undefined ? false : value['protectedIdentity'];
  if (typeof protectedIdentity !== 'boolean') return undefined;
  // StudentSchema's refinement: a residence unless the identity is protected.
  if (r === undefined && !protectedIdentity) return undefined;
  const enrolledFrom = value['enrolledFrom'];
  if (enrolledFrom !== undefined && !isoDate(enrolledFrom)) return undefined;
  const studiehjalp = value['studiehjalp'] === undefined ? 'unknown' : value['studiehjalp'];
  if (!STUDIEHJALP.has(studiehjalp)) return undefined;
  // Keys in the schema's order, optional ones only when written: the output serialises as zod's does.
  const out: Obj = { id, birthDate, schoolForm, grade, school: s };
  if (has(value, 'residence')) out['residence'] = r;
  out['protectedIdentity'] = protectedIdentity;
  if (has(value, 'enrolledFrom')) out['enrolledFrom'] = enrolledFrom;
  out['studiehjalp'] = studiehjalp;
  return out as Student;
}

/** `ConsentsSchema`, a partial record: read by own keys (symbol keys and hidden keys are left to zod), in input order. */
function consents(value: unknown): Consents | undefined {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const out: Obj = {};
  for (const key of Reflect.ownKeys(value)) {
    if (!PURPOSES.has(key) || !Object.prototype.propertyIsEnumerable.call(value, key)) return undefined;
    const party = (value as Obj)[key as string];
    if (!objectWith(party, PARTY_KEYS)) return undefined;
    const guardians = party['guardians'] === undefined ? 'not-asked' : party['guardians'];
    const studentConsent = party['student'] === undefined ? 'not-asked' : party['student'];
    if (!CONSENT_STATUS.has(guardians) || !CONSENT_STATUS.has(studentConsent)) return undefined;
    out[key as string] = { guardians, student: studentConsent };
  }
  return out as Consents;
}

function signal(value: unknown): Signal | undefined {
  if (!objectWith(value, SIGNAL_KEYS)) return undefined;
  const { type, date, until } = value;
  if (!SIGNAL_TYPES.has(type) || !isoDate(date)) return undefined;
  if (until !== undefined && (!isoDate(until) || until < date)) return undefined;
  const t = type as Signal['type'];
  return has(value, 'until') ? ({ type: t, date, until } as Signal) : { type: t, date };
}

function measure(value: unknown): Measure | undefined {
  if (!objectWith(value, MEASURE_KEYS)) return undefined;
  const { step, date } = value;
  const outcome = value['outcome'] === undefined ? 'done' : value['outcome'];
  if (!STEPS.has(step) || !isoDate(date) || !OUTCOMES.has(outcome)) return undefined;
  return { step: step as Measure['step'], date, outcome: outcome as Measure['outcome'] };
}

/**
 * The hot path of case validation: everything of a case but its lessons
 * (student, consents, signals, measures), accepted exactly when
 * `StudentCaseSchema` accepts the case with `attendance: []`, and returned as
 * zod returns it: defaults applied, keys in the schema's order, a key written
 * as `undefined` kept. Returns `undefined` for anything else (any invalid
 * value, an `attendance` that is not an array, a forbidden key, an object
 * that is not plain); the caller then runs the schema for the located
 * message. A property test holds the two to the same verdict and output.
 *
 * @param value - one parsed JSON case
 * @returns the case with `attendance: []` and defaults applied, or undefined
 * @example fastCaseShell({ student: { id: 'elev-1', birthDate: '2012-03-04', schoolForm: 'grundskola', grade: 8, school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180' }, protectedIdentity: true } })?.student.studiehjalp // 'unknown'
 */
export function fastCaseShell(value: unknown): StudentCase | undefined {
  if (!objectWith(value, CASE_KEYS)) return undefined;
  const attendance = value['attendance'];
  if (attendance !== undefined && !Array.isArray(attendance)) return undefined;
  const s = student(value['student']);
  if (s === undefined) return undefined;
  const c = consents(value['consents']);
  const signals = value['signals'] === undefined ? [] : arrayOf(value['signals'], signal);
  const measures = value['measures'] === undefined ? [] : arrayOf(value['measures'], measure);
  if (c === undefined || signals === undefined || measures === undefined) return undefined;
  return { student: s, attendance: [], consents: c, signals, measures };
}
