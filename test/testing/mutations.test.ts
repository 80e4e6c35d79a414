import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY_IDS, builtinPolicy, loadPolicy, resolveBuiltinPolicy, type Policy } from '../../src/index.js';
import { findViolation, findViolations, thresholdBoundary, type CaseWithAlternatives, type DatedCase, type LessonInput, type Violation } from '../../src/testing/index.js';

// Mutation tests of the kit: a policy author's plausible mistakes in rules/stockholm.json (and the
// law it extends) must be reported, with a shrunk counterexample that shows only what matters.

// Rule files are edited here as plain parsed JSON, the way an author edits the file.
type Json = Record<string, any>;

const readRules = (name: string): Json => JSON.parse(readFileSync(new URL(`../../rules/${name}.json`, import.meta.url), 'utf8')) as Json;

/** rules/stockholm.json loaded as an author would (loadPolicy + resolveBuiltinPolicy), after `edit`; `editLaw` edits the skollagen it extends. */
function stockholmWith(edit: (file: Json) => void = () => undefined, editLaw?: (file: Json) => void): Policy {
  const file = readRules('stockholm');
  edit(file);
  if (editLaw === undefined) return loadPolicy(file, resolveBuiltinPolicy);
  const law = readRules('skollagen');
  editLaw(law);
  const mutatedLaw = loadPolicy(law);
  return loadPolicy(file, (id) => (id === 'skollagen' ? mutatedLaw : resolveBuiltinPolicy(id)));
}

