/**
 * The budgets a policy file must keep (README "Policy budgets"). A policy is
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
  /** Rules in a policy, counting the policies it extends [42 in stockholm with skollagen]. */
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
   * warning says so [about 20 000 for the bundled policies].
   */
  maxAnalysisSteps: 2_000_000,
} as const;
