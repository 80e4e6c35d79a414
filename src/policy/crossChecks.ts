import { advisoryFactUses, lagkravAdvisoryText, type ConditionNode, type PolicyFile, type Rule } from '../model/policyFile.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import { conditionCycles } from './conditionCycles.js';
import { conditionDepths, describeChain, tooDeep } from './conditionDepth.js';
import { conditionRefs } from './conditionRefs.js';
import { finding, type Finding } from './finding.js';
import { FINDING_TEXT as T } from './findingText.js';
import { both, type Template } from '../model/template.js';
import type { Policy } from './policy.js';

/** A cross-file problem: a finding plus the line `loadPolicy` has always printed for it. */
export interface CrossCheckIssue {
  readonly finding: Finding;
  /** The text of `PolicyError.issues` (`texts.en`). */
  readonly text: string;
  /** The same, sv and en. */
  readonly texts: Template;
}

/** The first day two effective ranges share, or undefined when they are disjoint. */
function firstSharedDay(a: Pick<Rule, 'effectiveFrom' | 'effectiveTo'>, b: Pick<Rule, 'effectiveFrom' | 'effectiveTo'>): string | undefined {
  const from = a.effectiveFrom > b.effectiveFrom ? a.effectiveFrom : b.effectiveFrom;
  const endA = a.effectiveTo ?? '9999-12-31';
  const endB = b.effectiveTo ?? '9999-12-31';
  return from <= endA && from <= endB ? from : undefined;
}

function issue(f: Finding, texts: Template = both({ sv: '{path}: {message}', en: '{path}: {message}' }, (lang) => ({ path: f.path, message: f.text[lang] }))): CrossCheckIssue {
  return { finding: f, text: texts.en, texts };
}

/**
 * The checks that need the whole file and its base: rule identity (an id and
 * version appear once; versions of one id are never in force on the same day;
 * an extending file never reuses a base id: rules are only added), named
 * conditions (exist, are not redefined, have no cycles) and the advisory
 * typology in `lagkrav` rules through inherited conditions.
 *
 * @param file - a file that passed the schema
 * @param base - the resolved base policy, if the file extends one
 * @returns every problem, in file order
 * @example crossChecks(PolicyFileSchema.parse(json), builtinPolicy('skollagen')).map((i) => i.text)
 */
export function crossChecks(file: PolicyFile, base: Policy | undefined): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const conditions: Record<string, ConditionNode> = { ...(base?.conditions ?? {}), ...file.conditions };
  for (const name of Object.keys(file.conditions)) {
    if (base !== undefined && Object.hasOwn(base.conditions, name)) {
      issues.push(issue(finding('duplicate-condition', `conditions.${name}`, both(T.duplicateCondition, { base: base.id }))));
    }
  }
  const baseIds = new Set(base?.rules.map((r) => r.id) ?? []);
  const earlier = new Map<string, Array<{ readonly rule: Rule; readonly index: number }>>();
  file.rules.forEach((rule, i) => {
    const versions = earlier.get(rule.id) ?? [];
    if (baseIds.has(rule.id) || versions.some((v) => v.rule.version === rule.version)) {
      issues.push(issue(finding('duplicate-rule', `rules[${i}].id`, both(T.duplicateRule, { rule: rule.id }), rule.id)));
    } else {
      for (const other of versions) {
        const day = firstSharedDay(rule, other.rule);
        if (day === undefined) continue;
        issues.push(
          issue(
            finding(
              'overlapping-versions',
              `rules[${i}].effectiveFrom`,
              both(T.overlappingVersions, { version: rule.version, rule: rule.id, other: other.rule.version, index: other.index, day }),
              rule.id,
            ),
          ),
        );
      }
    }
    earlier.set(rule.id, [...versions, { rule, index: i }]);
    for (const ref of conditionRefs(rule.conditions, [])) {
      if (!Object.hasOwn(conditions, ref)) {
        const f = finding('unknown-condition', `rules[${i}].conditions`, both(T.unknownCondition, { name: ref }), rule.id);
        issues.push(issue(f, both({ sv: 'rules[{i}] ({rule}): {message}', en: 'rules[{i}] ({rule}): {message}' }, (lang) => ({ i, rule: rule.id, message: f.text[lang] }))));
      }
    }
    // The schema checked the file's own conditions; this catches those inherited from the base.
    if (rule.kind === 'lagkrav') {
      for (const use of advisoryFactUses(rule.conditions, conditions)) {
        issues.push(issue(finding('lagkrav-advisory', `rules[${i}].conditions`, lagkravAdvisoryText(rule.id, use), rule.id)));
      }
    }
  });
  const cycles = conditionCycles(conditions);
  for (const [name, node] of Object.entries(file.conditions)) {
    for (const ref of conditionRefs(node, [])) {
      if (!Object.hasOwn(conditions, ref)) issues.push(issue(finding('unknown-condition', `conditions.${name}`, both(T.unknownCondition, { name: ref }))));
    }
    const cycle = cycles.get(name);
    if (cycle !== undefined) issues.push(issue(finding('condition-cycle', `conditions.${name}`, both(T.conditionCycle, { chain: describeChain(cycle) }))));
  }
  issues.push(...budgetIssues(file, base, conditions));
  return issues;
}

/**
 * The budgets that need the base or the resolved named conditions: rules and
 * named conditions counting the policies the file extends, and nesting
 * counted through named conditions. Too deep is reported on each rule and on
 * each named condition of the file that is too deep while nothing too deep
 * refers to it (the head of the chain, not every link).
 */
function budgetIssues(file: PolicyFile, base: Policy | undefined, conditions: Readonly<Record<string, ConditionNode>>): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const rules = (base?.rules.length ?? 0) + file.rules.length;
  if (base !== undefined && rules > POLICY_BUDGET.maxRules) {
    issues.push(issue(finding('policy-too-large', 'rules', both(T.tooManyRulesWithBase, { n: rules, max: POLICY_BUDGET.maxRules }))));
  }
  const named = Object.keys(conditions).length;
  if (base !== undefined && named > POLICY_BUDGET.maxNamedConditions) {
    issues.push(issue(finding('policy-too-large', 'conditions', both(T.tooManyConditionsWithBase, { n: named, max: POLICY_BUDGET.maxNamedConditions }))));
  }
  const depthOf = conditionDepths(conditions);
  const max = POLICY_BUDGET.maxConditionDepth;
  const through = (via: readonly string[], lang: 'sv' | 'en') => (via.length === 0 ? '' : both(T.through, { chain: describeChain(via) })[lang]);
  file.rules.forEach((rule, i) => {
    const d = depthOf(rule.conditions);
    if (!tooDeep(d)) return;
    const text = both(T.ruleTooDeep, (lang) => ({ rule: rule.id, depth: d.depth, through: through(d.via, lang), max }));
    issues.push(issue(finding('too-deep', `rules[${i}].conditions`, text, rule.id)));
  });
  const deep = Object.keys(file.conditions).filter((name) => tooDeep(depthOf(conditions[name] as ConditionNode)));
  const readByDeep = new Set(deep.flatMap((name) => conditionRefs(conditions[name] as ConditionNode, [])));
  for (const name of deep) {
    if (readByDeep.has(name)) continue;
    const d = depthOf(conditions[name] as ConditionNode);
    const text = both(T.conditionTooDeep, (lang) => ({ name, depth: d.depth, through: through(d.via, lang), max }));
    issues.push(issue(finding('too-deep', `conditions.${name}`, text)));
  }
  return issues;
}
