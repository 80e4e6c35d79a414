import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionNode } from '../../src/model/policyFile.js';
import { signalFact } from '../../src/model/factCatalog.js';
import { CONCERN_SIGNALS, SignalTypeSchema } from '../../src/model/vocabulary.js';
import { arbitraryAttendance, arbitraryCase, arbitrarySignals, type LessonInput, type SignalInput } from '../../src/testing/arbitraries/index.js';
import { TYPOLOGY_SIGNALS } from '../../src/typology/typologySignals.js';
import { BUILTIN_POLICY_IDS, builtinPolicy, type BuiltinPolicyId, type Decision, type SignalType } from '../../src/index.js';
import { decide, DEFAULT_AS_OF, schoolDays, studentCase } from '../helpers/cases.js';

const TERM = schoolDays('2026-08-17', DEFAULT_AS_OF);
const RUNS = { numRuns: 60 };

/** Signals of the given types on dates from the start of the term to asOf. */
function dated(types: readonly SignalType[]): fc.Arbitrary<SignalInput[]> {
  return fc.tuple(...types.map((type) => fc.constantFrom(...TERM).map((date): SignalInput => ({ type, date }))));
}

function facts(node: ConditionNode, conditions: Readonly<Record<string, ConditionNode>>, seen: Set<string> = new Set()): string[] {
  if ('all' in node) return node.all.flatMap((c) => facts(c, conditions, seen));
  if ('any' in node) return node.any.flatMap((c) => facts(c, conditions, seen));
  if ('not' in node) return facts(node.not, conditions, seen);
  if ('condition' in node) {
    const target = conditions[node.condition];
    if (target === undefined || seen.has(node.condition)) return [];
    seen.add(node.condition);
    return facts(target, conditions, seen);
  }
  return [node.fact];
}

/**
 * Typology signals that play no part in a legal duty under the policy: no lagkrav rule reads them
 * (directly or through named conditions), and none is a concern signal (`CONCERN_SIGNALS`: a new
 * one after an orosanmälan makes a new report due).
 */
function typologyOnlySignals(id: BuiltinPolicyId): SignalType[] {
  const p = builtinPolicy(id);
  const lagkravRules = p.rules.filter((r) => r.kind === 'lagkrav');
  const read = new Set(lagkravRules.flatMap((r) => facts(r.conditions, p.conditions)));
  // A concern signal dated after the latest orosanmälan is a new concern (it dates a new duty).
  const renewing = new Set<SignalType>(lagkravRules.some((r) => r.step === 'orosanmalan') ? CONCERN_SIGNALS : []);
  return TYPOLOGY_SIGNALS.filter((s) => !read.has(signalFact(s)) && !renewing.has(s));
}

/** What the law requires: the lagkrav steps and the lagkrav rules behind them. */
function lagkrav(d: Decision): string[] {
  return d.steps
    .filter((s) => s.kind === 'lagkrav')
    .flatMap((s) => s.reasons.filter((r) => r.kind === 'lagkrav').map((r) => `${s.id}${s.forStep === undefined ? '' : `→${s.forStep}`} ${r.ruleId}`));
}

