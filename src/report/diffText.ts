import { stepKey, type StepChange } from '../diff/diffDecisions.js';
import type { PolicyDiff, PolicyRef } from '../diff/policyDiff.js';
import { formatPercent } from './text.js';
import { formatDecision, type Lang } from './decisionText.js';
import { SUMMARY_TEXT } from './summaryText.js';
import { KIND_TEXT, ROLE_TEXT, ROUTING_TEXT, STATUS_TEXT, URGENCY_TEXT } from './labels.js';
import { say, type Templates } from '../model/template.js';

function ref(p: PolicyRef): string {
  return `${p.id} ${p.version} (${p.hash.slice(0, 12)})`;
}

function percent(part: number, whole: number, lang: Lang): string {
  return whole === 0 ? '' : ` (${formatPercent(part, whole, lang)})`;
}

/** The words of the diff, sv and en. */
export const DIFF_TEXT = {
  title: { sv: 'policyjämförelse per', en: 'policy diff as of' },
  from: { sv: 'från', en: 'from' },
  to: { sv: 'till', en: 'to' },
  parametersSame: { sv: 'parametrar: desamma (fakta beräknas en gång, båda regeluppsättningarna körs på dem)', en: 'parameters: the same (facts computed once, both rule sets run on them)' },
  parametersChanged: { sv: 'ändrade parametrar', en: 'parameters changed' },
  parametersEach: { sv: 'fakta beräknas under varje policy', en: 'facts computed under each policy' },
  rules: { sv: 'gällande regler', en: 'rules in force' },
  same: { sv: 'desamma', en: 'the same' },
  added: { sv: 'tillagda', en: 'added' },
  removed: { sv: 'borttagna', en: 'removed' },
  newVersion: { sv: 'ny version', en: 'new version' },
  editedSameVersion: { sv: 'ändrade under samma version', en: 'edited under the same version' },
  basisOnly: {
    sv: 'med bara ett annat underlag (hänvisning, källa eller länk; de beslutar likadant)',
    en: 'with another basis only (citation, source or link; they decide the same)',
  },
  conditionsChanged: { sv: 'ändrade namngivna villkor', en: 'named conditions changed' },
  warning: {
    sv: 'varning: ändrade men behöll sin version',
    en: 'warning: changed but kept their version',
  },
  warningWhy: {
    sv: 'beslut registrerar regler som id@version, så ge varje ändrad regel en ny version (och effectiveFrom)',
    en: 'decisions record rules as id@version, so give each changed rule a new version (and effectiveFrom)',
  },
  students: { sv: 'elever', en: 'students' },
  evaluated: { sv: ['utvärderad', 'utvärderade'], en: ['evaluated', 'evaluated'] },
  affected: { sv: ['påverkad', 'påverkade'], en: ['affected', 'affected'] },
  reexplainedOnly: { sv: 'bara med nya skäl', en: 're-explained only' },
  unchanged: { sv: ['oförändrad', 'oförändrade'], en: ['unchanged', 'unchanged'] },
  noStepChange: { sv: 'åtgärder: ingen ändring', en: 'steps: no change' },
  stepsHead: { sv: 'åtgärder (elever)', en: 'steps (students)' },
  changed: { sv: 'ändrade', en: 'changed' },
  reexplained: { sv: 'nya skäl', en: 're-explained' },
  otherRules: { sv: 'andra regler', en: 'other rules' },
  sample: { sv: 'urval', en: 'sample' },
  of: { sv: 'av', en: 'of' },
  affectedStudents: { sv: 'påverkade elever (lägsta hash av elev-id; --sample K)', en: 'affected students (lowest hash of the student id; --sample K)' },
  unchangedSteps: { sv: ['oförändrad åtgärd visas inte', 'oförändrade åtgärder visas inte'], en: ['unchanged step not shown', 'unchanged steps not shown'] },
  noneChanged: { sv: 'ingen av de ändrade åtgärderna', en: 'none of the changed steps' },
} as const;

