/**
 * Example tables: a policy author's own agreed cases (OpenFisca's YAML tests,
 * Catala's test scopes), as data. A table holds cases with a compact student
 * context and attendance and the steps the team agreed on; this module parses
 * a table, expands each case into a `StudentCaseInput`, and compares a
 * decision with the case's expectation as structured differences. Reading
 * files and printing are the caller's (`trappa test`).
 */
import type { Template, Templates } from '../model/template.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { valueAt } from '../adapters/shownValue.js';
import { z } from 'zod';
import { IsoDateSchema } from '../model/isoDate.js';
import type { Decision, Routing, Step } from '../model/decision.js';
import type { StudentCaseInput } from '../model/studentCase.js';
import { StepKindSchema } from '../model/vocabulary.js';
import { ABSENCE_TYPES, TYPOLOGY_LEVELS, type AbsenceType, type TypologyLevel } from '../model/typology.js';
import { stepKeyOf } from './decide.js';
import { CompactAttendanceSchema, ScheduleSchema, expandAttendance, type LessonRecordInput } from './expandAttendance.js';
import type { SchoolCalendar } from '../model/schoolCalendar.js';

/** What a case expects of one step. Only the fields given are compared. */
export const StepExpectationSchema = z.strictObject({
  /** The step id, or `samtycke>sip` for the consent request for a step. */
  step: z.string().min(1),
  status: z.enum(['recommended', 'blocked', 'overdue']).optional(),
  /** The due date; `null` for a step without a fixed date ("skyndsamt", "snarast"). */
  dueDate: IsoDateSchema.nullable().optional(),
  arisesOn: IsoDateSchema.optional(),
  kind: StepKindSchema.optional(),
  /** The routing target (`socialtjanst`, `hemkommun`, `manual`, …) or the routing's fields to compare. */
  routing: z.union([z.string(), z.record(z.string(), z.union([z.string(), z.null()]))]).nullable().optional(),
  /** Rule ids that must be among the step's reasons. */
  rules: z.array(z.string()).optional(),
});

/** A step expectation as written: the step key alone, or an object. */
export const StepExpectationInputSchema = z.union([z.string().min(1), StepExpectationSchema]);

const TypologyLevelSchema = z.enum(TYPOLOGY_LEVELS as unknown as [TypologyLevel, ...TypologyLevel[]]);

/** The expected result of a case. */
export const ExpectationSchema = z.strictObject({
  /** Steps that must appear (with the fields given). */
  steps: z.array(StepExpectationInputSchema).default([]),
  /** Step keys that must not appear. */
  notSteps: z.array(z.string().min(1)).default([]),
  /** Typology levels per type (`ingen` when the type must not be a hypothesis). */
  typology: z.partialRecord(z.enum(ABSENCE_TYPES as unknown as [AbsenceType, ...AbsenceType[]]), TypologyLevelSchema).optional(),
  /** Warning kinds that must appear (e.g. `low-coverage`). */
  warnings: z.array(z.string().min(1)).default([]),
});

const StudentPartSchema = z.record(z.string(), z.unknown());

/** One case of a table. Student fields merge into the table's `student` (school and residence field by field). */
export const ExampleCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** What the case encodes: a section of docs/sources.md or ../shared/domain.md, a quote. */
  source: z.string().min(1).optional(),
  /** A bundled policy id or a policy file (relative to the table). Default: the table's. */
  policy: z.string().min(1).optional(),
  asOf: IsoDateSchema.optional(),
  student: StudentPartSchema.optional(),
  attendance: CompactAttendanceSchema.optional(),
  consents: z.unknown().optional(),
  signals: z.array(z.unknown()).optional(),
  measures: z.array(z.unknown()).optional(),
  expect: ExpectationSchema,
});

/** A table file: defaults for its cases, and the cases. */
export const ExampleTableSchema = z.strictObject({
  /** Default policy of the cases (a bundled id or a file relative to the table). */
  policy: z.string().min(1).optional(),
  asOf: IsoDateSchema.optional(),
  /** Default student fields. */
  student: StudentPartSchema.optional(),
  /** Default lesson schedule for the cases' attendance. */
  schedule: ScheduleSchema.optional(),
  cases: z.array(ExampleCaseSchema).min(1),
});

