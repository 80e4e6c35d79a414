import { forbiddenKeyText, isForbiddenKey } from './forbiddenKeys.js';
import { POLICY_ISSUE_TEXT as T } from './policyIssueText.js';
import { both, type Template } from './template.js';
import { jsonPathOf, STOP, walkJson, type JsonNode } from './walkJson.js';

/**
 * The budgets a policy file must keep (docs/policies.md "Policy budgets"). A policy is
 * code-adjacent input: a 1.9 KB file of named conditions that refer twice to
 * the next one expands to 2^24 leaves, a 10⁶-value `in` list was copied into
 * every decision, and a file nested 1 000 levels deep overflowed the stack
 * (issue 12, D8). Every limit is far above what `rules/*.json` needs (in
 * brackets), and each is enforced by `loadPolicy` and `checkPolicy` with a
 * finding that names its place in the file.
 *
 * @example POLICY_BUDGET.maxRules // 1000
 */
export const POLICY_BUDGET = {
  /** Size of a policy file in bytes (compact JSON when not read from a file) [largest bundled file: 31 684]. */
  maxBytes: 1_048_576,
  /** Rules in a policy, counting the policies it extends [33 in stockholm with skollagen]. */
  maxRules: 1_000,
  /** Named conditions in a policy, counting the policies it extends [12 in goteborg with skollagen]. */
  maxNamedConditions: 1_000,
  /**
   * Levels of a condition tree: each `all`, `any`, `not` and each reference to
   * a named condition is one level, counted through named conditions [5].
   */
  maxConditionDepth: 64,
  /**
   * JSON nesting of the whole file, checked before the schema (which recurses)
   * sees it. A condition tree at `maxConditionDepth` is nested about twice as
   * deep in JSON (`all` is an object holding an array) [8].
   */
  maxJsonDepth: 144,
  /** Values in one `in`/`notIn` list [2]. */
  maxListValues: 1_000,
  /**
   * Lists longer than this are not copied into a decision's evidence: the
   * evidence names the list's place in the policy and its length instead
   * (`{ list, length }`), so each decision stays small [2].
   */
  maxInlineListValues: 32,
  /**
   * Work units the condition analysis of `checkPolicy` (contradictions,
   * shadowed rules) may spend on one file: one unit per literal placed in an
   * alternative and per value tested. Past it, the rest is not analysed and a
   * warning says so [4 619 for skollagen, the most of the bundled policies].
   */
  maxAnalysisSteps: 5_000_000,
} as const;

/** What the budget walk can find; each is also a `checkPolicy` finding code. */
export type BudgetCode = 'forbidden-key' | 'too-deep' | 'list-too-long' | 'policy-too-large';

/** One budget problem of a policy file, with its place in the file. */
export interface BudgetIssue {
  readonly code: BudgetCode;
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong, in English (`text.en`). */
  readonly message: string;
  /** What is wrong, sv and en. */
  readonly text: Template;
}

function issue(code: BudgetCode, path: ReadonlyArray<string | number>, text: Template): BudgetIssue {
  return { code, path, message: text.en, text };
}

/** Problems reported at most by one walk; a file with more gets one more issue saying so. */
const MAX_ISSUES = 50;

const CONDITION_KEYS: ReadonlySet<string> = new Set(['all', 'any', 'not']);

/** Characters of a value's own JSON text, not counting its children (compact, escapes not counted). */
function ownSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) return 1 + Math.max(1, value.length);
      const keys = Object.keys(value);
      let size = 1 + Math.max(1, keys.length);
      for (const key of keys) size += key.length + 3;
      return size;
    }
    default:
      return 0;
  }
}

/** Characters of a list of scalars, without visiting each as a node. */
function listSize(list: readonly unknown[]): number {
  let size = ownSize(list);
  for (const v of list) size += typeof v === 'object' && v !== null ? 2 : ownSize(v);
  return size;
}

