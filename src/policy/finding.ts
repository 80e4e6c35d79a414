/**
 * What `checkPolicy` can find, with the severity of each code. Errors make
 * `loadPolicy` (or the analysis) reject the file; warnings point at something
 * probably unintended.
 *
 * @example FINDING_CODES.unsatisfiable // 'error'
 */
export const FINDING_CODES = {
  schema: 'error',
  'unknown-fact': 'error',
  'unknown-operator': 'error',
  'operator-fact-type': 'error',
  'value-type': 'error',
  'rate-threshold': 'error',
  'missing-basis': 'error',
  'never-in-force': 'error',
  'lagkrav-advisory': 'error',
  'unknown-base': 'error',
  'extends-cycle': 'error',
  'duplicate-rule': 'error',
  'overlapping-versions': 'error',
  'unknown-condition': 'error',
  'condition-cycle': 'error',
  'duplicate-condition': 'error',
  'dated-parameter-overlap': 'error',
  'dated-parameter-gap': 'error',
  'dated-parameter-range': 'error',
  unsatisfiable: 'error',
  'forbidden-key': 'error',
  'too-deep': 'error',
  'list-too-long': 'error',
  'policy-too-large': 'error',
  'version-gap': 'warning',
  'rule-shadowed': 'warning',
  'unused-condition': 'warning',
  'unlisted-source': 'warning',
  'analysis-incomplete': 'warning',
} as const;

/** The id of a kind of finding, e.g. `unsatisfiable`. */
export type FindingCode = keyof typeof FINDING_CODES;

/** `error`: the policy must not be used as it is; `warning`: probably unintended. */
export type Severity = 'error' | 'warning';

/**
 * One finding of `checkPolicy`: plain data. `path` is a JSON path into the
 * checked file (`rules[3].conditions.all[1].value`), `(root)` for the file.
 */
export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** What is wrong, in English (the same as `text.en`). */
  readonly message: string;
  /** What is wrong, in Swedish and English (`trappa check --lang`). */
  readonly text: { readonly sv: string; readonly en: string };
  readonly path: string;
  readonly ruleId?: string;
}

/**
 * Builds a finding with the severity its code carries.
 *
 * @param code - the finding code
 * @param path - JSON path into the checked file
 * @param text - what is wrong, sv and en (`message` is the English)
 * @param ruleId - the rule concerned, if any
 * @returns the finding
 * @example finding('unused-condition', 'conditions.x', { sv: 'Villkoret "x" används inte', en: 'Named condition "x" is never used' }).severity // 'warning'
 */
export function finding(code: FindingCode, path: string, text: { readonly sv: string; readonly en: string }, ruleId?: string): Finding {
  return ruleId === undefined
    ? { severity: FINDING_CODES[code], code, message: text.en, text, path }
    : { severity: FINDING_CODES[code], code, message: text.en, text, path, ruleId };
}
