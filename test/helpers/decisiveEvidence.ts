/**
 * The explanation oracle: the leaves that decide a rule's outcome, read from
 * the interpreter's complete trace. `explainCompiled` (what `evaluate` uses)
 * is held equal to it (test/policy/compiled.test.ts).
 */
import type { Evidence, Trace } from '../../src/policy/evaluateConditions.js';

/**
 * The leaves that decided the outcome of a trace: for a true `all` every
 * child, for a false `all` the false children, for a true `any` the true
 * children, for a false `any` every child. A named condition reached a second
 * time in the same trace is not explained again (its leaves are already
 * there, reached through the first path).
 *
 * @param trace - an evaluated tree
 * @returns the decisive leaves, in tree order
 * @example decisiveEvidence(evaluateConditions(rule.conditions, facts, {})).map((e) => e.fact)
 */
export function decisiveEvidence(trace: Trace, via: readonly string[] = [], explained: Set<string> = new Set()): Evidence[] {
  switch (trace.kind) {
    case 'leaf':
      return [{ fact: trace.fact, operator: trace.operator, value: trace.value, actual: trace.actual, result: trace.result, via }];
    case 'not':
      return decisiveEvidence(trace.child, via, explained);
    case 'condition':
      if (explained.has(trace.name)) return [];
      explained.add(trace.name);
      return decisiveEvidence(trace.child, [...via, trace.name], explained);
    case 'all':
    case 'any': {
      const keepAll = (trace.kind === 'all') === trace.result;
      return trace.children.filter((c) => keepAll || c.result === trace.result).flatMap((c) => decisiveEvidence(c, via, explained));
    }
  }
}