function isListLeaf(value: unknown): value is { readonly operator: string; readonly value: readonly unknown[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { operator, value: list } = value as { operator?: unknown; value?: unknown };
  return (operator === 'in' || operator === 'notIn') && Array.isArray(list);
}

function countOf(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null) return 0;
  const inner = (value as Record<string, unknown>)[key];
  if (Array.isArray(inner)) return inner.length;
  return typeof inner === 'object' && inner !== null ? Object.keys(inner).length : 0;
}

/**
 * The budget problems of a parsed policy file, found before the schema sees
 * it (the schema recurses, and drops `__proto__` keys): forbidden keys,
 * conditions nested deeper than `maxConditionDepth` levels of `all`/`any`/`not`
 * (and any JSON deeper than `maxJsonDepth`), `in`/`notIn` lists longer than
 * `maxListValues`, more than `maxRules` rules or `maxNamedConditions` named
 * conditions, and more than `maxBytes` of JSON. One walk without recursion;
 * it stops once the file is known to be too large. Nesting through named
 * conditions is checked after the schema (`crossChecks`).
 *
 * @param json - the parsed policy file
 * @returns the problems in file order, each with its path
 * @example policyBudgetIssues(JSON.parse('{"conditions":{"__proto__":{}}}')) // [{ code: 'forbidden-key', path: ['conditions', '__proto__'], message: 'Key "__proto__" is not allowed: it can reach an object\'s prototype (__proto__, constructor, prototype are refused anywhere)' }]
 */
export function policyBudgetIssues(json: unknown): BudgetIssue[] {
  const issues: BudgetIssue[] = [];
  let more = false;
  const add = (code: BudgetCode, node: JsonNode<number>, text: Template, suffix: ReadonlyArray<string | number> = []): void => {
    if (issues.length < MAX_ISSUES) issues.push({ code, path: [...jsonPathOf(node), ...suffix], message: text.en, text });
    else more = true;
  };
  const rules = countOf(json, 'rules');
  if (rules > POLICY_BUDGET.maxRules) {
    issues.push(issue('policy-too-large', ['rules'], both(T.tooManyRules, { n: rules, max: POLICY_BUDGET.maxRules })));
  }
  const named = countOf(json, 'conditions');
  if (named > POLICY_BUDGET.maxNamedConditions) {
    issues.push(issue('policy-too-large', ['conditions'], both(T.tooManyConditions, { n: named, max: POLICY_BUDGET.maxNamedConditions })));
  }
  let size = 0;
  walkJson(json, 0, (node) => {
    if (isForbiddenKey(node.key)) {
      add('forbidden-key', node, forbiddenKeyText(node.key as string));
      return undefined;
    }
    const level = node.state + (typeof node.key === 'string' && CONDITION_KEYS.has(node.key) ? 1 : 0);
    if (level > POLICY_BUDGET.maxConditionDepth) {
      add('too-deep', node, both(T.nestedConditions, { max: POLICY_BUDGET.maxConditionDepth }));
      return undefined;
    }
    if (node.depth > POLICY_BUDGET.maxJsonDepth) {
      add('too-deep', node, both(T.nestedJson, { max: POLICY_BUDGET.maxJsonDepth }));
      return undefined;
    }
    let descend: number | undefined = level;
    if (isListLeaf(node.value) && node.value.value.length > POLICY_BUDGET.maxListValues) {
      add('list-too-long', node, both(T.listTooLong, { operator: node.value.operator, n: node.value.value.length, max: POLICY_BUDGET.maxListValues }), ['value']);
      size += ownSize(node.value) + listSize(node.value.value) + 8;
      descend = undefined;
    } else {
      size += ownSize(node.value);
    }
    if (size > POLICY_BUDGET.maxBytes) {
      issues.push(issue('policy-too-large', [], both(T.tooManyBytes, { max: POLICY_BUDGET.maxBytes })));
      return STOP;
    }
    return descend;
  });
  if (more) issues.push(issue('policy-too-large', [], both(T.tooManyIssues, { max: MAX_ISSUES })));
  return issues;
}