describe('typology properties', () => {
  it('domain §4.1/§6.2: guardians unaware and invalid absence only in single lessons → never föräldrastödd', () => {
    // Each chosen day: 2–6 lessons, exactly one with invalid absence (full or late arrival). Other
    // days may have whole days of guardian-reported "sick" absence. Any other signals as well.
    const day = fc.record({
      date: fc.constantFrom(...TERM),
      perDay: fc.integer({ min: 2, max: 6 }),
      lesson: fc.nat(5),
      minutes: fc.integer({ min: 1, max: 50 }),
      guardianReported: fc.boolean(),
    });
    const input = fc.record({
      invalidDays: fc.uniqueArray(day, { minLength: 1, maxLength: 25, selector: (d) => d.date }),
      sickDays: fc.uniqueArray(fc.constantFrom(...TERM), { maxLength: 15 }),
      others: fc.subarray(TYPOLOGY_SIGNALS.filter((s) => s !== 'guardians-unaware')),
    });
    fc.assert(
      fc.property(input, ({ invalidDays, sickDays, others }) => {
        const byDate = new Map(invalidDays.map((d) => [d.date, d]));
        const attendance: LessonInput[] = [];
        for (const date of TERM) {
          const inv = byDate.get(date);
          const perDay = inv?.perDay ?? 4;
          for (let i = 0; i < perDay; i += 1) {
            const l: LessonInput = { date, start: `${String(8 + i).padStart(2, '0')}:00`, scheduledMinutes: 50 };
            if (inv !== undefined && i === inv.lesson % perDay) {
              l.invalidAbsenceMinutes = inv.minutes;
              l.guardianReported = inv.guardianReported;
            } else if (inv === undefined && sickDays.includes(date)) {
              l.validAbsenceMinutes = 50;
              l.reason = 'sick';
              l.guardianReported = true;
            }
            attendance.push(l);
          }
        }
        const signals: SignalInput[] = [{ type: 'guardians-unaware', date: '2026-08-17' }, ...others.map((type) => ({ type, date: '2026-09-01' }))];
        const d = decide(studentCase({ attendance, signals }), 'skollagen');
        expect(d.facts.termInvalidAbsenceMinutes).toBeGreaterThan(0);
        expect(d.typology.hypotheses.map((h) => h.type)).not.toContain('foraldrastodd');
        expect(d.facts.typologyForaldrastodd).toBe('ingen');
      }),
      RUNS,
    );
  });

  it('the typology of a student with no absence is empty, under every policy and whatever the signals', () => {
    const present = arbitraryAttendance().map((ls) =>
      ls.map(({ validAbsenceMinutes: _v, invalidAbsenceMinutes: _i, ...rest }): LessonInput => rest),
    );
    const policy = fc.constantFrom(...BUILTIN_POLICY_IDS);
    fc.assert(
      fc.property(arbitraryCase({ attendance: present, signals: arbitrarySignals({ maxLength: 12 }) }), policy, (input, id) => {
        const d = decide(input, id);
        expect(d.facts.termAbsenceMinutes).toBe(0);
        expect(d.typology.hypotheses).toEqual([]);
        expect([d.facts.typologySkolk, d.facts.typologySkolvagran, d.facts.typologyForaldrastodd, d.facts.typologySkolinitierad]).toEqual([
          'ingen',
          'ingen',
          'ingen',
          'ingen',
        ]);
      }),
      RUNS,
    );
  });

  it('signals the typology does not read never change it', () => {
    const notRead = SignalTypeSchema.options.filter((s) => !TYPOLOGY_SIGNALS.includes(s));
    expect(notRead).toContain('harm-suspected');
    const others = fc.subarray(notRead, { minLength: 1 });
    fc.assert(
      fc.property(arbitraryCase({ signals: fc.constant([]) }), others.chain(dated), (input, extra) => {
        const without = decide(input, 'skollagen');
        const withExtra = decide({ ...input, signals: extra }, 'skollagen');
        expect(withExtra.typology).toEqual(without.typology);
      }),
      RUNS,
    );
  });

  it.each(BUILTIN_POLICY_IDS)('typology never changes which lagkrav steps are recommended (%s; domain §6.2: legal duties do not depend on the type)', (id) => {
    const toggled = typologyOnlySignals(id);
    // Not vacuous: there are typology-only signals to toggle, and the typology changes in some runs.
    expect(toggled.length).toBeGreaterThanOrEqual(5);
    let typologyChanged = 0;
    const base = arbitraryCase({ signals: arbitrarySignals().map((ss) => ss.filter((s) => !toggled.includes(s.type))) });
    fc.assert(
      fc.property(base, fc.subarray(toggled, { minLength: 1 }).chain(dated), (input, extra) => {
        const without = decide(input, id);
        const withTypology = decide({ ...input, signals: [...(input.signals ?? []), ...extra] }, id);
        if (JSON.stringify(withTypology.typology) !== JSON.stringify(without.typology)) typologyChanged += 1;
        expect(lagkrav(withTypology)).toEqual(lagkrav(without));
      }),
      { numRuns: 150 },
    );
    expect(typologyChanged).toBeGreaterThan(0);
  });

  it('hypotheses are sorted (strength, then type id), unique, and `oklar` only ever stands alone', () => {
    const rank = { stark: 0, mattlig: 1, svag: 2 } as const;
    fc.assert(
      fc.property(arbitraryCase({ signals: fc.subarray([...TYPOLOGY_SIGNALS]).chain(dated) }), (input) => {
        const hs = decide(input, 'skollagen').typology.hypotheses;
        const keys = hs.map((h) => `${rank[h.strength]}${h.type}`);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(hs.map((h) => h.type)).size).toBe(hs.length);
        if (hs.some((h) => h.type === 'oklar')) expect(hs).toHaveLength(1);
        for (const h of hs) {
          expect(h.evidence.length).toBeGreaterThan(0);
          expect(h.explanation.sv.length).toBeGreaterThan(0);
          expect(h.explanation.en.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});
