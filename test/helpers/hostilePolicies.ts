/**
 * Hostile policy files, generated in test code rather than stored as
 * megabyte fixtures (issue 12, D8 and D12). Each is valid JSON a policy author
 * could write: the point is that the loader, `checkPolicy`, the compiler and
 * the explanation stay linear in the file's size, or refuse it with a located
 * finding, instead of exhausting the stack, the heap or the clock.
 */
import { FORBIDDEN_KEYS } from '../../src/model/forbiddenKeys.js';
import { GRADE_LEAF, policyJson, ruleJson } from './policyFiles.js';

/**
 * `levels` named conditions `l0 … l<levels-1>`, each an `all` (or `any`) that
 * refers twice to the next; the last holds one leaf (grade > 3). One rule reads
 * `l0`. Expanded as a tree, the rule has 2^(levels-1) leaves; as a DAG, one.
 * At 24 levels the file is about 1.6 KB (issue 12 D8's 1.9 KB policy).
 *
 * @param levels - number of named conditions
 * @param options - `kind` of each level (default `all`; `mixed`: all and any in turn), `ruleKind` (default `lagkrav`, so the loader's advisory-fact walk runs too)
 * @returns the policy file as plain JSON
 * @example Object.keys(doublingLadder(3).conditions as object) // ['l0', 'l1', 'l2']
 */
export function doublingLadder(levels: number, options: { kind?: 'all' | 'any' | 'mixed'; ruleKind?: string } = {}): Record<string, unknown> {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < levels; i += 1) {
    const next = { condition: `l${i + 1}` };
    if (i === levels - 1) conditions[`l${i}`] = { all: [GRADE_LEAF] };
    else if (options.kind === 'any') conditions[`l${i}`] = { any: [next, next] };
    else if (options.kind === 'mixed' && i % 2 === 1) conditions[`l${i}`] = { any: [next, next] };
    else conditions[`l${i}`] = { all: [next, next] };
  }
  return policyJson([ruleJson({ condition: 'l0' }, { kind: options.ruleKind ?? 'lagkrav' })], { id: 'ladder', conditions });
}

/**
 * Two named conditions per level, `a<i>` (an `all`) and `b<i>` (an `any`), each
 * referring to both of the next level: 2^levels distinct reference paths from
 * the rule to the bottom, so even "one explanation per path" is exponential.
 * The bottom level has two leaves on `grade`.
 *
 * @param levels - number of levels
 * @returns the policy file as plain JSON
 * @example Object.keys(diamondLadder(2).conditions as object) // ['a0', 'b0', 'a1', 'b1']
 */
export function diamondLadder(levels: number): Record<string, unknown> {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < levels; i += 1) {
    const refs = [{ condition: `a${i + 1}` }, { condition: `b${i + 1}` }];
    conditions[`a${i}`] = i === levels - 1 ? { all: [GRADE_LEAF] } : { all: refs };
    conditions[`b${i}`] = i === levels - 1 ? { all: [{ fact: 'grade', operator: 'lessThan', value: 8 }] } : { any: refs };
  }
  return policyJson([ruleJson({ all: [{ condition: 'a0' }, { condition: 'b0' }] }, { kind: 'riktlinje' })], { id: 'diamond', conditions });
}

/**
 * A rule whose conditions are `depth` nested `not`s (alternating with
 * `all`s when `wrap` is `all`) around one leaf, built without recursion so any
 * depth can be made. 1 000 levels gave "Maximum call stack size exceeded".
 *
 * @param depth - levels of nesting
 * @param wrap - `not` (`{ not: { not: … } }`) or `all` (`{ all: [{ all: [ … ] }] }`)
 * @returns the policy file as plain JSON
 * @example (deeplyNested(2).rules as any)[0].conditions // { not: { not: { fact: 'grade', … } } }
 */
export function deeplyNested(depth: number, wrap: 'not' | 'all' = 'not'): Record<string, unknown> {
  let node: unknown = GRADE_LEAF;
  for (let i = 0; i < depth; i += 1) node = wrap === 'not' ? { not: node } : { all: [node] };
  return policyJson([ruleJson(node)]);
}

/**
 * `length` named conditions each just a reference to the next (`c0 → c1 → …`),
 * the last a leaf: deep through references while every condition is shallow.
 *
 * @param length - number of named conditions
 * @returns the policy file as plain JSON
 * @example Object.keys(referenceChain(3).conditions as object) // ['c0', 'c1', 'c2']
 */
export function referenceChain(length: number): Record<string, unknown> {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < length; i += 1) conditions[`c${i}`] = i === length - 1 ? { all: [GRADE_LEAF] } : { condition: `c${i + 1}` };
  return policyJson([ruleJson({ condition: 'c0' }, { kind: 'riktlinje' })], { id: 'chain', conditions });
}

