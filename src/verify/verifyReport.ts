import type { LeafCondition } from '../model/policyFile.js';

/** A leaf of a rule's conditions: `fact operator value`, as in the policy file. */
export interface VerifyLeaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: LeafCondition['value'];
}

/**
 * One place where the compiled evaluator and json-rules-engine disagree, for
 * one student and one rule: the deepest node whose outcome differs while
 * every node below it agrees. Normally a leaf; a combination (`all`, `any`,
 * `not`, a named condition) only when its parts agree and it does not.
 */
export interface VerifyMismatch {
  readonly studentId: string;
  readonly rule: { readonly id: string; readonly version: number };
  /**
   * Where the node is in the policy files, as the compiler names places:
   * `rules[id@version].conditions.all[1]` in the rule itself, or
   * `conditions.<name>.any[0]` inside a named condition.
   */
  readonly path: string;
  /** Named conditions the node was reached through, outermost first. */
  readonly via: readonly string[];
  /** The leaf, or null when the disagreement is in a combination. */
  readonly leaf: VerifyLeaf | null;
  /** The fact's value, the same for both engines (leaf only; undefined for a combination). */
  readonly actual?: unknown;
  /** The node's outcome in the compiled evaluator (what `evaluate` uses). */
  readonly compiled: boolean;
  /** The node's outcome in json-rules-engine. */
  readonly reference: boolean;
  /** Whether the rule fired, in each engine. */
  readonly fired: { readonly compiled: boolean; readonly reference: boolean };
}

/** What `verifyPolicy` found: counts and every mismatch, in input and tree order. */
export interface VerifyReport {
  readonly policy: { readonly id: string; readonly version: string; readonly hash: string };
  readonly asOf: string;
  /** Students whose facts both engines saw. */
  readonly students: number;
  /** Rules in force on `asOf`: each is compared for every student. */
  readonly rules: number;
  /** Leaf outcomes compared (every leaf of every rule in force, named conditions included, per student). */
  readonly leaves: number;
  /** Students with at least one mismatch. */
  readonly studentsWithMismatches: number;
  /** Rule outcomes that differ (a mismatch in a leaf need not change the rule's outcome). */
  readonly rulesFiredDifferently: number;
  readonly mismatches: readonly VerifyMismatch[];
}
