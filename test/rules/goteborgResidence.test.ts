/**
 * Issue 11 point 7: Göteborg's rules for fristående schools key on where the
 * student lives, because grundskoleförvaltningen acts for the hemkommun
 * (domain.md §1.4 SL 7:22: the huvudman informs the hemkommun; §4.3 goteborg.se
 * "Anmäl elevs omfattande frånvaro i fristående skola"); the skolvägran support
 * path is advisory support (§6.2: the typology is never a legal trigger).
 */
import { describe, expect, it } from 'vitest';
import { decide, ruleIds, schoolDays, step, studentCase, wholeDaysAbsent } from '../helpers/cases.js';

const AS_OF = '2026-11-23';
// Twelve whole days absent this school year: "mer än 10 skoldagar på ett läsår" (§4.3).
const attendance = wholeDaysAbsent(schoolDays('2026-08-17', AS_OF), schoolDays('2026-11-06', AS_OF).slice(0, 12), 'valid', { perDay: 4 });

function friskola(schoolMunicipality: string, residence: string) {
  return studentCase({
    student: { school: { huvudman: 'fristaende', municipalityCode: schoolMunicipality }, residence: { municipalityCode: residence } },
    attendance,
  });
}

describe('Göteborg: fristående schools report for students who live in Göteborg (§4.3, §1.4)', () => {
  it('§4.3: a Göteborg resident at a fristående school in Mölndal → grundskoleförvaltningen (Göteborg) is informed', () => {
    const d = decide(friskola('1481', '1480'), 'goteborg');
    const s = step(d, 'information-hemkommun');
    expect(ruleIds(s)).toContain('gbg-fristaende-information-grundskoleforvaltningen');
    expect(s.routing).toEqual({ target: 'hemkommun', municipalityCode: '1480' });
  });

  it('§1.4 SL 7:22: a Mölndal resident at a fristående school in Göteborg → not Göteborg\'s rule (the law still informs Mölndal)', () => {
    const d = decide(friskola('1480', '1481'), 'goteborg');
    const s = step(d, 'information-hemkommun');
    expect(ruleIds(s)).not.toContain('gbg-fristaende-information-grundskoleforvaltningen');
    expect(ruleIds(s)).toContain('sl-7-22-information-hemkommun');
    expect(s.routing).toEqual({ target: 'hemkommun', municipalityCode: '1481' });
  });
});

describe('Göteborg: the skolvägran support path is support, not a duty (§6.2)', () => {
  it('§6.2: gbg-skolvagran-eht is of kind stod and cites the typology', () => {
    const d = decide(
      studentCase({
        student: { school: { municipalityCode: '1480' }, residence: { municipalityCode: '1480' } },
        attendance,
        signals: [
          { type: 'anxiety-distress', date: '2026-11-02' },
          { type: 'guardians-trying', date: '2026-11-02' },
        ],
      }),
      'goteborg',
    );
    const reason = step(d, 'eht').reasons.find((r) => r.ruleId === 'gbg-skolvagran-eht');
    expect(reason?.kind).toBe('stod');
    expect(reason?.basis.citation).toMatch(/Heyne/);
  });
});