function rule(file: Json, id: string): Json {
  const found = (file.rules as Json[]).find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

function only(violations: readonly Violation[], invariant: string): Violation {
  const found = violations.find((v) => v.invariant === invariant);
  expect(found, `expected a violation of ${invariant}; got [${violations.map((v) => v.invariant).join(', ')}]`).toBeDefined();
  return found as Violation;
}

const RUNS = { numRuns: 100 };
/** Room for a full run and for shrinking on a busy machine; a run usually takes 1–3 s. */
const SLOW = 60_000;

describe('unmutated policies keep every invariant', () => {
  it.each(BUILTIN_POLICY_IDS)('%s', (id) => {
    expect(findViolations(builtinPolicy(id), RUNS).map((v) => v.message)).toEqual([]);
  }, SLOW);

  it('rules/stockholm.json loaded from the file equals the bundled policy', () => {
    expect(stockholmWith().hash).toBe(builtinPolicy('stockholm').hash);
  }, SLOW);

  it('Stockholm keeps its "över 20 procent" boundary: not at exactly 20.00 %, one minute over it yes (domain takeaway 2)', () => {
    expect(findViolation(thresholdBoundary(stockholmWith(), { step: 'kartlaggning', fact: 'termAbsenceBeyondShortIllness', value: 20, minTermSchoolDays: 20 }), RUNS)).toBeUndefined();
  }, SLOW);
});

describe('(a) the consent gate dropped from a guardian rule', () => {
  // SL 15:16 same-day notice: "under 18" removed, so it fires for adults too (§1.6). (Before issue 11 the leaf was
  // "under 18, or the student consents"; the adult's own consent to contact with the parents is now a `stod` rule.)
  const mutated = stockholmWith(undefined, (law) => {
    const r = rule(law, 'sl-15-16-vardnadshavare-samma-dag');
    r.conditions.all = (r.conditions.all as Json[]).filter((c) => !('fact' in c && c.fact === 'ageYears'));
  });

  it('is reported by no-guardian-step-for-adults with a minimal counterexample', () => {
    const v = only(findViolations(mutated, RUNS), 'no-guardian-step-for-adults');
    const { asOf, input } = v.counterexample as DatedCase;
    expect(v.message).toMatch(/vardnadshavare-informeras goes to the parents of a student of (18|19|20) without consent to contact with the parents/);
    expect(v.steps).toContain('vardnadshavare-informeras');
    // Minimal: no signals, no measures; a single lesson, on or before asOf (the notice is owed until
    // it is recorded, issue 10), with invalid absence (the notice's trigger).
    expect(input.signals).toEqual([]);
    expect(input.measures).toEqual([]);
    expect(input.attendance).toHaveLength(1);
    const [lesson] = input.attendance as LessonInput[];
    expect((lesson?.date ?? '9999') <= asOf).toBe(true);
    expect(lesson?.invalidAbsenceMinutes).toBeGreaterThan(0);
    expect(input.student.schoolForm).toMatch(/gymnasieskola/);
  }, SLOW);
});

describe('(b) "över 20 procent" turned into "minst 20 procent" (rateAbove → rateAtLeast)', () => {
  const mutated = stockholmWith((file) => {
    // allvarlig-franvaro: any of all(coverage, rate) per period.
    const leaf = (file.conditions['allvarlig-franvaro'].any as Json[]).flatMap((b) => b.all as Json[]).find((l) => l.fact === 'termAbsenceBeyondShortIllness');
    if (leaf === undefined) throw new Error('no termAbsenceBeyondShortIllness leaf');
    leaf.operator = 'rateAtLeast';
  });

  it('is reported by thresholdBoundary with a case at exactly 20.00 %', () => {
    const v = findViolation(thresholdBoundary(mutated, { step: 'kartlaggning', fact: 'termAbsenceBeyondShortIllness', value: 20, minTermSchoolDays: 20 }), RUNS);
    expect(v).toBeDefined();
    const { rate, at } = v?.counterexample as { rate: { part: number; whole: number }; at: DatedCase['input'] };
    expect(rate.part * 5).toBe(rate.whole); // exactly 20.00 %, in integers
    expect(v?.message).toContain('kartlaggning recommended at exactly 20.00 % termAbsenceBeyondShortIllness');
    expect(v?.steps).toContain('kartlaggning');
    // Minimal: one school day of records (shrunk from the whole term), no signals, measures or consents.
    expect(new Set((at.attendance ?? []).map((l) => l.date)).size).toBe(1);
    expect(at.signals).toEqual([]);
    expect(at.measures).toEqual([]);
  }, SLOW);
});

describe('(c) the harm rule (orosanmälan, SoL) removed', () => {
  const mutated = stockholmWith(undefined, (law) => {
    law.rules = (law.rules as Json[]).filter((r) => r.step !== 'orosanmalan');
  });

  it('is reported by orosanmalan-not-gated and lagkrav-kept, with a minimal counterexample', () => {
    const violations = findViolations(mutated, RUNS);
    const v = only(violations, 'orosanmalan-not-gated');
    only(violations, 'lagkrav-kept');
    expect(v.message).toBe('orosanmalan missing for a child under 18 with suspected harm');
    expect(v.steps).not.toContain('orosanmalan');
    const { input, otherConsents, otherAttendance } = v.counterexample as CaseWithAlternatives;
    // Minimal: the one harm signal, nothing else.
    expect(input.signals?.map((s) => s.type)).toEqual([expect.stringMatching(/^(harm-suspected|violence-disclosed)$/)]);
    expect(input.measures).toEqual([]);
    expect(input.attendance).toEqual([]);
    expect(otherConsents).toEqual({});
    expect(otherAttendance).toEqual([]);
  }, SLOW);
});

describe('(d) a band instead of a floor: mentor contact only between 10 and 20 %', () => {
  // "Mentor for 10–20 %, above that EHT takes over" reads well and breaks escalation: more absence
  // removes a step (SL 7:19 a counts all absence, §1.4; Stockholm's thresholds are floors, §3).
  const mutated = stockholmWith((file) => {
    rule(file, 'sthlm-mentor-kontakt').conditions = {
      all: [
        { condition: 'stockholms-stads-skola' },
        { fact: 'windowAbsence', operator: 'rateAbove', value: 10 },
        { not: { fact: 'windowAbsence', operator: 'rateAbove', value: 20 } },
      ],
    };
  });

  it('is reported by monotonic-escalation with a small counterexample', () => {
    // About one run in ten of 100 cases misses this band (measured over 30 seeds): 500 cases make a miss negligible.
    const v = only(findViolations(mutated, { numRuns: 500, only: ['monotonic-escalation'] }), 'monotonic-escalation');
    expect(v.message).toBe('more absence removed mentor-kontakt');
    const { input } = v.counterexample as { input: DatedCase['input'] };
    expect(input.signals).toEqual([]);
    expect(input.measures).toEqual([]);
    // Small: the rule reads the 20-school-day window; shrunk cases had 1–18 recorded days (30 seeds), of the ~70 in the term.
    expect(new Set((input.attendance ?? []).map((l) => l.date)).size).toBeLessThanOrEqual(25);
  }, SLOW);
});

describe('a city policy that does not extend skollagen', () => {
  // The same Stockholm rules as a standalone file (the one named condition it used from the law copied in):
  // every national duty is gone, and lagkrav-kept still compares it with skollagen.
  const standalone = (() => {
    const file = readRules('stockholm');
    delete file.extends;
    file.id = 'stockholm-fristaende-kopia';
    file.conditions['upprepad-eller-langre-franvaro'] = readRules('skollagen').conditions['upprepad-eller-langre-franvaro'];
    return loadPolicy(file);
  })();

  it('is reported by lagkrav-kept', () => {
    const v = only(findViolations(standalone, { ...RUNS, only: ['lagkrav-kept'] }), 'lagkrav-kept');
    expect(v.message).toMatch(/^(skollagen's lagkrav step [a-z-]+ is missing|[a-z-]+ is (riktlinje|stod), not lagkrav as in skollagen)$/);
    expect(v.compared?.length).toBeGreaterThan(0);
  }, SLOW);
});
