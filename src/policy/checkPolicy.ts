import type { z } from 'zod';
import { valueAt } from './valueAt.js';
import { isListedSource, SOURCE_HOSTS, type Basis } from '../model/basis.js';
import { PolicyFileSchema, type ConditionNode, type PolicyFile, type Rule } from '../model/policyFile.js';
import { policyBudgetIssues } from '../model/policyBudget.js';
import type { StepKind } from '../model/vocabulary.js';
import { resolveBuiltinPolicy } from './builtinPolicies.js';
import { conditionRefs } from './conditionRefs.js';
import { crossChecks } from './crossChecks.js';
import { finding, FINDING_CODES, type Finding, type FindingCode } from './finding.js';
import { formatPath, locateIssues, ruleIdAt, type PolicyResolver } from './loadPolicy.js';
import type { Policy, PolicyRule } from './policy.js';
import { createAnalysis, implies, satisfiability, type Analysis, type Contradiction, type Literal } from './satisfiability.js';
import { POLICY_BUDGET } from '../model/policyBudget.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { both, type Template } from '../model/template.js';
import { FINDING_TEXT as T } from './findingText.js';

/** Options for `checkPolicy`. */
export interface CheckPolicyOptions {
  /** Finds the policy named in `extends` (default: the bundled policies). */
  readonly resolve?: PolicyResolver;
  /**
   * Work units the condition analysis may spend (default
   * `POLICY_BUDGET.maxAnalysisSteps`); past it the rest is not analysed and
   * an `analysis-incomplete` warning says so.
   */
  readonly analysisSteps?: number;
}

/** The finding code of a schema issue: the code the schema attached, else one read from where it is. */
function schemaCode(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): FindingCode {
  const attached = issue.code === 'custom' ? (issue.params as { trappaCode?: unknown } | undefined)?.trappaCode : undefined;
  if (typeof attached === 'string' && Object.hasOwn(FINDING_CODES, attached)) return attached as FindingCode;
  if (path[path.length - 1] === 'operator' && issue.code === 'invalid_value') return 'unknown-operator';
  if (path[0] === 'rules' && path[2] === 'basis') return 'missing-basis';
  return 'schema';
}

function schemaFindings(json: unknown, error: z.ZodError): Finding[] {
  return locateIssues(error.issues, []).map(({ path, message, issue }) => {
    const code = schemaCode(issue, path);
    const detail: Template = { sv: swedishIssueMessage(issue, valueAt(json, path)), en: message };
    const text =
      code === 'missing-basis' && issue.code === 'invalid_type' && path.length === 3
        ? both(T.missingBasis, (lang) => ({ detail: detail[lang] }))
        : issue.code === 'unrecognized_keys' && path[path.length - 1] === 'basis' && issue.keys.includes('reference')
          ? both(T.referenceGone, (lang) => ({ detail: detail[lang] }))
          : detail;
    return finding(code, formatPath(path) || '(root)', text, ruleIdAt(json, path));
  });
}

function describeLiteral(l: Literal, lang: 'sv' | 'en'): string {
  return both(l.negated ? T.negatedLiteral : T.literal, { operator: l.operator, value: JSON.stringify(l.value), path: l.path })[lang];
}

function describeContradiction(c: Contradiction, lang: 'sv' | 'en'): string {
  return both(T.contradiction, { fact: c.fact, literals: c.literals.map((l) => describeLiteral(l, lang)).join(T.and[lang]) })[lang];
}

function unsatisfiableFinding(node: ConditionNode, analysis: Analysis, path: string, what: Template, ruleId?: string): Finding | undefined {
  const verdict = satisfiability(node, analysis.named, path, analysis);
  if (verdict.kind !== 'unsatisfiable') return undefined;
  const first = verdict.contradictions[0];
  const where = first?.literals[first.literals.length - 1]?.path ?? path;
  const n = verdict.contradictions.length;
  const shown = (lang: 'sv' | 'en') => verdict.contradictions.slice(0, 3).map((c) => describeContradiction(c, lang));
  const text =
    n <= 1
      ? both(T.neverTrue, (lang) => ({ what: what[lang], detail: shown(lang)[0] ?? T.noAlternative[lang] }))
      : both(T.neverTrueAny, (lang) => ({ what: what[lang], details: `${shown(lang).join('; ')}${n > 3 ? both(T.andMore, { n: n - 3 })[lang] : ''}` }));
  return finding('unsatisfiable', where, text, ruleId);
}

