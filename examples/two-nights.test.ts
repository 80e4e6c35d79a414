import { expect, it } from 'vitest';
import { builtinPolicy, evaluate, parseStudentCase, type Decision, type StudentCaseInput } from 'trappa';

const policy = builtinPolicy('stockholm');
const student: StudentCaseInput['student'] = {
  id: 'elev-0042',
  birthDate: '2013-04-02',
  schoolForm: 'grundskola',
  grade: 7,
  school: { id: 'skola-1', huvudman: 'kommunal', municipalityCode: '0180' },
  residence: { municipalityCode: '0180', district: 'Farsta' },
};

/** Five lessons on a day, each with `invalid` minutes of absence without a valid reason. */
const day = (date: string, invalid = 0) =>
  ['08:10', '09:20', '10:30', '12:40', '13:50'].map((start) => ({ date, start, scheduledMinutes: 60, invalidAbsenceMinutes: invalid }));

/** Present every school day of the autumn term (höstlov in week 44) up to `until`. */
function termUpTo(until: string) {
  const lessons = [];
  for (const d = new Date('2026-08-17'); d.toISOString() <= `${until}T`; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    if (d.getUTCDay() % 6 !== 0 && !(date >= '2026-10-26' && date <= '2026-10-30')) lessons.push(...day(date));
  }
  return lessons;
}

/** One nightly run: the case as the school system exports it tonight, and last night's decision. */
function night(asOf: string, input: Omit<StudentCaseInput, 'student'>, previous?: Decision): Decision {
  const parsed = parseStudentCase({ student, ...input });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('; '));
  return evaluate(parsed.case, policy, previous === undefined ? { asOf } : { asOf, previous });
}
const summary = (d: Decision) => d.steps.map((s) => [s.id, s.arisesOn, s.dueDate, s.status]);

it('Friday: a notice due today; Monday: the same duty, overdue; Tuesday: closed by the recorded call', () => {
  // Friday 20 November: absent all day without leave. SL 7:17: the guardians are told the same day.
  const friday = night('2026-11-20', { attendance: [...termUpTo('2026-11-19'), ...day('2026-11-20', 60)] });
  expect(summary(friday)).toEqual([['vardnadshavare-informeras', '2026-11-20', '2026-11-20', 'recommended']]);

  // Monday night: present all day, and nobody recorded a notice. The duty is still there, overdue.
  const monday = night('2026-11-23', { attendance: [...termUpTo('2026-11-19'), ...day('2026-11-20', 60), ...day('2026-11-23')] }, friday);
  expect(summary(monday)).toEqual([['vardnadshavare-informeras', '2026-11-20', '2026-11-20', 'overdue']]);

  // Tuesday night: the mentor called the guardians on Monday and recorded it. The duty is closed.
  const tuesday = night(
    '2026-11-24',
    {
      attendance: [...termUpTo('2026-11-19'), ...day('2026-11-20', 60), ...day('2026-11-23'), ...day('2026-11-24')],
      measures: [{ step: 'vardnadshavare-informeras', date: '2026-11-23' }],
    },
    monday,
  );
  expect(summary(tuesday)).toEqual([]);
});
