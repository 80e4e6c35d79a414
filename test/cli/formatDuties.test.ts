import { describe, expect, it } from 'vitest';
import { formatArises, formatDecision, formatEpisode, formatExpiredSignal, formatStepLine } from '../../src/report/decisionText.js';
import type { Step } from '../../src/model/decision.js';
import { decide, lessons, schoolDays, step, studentCase } from '../helpers/cases.js';

// Issue 10 points 1–5 in the text output: every step says when its duty arose and from what
// (../shared/domain.md §1.2 the same-day notice and its last-lesson deferral, §2.1 orosanmälan "genast"),
// the episode after obehövligt (§1.4) and signals that have ended (§7.5).

const FRIDAY = '2026-11-20';
const MONDAY = '2026-11-23';
const DAYS = schoolDays('2026-11-02', FRIDAY);

/** Two lessons a day; on Friday lesson `i` is missed without leave. */
function fridayAbsence(i: number) {
  return lessons(DAYS, { perDay: 2, absent: (date, n) => (date === FRIDAY && n === i ? { invalid: 60, reason: 'none' } : undefined) });
}

describe('text output: when a duty arose and what from', () => {
  it("Friday's unnotified absence, evaluated Monday: the notice arose Friday, from that day, overdue", () => {
    const d = decide(studentCase({ attendance: fridayAbsence(0) }), 'skollagen', MONDAY);
    const sv = formatDecision(d, 'sv').split('\n');
    const at = sv.findIndex((l) => l.startsWith('  • vardnadshavare-informeras'));
    expect(sv[at]).toContain(`– samma dag senast ${FRIDAY} (försenad)`);
    expect(formatDecision(d, 'en')).toContain(`– the same day due ${FRIDAY} (overdue)`);
    expect(sv[at + 1]).toBe(`      uppstod ${FRIDAY}: ogiltig frånvaro utan besked till vårdnadshavare: ${FRIDAY}`);
    expect(formatDecision(d, 'en')).toContain(`      arose ${FRIDAY}: invalid absence the guardians were not told about: ${FRIDAY}`);
  });

  it('absence in the last lesson only: the day is listed with its deferred due date (the next school day)', () => {
    const d = decide(studentCase({ attendance: fridayAbsence(1) }), 'skollagen', MONDAY);
    expect(formatArises(step(d, 'vardnadshavare-informeras'), 'sv')).toBe(`uppstod ${FRIDAY}: ogiltig frånvaro utan besked till vårdnadshavare: ${FRIDAY} (senast ${MONDAY})`);
  });

  it('a harm signal: the orosanmälan arose on the signal date, named by kind and date', () => {
    const d = decide(studentCase({ attendance: fridayAbsence(-1), signals: [{ type: 'harm-suspected', date: '2026-11-18' }] }), 'skollagen', MONDAY);
    const line = formatArises(step(d, 'orosanmalan'), 'en');
    expect(line).toMatch(/^arose 2026-11-18: signal: suspicion that the child is being harmed 2026-11-18 \(sol-2025-orosanmalan\)$/);
    expect(formatStepLine(step(d, 'orosanmalan'), 'sv')).toContain('senast 2026-11-18 (försenad)');
  });

  it('the other sources, the result due date and a duty held open', () => {
    const base = step(decide(studentCase({ attendance: fridayAbsence(0) }), 'skollagen', MONDAY), 'vardnadshavare-informeras');
    const s = (over: Partial<Step>): Step => ({ ...base, ...over });
    expect(formatArises(s({ arisesOn: '2026-11-02', arisesFrom: { kind: 'fact', ruleId: 'r', fact: 'longestWholeDayStreak' } }), 'en')).toMatch(/^arose 2026-11-02: .+ \(r\)$/);
    expect(formatArises(s({ arisesOn: '2026-11-10', arisesFrom: { kind: 'measure', ruleId: 'r', step: 'rektor-utredning' } }), 'sv')).toBe('uppstod 2026-11-10: åtgärd rektor-utredning 2026-11-10 (r)');
    expect(formatArises(s({ arisesOn: MONDAY, arisesFrom: { kind: 'evaluation-date', ruleId: 'r' } }), 'en')).toBe(`arose ${MONDAY}: the evaluation date, nothing in the conditions is dated (r)`);
    const held = s({ heldOpen: { verifiedOn: FRIDAY } });
    expect(formatArises(held, 'sv')).toMatch(new RegExp(`; hålls öppen sedan ${FRIDAY}$`));
    expect(formatArises(held, 'en')).toMatch(new RegExp(`; held open \\(verified ${FRIDAY}\\)$`));
    expect(formatStepLine(s({ dueDate: '2026-11-16', resultDueDate: '2026-12-09' }), 'sv')).toContain('senast 2026-11-16 resultat senast 2026-12-09');
    expect(formatStepLine(s({ dueDate: '2026-11-16', resultDueDate: '2026-12-09' }), 'en')).toContain('due 2026-11-16 result due 2026-12-09');
  });

  it('the episode after obehövligt and the signals that have ended', () => {
    const d = decide(
      studentCase({
        attendance: fridayAbsence(-1),
        signals: [{ type: 'anxiety-distress', date: '2026-01-10', until: '2026-03-01' }],
        measures: [{ step: 'rektor-utredning', date: '2026-11-04', outcome: 'obehovligt' }],
      }),
      'skollagen',
      MONDAY,
    );
    expect(d.episode).not.toBeNull();
    expect(d.expiredSignals).toHaveLength(1);
    const lines = formatDecision(d, 'sv').split('\n');
    expect(lines[1]).toBe(`  episod: frånvaro räknas från ${d.episode?.start}, efter obehövligt 2026-11-04`);
    expect(lines[2]).toBe('  upphörd signal: oro, ångest eller starkt obehag 2026-01-10, gällde till och med 2026-03-01 (eget slutdatum)');
    expect(formatEpisode({ start: '2026-11-05', obehovligtOn: '2026-11-04' }, 'en')).toBe('episode: absence counted from 2026-11-05, after obehövligt on 2026-11-04');
    expect(formatExpiredSignal({ type: 'harm-suspected', date: '2026-01-10', until: '2026-07-09', endedBy: 'policy' }, 'en')).toBe(
      "expired signal: suspicion that the child is being harmed 2026-01-10, in force until 2026-07-09 (the policy's validity)",
    );
  });
});
