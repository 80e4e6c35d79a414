import type { ChildConsentPath, CsnReport, DateSource, Decision, ExpiredSignal, Step, Warning } from '../model/decision.js';
import type { Basis } from '../model/basis.js';
import { signalLabel } from '../model/factCatalog.js';
import { KIND_TEXT, STATUS_TEXT, URGENCY_TEXT, WARNING_TEXT } from './labels.js';
import { factLabel, formatEvidence, formatFactValue, formatHypothesis, formatNumber, formatRate, formatRouting, type Lang } from './text.js';

// The text of rates, evidence and typology is shared with the HTML report (src/report may not import the CLI).
export { formatEvidence, formatHypothesis, formatRate, formatRouting, type Lang };

/**
 * A basis as text: the citation and the link to the source's text.
 *
 * @param b - the basis
 * @returns e.g. "SL 7 kap. 17 § <https://lagen.nu/2010:800#K7P17>"
 * @example formatBasis({ citation: 'SL 7 kap. 17 §', source: 'Skollagen (2010:800)', url: 'https://lagen.nu/2010:800#K7P17' }) // 'SL 7 kap. 17 § <https://lagen.nu/2010:800#K7P17>'
 */
export function formatBasis(b: Basis): string {
  return `${b.citation} <${b.url}>`;
}

/**
 * The child's own consent route under a blocked step, with the age in force.
 *
 * @param p - the route
 * @param lang - output language
 * @returns one line
 * @example formatChildConsentPath({ available: true, ageYears: 13, minimumAge: 12, inForceFrom: '2023-07-01', basis }, 'en')
 */
export function formatChildConsentPath(p: ChildConsentPath, lang: Lang): string {
  const since = p.inForceFrom === null ? '' : lang === 'sv' ? ` från ${p.inForceFrom}` : ` from ${p.inForceFrom}`;
  if (lang === 'sv') {
    return p.available
      ? `vårdnadshavare säger nej: socialnämnden kan besluta om öppna insatser på barnets eget samtycke (${p.ageYears} år, gräns ${p.minimumAge} år${since}; ${formatBasis(p.basis)})`
      : `vårdnadshavare säger nej: barnet (${p.ageYears} år) kan ännu inte själv samtycka till öppna insatser (gräns ${p.minimumAge} år${since}; ${formatBasis(p.basis)})`;
  }
  return p.available
    ? `guardians refuse: social services may decide open support on the child's own consent (age ${p.ageYears}, threshold ${p.minimumAge}${since}; ${formatBasis(p.basis)})`
    : `guardians refuse: the child (age ${p.ageYears}) cannot yet consent alone to open support (threshold ${p.minimumAge}${since}; ${formatBasis(p.basis)})`;
}

/**
 * The CSN report's dates and checks, one line each.
 *
 * @param r - the step's `csnReport`
 * @param lang - output language
 * @returns lines of text
 * @example formatCsnReport({ firstSkolkDay: '2026-11-03', earliestReportDate: '2026-12-03', earliestExceptionalReportDate: '2026-11-18', studiehjalp: 'yes', specialReasons: [] }, 'en')[0] // 'first skolk day 2026-11-03; report from 2026-12-03 (exceptionally from 2026-11-18)'
 */
export function formatCsnReport(r: CsnReport, lang: Lang): string[] {
  const sv = lang === 'sv';
  const lines = [
    sv
      ? `första skolkdag ${r.firstSkolkDay}; rapport tidigast ${r.earliestReportDate} (i undantagsfall ${r.earliestExceptionalReportDate})`
      : `first skolk day ${r.firstSkolkDay}; report from ${r.earliestReportDate} (exceptionally from ${r.earliestExceptionalReportDate})`,
  ];
  if (r.studiehjalp === 'unknown') lines.push(sv ? 'kontrollera att eleven har studiehjälp' : 'check that the student has studiehjälp');
  lines.push(
    r.specialReasons.length === 0
      ? sv
        ? 'särskilda skäl att avstå? inga signaler registrerade'
        : 'special reasons to refrain? no signals recorded'
      : `${sv ? 'särskilda skäl att avstå? signaler' : 'special reasons to refrain? signals'}: ${r.specialReasons.map((s) => signalLabel(s)[lang]).join(', ')}`,
  );
  return lines;
}

/**
 * One step as a headline: label, kind, urgency, due date (and the result's), status and routing.
 *
 * @param step - the step
 * @param lang - output language
 * @returns a single line
 * @example formatStepLine(decision.steps[0], 'sv')
 */
