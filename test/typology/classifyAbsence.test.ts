import { describe, expect, expectTypeOf, it } from 'vitest';
import { formatDecision } from '../../src/report/decisionText.js';
import { computeFacts } from '../../src/metrics/computeFacts.js';
import { classifyAbsence } from '../../src/typology/classifyAbsence.js';
import { typologyFacts } from '../../src/typology/typologyFacts.js';
import { BUILTIN_POLICY_IDS, DEFAULT_PARAMETERS, defaultCalendarFor, parseStudentCase, type Decision, type Facts, type Typology } from '../../src/index.js';
import { DEFAULT_AS_OF, decide, signalsOf, studentCase, typologyOf } from '../helpers/cases.js';
import { singleLessons, term, termDays } from './scenarios.js';

// Multi-label typology (domain §6.2: "Types can co-occur"; "Engine implication: multi-label
// suggestion with evidence list, not a legal determination").

const SCATTERED = singleLessons(termDays(5, 15, 25, 35), 2);

describe('classifyAbsence: shape, order and integration', () => {
  it('domain §6.2: types co-occur; equal strengths are ordered by type id', () => {
    // skolk 2 + 1 = 3 (måttlig); skolvägran 2 (måttlig).
    const d = decide(studentCase({ attendance: SCATTERED, signals: signalsOf(['anxiety-distress']) }));
    expect(typologyOf(d)).toEqual([
      ['skolk', 'mattlig'],
      ['skolvagran', 'mattlig'],
    ]);
  });

  it('orders by strength first: stark before måttlig before svag, whatever the type id', () => {
    const d = decide(
      studentCase({ attendance: SCATTERED, signals: signalsOf(['guardians-unaware', 'normbrytande', 'neurodevelopmental-condition']) }),
    );
    // skolk 2 + 2 + 1 + 1 = 6; skolvägran 1 − 2 − 1 < 1 (none); föräldrastödd excluded.
    expect(typologyOf(d)).toEqual([['skolk', 'stark']]);
    const e = decide(studentCase({ attendance: SCATTERED, signals: signalsOf(['guardian-keeps-home', 'neurodevelopmental-condition']) }));
    // föräldrastödd 2 (måttlig); skolk 3 − 2 = 1 (svag); skolvägran 1 − 2 < 1 (none).
    expect(typologyOf(e)).toEqual([
      ['foraldrastodd', 'mattlig'],
      ['skolk', 'svag'],
    ]);
  });

  it('is empty for a student with no absence, whatever the signals', () => {
    const d = decide(studentCase({ attendance: term(), signals: signalsOf(['anxiety-distress', 'guardian-keeps-home', 'school-sent-home']) }));
    expect(d.typology).toEqual({ hypotheses: [] });
  });

  it('is computed under every policy, and is the same under each (steers support, never a legal duty)', () => {
    const input = studentCase({ attendance: SCATTERED, signals: signalsOf(['anxiety-distress']) });
    const typologies = BUILTIN_POLICY_IDS.map((id) => decide(input, id).typology);
    for (const t of typologies) expect(t).toEqual(typologies[0]);
    expect(typologies[0]?.hypotheses).toHaveLength(2);
  });

  it('mirrors the hypotheses in the typology facts rules see (`ingen` for a type that is not a hypothesis)', () => {
    const d = decide(studentCase({ attendance: SCATTERED, signals: signalsOf(['anxiety-distress']) }));
    expect(typologyFacts(d.typology)).toEqual({
      typologySkolk: 'mattlig',
      typologySkolvagran: 'mattlig',
      typologyForaldrastodd: 'ingen',
      typologySkolinitierad: 'ingen',
    });
    expect(d.facts).toMatchObject(typologyFacts(d.typology));
  });

  it('reads signals in force on asOf only: a signal recorded later does not count', () => {
    const d = decide(studentCase({ attendance: SCATTERED, signals: signalsOf(['guardians-unaware'], '2026-11-24') }));
    expect(typologyOf(d)).toEqual([['skolk', 'mattlig']]);
  });

  it('is a pure function of the patterns and facts computeFacts returns', () => {
    const parsed = parseStudentCase(studentCase({ attendance: SCATTERED, signals: signalsOf(['anxiety-distress']) }));
    if (!parsed.ok) throw new Error('fixture rejected');
    const { facts, patterns } = computeFacts(parsed.case, DEFAULT_AS_OF, defaultCalendarFor(DEFAULT_AS_OF), DEFAULT_PARAMETERS);
    expect(classifyAbsence(patterns, facts)).toEqual(decide(studentCase({ attendance: SCATTERED, signals: signalsOf(['anxiety-distress']) })).typology);
  });

  it('types: Decision carries a Typology; typology facts are the four levels', () => {
    expectTypeOf<Decision['typology']>().toEqualTypeOf<Typology>();
    expectTypeOf<Facts['typologySkolk']>().toEqualTypeOf<'ingen' | 'svag' | 'mattlig' | 'stark'>();
    // @ts-expect-error -- `oklar` is no type and has no fact
    expectTypeOf<Facts['typologyOklar']>().toBeString();
  });
});

describe('formatDecision: the typology in text output', () => {
  const d = decide(studentCase({ attendance: singleLessons(termDays(3, 12, 21, 30, 45, 60), 5), signals: signalsOf(['guardians-unaware']) }));

  it('shows one line per hypothesis with type, strength and the explanation, in Swedish', () => {
    const lines = formatDecision(d, 'sv').split('\n');
    const at = lines.indexOf('  Typologi (rådgivande, ingen diagnos):');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`    ◦ skolk (stark): ${d.typology.hypotheses[0]?.explanation.sv}`);
  });

  it('and in English', () => {
    const lines = formatDecision(d, 'en').split('\n');
    const at = lines.indexOf('  Typology (advisory, not a diagnosis):');
    expect(lines[at + 1]).toBe(
      '    ◦ truancy (strong): For: invalid scattered absence (6 lessons on days present), guardians unaware of the absence, guardians reported 0 of 300 min of invalid absence, 6 of 6 invalid lessons were the first or last of the day.',
    );
  });

  it('says nothing about typology when there is none', () => {
    expect(formatDecision(decide(studentCase({ attendance: term() })), 'sv')).not.toContain('Typologi');
  });
});
