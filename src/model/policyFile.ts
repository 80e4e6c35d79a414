import { z } from 'zod';
import { FACT_CATALOG } from './factCatalog.js';
import type { FactType } from './facts.js';
import { BasisSchema } from './basis.js';
import { DatedParameterSchema, datedParameterSchema } from './datedParameter.js';
import { IsoDateSchema } from './isoDate.js';
import { SignalTypeSchema, StepIdSchema, StepKindSchema, UrgencySchema } from './vocabulary.js';
import { POLICY_ISSUE_TEXT as T } from './policyIssueText.js';
import { both, type Template } from './template.js';
import { SCHEMA_MESSAGE_TEXT as M } from './schemaMessageText.js';

/** Operators a rule may use, by the type of the fact on the left. */
export const OPERATORS_BY_FACT_TYPE: Readonly<Record<FactType, readonly string[]>> = {
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  rate: ['rateAbove', 'rateAtLeast'],
};

const ALL_OPERATORS = [...new Set(Object.values(OPERATORS_BY_FACT_TYPE).flat())] as [string, ...string[]];

const ScalarSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);

/**
 * A leaf condition: `fact operator value`. `path`, `params` and fact-to-fact
 * comparisons are rejected by the strict object: rules see flat facts only, so
 * json-rules-engine never reaches its JSONPath resolver (rules-engines.md §1.6).
 */
export const LeafConditionSchema = z
  .strictObject({
    fact: z.string(),
    operator: z.enum(ALL_OPERATORS),
    value: z.union([ScalarSchema, z.array(z.union([z.number(), z.string()]))]),
  })
  .superRefine((leaf, ctx) => {
    const info = Object.hasOwn(FACT_CATALOG, leaf.fact) ? FACT_CATALOG[leaf.fact as keyof typeof FACT_CATALOG] : undefined;
    if (info === undefined) {
      ctx.addIssue(customIssue(['fact'], 'unknown-fact', both(T.unknownFact, { fact: leaf.fact })));
      return;
    }
    if (!OPERATORS_BY_FACT_TYPE[info.type].includes(leaf.operator)) {
      const allowed = OPERATORS_BY_FACT_TYPE[info.type].join(', ');
      ctx.addIssue(customIssue(['operator'], 'operator-fact-type', both(T.operatorFactType, { operator: leaf.operator, type: info.type, fact: leaf.fact, allowed })));
      return;
    }
    const expected = info.type === 'rate' ? 'number' : info.type;
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    const isList = leaf.operator === 'in' || leaf.operator === 'notIn';
    if (isList !== Array.isArray(leaf.value)) {
      ctx.addIssue(customIssue(['value'], 'value-type', isList ? both(T.needsArray, { operator: leaf.operator }) : both(T.onlyListsTakeArrays)));
      return;
    }
    for (const v of values) {
      const ok = typeof v === expected || (v === null && info.nullable === true && (leaf.operator === 'equal' || leaf.operator === 'notEqual'));
      if (!ok) {
        ctx.addIssue(customIssue(['value'], 'value-type', both(T.valueType, { value: JSON.stringify(v), expected, fact: leaf.fact })));
      }
    }
    if (info.values !== undefined) {
      for (const v of values) {
        if (typeof v === 'string' && !info.values.includes(v)) {
          ctx.addIssue(customIssue(['value'], 'value-type', both(T.valueNotListed, { value: JSON.stringify(v), fact: leaf.fact, values: info.values.join(', ') })));
        }
      }
    }
    if (info.type === 'rate' && typeof leaf.value === 'number') {
      const hundredths = leaf.value * 100;
      if (leaf.value < 0 || leaf.value > 100 || Math.abs(hundredths - Math.round(hundredths)) > 1e-9) {
        ctx.addIssue(customIssue(['value'], 'rate-threshold', both(T.rateThreshold)));
      }
    }
  });
export type LeafCondition = z.infer<typeof LeafConditionSchema>;

/** Reference to a named condition of the policy (json-rules-engine's shared conditions). */
export const ConditionReferenceSchema = z.strictObject({ condition: z.string().regex(/^[a-z][a-z0-9-]*$/) });

/** A condition tree in json-rules-engine's format. */
export type ConditionNode =
  | LeafCondition
  | { readonly condition: string }
  | { readonly all: readonly ConditionNode[] }
  | { readonly any: readonly ConditionNode[] }
  | { readonly not: ConditionNode };

export const ConditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionNodeSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionNodeSchema).min(1) }),
    z.strictObject({ not: ConditionNodeSchema }),
    ConditionReferenceSchema,
    LeafConditionSchema,
  ]),
);

/** The root of a rule's conditions: json-rules-engine requires all/any/not/condition at the top. */
export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionNodeSchema).min(1) }),
  z.strictObject({ any: z.array(ConditionNodeSchema).min(1) }),
  z.strictObject({ not: ConditionNodeSchema }),
  ConditionReferenceSchema,
]);

export { BasisSchema, type Basis } from './basis.js';

/** How a deadline's days are counted. `months`: the same day number N months later (clamped to the month's end). */
export const DeadlineUnitSchema = z.enum(['calendar-days', 'working-days', 'months']);