export type ExampleTable = z.output<typeof ExampleTableSchema>;
export type ExampleTableInput = z.input<typeof ExampleTableSchema>;
export type ExampleCase = z.output<typeof ExampleCaseSchema>;
export type ExampleCaseInput = z.input<typeof ExampleCaseSchema>;
export type Expectation = z.output<typeof ExpectationSchema>;
export type StepExpectation = z.output<typeof StepExpectationSchema>;

/** A table that does not parse: each issue with its path in the file. */
export interface TableIssue {
  readonly path: string;
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

/** What is wrong with a case of a table, sv and en. */
export const TABLE_ISSUE_TEXT = {
  noSuchCase: { sv: 'inget sådant fall', en: 'no such case' },
  noPolicy: { sv: 'ingen policy: ange en i fallet eller tabellen', en: 'no policy: give one in the case or the table' },
  noAsOf: { sv: 'inget asOf: ange ett i fallet eller tabellen', en: 'no asOf: give one in the case or the table' },
} as const satisfies Templates;

const tableIssue = (path: string, text: Template): TableIssue => ({ path, message: text.en, text });

/**
 * Parse a table (the value of a YAML or JSON file).
 *
 * @param value - the parsed file
 * @returns the table, or the issues with their paths
 * @example parseExampleTable({ policy: 'stockholm', cases: [] }).ok //=> false (a table needs a case)
 */
export function parseExampleTable(value: unknown): { ok: true; table: ExampleTable } | { ok: false; issues: TableIssue[] } {
  const parsed = ExampleTableSchema.safeParse(value);
  if (parsed.success) return { ok: true, table: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => tableIssue(i.path.map(String).join('.'), { sv: swedishIssueMessage(i, valueAt(value, i.path)), en: i.message })) };
}

/** A case ready to evaluate: its policy still a spec (the caller loads it), its input a full `StudentCaseInput`. */
export interface ExpandedCase {
  readonly name: string;
  readonly source: string | undefined;
  readonly policy: string;
  readonly asOf: string;
  readonly input: StudentCaseInput;
  readonly expect: Expectation;
}

function mergeStudent(base: Record<string, unknown> | undefined, over: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base, ...over };
  for (const key of ['school', 'residence'] as const) {
    const b = base?.[key];
    const o = over?.[key];
    if (isRecord(b) && isRecord(o)) out[key] = { ...b, ...o };
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Expand case `i` of a table: defaults applied, attendance expanded to lessons.
 * The student id defaults to `case-<i+1>`. The result is checked by
 * `parseStudentCase` when it is run, so a mistake names its field there.
 *
 * @param table - a parsed table
 * @param i - the case's index
 * @param calendar - the school calendar (default: `defaultCalendarFor(asOf)`)
 * @returns the case, or an issue when it has no policy or asOf
 * @example expandCase(table, 0).input.attendance.length //=> e.g. 330 (66 school days × 5 lessons)
 */
export function expandCase(table: ExampleTable, i: number, calendar?: SchoolCalendar): ExpandedCase | TableIssue {
  const c = table.cases[i];
  if (c === undefined) return tableIssue(`cases.${i}`, TABLE_ISSUE_TEXT.noSuchCase);
  const policy = c.policy ?? table.policy;
  const asOf = c.asOf ?? table.asOf;
  if (policy === undefined) return tableIssue(`cases.${i}.policy`, TABLE_ISSUE_TEXT.noPolicy);
  if (asOf === undefined) return tableIssue(`cases.${i}.asOf`, TABLE_ISSUE_TEXT.noAsOf);
  const student = mergeStudent(table.student, c.student);
  student['id'] ??= `case-${i + 1}`;
  const attendance = c.attendance === undefined ? { absences: [], lessons: [] } : c.attendance;
  const schedule = attendance.schedule ?? table.schedule;
  const enrolledFrom = typeof student['enrolledFrom'] === 'string' ? student['enrolledFrom'] : undefined;
  const lessons: LessonRecordInput[] =
    c.attendance === undefined
      ? []
      : expandAttendance(
          { ...attendance, ...(schedule === undefined ? {} : { schedule }) },
          { asOf, ...(enrolledFrom === undefined ? {} : { enrolledFrom }), ...(calendar === undefined ? {} : { calendar }) },
        );
  const input = {
    student,
    attendance: lessons,
    consents: c.consents ?? {},
    signals: c.signals ?? [],
    measures: c.measures ?? [],
  } as unknown as StudentCaseInput;
  return { name: c.name, source: c.source, policy, asOf, input, expect: c.expect };
}

/** One way a decision differs from what its case expects. Plain data; `trappa test` formats it. */
export type Difference =
  | { readonly kind: 'missing-step'; readonly step: string }
  | { readonly kind: 'unexpected-step'; readonly step: string; readonly status: Step['status']; readonly rules: readonly string[] }
  | {
      readonly kind: 'step-field';
      readonly step: string;
      readonly field: 'status' | 'dueDate' | 'arisesOn' | 'kind' | 'routing' | 'rules';
      readonly expected: unknown;
      readonly actual: unknown;
    }
  | { readonly kind: 'typology'; readonly type: AbsenceType; readonly expected: TypologyLevel; readonly actual: TypologyLevel }
  | { readonly kind: 'missing-warning'; readonly warning: string; readonly actual: readonly string[] };

function routingMatches(expected: NonNullable<StepExpectation['routing']>, actual: Routing | null): boolean {
  if (actual === null) return false;
  if (typeof expected === 'string') return actual.target === expected;
  const fields = actual as unknown as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) => fields[k] === v);
}

