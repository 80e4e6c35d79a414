import type { ConditionNode, PolicyFile, Rule } from '../model/policyFile.js';

export { DEFAULT_PARAMETERS, type PolicyParameters } from '../model/policyParameters.js';
import type { PolicyParameters } from '../model/policyParameters.js';

/** A rule together with the policy file it came from. */
export interface PolicyRule extends Rule {
  readonly policyId: string;
}

/**
 * A loaded, validated policy with its base policies resolved. Plain data:
 * pass it to `evaluate` as often as you like.
 */
export interface Policy {
  readonly id: string;
  readonly version: string;
  readonly title: PolicyFile['title'];
  /** SHA-256 of the canonical JSON of this file and every file it extends. */
  readonly hash: string;
  /** This policy's id and the ids it extends, most specific first. */
  readonly chain: readonly string[];
  readonly parameters: PolicyParameters;
  readonly conditions: Readonly<Record<string, ConditionNode>>;
  readonly rules: readonly PolicyRule[];
}