export function formatStepLine(step: Step, lang: Lang): string {
  const parts = [`${step.id}`, `[${KIND_TEXT[step.kind][lang]}]`, step.label[lang], `– ${URGENCY_TEXT[step.urgency][lang]}`];
  if (step.dueDate !== null) parts.push(`${lang === 'sv' ? 'senast' : 'due'} ${step.dueDate}`);
  if (step.resultDueDate !== undefined) parts.push(`${lang === 'sv' ? 'resultat senast' : 'result due'} ${step.resultDueDate}`);
  if (step.status !== 'recommended') parts.push(`(${STATUS_TEXT[step.status][lang]})`);
  if (step.forStep !== undefined) parts.push(`${lang === 'sv' ? 'för' : 'for'} ${step.forStep}`);
  if (step.routing !== null) parts.push(`→ ${formatRouting(step.routing, lang)}`);
  return parts.join(' ');
}


function formatSource(source: DateSource, arisesOn: string, lang: Lang): string {
  const sv = lang === 'sv';
  switch (source.kind) {
    case 'absence-days': {
      // A day's notice waits until the next school day when the absence was in the last lesson only.
      const days = source.days.map((d) => (d.dueDate === d.date ? d.date : `${d.date} (${sv ? 'senast' : 'due'} ${d.dueDate})`)).join(', ');
      return `${sv ? 'ogiltig frånvaro utan besked till vårdnadshavare' : 'invalid absence the guardians were not told about'}: ${days}`;
    }
    case 'fact':
      return `${factLabel(source.fact, lang)} (${source.ruleId})`;
    case 'signal':
      return `signal: ${signalLabel(source.signal)[lang]} ${arisesOn} (${source.ruleId})`;
    case 'measure':
      return `${sv ? 'åtgärd' : 'measure'} ${source.step} ${arisesOn} (${source.ruleId})`;
    case 'evaluation-date':
      return `${sv ? 'utvärderingsdagen, inget i villkoren är daterat' : 'the evaluation date, nothing in the conditions is dated'} (${source.ruleId})`;
  }
}

/**
 * When a step's duty arose and what the date comes from (the absence days
 * for the notice, the fact, the signal or the measure), and whether it is
 * held open from an earlier night. Ids, dates and catalog labels only.
 *
 * @param step - the step
 * @param lang - output language
 * @returns one line
 * @example formatArises(step, 'en') // 'arose 2026-11-20: invalid absence the guardians were not told about: 2026-11-20'
 * @example formatArises(heldStep, 'sv') // 'uppstod 2026-11-02: signal harm-suspected 2026-11-02 (sol-2001-14-1-orosanmalan); hålls öppen sedan 2026-11-20'
 */
export function formatArises(step: Step, lang: Lang): string {
  const sv = lang === 'sv';
  const held = step.heldOpen === undefined ? '' : sv ? `; hålls öppen sedan ${step.heldOpen.verifiedOn}` : `; held open (verified ${step.heldOpen.verifiedOn})`;
  return `${sv ? 'uppstod' : 'arose'} ${step.arisesOn}: ${formatSource(step.arisesFrom, step.arisesOn, lang)}${held}`;
}

/**
 * The absence episode the facts count, after a rektor's `obehovligt`.
 *
 * @param episode - the decision's episode
 * @param lang - output language
 * @returns one line
 * @example formatEpisode({ start: '2026-10-01', obehovligtOn: '2026-09-30' }, 'en') // 'episode: absence counted from 2026-10-01, after obehövligt on 2026-09-30'
 */
export function formatEpisode(episode: NonNullable<Decision['episode']>, lang: Lang): string {
  return lang === 'sv'
    ? `episod: frånvaro räknas från ${episode.start}, efter obehövligt ${episode.obehovligtOn}`
    : `episode: absence counted from ${episode.start}, after obehövligt on ${episode.obehovligtOn}`;
}

/**
 * A signal that has ended and triggers nothing: its kind, date, last day in
 * force and whether its own `until` or the policy's validity ended it.
 *
 * @param s - the expired signal
 * @param lang - output language
 * @returns one line
 * @example formatExpiredSignal({ type: 'anxiety-distress', date: '2026-01-10', until: '2026-03-01', endedBy: 'signal' }, 'en')
 * // 'expired signal: anxiety-distress 2026-01-10, in force until 2026-03-01 (its own end date)'
 */
export function formatExpiredSignal(s: ExpiredSignal, lang: Lang): string {
  const type = signalLabel(s.type)[lang];
  return lang === 'sv'
    ? `upphörd signal: ${type} ${s.date}, gällde till och med ${s.until} (${s.endedBy === 'signal' ? 'eget slutdatum' : 'policyns giltighetstid'})`
    : `expired signal: ${type} ${s.date}, in force until ${s.until} (${s.endedBy === 'signal' ? 'its own end date' : "the policy's validity"})`;
}


/**
 * A data-quality warning in words, with its figures.
 *
 * @param w - the warning
 * @param lang - output language
 * @returns one line
 * @example formatWarning({ kind: 'rejected-records', count: 3 }, 'sv') // 'avvisade lektionsposter: 3'
 * @example formatWarning({ kind: 'low-reporting-rate', reportingRate: { part: 70, whole: 100 }, minimumPercent: 90 }, 'en') // 'low share of reported lessons: 70.0 % (70/100), expected at least 90 %'
 */
