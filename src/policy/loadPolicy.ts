import type { z } from 'zod';
import { advisoryFactUses, lagkravAdvisoryMessage, PolicyFileSchema, type ConditionNode, type PolicyFile } from '../model/policyFile.js';
import { contentHash } from './canonicalJson.js';
import { DEFAULT_PARAMETERS, type Policy, type PolicyParameters, type PolicyRule } from './policy.js';

/** Thrown when a policy file is invalid; `issues` name the place of each problem. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    readonly policyId: string,
    readonly issues: readonly string[],
  ) {
    super(`Policy "${policyId}" is invalid:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

interface LocatedIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Zod reports a condition that fits no branch of the condition union as one
 * "Invalid input" at the tree's root. Look inside: the branches whose keys do
 * not even fit the object (unrecognised keys at the branch root) are the wrong
 * shape; the issues of the remaining branch name the leaf and the field.
 */
function locateIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): LocatedIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message }];
    const plausible = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
    if (plausible.length !== 1) return [{ path, message: issue.message }];
    return locateIssues(plausible[0] ?? [], path);
  });
}

/** The id of the rule an issue path points into, when the input has one. */
function ruleIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rules = typeof json === 'object' && json !== null ? (json as { rules?: unknown }).rules : undefined;
  const rule = Array.isArray(rules) ? (rules[path[1]] as unknown) : undefined;
  const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Resolves the id in `extends` to an already loaded policy. */
export type PolicyResolver = (id: string) => Policy | undefined;

function conditionRefs(node: ConditionNode, out: string[]): string[] {
  if ('condition' in node) out.push(node.condition);
  else if ('all' in node) for (const child of node.all) conditionRefs(child, out);
  else if ('any' in node) for (const child of node.any) conditionRefs(child, out);
  else if ('not' in node) conditionRefs(node.not, out);
  return out;
}

function crossChecks(file: PolicyFile, base: Policy | undefined): string[] {
  const issues: string[] = [];
  const conditions: Record<string, ConditionNode> = { ...(base?.conditions ?? {}), ...file.conditions };
  for (const name of Object.keys(file.conditions)) {
    if (base !== undefined && Object.hasOwn(base.conditions, name)) issues.push(`conditions.${name}: already defined by "${base.id}"`);
  }
  const seen = new Set(base?.rules.map((r) => r.id) ?? []);
  file.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issues.push(`rules[${i}].id: duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
    for (const ref of conditionRefs(rule.conditions, [])) {
      if (!Object.hasOwn(conditions, ref)) issues.push(`rules[${i}] (${rule.id}): unknown condition "${ref}"`);
    }
    // The schema checked the file's own conditions; this catches those inherited from the base.
    if (rule.kind === 'lagkrav') {
      for (const use of advisoryFactUses(rule.conditions, conditions)) {
        issues.push(`rules[${i}].conditions: ${lagkravAdvisoryMessage(rule.id, use)}`);
      }
    }
  });
  for (const [name, node] of Object.entries(file.conditions)) {
    for (const ref of conditionRefs(node, [])) {
      if (!Object.hasOwn(conditions, ref)) issues.push(`conditions.${name}: unknown condition "${ref}"`);
    }
    const cycle = conditionCycle(name, conditions);
    if (cycle !== undefined) issues.push(`conditions.${name}: refers to itself (${cycle.join(' → ')})`);
  }
  return issues;
}

/** A path of named-condition references from `start` back to itself, if there is one. */
function conditionCycle(start: string, conditions: Readonly<Record<string, ConditionNode>>): string[] | undefined {
  const done = new Set<string>();
  const walk = (name: string, path: readonly string[]): string[] | undefined => {
    const node = Object.hasOwn(conditions, name) ? conditions[name] : undefined;
    if (node === undefined || done.has(name)) return undefined;
    for (const ref of conditionRefs(node, [])) {
      if (ref === start) return [...path, ref];
      if (path.includes(ref)) continue;
      const found = walk(ref, [...path, ref]);
      if (found !== undefined) return found;
    }
    done.add(name);
    return undefined;
  };
  return walk(start, [start]);
}

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
  const parsed = PolicyFileSchema.safeParse(json);
  const id = typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : '(unnamed)';
  if (!parsed.success) {
    throw new PolicyError(
      id,
      locateIssues(parsed.error.issues, []).map((issue) => {
        const ruleId = ruleIdAt(json, issue.path);
        return `${formatPath(issue.path) || '(root)'}: ${issue.message}${ruleId === undefined || issue.message.includes(`"${ruleId}"`) ? '' : ` (rule ${ruleId})`}`;
      }),
    );
  }
  const file = parsed.data;
  const base = file.extends === undefined ? undefined : resolve(file.extends);
  if (file.extends !== undefined && base === undefined) {
    throw new PolicyError(file.id, [`extends: unknown base policy "${file.extends}"`]);
  }
  if (base?.chain.includes(file.id)) throw new PolicyError(file.id, [`extends: cycle ${[file.id, ...base.chain].join(' → ')}`]);
  const issues = crossChecks(file, base);
  if (issues.length > 0) throw new PolicyError(file.id, issues);
  const ownRules: PolicyRule[] = file.rules.map((r) => ({ ...r, policyId: file.id }));
  const parameters: PolicyParameters = {
    ...DEFAULT_PARAMETERS,
    ...(base?.parameters ?? {}),
    ...(stripUndefined(file.parameters) as Partial<PolicyParameters>),
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