/**
 * A deadline counted from the date its duty arose (see docs/duties.md):
 * - `arises` (default): the date the rule's trigger became true in the current
 *   episode (`as-of` is read as `arises`: a due date never moves with the evaluation date);
 * - `orosanmalan`: the date of the latest orosanmälan measure (the duty arises then);
 * - `utredning-inledd`: the date the investigation started (a `rektor-utredning`
 *   measure `started` or `done`); no due date until one is recorded;
 * - `absence-start`: the first day of the current whole-day absence streak.
 * `result` is a second deadline from the same date (Stockholm: the investigation's result within one month).
 */
export const DeadlineSchema = z.strictObject({
  urgency: UrgencySchema,
  days: z.int().min(0).max(365).optional(),
  unit: DeadlineUnitSchema.default('calendar-days'),
  from: z.enum(['arises', 'as-of', 'orosanmalan', 'utredning-inledd', 'absence-start']).default('arises'),
  result: z.strictObject({ days: z.int().min(1).max(365), unit: DeadlineUnitSchema.default('calendar-days') }).optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** One rule: json-rules-engine conditions plus identity, validity and basis. */
export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.int().min(1),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    step: StepIdSchema,
    kind: StepKindSchema,
    basis: BasisSchema,
    deadline: DeadlineSchema.optional(),
    priority: z.int().min(1).max(100).default(1),
    conditions: TopConditionSchema,
  })
  .refine((r) => r.effectiveTo === undefined || r.effectiveFrom <= r.effectiveTo, {
    message: T.effectiveRange.en,
    path: ['effectiveTo'],
    params: { trappaCode: 'never-in-force', sv: T.effectiveRange.sv },
  });
export type Rule = z.infer<typeof RuleSchema>;

/** Parameters that shape the facts (windows, data-quality thresholds). */
export const PolicyParametersSchema = z.strictObject({
  /** Rolling window in school days [DEFAULT 20 = four school weeks]. */
  rollingWindowSchoolDays: z.int().min(5).max(100).optional(),
  /** Percentage points of change that count as a rising or falling trend [DEFAULT 5]. */
  trendMarginPercent: z.number().min(0).max(100).optional(),
  /** Below this share of reported lessons a data-quality warning is raised [DEFAULT 90]. */
  minimumReportingPercent: z.number().min(0).max(100).optional(),
  /**
   * Share of a period's school days that must have lesson records before its
   * rates count (`termCoverageSufficient`, `windowCoverageSufficient`); below
   * it a `low-coverage` warning names the period [DEFAULT 80].
   */
  minimumCoveragePercent: z.number().min(0).max(100).optional(),
  /** School days after which a taken step is due for follow-up [DEFAULT 20]. */
  followUpIntervalSchoolDays: z.int().min(1).max(200).optional(),
  /** A taken step escalates only while rolling-window absence is over this percentage [DEFAULT 10]. */
  followUpPersistsPercent: z.number().min(0).max(100).optional(),
  /**
   * Age from which socialnämnden may decide öppna insatser on the child's own
   * consent, without the guardians' (SoL 3 kap. 6 a §): 15 before 2023-07-01,
   * 12 from then (prop. 2022/23:64; domain.md §2.5). Dated: one value in force
   * on every date.
   */
  childConsentAgeOppnaInsatser: DatedParameterSchema.optional(),
  /**
   * How far back, in school days before asOf, days with invalid absence are
   * looked at for the same-day guardian notice (SL 7 kap. 17 §) [DEFAULT 20].
   */
  sameDayNoticeLookbackSchoolDays: z.int().min(1).max(200).optional(),
  /**
   * School days of guardian-reported illness (the days with the most sick
   * minutes) that `termAbsenceBeyondShortIllness` and
   * `windowAbsenceBeyondShortIllness` leave out: one flu week [DEFAULT 5].
   */
  shortIllnessSchoolDays: z.int().min(0).max(20).optional(),
  /**
   * Default validity in calendar days of a signal of each kind, from its date,
   * when the signal has no `until`. Dated: one value in force on the signal's
   * date. A kind left out never expires by default.
   */
  signalValidityDays: z.partialRecord(SignalTypeSchema, datedParameterSchema(3650)).optional(),
});
export type PolicyParametersInput = z.infer<typeof PolicyParametersSchema>;

/** An advisory fact read by a condition tree, and the named conditions it was reached through. */
export interface AdvisoryFactUse {
  readonly fact: string;
  /** Named conditions followed to reach the leaf, outermost first. */
  readonly via: readonly string[];
}

/**
 * The advisory facts (the typology, see `FactInfo.advisory`) a condition tree
 * reads, directly or through named conditions, which are followed
 * transitively. Each named condition is followed once, the first time it is
 * reached (a DAG, not a tree: a condition referred to twice on every level
 * of 24 would otherwise be followed 2^24 times), and without recursion.
 * Names missing from `conditions` are skipped: they are reported as unknown
 * elsewhere.
 *
 * @param node - a rule's conditions
 * @param conditions - the named conditions in scope
 * @returns every use, in tree order
 * @example advisoryFactUses({ all: [{ fact: 'typologySkolk', operator: 'equal', value: 'stark' }] }, {}) // [{ fact: 'typologySkolk', via: [] }]
 */
