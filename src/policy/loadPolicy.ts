import type { z } from 'zod';
import { valueAt } from './valueAt.js';
import { PolicyFileSchema } from '../model/policyFile.js';
import { swedishIssueMessage } from '../model/swedishIssue.js';
import { both, type Template, type Templates } from '../model/template.js';
import { policyBudgetIssues } from '../model/policyBudget.js';
import { contentHash } from './canonicalJson.js';
import { crossChecks } from './crossChecks.js';
import { DEFAULT_PARAMETERS, type Policy, type PolicyParameters, type PolicyRule } from './policy.js';

/** What a `PolicyError` says as one line, sv and en. */
export const POLICY_ERROR_TEXT = {
  invalid: { sv: 'Policyn "{id}" är ogiltig: {issues}', en: 'Policy "{id}" is invalid: {issues}' },
  ofRule: { sv: '{issue} (regel {rule})', en: '{issue} (rule {rule})' },
  atPath: { sv: '{path}: {message}', en: '{path}: {message}' },
  extendsUnknown: { sv: 'extends: okänd baspolicy "{id}"', en: 'extends: unknown base policy "{id}"' },
  extendsCycle: { sv: 'extends: cykel {chain}', en: 'extends: cycle {chain}' },
} as const satisfies Templates;

/**
 * Thrown when a policy file is invalid; `issues` name the place of each
 * problem (in English). `text` says it all in one line in both languages,
 * for a command line: `Policyn "x" är ogiltig: version: Förväntade en version som 2026.1`.
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  /** The error in one line, sv and en. */
  readonly text: Template;

  /**
   * @param policyId - the policy's id (or what the file was given as)
   * @param issues - each problem with its place, in English
   * @param texts - each problem in both languages, in the order of `issues` (default: the English in both)
   */
  constructor(
    readonly policyId: string,
    readonly issues: readonly string[],
    texts: readonly Template[] = issues.map((i) => ({ sv: i, en: i })),
  ) {
    super(`Policy "${policyId}" is invalid:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.text = both(POLICY_ERROR_TEXT.invalid, (lang) => ({ id: policyId, issues: texts.map((t) => t[lang]).join('; ') }));
  }
}

/** A `PolicyError` from problems in both languages. */
function policyError(id: string, texts: readonly Template[]): PolicyError {
  return new PolicyError(id, texts.map((t) => t.en), texts);
}

/**
 * A zod path written as a JSON path.
 *
 * @param path - path segments
 * @returns e.g. `rules[3].conditions.all[1].value`
 * @example formatPath(['rules', 3, 'conditions', 'all', 1, 'value']) // 'rules[3].conditions.all[1].value'
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** A zod issue with its full path into the file (see `locateIssues`). */
export interface LocatedIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** The zod issue, for its code and params. */
  readonly issue: z.core.$ZodIssue;
}

/**
 * Zod reports a condition that fits no branch of the condition union as one
 * "Invalid input" at the tree's root. Look inside: the branches whose keys do
 * not even fit the object (unrecognised keys at the branch root) are the wrong
 * shape; the issues of the remaining branch name the leaf and the field.
 *
 * @param issues - zod issues
 * @param prefix - path of the value zod checked
 * @returns the issues, each with its full path
 * @example locateIssues(PolicyFileSchema.safeParse(json).error?.issues ?? [], []).map((i) => formatPath(i.path))
 */
export function locateIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): LocatedIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message, issue }];
    const plausible = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
    if (plausible.length !== 1) return [{ path, message: issue.message, issue }];
    return locateIssues(plausible[0] ?? [], path);
  });
}

/**
 * The id of the rule an issue path points into, when the input has one.
 *
 * @param json - the checked input
 * @param path - an issue path
 * @returns the rule's id, or undefined
 * @example ruleIdAt({ rules: [{ id: 'r-one' }] }, ['rules', 0, 'step']) // 'r-one'
 */
export function ruleIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = typeof json === 'object' && json !== null ? (json as { rules?: unknown }).rules : undefined;
  const rule = Array.isArray(rules) ? (rules[path[1]] as unknown) : undefined;
  const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** `path: message (rule id)`, the form of every line of `PolicyError.issues` from the file's own content, sv and en. */
function issueText(json: unknown, path: readonly PropertyKey[], message: Template): Template {
  const ruleId = ruleIdAt(json, path);
  const at = both(POLICY_ERROR_TEXT.atPath, (lang) => ({ path: formatPath(path) || '(root)', message: message[lang] }));
  return ruleId === undefined || message.en.includes(`"${ruleId}"`) ? at : both(POLICY_ERROR_TEXT.ofRule, (lang) => ({ issue: at[lang], rule: ruleId }));
}

/** Resolves the id in `extends` to an already loaded policy. */
export type PolicyResolver = (id: string) => Policy | undefined;

/**
 * Validate a policy file (parsed JSON) and resolve what it extends.
 *
 * @param json - the parsed contents of a `rules/*.json` file
 * @param resolve - finds a base policy by id (default: none)
 * @returns the loaded policy
 * @throws {PolicyError} with every problem, each naming its place in the file
 * @example loadPolicy(JSON.parse(fs.readFileSync('rules/skollagen.json', 'utf8'))).id // 'skollagen'
 */
export function loadPolicy(json: unknown, resolve: PolicyResolver = () => undefined): Policy {
  const id = typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : '(unnamed)';
  // Budgets and forbidden keys first: the schema recurses, and its records drop `__proto__`.
  const budget = policyBudgetIssues(json);
  if (budget.length > 0) throw policyError(id, budget.map((issue) => issueText(json, issue.path, issue.text)));
  const parsed = PolicyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw policyError(
      id,
      locateIssues(parsed.error.issues, []).map((issue) => issueText(json, issue.path, { sv: swedishIssueMessage(issue.issue, valueAt(json, issue.path)), en: issue.message })),
    );
  }
  const file = parsed.data;
  const base = file.extends === undefined ? undefined : resolve(file.extends);
  if (file.extends !== undefined && base === undefined) {
    throw policyError(file.id, [both(POLICY_ERROR_TEXT.extendsUnknown, { id: file.extends })]);
  }
  if (base?.chain.includes(file.id)) throw policyError(file.id, [both(POLICY_ERROR_TEXT.extendsCycle, { chain: [file.id, ...base.chain].join(' → ') })]);
  const issues = crossChecks(file, base).map((i) => i.texts);
  if (issues.length > 0) throw policyError(file.id, issues);
  const ownRules: PolicyRule[] = file.rules.map((r) => ({ ...r, policyId: file.id }));
  const parameters: PolicyParameters = {
    ...DEFAULT_PARAMETERS,
    ...(base?.parameters ?? {}),
    ...(stripUndefined(file.parameters) as Partial<PolicyParameters>),
    // Per signal kind: a derived policy overrides the kinds it names and keeps the base's others.
    signalValidityDays: { ...(base?.parameters.signalValidityDays ?? {}), ...(file.parameters.signalValidityDays ?? {}) },
  };
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    hash: contentHash({ file, base: base?.hash ?? null }),
    chain: [file.id, ...(base?.chain ?? [])],
    parameters,
    conditions: { ...(base?.conditions ?? {}), ...file.conditions },
    rules: [...(base?.rules ?? []), ...ownRules],
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

