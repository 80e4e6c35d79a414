/**
 * Every user-facing word has a Swedish and an English text (issue 16 point 2): each label
 * table is checked against the vocabulary it labels, taken from the zod enums and catalogs,
 * so a new step, signal, status, school form or fact without its translation fails here; and
 * the Swedish text output of the fixture cases carries none of the English words it used to
 * (the English none of the Swedish).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStudentCase } from '../../src/adapters/parseStudentCase.js';
import { formatDecision } from '../../src/report/decisionText.js';
import { evaluate } from '../../src/evaluate.js';
import { StepRecordSchema } from '../../src/model/decisionSchema.js';
import { FACT_CATALOG, signalLabel } from '../../src/model/factCatalog.js';
import type { FactInfo } from '../../src/model/facts.js';
import { OPERATORS_BY_FACT_TYPE } from '../../src/model/policyFile.js';
import { ABSENCE_TYPES, TYPOLOGY_LEVELS, TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS } from '../../src/model/typology.js';
import { HuvudmanSchema, RoleSchema, SchoolFormSchema, SignalTypeSchema, StepIdSchema, StepKindSchema, StudiehjalpSchema, UrgencySchema } from '../../src/model/vocabulary.js';
import { builtinPolicy } from '../../src/policy/builtinPolicies.js';
import {
  EVIDENCE_TEXT,
  HUVUDMAN_TEXT,
  KIND_TEXT,
  MANUAL_ROUTING_TEXT,
  REPORT_TEXT,
  ROLE_TEXT,
  ROUTING_TEXT,
  SCHOOL_FORM_TEXT,
  STATUS_TEXT,
  STUDIEHJALP_TEXT,
  TREND_TEXT,
  TYPOLOGY_LEVEL_TEXT,
  UNIT_TEXT,
  URGENCY_TEXT,
  WARNING_TEXT,
  type Texts,
} from '../../src/report/labels.js';
import { formatEvidence } from '../../src/report/text.js';
import { FACT_VALUE_TEXT } from '../../src/report/valueLabels.js';
import { STEP_CATALOG } from '../../src/steps/catalog.js';

/** The keys whose sv or en text is missing or blank. */
function untranslated(table: Readonly<Record<string, Partial<Texts> | undefined>>, keys: readonly string[]): string[] {
  return keys.filter((k) => {
    const t = Object.hasOwn(table, k) ? table[k] : undefined;
    return typeof t?.sv !== 'string' || t.sv.trim() === '' || typeof t.en !== 'string' || t.en.trim() === '';
  });
}

const routing = (StepRecordSchema.shape.routing.unwrap() as unknown as { shape: { target: { options: string[] } } }).shape.target.options;
const CATALOG = FACT_CATALOG as Readonly<Record<string, FactInfo>>;

describe('every label table covers its vocabulary in sv and en', () => {
  it.each([
    ['steps (STEP_CATALOG)', STEP_CATALOG, StepIdSchema.options],
    ['signals', Object.fromEntries(SignalTypeSchema.options.map((s) => [s, signalLabel(s)])), SignalTypeSchema.options],
    ['facts (FACT_CATALOG)', CATALOG, Object.keys(FACT_CATALOG)],
    ['statuses', STATUS_TEXT, StepRecordSchema.shape.status.options],
    ['routing targets', ROUTING_TEXT, routing],
    ['manual routing reasons', MANUAL_ROUTING_TEXT, ['protected-identity', 'residence-unknown']],
    ['roles', ROLE_TEXT, RoleSchema.options],
    ['urgencies', URGENCY_TEXT, UrgencySchema.options],
    ['step kinds', KIND_TEXT, StepKindSchema.options],
    ['school forms', SCHOOL_FORM_TEXT, SchoolFormSchema.options],
    ['huvudman', HUVUDMAN_TEXT, HuvudmanSchema.options],
    ['studiehjälp', STUDIEHJALP_TEXT, StudiehjalpSchema.options],
    ['typology types', TYPOLOGY_TYPE_LABELS, [...ABSENCE_TYPES, 'oklar']],
    ['typology strengths', TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_LEVELS.filter((l) => l !== 'ingen')],
    ['typology levels', TYPOLOGY_LEVEL_TEXT, TYPOLOGY_LEVELS],
    ['trends', TREND_TEXT, ['rising', 'falling', 'stable', 'unknown']],
    ['warning kinds', WARNING_TEXT, ['low-reporting-rate', 'no-attendance-this-term', 'records-after-as-of', 'rejected-records', 'no-school-term', 'low-coverage', 'school-structure-mismatch']],
    ['report words', REPORT_TEXT, Object.keys(REPORT_TEXT)],
    ['evidence words', EVIDENCE_TEXT, Object.keys(EVIDENCE_TEXT)],
    ['units', UNIT_TEXT, [...new Set(Object.values(CATALOG).flatMap((i) => (i.unit === undefined ? [] : [i.unit])))]],
  ] as const)('%s', (_name, table, keys) => {
    expect(keys.length).toBeGreaterThan(0);
    expect(untranslated(table as Readonly<Record<string, Partial<Texts>>>, keys)).toEqual([]);
  });

  it('the closed string facts have a label for each value; the others are codes or free text', () => {
    const FREE_TEXT = ['termId'];
    for (const [fact, info] of Object.entries(CATALOG)) {
      if (info.type !== 'string' || info.code !== undefined || FREE_TEXT.includes(fact)) continue;
      const table = FACT_VALUE_TEXT[fact as keyof typeof FACT_VALUE_TEXT];
      expect(table, `${fact}: a string fact with neither value labels, a code table nor a place in FREE_TEXT`).toBeDefined();
      if (info.values !== undefined) expect(untranslated(table ?? {}, info.values), fact).toEqual([]);
    }
  });

  it('every operator a rule may use reads as words, never as its name', () => {
    const sample: Record<string, [string, unknown, unknown]> = {
      number: ['grade', 4, 7],
      boolean: ['compulsorySchoolForm', true, false],
      string: ['residenceMunicipalityCode', '0180', '0182'],
      rate: ['termAbsence', 20, { part: 605, whole: 3025 }],
    };
    for (const [type, operators] of Object.entries(OPERATORS_BY_FACT_TYPE)) {
      const [fact, value, actual] = sample[type] as [string, unknown, unknown];
      for (const operator of operators) {
        for (const lang of ['sv', 'en'] as const) {
          for (const result of [true, false]) {
            const text = formatEvidence({ fact, operator, value: ['in', 'notIn'].includes(operator) ? [value] : value, actual, result, via: [] }, lang);
            expect(text, `${operator} ${lang}`).not.toContain(operator);
            expect(text, `${operator} ${lang}`).not.toMatch(/\b(true|false)\b|[=≠≤≥<>]/);
          }
        }
      }
    }
  });
});

