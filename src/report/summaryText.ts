import { TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS, type TypologyStrength, type TypologyType } from '../model/typology.js';
import type { Warning } from '../model/decision.js';
import { CHANGE_KINDS } from '../run/changes.js';
import type { RunSummary } from '../run/runSummary.js';
import { CHANGE_TEXT } from './changeText.js';
import { WARNING_TEXT } from './labels.js';
import { say, type Templates } from '../model/template.js';
import type { Lang } from './text.js';

/** The sentences of the run summary, sv and en. */
export const SUMMARY_TEXT = {
  students: {
    sv: 'elever: {read} lästa = {evaluated} utvärderade + {rejected} avvisade',
    en: 'students: {read} read = {evaluated} evaluated + {rejected} rejected',
  },
  records: {
    sv: 'lektionsposter: {read} lästa = {accepted} godtagna + {duplicate} {duplicate|dubblett|dubbletter} + {rejected} avvisade',
    en: 'lesson records: {read} read = {accepted} accepted + {duplicate} duplicate + {rejected} rejected',
  },
  recordsExcluded: {
    sv: 'lektionsposter: {read} lästa = {accepted} godtagna + {duplicate} {duplicate|dubblett|dubbletter} + {excluded} undantagna (inställda eller utan deltagande) + {rejected} avvisade',
    en: 'lesson records: {read} read = {accepted} accepted + {duplicate} duplicate + {excluded} excluded (cancelled or not taking part) + {rejected} rejected',
  },
  ignoredColumns: { sv: 'ignorerade kolumner: {columns}', en: 'ignored columns: {columns}' },
  steps: { sv: 'åtgärder (elever):', en: 'steps (students):' },
  blocked: { sv: '(+{n} {n|blockerad|blockerade}, väntar på samtycke)', en: '(+{n} blocked, waiting for consent)' },
  typology: { sv: 'typologi, rådgivande (elever):', en: 'typology, advisory (students):' },
  changes: { sv: 'förändringar sedan förra körningen (åtgärder):', en: 'changes since the previous run (steps):' },
  missing: {
    sv: 'elever från förra körningen som saknas i kväll: {students}, {kept} av deras åtgärder hålls öppna',
    en: 'students of the previous run missing tonight: {students}, {kept} of their steps kept open',
  },
  closingsWithheld: {
    sv: 'inget stängs för frånvaro: {lines} {lines|elevrad|elevrader} saknar id (--allow-missing-students stänger ändå)',
    en: 'nothing closed for absence: {lines} student {lines|line carries|lines carry} no id (--allow-missing-students closes anyway)',
  },
  closedAnyway: {
    sv: 'stängda för frånvaro fast {lines} {lines|elevrad|elevrader} saknar id (--allow-missing-students)',
    en: 'closed for absence although {lines} student {lines|line carries|lines carry} no id (--allow-missing-students)',
  },
  warnings: { sv: 'datakvalitetsvarningar (elever):', en: 'data-quality warnings (students):' },
  header: { sv: 'policy {id} {version} ({hash}), per {asOf}', en: 'policy {id} {version} ({hash}), as of {asOf}' },
} as const satisfies Templates;

/** A typology key of the summary (`skolvagran stark`) in words, or the key as it is. */
function typologyLabel(key: string, lang: Lang): string {
  const [type, strength] = key.split(' ');
  const t = Object.hasOwn(TYPOLOGY_TYPE_LABELS, type ?? '') ? TYPOLOGY_TYPE_LABELS[type as TypologyType] : undefined;
  const s = Object.hasOwn(TYPOLOGY_STRENGTH_LABELS, strength ?? '') ? TYPOLOGY_STRENGTH_LABELS[strength as TypologyStrength] : undefined;
  return t === undefined || s === undefined ? key : `${t[lang]} (${s[lang]})`;
}

function warningLabel(kind: string, lang: Lang): string {
  return Object.hasOwn(WARNING_TEXT, kind) ? WARNING_TEXT[kind as Warning['kind']][lang] : kind;
}

/** Label and count lines, the counts in a column. */
function table(rows: ReadonlyArray<readonly [string, number]>): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, n]) => `  ${label.padEnd(width)}  ${String(n).padStart(6)}`);
}

/**
 * The summary as an aligned text table: students and lesson records read
 * and what became of them, students per step (step ids), per typology and
 * per data-quality warning (in words), and the changes since the previous run.
 *
 * @param s - the summary
 * @param lang - output language (default sv)
 * @returns multi-line text
 * @example formatSummary(summary).split('\n')[0] // 'elever: 3 lästa = 3 utvärderade + 0 avvisade'
 * @example formatSummary(summary, 'en').split('\n')[0] // 'students: 3 read = 3 evaluated + 0 rejected'
 */
export function formatSummary(s: RunSummary, lang: Lang = 'sv'): string {
  const t = SUMMARY_TEXT;
  const excluded = s.records.excluded ?? 0;
  const lines = [
    say(t.students, lang, s.cases),
    say(excluded > 0 ? t.recordsExcluded : t.records, lang, { ...s.records, excluded }),
    ...(s.ignoredColumns === undefined || s.ignoredColumns.length === 0 ? [] : [say(t.ignoredColumns, lang, { columns: s.ignoredColumns.join(', ') })]),
    say(t.steps, lang),
  ];
  const ids = [...new Set([...Object.keys(s.steps), ...Object.keys(s.blocked)])].sort();
  const width = Math.max(0, ...ids.map((id) => id.length));
  for (const id of ids) {
    const blocked = s.blocked[id] ?? 0;
    lines.push(`  ${id.padEnd(width)}  ${String(s.steps[id] ?? 0).padStart(6)}${blocked > 0 ? `  ${say(t.blocked, lang, { n: blocked })}` : ''}`);
  }
  const types = Object.keys(s.typology).sort();
  if (types.length > 0) {
    lines.push(say(t.typology, lang));
    lines.push(...table(types.map((k) => [typologyLabel(k, lang), s.typology[k] ?? 0])));
  }
  if (s.changes !== undefined) {
    const changes = s.changes;
    lines.push(say(t.changes, lang));
    lines.push(...table(CHANGE_KINDS.map((kind) => [CHANGE_TEXT[kind][lang], changes[kind] ?? 0])));
  }
  const m = s.missingStudents;
  if (m !== undefined && (m.students > 0 || (m.unidentifiedLines ?? 0) > 0)) {
    const unidentified = m.unidentifiedLines ?? 0;
    lines.push(say(t.missing, lang, { students: m.students, kept: m.stepsKeptOpen }));
    if (m.closingsWithheld === true) lines.push(`  ${say(t.closingsWithheld, lang, { lines: unidentified })}`);
    else if (unidentified > 0) lines.push(`  ${say(t.closedAnyway, lang, { lines: unidentified })}`);
  }
  const warnings = Object.keys(s.warnings).sort();
  if (warnings.length > 0) {
    lines.push(say(t.warnings, lang));
    lines.push(...table(warnings.map((kind) => [warningLabel(kind, lang), s.warnings[kind] ?? 0])));
  }
  return lines.join('\n');
}
