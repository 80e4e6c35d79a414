import type { Facts } from '../model/facts.js';
import type { ConditionNode } from '../model/policyFile.js';
import { OPERATORS } from '../policy/operators.js';

/**
 * The facts that say who the student is and where they go to school: what
 * attendance cannot change. A rule whose conditions on these are false cannot
 * fire for the student whatever their absence (a gymnasium rule for a
 * grundskola student, a city rule for a fristående school).
 */
const CONTEXT_FACTS: ReadonlySet<string> = new Set<keyof Facts>([
  'ageYears',
  'schoolForm',
  'grade',
  'huvudman',
  'compulsorySchoolForm',
  'gymnasiumSchoolForm',
  'schoolMunicipalityCode',
  'residenceMunicipalityCode',
  'residenceKnown',
  'huvudmanIsHemkommun',
  'protectedIdentity',
  'schoolHasSkolsocialtTeam',
]);

/** Kleene's three values: true, false, or not known. */
type Maybe = boolean | undefined;

function maybe(node: ConditionNode, facts: Facts, named: Readonly<Record<string, ConditionNode>>, seen: ReadonlySet<string>): Maybe {
  if ('all' in node) {
    const values = node.all.map((c) => maybe(c, facts, named, seen));
    return values.includes(false) ? false : values.every((v) => v === true) ? true : undefined;
  }
  if ('any' in node) {
    const values = node.any.map((c) => maybe(c, facts, named, seen));
    return values.includes(true) ? true : values.every((v) => v === false) ? false : undefined;
  }
  if ('not' in node) {
    const value = maybe(node.not, facts, named, seen);
    return value === undefined ? undefined : !value;
  }
  if ('condition' in node) {
    const target = named[node.condition];
    // An unknown or cyclic name (a policy `trappa check` refuses) decides nothing here.
    if (target === undefined || seen.has(node.condition)) return undefined;
    return maybe(target, facts, named, new Set([...seen, node.condition]));
  }
  if (!CONTEXT_FACTS.has(node.fact)) return undefined;
  const operator = OPERATORS[node.operator];
  return operator === undefined ? undefined : operator((facts as unknown as Record<string, unknown>)[node.fact], node.value);
}

/**
 * Whether a rule's conditions can hold for a student, knowing only who the
 * student is and their school (age, school form, grade, huvudman, the
 * school's and the home municipality …): every other leaf (absence, signals,
 * measures) is unknown, and the tree is read in three-valued logic. False
 * means the rule cannot fire for this student whatever their attendance.
 *
 * @param conditions - a rule's condition tree
 * @param facts - the student's facts (a decision's `facts`)
 * @param named - the policy's named conditions
 * @returns false when the student's context alone rules the rule out
 * @example mayApplyTo({ all: [{ fact: 'gymnasiumSchoolForm', operator: 'equal', value: true }, { fact: 'termInvalidAbsence', operator: 'rateAbove', value: 10 }] }, grundskolaFacts, {}) // false
 * @example mayApplyTo({ all: [{ fact: 'gymnasiumSchoolForm', operator: 'equal', value: true }, { fact: 'termInvalidAbsence', operator: 'rateAbove', value: 10 }] }, gymnasiumFacts, {}) // true
 */
export function mayApplyTo(conditions: ConditionNode, facts: Facts, named: Readonly<Record<string, ConditionNode>>): boolean {
  return maybe(conditions, facts, named, new Set()) !== false;
}
