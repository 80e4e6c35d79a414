import type { Decision } from '../model/decision.js';
import type { Difference } from '../testing/exampleTable.js';
import { formatDecision, formatEvidence, type Lang } from './decisionText.js';
import { STATUS_TEXT, TYPOLOGY_LEVEL_TEXT } from './labels.js';
import { say, type Templates } from '../model/template.js';
import { TYPOLOGY_TYPE_LABELS } from '../model/typology.js';

/** The sentences of `trappa test`, sv and en. */
export const EXAMPLE_RUN_TEXT = {
  missingStep: { sv: 'åtgärd saknas: {step}', en: 'missing step {step}' },
  alreadyTaken: { sv: 'redan vidtagen {date} ({rules})', en: 'already taken {date} ({rules})' },
  unexpectedStep: { sv: 'oväntad åtgärd {step} ({status}), från {rules}', en: 'unexpected step {step} ({status}), from {rules}' },
  theLadder: { sv: 'trappan', en: 'the ladder' },
  stepField: { sv: 'åtgärd {step}: {field} förväntat {expected}, fick {actual}', en: 'step {step}: {field} expected {expected}, got {actual}' },
  typology: { sv: 'typologi {type}: förväntat {expected}, fick {actual}', en: 'typology {type}: expected {expected}, got {actual}' },
  missingWarning: { sv: 'varning saknas: {warning} (varningar: {actual})', en: 'missing warning {warning} (warnings: {actual})' },
  none: { sv: '(inget)', en: '(none)' },
  noWarnings: { sv: 'inga', en: 'none' },
  decision: { sv: 'beslut:', en: 'decision:' },
  source: { sv: 'källa: {source}', en: 'source: {source}' },
  summary: {
    sv: '{passed} {passed|godkänt|godkända}, {failed} {failed|underkänt|underkända}, {errors} {errors|ogiltigt|ogiltiga}',
    en: '{passed} passed, {failed} failed, {errors} invalid',
  },
  differences: { sv: '{n} {n|skillnad|skillnader}', en: '{n} {n|difference|differences}' },
  coverageCase: { sv: 'lövtäckning för {policy} {version} ≥ {threshold} %', en: 'leaf coverage of {policy} {version} ≥ {threshold} %' },
  unreadableTable: { sv: 'tabellen kan inte läsas: {error}', en: 'cannot read the table: {error}' },
  invalidYaml: { sv: 'ogiltig YAML på rad {line}, kolumn {column} ({code})', en: 'invalid YAML at line {line}, column {column} ({code})' },
  notATable: { sv: 'inte en exempeltabell: {issues}', en: 'not an example table: {issues}' },
  policyFailed: { sv: 'policy {policy}: {error}', en: 'policy {policy}: {error}' },
  caseN: { sv: 'fall {n}', en: 'case {n}' },
  watching: { sv: 'bevakar {n} {n|fil|filer} (Ctrl-C avslutar)', en: 'watching {n} {n|file|files} (Ctrl-C to stop)' },
  runAgain: { sv: '--- {time} ändring sedd, kör igen', en: '--- {time} change seen, running again' },
} as const satisfies Templates;

function show(x: unknown, lang: Lang): string {
  return x === undefined ? say(EXAMPLE_RUN_TEXT.none, lang) : JSON.stringify(x);
}

/**
 * One difference as a line, and for a missing step the conditions that kept it out.
 *
 * @param d - the difference
 * @param decision - the decision it was found in
 * @param lang - output language
 * @returns lines of text
 * @example formatDifference({ kind: 'missing-step', step: 'kartlaggning' }, decision, 'en')[0] //=> 'missing step kartlaggning'
 * @example formatDifference({ kind: 'missing-step', step: 'kartlaggning' }, decision, 'sv')[0] //=> 'åtgärd saknas: kartlaggning'
 */
export function formatDifference(d: Difference, decision: Decision, lang: Lang): string[] {
  const t = EXAMPLE_RUN_TEXT;
  switch (d.kind) {
    case 'missing-step': {
      const lines = [say(t.missingStep, lang, { step: d.step })];
      const not = decision.notRecommended.find((n) => n.step === d.step);
      if (not?.reason === 'already-taken') lines.push(`  ${say(t.alreadyTaken, lang, { date: not.measureDate, rules: not.ruleIds.join(', ') })}`);
      if (not?.reason === 'conditions-not-met') {
        for (const r of not.rules) {
          lines.push(`  ${r.ruleId}:`);
          for (const e of r.failed) lines.push(`    ${formatEvidence(e, lang)}`);
        }
      }
      return lines;
    }
    case 'unexpected-step':
      return [say(t.unexpectedStep, lang, { step: d.step, status: STATUS_TEXT[d.status][lang], rules: d.rules.join(', ') || say(t.theLadder, lang) })];
    case 'step-field':
      return [say(t.stepField, lang, { step: d.step, field: d.field, expected: show(d.expected, lang), actual: show(d.actual, lang) })];
    case 'typology':
      return [say(t.typology, lang, { type: TYPOLOGY_TYPE_LABELS[d.type][lang], expected: TYPOLOGY_LEVEL_TEXT[d.expected][lang], actual: TYPOLOGY_LEVEL_TEXT[d.actual][lang] })];
    case 'missing-warning':
      return [say(t.missingWarning, lang, { warning: d.warning, actual: d.actual.join(', ') || say(t.noWarnings, lang) })];
  }
}

/**
 * A failing case: its differences, then the decision's full explanation.
 *
 * @param differences - from `compareDecision`
 * @param decision - the decision
 * @param lang - output language of the explanation
 * @returns indented lines
 * @example formatFailure(result.differences, result.decision, 'sv')
 */
export function formatFailure(differences: readonly Difference[], decision: Decision, lang: Lang): string {
  const lines = differences.flatMap((d) => formatDifference(d, decision, lang)).map((l) => `    ${l}`);
  lines.push(`    ${say(EXAMPLE_RUN_TEXT.decision, lang)}`);
  lines.push(...formatDecision(decision, lang).split('\n').map((l) => `    ${l}`));
  return lines.join('\n');
}
