import { PolicyFileSchema, type ConditionNode, type PolicyFile } from '../model/policyFile.js';
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
    if (base !== undefined && name in base.conditions) issues.push(`conditions.${name}: already defined by "${base.id}"`);
  }
  const seen = new Set(base?.rules.map((r) => r.id) ?? []);
  file.rules.forEach((rule, i) => {
    if (seen.has(rule.id)) issues.push(`rules[${i}].id: duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
    for (const ref of conditionRefs(rule.conditions, [])) {
      if (!(ref in conditions)) issues.push(`rules[${i}] (${rule.id}): unknown condition "${ref}"`);
    }
  });
  for (const [name, node] of Object.entries(file.conditions)) {
    for (const ref of conditionRefs(node, [])) {
      if (!(ref in conditions)) issues.push(`conditions.${name}: unknown condition "${ref}"`);
      if (ref === name) issues.push(`conditions.${name}: refers to itself`);
    }
  }
  return issues;
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
      parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  const file = parsed.data;
  const base = file.extends === undefined ? undefined : resolve(file.extends);
  if (file.extends !== undefined && base === undefined) {
    throw new PolicyError(file.id, [`extends: unknown base policy "${file.extends}"`]);
  }
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

