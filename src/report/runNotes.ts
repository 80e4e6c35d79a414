import type { Templates } from '../model/template.js';

/**
 * The notes a run writes on stderr besides the rejected lines themselves, sv
 * and en: more rejected lines than shown, students missing tonight, a run
 * stopped by a signal, the files of an SS 12000 export.
 */
export const RUN_NOTE_TEXT = {
  moreRejected: {
    sv: '… {n} {n|avvisad rad|avvisade rader} till; skriv alla till en fil med --rejected <fil>',
    en: '… {n} more rejected {n|line|lines}; write them all with --rejected <file>',
  },
  moreRejectedIn: { sv: '… {n} {n|avvisad rad|avvisade rader} till i {file}', en: '… {n} more rejected {n|line|lines} in {file}' },
  closingsWithheld: {
    sv: 'trappa: {lines} {lines|rad|rader} i {file} kunde inte läsas och saknar elev-id, så en elev som saknas i kväll kan finnas bland dem: inget stängs för {students|den|de} {students} {students|elev|elever} från förra körningen som saknas i kväll ({kept} {kept|åtgärd|åtgärder} hålls öppna). Rätta raderna, eller ange --allow-missing-students för att stänga dem ändå.',
    en: 'trappa: {lines} {lines|line|lines} of {file} could not be read and carry no student id, so a student missing tonight may be one of them: nothing is closed for the {students} {students|student|students} of the previous run missing tonight ({kept} {kept|step|steps} kept open). Fix those lines, or pass --allow-missing-students to close them anyway.',
  },
  closedAnyway: {
    sv: 'trappa: {lines} {lines|rad|rader} i {file} saknar elev-id; --allow-missing-students: åtgärderna för {students|den|de} {students} {students|elev|elever} som saknas i kväll stängdes ändå (utom öppna lagkrav).',
    en: 'trappa: {lines} {lines|line|lines} of {file} {lines|carries|carry} no student id; --allow-missing-students: the steps of the {students} {students|student|students} missing tonight were closed anyway (open statutory duties excepted).',
  },
  stopped: {
    sv: 'trappa: stoppad av {signal}; tillfälliga filer borttagna, utdata ofullständig, utdatafilerna lämnade som de var',
    en: 'trappa: stopped by {signal}; temporary files removed, output incomplete, output files left as they were',
  },
  ss12000Ignored: {
    sv: '{file}: hoppas över (Trappa läser organisations, persons, calendarEvents, attendances och absences)',
    en: '{file}: ignored (Trappa reads organisations, persons, calendarEvents, attendances, absences)',
  },
  ss12000Missing: { sv: 'ingen {endpoint}-fil i indata', en: 'no {endpoint} file in the input' },
  ss12000NotEvaluated: {
    sv: '({n} {n|närvaropost|närvaroposter} utvärderades inte)',
    en: '({n} attendance {n|record|records} not evaluated)',
  },
  ss12000NoId: { sv: '(inget id)', en: '(no id)' },
} as const satisfies Templates;
