import type { ChildConsentPath, CsnReport, DateSource, Decision, EvidenceItem, ExpiredSignal, ListReference, Routing, Step } from '../model/decision.js';
import type { Basis } from '../model/basis.js';
import { FACT_CATALOG, signalLabel } from '../model/factCatalog.js';
import type { Rate } from '../model/facts.js';
import { TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS, type Hypothesis } from '../model/typology.js';

/** Output language for human-readable text. */
export type Lang = 'sv' | 'en';

const OPERATOR_TEXT: Readonly<Record<string, { sv: string; en: string }>> = {
  equal: { sv: '=', en: '=' },
  notEqual: { sv: '≠', en: '≠' },
  lessThan: { sv: '<', en: '<' },
  lessThanInclusive: { sv: '≤', en: '≤' },
  greaterThan: { sv: '>', en: '>' },
  greaterThanInclusive: { sv: '≥', en: '≥' },
  in: { sv: 'en av', en: 'one of' },
  notIn: { sv: 'inte en av', en: 'not one of' },
  rateAbove: { sv: 'över', en: 'over' },
  rateAtLeast: { sv: 'minst', en: 'at least' },
};

function isRate(x: unknown): x is Rate {
  return typeof x === 'object' && x !== null && 'part' in x && 'whole' in x;
}

/**
 * A rate for display: one decimal, with the exact minutes. Display only:
 * rules compare the exact integers.
 *
 * @param rate - the rate
 * @returns e.g. "20.1 % (201/1000)"
 * @example formatRate({ part: 201, whole: 1000 }) // '20.1 % (201/1000)'
 */
export function formatRate(rate: Rate): string {
  if (rate.whole === 0) return '– (0/0)';
  return `${((rate.part * 100) / rate.whole).toFixed(1)} % (${rate.part}/${rate.whole})`;
}

function isListReference(x: unknown): x is ListReference {
  return typeof x === 'object' && x !== null && 'list' in x && 'length' in x && !Array.isArray(x);
}

function formatValue(value: unknown, lang: Lang): string {
  if (isRate(value)) return formatRate(value);
  if (isListReference(value)) return lang === 'sv' ? `listan ${value.list} (${value.length} värden)` : `the list ${value.list} (${value.length} values)`;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/**
 * One evidence leaf as a sentence fragment.
 *
 * @param e - the evidence item
 * @param lang - output language
 * @returns e.g. "Frånvaro i terminen (giltig + ogiltig) över 20 %: 23.4 % (1234/5273)"
 * @example formatEvidence(step.reasons[0].evidence[0], 'en')
 */
export function formatEvidence(e: EvidenceItem, lang: Lang): string {
  const info = (FACT_CATALOG as Record<string, { sv: string; en: string } | undefined>)[e.fact];
  const label = info?.[lang] ?? e.fact;
  const op = OPERATOR_TEXT[e.operator]?.[lang] ?? e.operator;
  const threshold = e.operator === 'rateAbove' || e.operator === 'rateAtLeast' ? `${String(e.value)} %` : formatValue(e.value, lang);
  const mark = e.result ? '✓' : '✗';
  return `${mark} ${label} ${op} ${threshold}: ${formatValue(e.actual, lang)}`;
}

function formatRouting(r: Routing, lang: Lang): string {
  switch (r.target) {
    case 'vardnadshavare':
      return lang === 'sv' ? 'vårdnadshavare' : 'guardians';
    case 'huvudman':
      return 'huvudman';
    case 'csn':
      return 'CSN';
    case 'hemkommun':
      return `${lang === 'sv' ? 'hemkommun' : 'home municipality'} ${r.municipalityCode}`;
    case 'socialtjanst':
      return `${lang === 'sv' ? 'socialtjänsten' : 'social services'} ${r.municipalityCode}${r.district === null ? '' : ` / ${r.district}`}`;
    case 'manual':
      return lang === 'sv'
        ? `manuell adressering (${r.reason === 'protected-identity' ? 'skyddade personuppgifter' : 'bostadsort okänd'})`
        : `manual routing (${r.reason})`;
  }
}

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
  const parts = [`${step.id}`, `[${step.kind}]`, step.label[lang], `– ${step.urgency}`];
  if (step.dueDate !== null) parts.push(`${lang === 'sv' ? 'senast' : 'due'} ${step.dueDate}`);
  if (step.resultDueDate !== undefined) parts.push(`${lang === 'sv' ? 'resultat senast' : 'result due'} ${step.resultDueDate}`);
  if (step.status !== 'recommended') parts.push(`(${step.status})`);
  if (step.forStep !== undefined) parts.push(`${lang === 'sv' ? 'för' : 'for'} ${step.forStep}`);
  if (step.routing !== null) parts.push(`→ ${formatRouting(step.routing, lang)}`);
  return parts.join(' ');
}

function factLabel(fact: string, lang: Lang): string {
  return (FACT_CATALOG as Record<string, { sv: string; en: string } | undefined>)[fact]?.[lang] ?? fact;
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
      return `signal ${source.signal} ${arisesOn} (${source.ruleId})`;
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
  return lang === 'sv'
    ? `upphörd signal: ${s.type} ${s.date}, gällde till och med ${s.until} (${s.endedBy === 'signal' ? 'eget slutdatum' : 'policyns giltighetstid'})`
    : `expired signal: ${s.type} ${s.date}, in force until ${s.until} (${s.endedBy === 'signal' ? 'its own end date' : "the policy's validity"})`;
}

/**
 * One typology hypothesis as a line: type, strength and the explanation.
 *
 * @param h - the hypothesis
 * @param lang - output language
 * @returns e.g. "skolk (stark): Talar för: ogiltig ströfrånvaro (5 lektioner på närvarodagar), vårdnadshavare ovetande om frånvaron."
 * @example formatHypothesis(decision.typology.hypotheses[0], 'sv')
 */
export function formatHypothesis(h: Hypothesis, lang: Lang): string {
  return `${TYPOLOGY_TYPE_LABELS[h.type][lang]} (${TYPOLOGY_STRENGTH_LABELS[h.strength][lang]}): ${h.explanation[lang]}`;
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
    `${d.studentId}  ${f.schoolForm} ${lang === 'sv' ? 'åk' : 'grade'} ${f.grade}  ${lang === 'sv' ? 'termin' : 'term'} ${formatRate(f.termAbsence)}  ${lang === 'sv' ? 'senaste 4 v' : 'last 4 wk'} ${formatRate(f.windowAbsence)}  ${lang === 'sv' ? 'trend' : 'trend'} ${f.trend}`,
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
  for (const w of d.warnings) lines.push(`  ! ${w.kind}${'count' in w ? ` (${w.count})` : ''}`);
  return lines.join('\n');
}