/** Days a version of a rule leaves uncovered before the next version of the same id. */
function versionGaps(file: PolicyFile): Finding[] {
  const byId = new Map<string, Array<{ rule: Rule; index: number }>>();
  file.rules.forEach((rule, index) => byId.set(rule.id, [...(byId.get(rule.id) ?? []), { rule, index }]));
  const out: Finding[] = [];
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => (a.rule.effectiveFrom < b.rule.effectiveFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i += 1) {
      const before = (sorted[i - 1] as { rule: Rule }).rule;
      const next = sorted[i] as { rule: Rule; index: number };
      if (before.effectiveTo === undefined) continue; // an overlap, reported as an error
      const dayAfter = addDay(before.effectiveTo);
      if (next.rule.effectiveFrom > dayAfter) {
        out.push(
          finding(
            'version-gap',
            `rules[${next.index}].effectiveFrom`,
            both(T.versionGap, { rule: id, from: dayAfter, to: addDay(next.rule.effectiveFrom, -1), before: before.version, end: before.effectiveTo, next: next.rule.version, start: next.rule.effectiveFrom }),
            id,
          ),
        );
      }
    }
  }
  return out;
}

function addDay(iso: string, days = 1): string {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  return d.toISOString().slice(0, 10);
}

/** Named conditions of the file that no rule of the file reaches, directly or through other conditions. */
function unusedConditions(file: PolicyFile, named: Readonly<Record<string, ConditionNode>>): Finding[] {
  const reached = new Set<string>();
  const visit = (name: string): void => {
    if (reached.has(name) || !Object.hasOwn(named, name)) return;
    reached.add(name);
    for (const ref of conditionRefs(named[name] as ConditionNode, [])) visit(ref);
  };
  for (const rule of file.rules) for (const ref of conditionRefs(rule.conditions, [])) visit(ref);
  return Object.keys(file.conditions)
    .filter((name) => !reached.has(name))
    .map((name) => finding('unused-condition', `conditions.${name}`, both(T.unusedCondition, { name })));
}

const KIND_STRENGTH: Readonly<Record<StepKind, number>> = { lagkrav: 0, riktlinje: 1, stod: 2 };

function within(inner: Pick<Rule, 'effectiveFrom' | 'effectiveTo'>, outer: Pick<Rule, 'effectiveFrom' | 'effectiveTo'>): boolean {
  return outer.effectiveFrom <= inner.effectiveFrom && (outer.effectiveTo === undefined || (inner.effectiveTo !== undefined && inner.effectiveTo <= outer.effectiveTo));
}

/**
 * Rules of the file that never change which steps are recommended: whenever
 * one fires, another rule for the same step — from the base policy or this
 * file — fires too, over the whole of its range, and it is not of a stronger
 * kind. Reported on the later rule of two equivalent ones.
 */
function shadowedRules(file: PolicyFile, base: Policy | undefined, analysis: Analysis, dead: ReadonlySet<number>): Finding[] {
  const named = analysis.named;
  const others: ReadonlyArray<{ rule: Rule; policyId: string; index: number | null }> = [
    ...(base?.rules ?? []).map((rule: PolicyRule) => ({ rule, policyId: rule.policyId, index: null })),
    ...file.rules.map((rule, index) => ({ rule, policyId: file.id, index })),
  ];
  const out: Finding[] = [];
  file.rules.forEach((rule, i) => {
    if (dead.has(i)) return; // an unsatisfiable rule implies anything; it is reported as such
    for (const other of others) {
      if (other.index !== null && dead.has(other.index)) continue;
      if (other.index === i || other.rule.step !== rule.step || other.rule.id === rule.id) continue;
      if (KIND_STRENGTH[rule.kind] < KIND_STRENGTH[other.rule.kind] || !within(rule, other.rule)) continue;
      if (!implies(rule.conditions, other.rule.conditions, named, analysis)) continue;
      const equivalent = other.index !== null && within(other.rule, rule) && implies(other.rule.conditions, rule.conditions, named, analysis);
      if (equivalent && (other.index as number) > i) continue;
      const from = (lang: 'sv' | 'en') => (other.policyId === file.id ? `rules[${other.index}]` : both(T.otherPolicy, { id: other.policyId })[lang]);
      out.push(
        finding(
          'rule-shadowed',
          `rules[${i}].conditions`,
          both(rule.deadline === undefined ? T.ruleShadowed : T.ruleShadowedDeadline, (lang) => ({ rule: rule.id, other: other.rule.id, from: from(lang), step: rule.step })),
          rule.id,
        ),
      );
      break;
    }
  });
  return out;
}