/** Every fixture case evaluated under its city's policy, as text. */
function fixtureText(lang: 'sv' | 'en'): string {
  const out: string[] = [];
  for (const [dir, policy] of [['fixtures/cases', 'stockholm'], ['fixtures/cases/goteborg', 'goteborg']] as const) {
    for (const file of readdirSync(new URL(`../../${dir}`, import.meta.url)).filter((f) => f.endsWith('.json'))) {
      const items = JSON.parse(readFileSync(new URL(`../../${dir}/${file}`, import.meta.url), 'utf8')) as unknown;
      for (const item of Array.isArray(items) ? items : [items]) {
        const parsed = parseStudentCase(item);
        if (!parsed.ok) throw new Error(`${dir}/${file} does not parse`);
        out.push(formatDecision(evaluate(parsed.case, builtinPolicy(policy), { asOf: '2026-11-23' }), lang));
      }
    }
  }
  return out.join('\n');
}

/** The text without links and kebab-case ids (rule and step ids are Swedish ASCII in both languages). */
const words = (text: string) => text.replace(/<[^>]*>/g, ' ').replace(/[\w>]+(?:-[\w>]+)+/g, ' ');

describe('the text output of the fixture cases is in one language', () => {
  const sv = fixtureText('sv');
  const en = fixtureText('en');

  it('renders every fixture with steps, routing and evidence (the check sees real output)', () => {
    expect(sv.split('\n').length).toBeGreaterThan(300);
    for (const text of ['(försenad)', '(väntar på samtycke)', 'Stockholm (0180)', '– över 20 %', ': ja']) expect(sv).toContain(text);
    for (const text of ['(overdue)', '(waiting for consent)', 'Stockholm (0180)', '– over 20 %', ': yes']) expect(en).toContain(text);
  });

  it('Swedish: none of the English words of the formatter', () => {
    const english = /\b(overdue|waiting for consent|trend unknown|trend stable|unknown|stable|rising|falling|true|false|blocked|recommended|yes|no|due|arose|guardians|home municipality|social services|manual routing|signal [a-z]+-)\b/g;
    expect([...new Set(words(sv).match(english) ?? [])]).toEqual([]);
  });

  it('English: none of the Swedish words of the formatter', () => {
    const swedish = /(försenad|väntar på samtycke|okänd|oförändrad|\bja\b|\bnej\b|uppstod|senast|krävs|saknas|socialtjänsten|manuell adressering|inte över|minst|högst|skoldagar)/g;
    expect([...new Set(words(en).match(swedish) ?? [])]).toEqual([]);
  });

  it('signals by their label, never their id', () => {
    const ids = SignalTypeSchema.options.filter((id) => id.includes('-'));
    for (const text of [sv, en]) expect(ids.filter((id) => new RegExp(`(^|[\\s:(])${id}([\\s,.)]|$)`, 'm').test(text))).toEqual([]);
  });

  it('municipalities by name, never a bare code', () => {
    for (const text of [sv, en]) {
      const lines = words(text).split('\n').filter((l) => /kommun|municipality|socialtjänsten|social services/i.test(l));
      expect(lines.length).toBeGreaterThan(20);
      expect(lines.filter((l) => /(?<!\()\b\d{4}\b/.test(l))).toEqual([]);
    }
  });
});