function stepDifferences(e: StepExpectation, found: Step): Difference[] {
  const out: Difference[] = [];
  const field = (name: 'status' | 'dueDate' | 'arisesOn' | 'kind', expected: unknown, actual: unknown): void => {
    if (expected !== undefined && expected !== actual) out.push({ kind: 'step-field', step: e.step, field: name, expected, actual });
  };
  field('status', e.status, found.status);
  field('dueDate', e.dueDate, found.dueDate);
  field('arisesOn', e.arisesOn, found.arisesOn);
  field('kind', e.kind, found.kind);
  if (e.routing !== undefined) {
    const ok = e.routing === null ? found.routing === null : routingMatches(e.routing, found.routing);
    if (!ok) out.push({ kind: 'step-field', step: e.step, field: 'routing', expected: e.routing, actual: found.routing });
  }
  if (e.rules !== undefined) {
    const actual = found.reasons.map((r) => r.ruleId);
    if (!e.rules.every((r) => actual.includes(r))) out.push({ kind: 'step-field', step: e.step, field: 'rules', expected: e.rules, actual });
  }
  return out;
}

function typologyLevel(decision: Decision, type: AbsenceType): TypologyLevel {
  return decision.typology.hypotheses.find((h) => h.type === type)?.strength ?? 'ingen';
}

/**
 * Compare a decision with a case's expectation: every expected step present
 * with the given fields, no forbidden step, the typology levels given, the
 * warnings given. An empty list means the case passes.
 *
 * @param decision - the decision for the case
 * @param expect - the case's expectation (`ExpectationSchema`)
 * @returns the differences, in the order of the expectation
 * @example compareDecision(decision, ExpectationSchema.parse({ steps: ['kartlaggning'], notSteps: ['orosanmalan'] }))
 * //=> [] when kartläggning is recommended and no orosanmälan
 */
export function compareDecision(decision: Decision, expect: Expectation): Difference[] {
  const out: Difference[] = [];
  const byKey = new Map(decision.steps.map((s) => [stepKeyOf(s), s] as const));
  for (const raw of expect.steps) {
    const e: StepExpectation = typeof raw === 'string' ? { step: raw } : raw;
    const found = byKey.get(e.step);
    if (found === undefined) out.push({ kind: 'missing-step', step: e.step });
    else out.push(...stepDifferences(e, found));
  }
  for (const key of expect.notSteps) {
    const found = byKey.get(key);
    if (found !== undefined) out.push({ kind: 'unexpected-step', step: key, status: found.status, rules: found.reasons.map((r) => r.ruleId) });
  }
  for (const [type, expected] of Object.entries(expect.typology ?? {}) as Array<[AbsenceType, TypologyLevel]>) {
    const actual = typologyLevel(decision, type);
    if (actual !== expected) out.push({ kind: 'typology', type, expected, actual });
  }
  const kinds = decision.warnings.map((w) => w.kind as string);
  for (const w of expect.warnings) if (!kinds.includes(w)) out.push({ kind: 'missing-warning', warning: w, actual: kinds });
  return out;
}
