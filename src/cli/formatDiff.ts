import { stepKey, type StepChange } from '../diff/diffDecisions.js';
import type { PolicyDiff, PolicyRef } from '../diff/policyDiff.js';
import { formatDecision, type Lang } from './format.js';

function ref(p: PolicyRef): string {
  return `${p.id} ${p.version} (${p.hash.slice(0, 12)})`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '' : ` (${((part * 100) / whole).toFixed(1)} %)`;
}

/**
 * One step change as a short token: `+ kartlaggning`, `- eht`,
 * `~ uppfoljning (urgency planeras→snarast)`, `= rektor-utredning (other rules)`.
 *
 * @param c - the change
 * @returns the token
 * @example formatStepChange({ change: 'added', step: 'kartlaggning' }) // '+ kartlaggning'
 */
export function formatStepChange(c: StepChange): string {
  switch (c.change) {
    case 'added':
      return `+ ${c.step}`;
    case 'removed':
      return `- ${c.step}`;
    case 'changed':
      return `~ ${c.step} (${c.fields.map((f) => (f.field === 'routing' || f.field === 'consent' ? f.field : `${f.field} ${f.from ?? '–'}→${f.to ?? '–'}`)).join(', ')})`;
    case 'reexplained':
      return `= ${c.step} (other rules)`;
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
 * @returns zero or more lines
 * @example formatRuleChanges({ added: [], removed: [], newVersion: [], changedWithoutNewVersion: ['x@1'], basisChanged: [], conditionsChanged: [] })
 * // ['  rules in force: 1 edited under the same version', '  warning: changed but kept their version: x@1 — …']
 */
export function formatRuleChanges(r: PolicyDiff['rules']): string[] {
  const parts = [
    r.added.length > 0 ? `added ${r.added.join(', ')}` : '',
    r.removed.length > 0 ? `removed ${r.removed.join(', ')}` : '',
    r.newVersion.length > 0 ? `new version ${r.newVersion.join(', ')}` : '',
    r.changedWithoutNewVersion.length > 0 ? `${r.changedWithoutNewVersion.length} edited under the same version` : '',
    r.basisChanged.length > 0 ? `${r.basisChanged.length} with another basis only (citation, source or link; they decide the same)` : '',
    r.conditionsChanged.length > 0 ? `named conditions changed: ${r.conditionsChanged.join(', ')}` : '',
  ].filter((p) => p !== '');
  const lines = [`  rules in force: ${parts.length === 0 ? 'the same' : parts.join('; ')}`];
  if (r.changedWithoutNewVersion.length > 0) {
    lines.push(
      `  warning: changed but kept their version: ${r.changedWithoutNewVersion.join(', ')} — decisions record rules as id@version, so give each changed rule a new version (and effectiveFrom)`,
    );
  }
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
  const s = diff.students;
  const lines = [
    `policy diff as of ${diff.asOf}`,
    `  from: ${ref(diff.from)}`,
    `  to:   ${ref(diff.to)}`,
    diff.parametersChanged.length === 0
      ? '  parameters: the same (facts computed once, both rule sets run on them)'
      : `  parameters changed: ${diff.parametersChanged.join(', ')} (facts computed under each policy)`,
    ...formatRuleChanges(diff.rules),
    `students: ${s.evaluated} evaluated; ${s.affected} affected${percent(s.affected, s.evaluated)}, ${s.reexplainedOnly} re-explained only, ${s.unchanged} unchanged`,
  ];
  const keys = Object.keys(diff.steps) as Array<keyof PolicyDiff['steps']>;
  if (keys.length === 0) lines.push('steps: no change');
  else {
    const width = Math.max(...keys.map((k) => k.length), 'step'.length);
    const head = ['added', 'removed', 'changed', 're-explained'];
    lines.push(`${'steps (students)'.padEnd(width + 2)}${head.map((h) => h.padStart(14)).join('')}`);
    for (const key of keys) {
      const c = diff.steps[key];
      if (c === undefined) continue;
      lines.push(`  ${key.padEnd(width)}${[c.added, c.removed, c.changed, c.reexplained].map((n) => String(n).padStart(14)).join('')}`);
      for (const [t, n] of Object.entries(c.transitions)) lines.push(`      ${t}: ${n}`);
    }
  }
  if (diff.sample.length > 0) {
    lines.push('', `sample: ${diff.sample.length} of ${s.affected} affected students (lowest hash of the student id; --sample K)`);
    for (const sample of diff.sample) {
      lines.push('', `=== ${sample.studentId}: ${sample.changes.map(formatStepChange).join(', ')}`);
      const shown = new Set<string>(sample.changes.map((c) => c.step));
      for (const [mark, policy, decision] of [['---', diff.from, sample.from], ['+++', diff.to, sample.to]] as const) {
        const steps = decision.steps.filter((x) => shown.has(stepKey(x)));
        const hidden = decision.steps.length - steps.length;
        lines.push(`${mark} ${mark === '---' ? 'from' : 'to'} ${policy.id} ${policy.version}${hidden > 0 ? ` (${hidden} unchanged step${hidden === 1 ? '' : 's'} not shown)` : ''}`);
        let text = formatDecision({ ...decision, steps }, lang);
        // "No steps" would be wrong when only unchanged steps are hidden: say which are shown.
        if (steps.length === 0 && hidden > 0) text = text.replace(/\n {2}(inga åtgärder|no steps)(?=\n|$)/, lang === 'sv' ? '\n  ingen av de ändrade åtgärderna' : '\n  none of the changed steps');
        lines.push(indent(text, '  '));
      }
    }
  }
  return lines.join('\n');
}