/** A changed field of a step, as the diff names it. */
export const FIELD_TEXT: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  status: { sv: 'status', en: 'status' },
  urgency: { sv: 'brådska', en: 'urgency' },
  dueDate: { sv: 'senast', en: 'dueDate' },
  kind: { sv: 'typ', en: 'kind' },
  responsible: { sv: 'ansvarig', en: 'responsible' },
  routing: { sv: 'adressering', en: 'routing' },
  consent: { sv: 'samtycke', en: 'consent' },
};
const field = (name: string, lang: Lang): string => FIELD_TEXT[name]?.[lang] ?? name;

/** The due-date transitions of the diff's table (`policyDiff` keys them in English), and a missing value. */
export const TRANSITION_TEXT = {
  'dueDate set': { sv: 'senast-datum satt', en: 'dueDate set' },
  'dueDate cleared': { sv: 'senast-datum borttaget', en: 'dueDate cleared' },
  'dueDate earlier': { sv: 'senast-datum tidigare', en: 'dueDate earlier' },
  'dueDate later': { sv: 'senast-datum senare', en: 'dueDate later' },
  consent: { sv: 'samtycke', en: 'consent' },
  none: { sv: 'ingen', en: 'none' },
} as const satisfies Readonly<Record<string, { readonly sv: string; readonly en: string }>>;

/** A value of a changed field in words: a status, urgency, kind, role or routing target by its label; a date as it is. */
function fieldValue(name: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === 'none') return name === 'dueDate' ? '–' : TRANSITION_TEXT.none[lang];
  const text = String(value);
  const table: Readonly<Record<string, { readonly sv: string; readonly en: string }>> | undefined =
    name === 'status' ? STATUS_TEXT : name === 'urgency' ? URGENCY_TEXT : name === 'kind' ? KIND_TEXT : name === 'responsible' ? ROLE_TEXT : name === 'routing' ? ROUTING_TEXT : undefined;
  return table !== undefined && Object.hasOwn(table, text) ? (table[text] as { sv: string; en: string })[lang] : text;
}

/**
 * A transition of the diff's table (`status overdue→recommended`, `dueDate later`) in words.
 *
 * @param key - the transition as `policyDiff` keys it
 * @param lang - output language
 * @returns e.g. 'status försenad→öppen'
 * @example transitionText('status overdue→recommended', 'sv') // 'status försenad→öppen'
 * @example transitionText('dueDate later', 'sv') // 'senast-datum senare'
 */
export function transitionText(key: string, lang: Lang): string {
  if (Object.hasOwn(TRANSITION_TEXT, key)) return TRANSITION_TEXT[key as keyof typeof TRANSITION_TEXT][lang];
  const m = /^(\w+) (.*)→(.*)$/.exec(key);
  if (m === null) return key;
  const [, name = '', from, to] = m;
  return `${field(name, lang)} ${fieldValue(name, from, lang)}→${fieldValue(name, to, lang)}`;
}

/**
 * One step change as a short token: `+ kartlaggning`, `- eht`,
 * `~ uppfoljning (urgency planeras→snarast)`, `= rektor-utredning (other rules)`.
 *
 * @param c - the change
 * @param lang - output language
 * @returns the token
 * @example formatStepChange({ change: 'added', step: 'kartlaggning' }, 'sv') // '+ kartlaggning'
 * @example formatStepChange({ change: 'reexplained', step: 'eht', rules }, 'sv') // '= eht (andra regler)'
 */