/** Every basis of a file (rules and dated parameters), with its JSON path. */
function bases(file: PolicyFile): Array<{ readonly path: string; readonly basis: Basis; readonly ruleId?: string }> {
  const out: Array<{ path: string; basis: Basis; ruleId?: string }> = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'basis') out.push({ path: `${path}.basis`, basis: v as Basis });
        else walk(v, `${path}.${key}`);
      }
    }
  };
  walk(file.parameters, 'parameters');
  file.rules.forEach((rule, i) => out.push({ path: `rules[${i}].basis`, basis: rule.basis, ruleId: rule.id }));
  return out;
}

/** Bases that link outside `SOURCE_HOSTS`: allowed, but worth a second look. */
function unlistedSources(file: PolicyFile): Finding[] {
  return bases(file)
    .filter(({ basis }) => !isListedSource(basis.url))
    .map(({ path, basis, ruleId }) =>
      finding(
        'unlisted-source',
        `${path}.url`,
        both(T.unlistedSource, { url: basis.url, hosts: Object.keys(SOURCE_HOSTS).join(', '), citation: basis.citation }),
        ruleId,
      ),
    );
}

/**
 * Check a policy file before anything runs: the schema (unknown facts and
 * operators, thresholds of the wrong type, missing basis, empty date ranges),
 * rule identity (duplicate id and version, overlapping versions of one id),
 * named conditions, the base it extends, and an analysis of the conditions:
 * rules that can never fire (contradictory leaves on one fact, after named
 * conditions are resolved), rules shadowed by another rule for the same step,
 * gaps between versions, unused named conditions and sources linked outside
 * `SOURCE_HOSTS`. Every finding names its
 * place in the file. Pure: the base comes from the resolver.
 *
 * @param json - the parsed policy file
 * @param options - `resolve` for `extends` (default: the bundled policies)
 * @returns the findings, errors first, each in file order
 * @example checkPolicy(JSON.parse(fs.readFileSync('my-policy.json', 'utf8'))).filter((f) => f.severity === 'error') // []
 */
export function checkPolicy(json: unknown, options: CheckPolicyOptions = {}): Finding[] {
  const resolve = options.resolve ?? resolveBuiltinPolicy;
  const budget = policyBudgetIssues(json);
  if (budget.length > 0) return sortFindings(budget.map((i) => finding(i.code, formatPath(i.path) || '(root)', i.text, ruleIdAt(json, i.path))));
  const parsed = PolicyFileSchema.safeParse(json);
  if (!parsed.success) return sortFindings(schemaFindings(json, parsed.error));
  const file = parsed.data;
  let base: Policy | undefined;
  if (file.extends !== undefined) {
    base = resolve(file.extends);
    if (base === undefined) return [finding('unknown-base', 'extends', both(T.unknownBase, { id: file.extends }))];
    if (base.chain.includes(file.id)) return [finding('extends-cycle', 'extends', both(T.extendsCycle, { chain: [file.id, ...base.chain].join(' → ') }))];
  }
  const findings: Finding[] = crossChecks(file, base).map((i) => i.finding);
  // Trees too deep or cyclic are not analysed: the analysis would follow them to no end.
  if (findings.some((f) => f.code === 'too-deep' || f.code === 'condition-cycle')) return sortFindings(findings);
  const named: Record<string, ConditionNode> = { ...(base?.conditions ?? {}), ...file.conditions };
  // One analysis for the whole file: each named condition is expanded once, and the work has a budget.
  const analysis = createAnalysis(named, options.analysisSteps ?? POLICY_BUDGET.maxAnalysisSteps);
  for (const [name, node] of Object.entries(file.conditions)) {
    const f = unsatisfiableFinding(node, analysis, `conditions.${name}`, both(T.namedCondition, { name }));
    if (f !== undefined) findings.push(f);
  }
  const dead = new Set<number>();
  file.rules.forEach((rule, i) => {
    const f = unsatisfiableFinding(rule.conditions, analysis, `rules[${i}].conditions`, both(T.ruleConditions, { rule: rule.id }), rule.id);
    if (f === undefined) return;
    findings.push(f);
    dead.add(i);
  });
  findings.push(...versionGaps(file), ...shadowedRules(file, base, analysis, dead), ...unusedConditions(file, named), ...unlistedSources(file));
  if (analysis.spent) {
    findings.push(
      finding(
        'analysis-incomplete',
        '(root)',
        both(T.analysisIncomplete, { steps: analysis.budget }),
      ),
    );
  }
  return sortFindings(findings);
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.severity === b.f.severity ? a.i - b.i : a.f.severity === 'error' ? -1 : 1))
    .map(({ f }) => f);
}