export function formatWarning(w: Warning, lang: Lang): string {
  const text = WARNING_TEXT[w.kind][lang];
  const sv = lang === 'sv';
  switch (w.kind) {
    case 'records-after-as-of':
    case 'rejected-records':
      return `${text}: ${w.count}`;
    case 'conflicting-lessons':
      return `${text}: ${w.count} ${sv ? `poster vid ${w.lessons} lektion${w.lessons === 1 ? '' : 'er'}` : `record${w.count === 1 ? '' : 's'} at ${w.lessons} lesson${w.lessons === 1 ? '' : 's'}`}`;
    case 'low-reporting-rate':
      return `${text}: ${formatRate(w.reportingRate, lang)}, ${sv ? 'förväntat minst' : 'expected at least'} ${formatNumber(w.minimumPercent, lang)} %`;
    case 'low-coverage':
      return `${text} (${sv ? (w.period === 'term' ? 'terminen' : 'senaste perioden') : w.period === 'term' ? 'the term' : 'the rolling window'} ${w.from}–${w.to}): ${formatRate(w.coverage, lang)}, ${sv ? 'krävs minst' : 'required at least'} ${formatNumber(w.minimumPercent, lang)} %`;
    case 'no-school-term':
      return `${text} (${w.asOf})`;
    case 'school-structure-mismatch':
      return `${text} (${w.field === 'grade' ? (sv ? 'årskurs' : 'grade') : sv ? 'skolform' : 'school form'})`;
    case 'no-attendance-this-term':
      return text;
  }
}

/**
 * A decision as readable text: facts in brief, the absence episode and
 * expired signals, the typology (one line per hypothesis), every step with
 * when its duty arose and from what, its reasons, bases and evidence, then
 * warnings.
 *
 * @param d - the decision
 * @param lang - output language
 * @returns multi-line text
 * @example formatDecision(evaluate(c, builtinPolicy('stockholm'), { asOf: '2026-11-23' }), 'sv')
 */
export function formatDecision(d: Decision, lang: Lang): string {
  const f = d.facts;
  const lines = [
    `${d.studentId}  ${formatFactValue('schoolForm', f.schoolForm, lang)} ${lang === 'sv' ? 'åk' : 'grade'} ${f.grade}  ${lang === 'sv' ? 'termin' : 'term'} ${formatRate(f.termAbsence, lang)}  ${lang === 'sv' ? 'senaste 4 v' : 'last 4 wk'} ${formatRate(f.windowAbsence, lang)}  trend ${formatFactValue('trend', f.trend, lang)}`,
  ];
  if (d.episode !== null) lines.push(`  ${formatEpisode(d.episode, lang)}`);
  for (const s of d.expiredSignals) lines.push(`  ${formatExpiredSignal(s, lang)}`);
  if (d.typology.hypotheses.length > 0) {
    lines.push(`  ${lang === 'sv' ? 'Typologi (rådgivande, ingen diagnos):' : 'Typology (advisory, not a diagnosis):'}`);
    for (const h of d.typology.hypotheses) lines.push(`    ◦ ${formatHypothesis(h, lang)}`);
  }
  if (d.steps.length === 0) lines.push(`  ${lang === 'sv' ? 'inga åtgärder' : 'no steps'}`);
  for (const step of d.steps) {
    lines.push(`  • ${formatStepLine(step, lang)}`);
    lines.push(`      ${formatArises(step, lang)}`);
    for (const reason of step.reasons) {
      lines.push(`      ${reason.ruleId} v${reason.ruleVersion} — ${formatBasis(reason.basis)}`);
      // The same leaf can decide a rule through two named conditions; say it once.
      const said = new Set<string>();
      for (const e of reason.evidence) {
        const line = formatEvidence(e, lang);
        if (said.has(line)) continue;
        said.add(line);
        lines.push(`        ${line}`);
      }
    }
    for (const esc of step.escalations) {
      lines.push(`      ${esc.step} ${lang === 'sv' ? 'gjordes' : 'taken'} ${esc.measureDate}, ${esc.schoolDaysSince} ${lang === 'sv' ? 'skoldagar sedan' : 'school days ago'}`);
    }
    const path = step.consent.required ? step.consent.childConsentPath : undefined;
    if (path !== undefined && step.forStep === undefined) lines.push(`      ${formatChildConsentPath(path, lang)}`);
    if (step.csnReport !== undefined) lines.push(...formatCsnReport(step.csnReport, lang).map((l) => `      ${l}`));
  }
  for (const w of d.warnings) lines.push(`  ! ${formatWarning(w, lang)}`);
  return lines.join('\n');
}
