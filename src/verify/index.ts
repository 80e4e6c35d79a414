/**
 * `trappa/verify`: check the compiled rules `evaluate` runs against
 * json-rules-engine, the reference engine, on your own cases and policies.
 * Needs `json-rules-engine` 7 (an optional peer dependency of `trappa`),
 * loaded on the first call; the main entry never loads it.
 *
 * @example
 * import { verifyPolicy } from 'trappa/verify';
 * const report = await verifyPolicy(cases, builtinPolicy('stockholm'), { asOf: '2026-11-23' });
 * report.mismatches.length; // 0
 */
export { verifyPolicy, type VerifyOptions } from './verifyPolicy.js';
export { ReferenceEngineMissingError, JSON_RULES_ENGINE_RANGE } from './referenceEngine.js';
export type { VerifyReport, VerifyMismatch, VerifyLeaf } from './verifyReport.js';
