import type { Facts } from '../model/facts.js';
import type { CompiledLeaf, CompiledNode, CompiledPolicy, CompiledRule, CompiledRun } from '../policy/compile.js';
import type { VerifyMismatch } from './verifyReport.js';

/**
 * A node of json-rules-engine's result tree (`RuleResult.conditions`): the
 * rule's conditions with `result` set on every node it evaluated. A
 * `{ condition: name }` reference is replaced in place by the named
 * condition's tree when it is evaluated.
 */
export interface ReferenceNode {
  readonly all?: readonly ReferenceNode[];
  readonly any?: readonly ReferenceNode[];
  readonly not?: ReferenceNode;
  readonly result?: unknown;
}

/** One rule compared for one student: the disagreements (student and rule left to the caller) and the leaves compared. */
export interface RuleComparison {
  readonly mismatches: ReadonlyArray<Omit<VerifyMismatch, 'studentId' | 'rule' | 'fired'>>;
  readonly leaves: number;
}

/** A node's outcome as the compiled evaluation decided it (`decideNodes`): what `evaluate` and its evidence read. */
function compiledValue(node: CompiledNode, run: CompiledRun): boolean {
  return run.nodes[node.id] === 1;
}

/**
 * Compare one rule's outcome in the compiled evaluator with json-rules-engine's,
 * node by node. Each disagreement is reported where it starts: at the deepest
 * node whose outcome differs while everything below it agrees (normally a
 * leaf). A named condition reached twice in the rule is reported once. A node
 * json-rules-engine did not evaluate is not compared.
 *
 * @param compiled - the compiled policy
 * @param rule - one of `compiled.rules`
 * @param run - `runCompiled(compiled, facts)`: every node's outcome, as `evaluate` and its evidence read them
 * @param fired - the rule's outcome in that run
 * @param facts - the facts both engines saw
 * @param reference - json-rules-engine's result for the rule: its outcome and its evaluated tree
 * @returns the mismatches and the number of leaves compared
 * @example compareRule(compiled, compiled.rules[0], run, run.rules[0] === 1, facts, { result: true, conditions }).mismatches // [] when they agree
 */
export function compareRule(
  compiled: CompiledPolicy,
  rule: CompiledRule,
  run: CompiledRun,
  fired: boolean,
  facts: Facts,
  reference: { readonly result: boolean; readonly conditions: ReferenceNode },
): RuleComparison {
  const mismatches: Array<RuleComparison['mismatches'][number]> = [];
  const reported = new Set<string>();
  let leaves = 0;

  // Returns whether a disagreement was reported at or below the node.
  const walk = (node: CompiledNode, ref: ReferenceNode | undefined, path: string, via: readonly string[], mine: boolean, theirs: unknown): boolean => {
    if (node.kind === 'condition') {
      const named = compiled.named[node.index] as CompiledPolicy['named'][number];
      return walk(named.node, ref, `conditions.${node.name}`, [...via, node.name], mine, theirs);
    }
    let below = false;
    if (node.kind === 'not') below = walk(node.child, ref?.not, `${path}.not`, via, compiledValue(node.child, run), ref?.not?.result);
    if (node.kind === 'all' || node.kind === 'any') {
      const refs = ref?.[node.kind];
      node.children.forEach((child, i) => {
        const childRef = refs?.[i];
        if (walk(child, childRef, `${path}.${node.kind}[${i}]`, via, compiledValue(child, run), childRef?.result)) below = true;
      });
    }
    if (typeof theirs !== 'boolean') return below;
    if (node.kind === 'leaf') leaves += 1;
    if (below || theirs === mine) return below;
    if (!reported.has(path)) {
      reported.add(path);
      const leaf = node.kind === 'leaf' ? (compiled.leaves[node.index] as CompiledLeaf) : undefined;
      mismatches.push({
        path,
        via,
        leaf: leaf === undefined ? null : { fact: leaf.fact, operator: leaf.operator, value: leaf.value },
        ...(leaf === undefined ? {} : { actual: (facts as unknown as Record<string, unknown>)[leaf.fact] }),
        compiled: mine,
        reference: theirs,
      });
    }
    return true;
  };

  // json-rules-engine sets the root's outcome on the rule result, not on the root node.
  walk(rule.node, reference.conditions, `rules[${rule.rule.id}@${rule.rule.version}].conditions`, [], fired, reference.result);
  return { mismatches, leaves };
}