export function advisoryFactUses(node: ConditionNode, conditions: Readonly<Record<string, ConditionNode>>): AdvisoryFactUse[] {
  const uses: AdvisoryFactUse[] = [];
  const followed = new Set<string>();
  const stack: Array<{ readonly node: ConditionNode; readonly via: readonly string[] }> = [{ node, via: [] }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node: n, via } = top;
    if ('all' in n || 'any' in n || 'not' in n) {
      const children = 'all' in n ? n.all : 'any' in n ? n.any : [n.not];
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i] as ConditionNode, via });
    } else if ('condition' in n) {
      const target = Object.hasOwn(conditions, n.condition) ? conditions[n.condition] : undefined;
      if (target === undefined || followed.has(n.condition)) continue;
      followed.add(n.condition);
      stack.push({ node: target, via: [...via, n.condition] });
    } else {
      const info = Object.hasOwn(FACT_CATALOG, n.fact) ? FACT_CATALOG[n.fact as keyof typeof FACT_CATALOG] : undefined;
      if (info?.advisory === true) uses.push({ fact: n.fact, via });
    }
  }
  return uses;
}

/**
 * The text for a `lagkrav` rule that reads an advisory fact, sv and en.
 *
 * @param ruleId - the rule's id
 * @param use - the fact and the named conditions it was reached through
 * @returns the texts, naming the rule, the fact and the path
 * @example lagkravAdvisoryText('sl-x', { fact: 'typologySkolk', via: [] }).en.startsWith('Rule "sl-x" is a lagkrav rule') // true
 */
export function lagkravAdvisoryText(ruleId: string, use: AdvisoryFactUse): Template {
  return use.via.length === 0
    ? both(T.lagkravAdvisory, { rule: ruleId, fact: use.fact })
    : both(T.lagkravAdvisoryVia, { rule: ruleId, fact: use.fact, chain: use.via.map((c) => `"${c}"`).join(' → ') });
}

/**
 * The message for a `lagkrav` rule that reads an advisory fact, in English (`lagkravAdvisoryText` has both languages).
 *
 * @param ruleId - the rule's id
 * @param use - the fact and the named conditions it was reached through
 * @returns a message naming the rule, the fact and the path
 * @example lagkravAdvisoryMessage('sl-x', { fact: 'typologySkolk', via: [] })
 */
export function lagkravAdvisoryMessage(ruleId: string, use: AdvisoryFactUse): string {
  return lagkravAdvisoryText(ruleId, use).en;
}

/**
 * A custom zod issue of the policy schema: the English message, and in
 * `params` the finding code and the Swedish text (`checkPolicy` shows both).
 *
 * @param path - where, relative to the value checked
 * @param code - the finding code
 * @param text - the message, sv and en
 * @returns the issue to add
 * @example customIssue(['fact'], 'unknown-fact', both(POLICY_ISSUE_TEXT.unknownFact, { fact: 'x' })).params // { trappaCode: 'unknown-fact', sv: 'Okänt faktum "x"' }
 */
export function customIssue(path: Array<string | number>, code: string, text: Template) {
  return { code: 'custom' as const, path, message: text.en, params: { trappaCode: code, sv: text.sv } };
}

/** What the policy file's JSON Schema leaves to `loadPolicy` and `trappa check`. */
export const POLICY_FILE_NOT_EXPRESSED =
  'Not expressed by this schema, checked by loadPolicy and trappa check: that each fact is in the fact catalog, the operator and values fit the fact\'s type (and its values, for string facts), rate thresholds are percentages with at most two decimals, effectiveTo is not before effectiveFrom, named conditions exist, and no lagkrav rule reads a typology fact.';

/** A policy file in `rules/`. */
export const PolicyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d{4}\.\d+(\.\d+)?$/, { message: M.version.en }),
  title: z.strictObject({ sv: z.string().min(1), en: z.string().min(1) }),
  extends: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  parameters: PolicyParametersSchema.default({}),
  conditions: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), TopConditionSchema).default({}),
  rules: z.array(RuleSchema),
}).superRefine((file, ctx) => {
  // "Never a legal trigger on its own": a statutory rule may not depend on the typology.
  file.rules.forEach((rule, i) => {
    if (rule.kind !== 'lagkrav') return;
    for (const use of advisoryFactUses(rule.conditions, file.conditions)) {
      ctx.addIssue(customIssue(['rules', i, 'conditions'], 'lagkrav-advisory', lagkravAdvisoryText(rule.id, use)));
    }
  });
}).meta({
  title: 'Trappa policy file',
  description: `A policy (rules/*.json, --policy <file>): rules in json-rules-engine's format with identity, validity and legal basis, parameters, named conditions; may extend a bundled policy. ${POLICY_FILE_NOT_EXPRESSED}`,
});
export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type PolicyFileInput = z.input<typeof PolicyFileSchema>;