/**
 * One rule with an `in` list of `length` grades (0, 1, 2, …) beside a leaf.
 *
 * @param length - number of values in the list
 * @param where - in the rule itself (`rules[0].conditions.all[1]`) or in a named condition `lista` (`conditions.lista.all[0]`)
 * @returns the policy file as plain JSON
 * @example ((longInList(3).rules as any)[0].conditions.all[1].value) // [0, 1, 2]
 */
export function longInList(length: number, where: 'rule' | 'named' = 'rule'): Record<string, unknown> {
  const list = Array.from({ length }, (_, i) => i);
  const leaf = { fact: 'grade', operator: 'in', value: list };
  if (where === 'named') {
    return policyJson([ruleJson({ all: [GRADE_LEAF, { condition: 'lista' }] }, { kind: 'riktlinje' })], { id: 'list', conditions: { lista: { all: [leaf] } } });
  }
  return policyJson([ruleJson({ all: [GRADE_LEAF, leaf] }, { kind: 'riktlinje' })], { id: 'list' });
}

/**
 * `count` rules, each with its own id, for the same step.
 *
 * @param count - number of rules
 * @returns the policy file as plain JSON
 * @example (manyRules(2).rules as any[]).map((r) => r.id) // ['r-0', 'r-1']
 */
export function manyRules(count: number): Record<string, unknown> {
  return policyJson(
    Array.from({ length: count }, (_, i) => ruleJson({ all: [{ fact: 'grade', operator: 'greaterThan', value: i % 10 }, { fact: 'ageYears', operator: 'lessThan', value: 6 + (i % 13) }] }, { id: `r-${i}`, kind: 'riktlinje' })),
  );
}

/**
 * Whether a JSON value already holds a forbidden own key at any depth
 * (`fc.jsonValue` makes `__proto__` keys too): a check may then refuse it at
 * that key first, before the one `withOwnKey` adds.
 *
 * @example hasForbiddenKey(JSON.parse('{"a":{"__proto__":1}}')) // true
 */
export function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((k) => (FORBIDDEN_KEYS as readonly string[]).includes(k) || hasForbiddenKey((value as Record<string, unknown>)[k]));
}

/**
 * Whether a reported path ends at `key`, or, when `anyForbidden`, at any forbidden key.
 *
 * @example namesKey('wrapped.__proto__', 'prototype', true) // true
 */
export function namesKey(path: string, key: string, anyForbidden = false): boolean {
  return (anyForbidden ? FORBIDDEN_KEYS : [key]).some((k) => path === k || path.endsWith(`.${k}`));
}

/**
 * A copy of a JSON value with an own property `key` (say `__proto__`) added to
 * the object reached by `pick` — as `JSON.parse` makes it, not as an object
 * literal would (`{ __proto__: x }` sets the prototype instead).
 *
 * @param json - a JSON value (objects and arrays)
 * @param key - the key to add
 * @param pick - chooses the object: index into the objects in document order (modulo their count)
 * @returns the new value and the path of the added key, as `a.b[2].__proto__`
 * @example withOwnKey({ a: {} }, '__proto__', 1).path // 'a.__proto__'
 */
export function withOwnKey(json: unknown, key: string, pick: number): { readonly value: unknown; readonly path: string } {
  const copy = JSON.parse(JSON.stringify(json)) as unknown;
  const objects: Array<{ readonly object: Record<string, unknown>; readonly path: string }> = [];
  const stack: Array<{ readonly value: unknown; readonly path: string }> = [{ value: copy, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: `${path}[${i}]` });
    } else if (typeof value === 'object' && value !== null) {
      objects.push({ object: value as Record<string, unknown>, path });
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const k = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[k], path: path === '' ? k : `${path}.${k}` });
      }
    }
  }
  const target = objects[pick % objects.length];
  if (target === undefined) throw new Error('withOwnKey: the value has no object');
  Object.defineProperty(target.object, key, { value: { injected: true }, enumerable: true, configurable: true, writable: true });
  // Through JSON text, as every input arrives.
  return { value: JSON.parse(JSON.stringify(copy)) as unknown, path: target.path === '' ? key : `${target.path}.${key}` };
}

/**
 * `count` rules for one step, no two comparable (each on its own value of
 * `termSchoolDaysElapsed`, with an `in` list of up to 50 grades): the
 * shadowing analysis must compare every pair, so at 1 000 rules it spends
 * its whole budget (about half a second) and says so.
 *
 * @param count - number of rules
 * @returns the policy file as plain JSON
 * @example (incomparableRules(2).rules as any[]).length // 2
 */
export function incomparableRules(count: number): Record<string, unknown> {
  return policyJson(
    Array.from({ length: count }, (_, i) =>
      ruleJson(
        { all: [{ fact: 'termSchoolDaysElapsed', operator: 'equal', value: i }, { fact: 'grade', operator: 'in', value: Array.from({ length: 1 + (i % 50) }, (_, j) => j) }] },
        { id: `r-${i}`, kind: 'riktlinje' },
      ),
    ),
  );
}