export function formatStepChange(c: StepChange, lang: Lang): string {
  switch (c.change) {
    case 'added':
      return `+ ${c.step}`;
    case 'removed':
      return `- ${c.step}`;
    case 'changed':
      return `~ ${c.step} (${c.fields.map((f) => (f.field === 'routing' || f.field === 'consent' ? field(f.field, lang) : `${field(f.field, lang)} ${fieldValue(f.field, f.from, lang)}→${fieldValue(f.field, f.to, lang)}`)).join(', ')})`;
    case 'reexplained':
      return `= ${c.step} (${DIFF_TEXT.otherRules[lang]})`;
  }
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

/**
 * The rule-level changes as lines; a warning for rules edited without a new
 * version (an edit of the basis alone needs none: the rule decides the same).
 *
 * @param r - the rule comparison of a diff
 * @param lang - output language
 * @returns zero or more lines
 * @example formatRuleChanges({ added: [], removed: [], newVersion: [], changedWithoutNewVersion: ['x@1'], basisChanged: [], conditionsChanged: [] }, 'en')
 * // ['  rules in force: 1 edited under the same version', '  warning: changed but kept their version: x@1 — …']
 */
export function formatRuleChanges(r: PolicyDiff['rules'], lang: Lang): string[] {
  const t = DIFF_TEXT;
  const parts = [
    r.added.length > 0 ? `${t.added[lang]} ${r.added.join(', ')}` : '',
    r.removed.length > 0 ? `${t.removed[lang]} ${r.removed.join(', ')}` : '',
    r.newVersion.length > 0 ? `${t.newVersion[lang]} ${r.newVersion.join(', ')}` : '',
    r.changedWithoutNewVersion.length > 0 ? `${r.changedWithoutNewVersion.length} ${t.editedSameVersion[lang]}` : '',
    r.basisChanged.length > 0 ? `${r.basisChanged.length} ${t.basisOnly[lang]}` : '',
    r.conditionsChanged.length > 0 ? `${t.conditionsChanged[lang]}: ${r.conditionsChanged.join(', ')}` : '',
  ].filter((p) => p !== '');
  const lines = [`  ${t.rules[lang]}: ${parts.length === 0 ? t.same[lang] : parts.join('; ')}`];
  if (r.changedWithoutNewVersion.length > 0) lines.push(`  ${t.warning[lang]}: ${r.changedWithoutNewVersion.join(', ')} — ${t.warningWhy[lang]}`);
  return lines;
}

/**
 * A policy diff as text: the two policies, students affected, a table of
 * added / removed / changed / re-explained steps with the transitions under
 * each, then each sampled student with the `from` and the `to` decision one
 * after the other (`formatDecision`: facts, typology, and the steps that
 * changed with their rules, bases and evidence; unchanged steps are counted,
 * not shown — `--json` has the whole decisions).
 *
 * @param diff - from `diffPolicies` (or the CLI's tally)
 * @param lang - language of the decisions in the sample
 * @returns multi-line text
 * @example formatDiff(diffPolicies(cases, builtinPolicy('stockholm'), stricter, { asOf: '2026-11-23' }), 'sv')
 */
export function formatDiff(diff: PolicyDiff, lang: Lang): string {
  const t = DIFF_TEXT;
  const number = (w: { readonly sv: readonly [string, string]; readonly en: readonly [string, string] }, n: number) => w[lang][n === 1 ? 0 : 1];
  const s = diff.students;
  const lines = [
    `${t.title[lang]} ${diff.asOf}`,
    `  ${`${t.from[lang]}:`.padEnd(5)} ${ref(diff.from)}`,
    `  ${`${t.to[lang]}:`.padEnd(5)} ${ref(diff.to)}`,
    diff.parametersChanged.length === 0 ? `  ${t.parametersSame[lang]}` : `  ${t.parametersChanged[lang]}: ${diff.parametersChanged.join(', ')} (${t.parametersEach[lang]})`,
    ...formatRuleChanges(diff.rules, lang),
    `${t.students[lang]}: ${s.evaluated} ${number(t.evaluated, s.evaluated)}; ${s.affected} ${number(t.affected, s.affected)}${percent(s.affected, s.evaluated, lang)}, ${s.reexplainedOnly} ${t.reexplainedOnly[lang]}, ${s.unchanged} ${number(t.unchanged, s.unchanged)}`,
  ];
  const keys = Object.keys(diff.steps) as Array<keyof PolicyDiff['steps']>;
  if (keys.length === 0) lines.push(t.noStepChange[lang]);
  else {
    const width = Math.max(...keys.map((k) => k.length), 'step'.length);
    const head = [t.added, t.removed, t.changed, t.reexplained].map((h) => h[lang]);
    lines.push(`${t.stepsHead[lang].padEnd(width + 2)}${head.map((h) => h.padStart(14)).join('')}`);
    for (const key of keys) {
      const c = diff.steps[key];
      if (c === undefined) continue;
      lines.push(`  ${key.padEnd(width)}${[c.added, c.removed, c.changed, c.reexplained].map((n) => String(n).padStart(14)).join('')}`);
      for (const [transition, n] of Object.entries(c.transitions)) lines.push(`      ${transitionText(transition, lang)}: ${n}`);
    }
  }
  if (diff.sample.length > 0) {
    lines.push('', `${t.sample[lang]}: ${diff.sample.length} ${t.of[lang]} ${s.affected} ${t.affectedStudents[lang]}`);
    for (const sample of diff.sample) {
      lines.push('', `=== ${sample.studentId}: ${sample.changes.map((c) => formatStepChange(c, lang)).join(', ')}`);
      const shown = new Set<string>(sample.changes.map((c) => c.step));
      for (const [mark, policy, decision] of [['---', diff.from, sample.from], ['+++', diff.to, sample.to]] as const) {
        const steps = decision.steps.filter((x) => shown.has(stepKey(x)));
        const hidden = decision.steps.length - steps.length;
        const notShown = hidden > 0 ? ` (${hidden} ${t.unchangedSteps[lang][hidden === 1 ? 0 : 1]})` : '';
        lines.push(`${mark} ${(mark === '---' ? t.from : t.to)[lang]} ${policy.id} ${policy.version}${notShown}`);
        let text = formatDecision({ ...decision, steps }, lang);
        // "No steps" would be wrong when only unchanged steps are hidden: say which are shown.
        if (steps.length === 0 && hidden > 0) text = text.replace(/\n {2}(inga åtgärder|no steps)(?=\n|$)/, `\n  ${t.noneChanged[lang]}`);
        lines.push(indent(text, '  '));
      }
    }
  }
  return lines.join('\n');
}

/** Where the diff's population came from. */
export const DIFF_INPUT_TEXT = {
  input: { sv: 'indata: {origin}', en: 'input: {origin}' },
  generated: { sv: '--generate {n} --seed {seed} (generatorerna i trappa/testing)', en: '--generate {n} --seed {seed} (trappa/testing arbitraries)' },
} as const satisfies Templates;

/**
 * The lines after the diff: where the students came from and what was read.
 *
 * @param source - the case files, or the `--generate` count and seed
 * @param cases - cases read, evaluated, rejected
 * @param records - lesson records read, accepted, duplicate, rejected
 * @param lang - output language
 * @returns three lines
 * @example formatDiffInput({ files: ['a.ndjson'] }, { read: 4, evaluated: 4, rejected: 0 }, { read: 0, accepted: 0, duplicate: 0, rejected: 0 }, 'sv')[1] // 'elever: 4 lästa = 4 utvärderade + 0 avvisade'
 */
export function formatDiffInput(
  source: { readonly files: readonly string[] } | { readonly generate: number; readonly seed: number },
  cases: { readonly read: number; readonly evaluated: number; readonly rejected: number },
  records: { readonly read: number; readonly accepted: number; readonly duplicate: number; readonly rejected: number },
  lang: Lang,
): string[] {
  const origin = 'files' in source ? source.files.join(', ') : say(DIFF_INPUT_TEXT.generated, lang, { n: source.generate, seed: source.seed });
  return [say(DIFF_INPUT_TEXT.input, lang, { origin }), say(SUMMARY_TEXT.students, lang, cases), say(SUMMARY_TEXT.records, lang, records)];
}
