import type { WeeklySeries } from '../model/decision.js';
import type { DecisionRecord } from './compactDecision.js';
import { isoWeek, weekStart } from '../metrics/weeklySeries.js';
import { TYPOLOGY_STRENGTH_LABELS, TYPOLOGY_TYPE_LABELS } from '../model/typology.js';
import { absencePlotSvg, type PlotMarker } from './absencePlot.js';
import { barChartSvg, type Bar } from './barChart.js';
import { escapeHtml } from './escapeHtml.js';
import { KIND_TEXT, REPORT_TEXT, ROLE_TEXT, STATUS_TEXT, URGENCY_TEXT } from './labels.js';
import { openDuties, type OpenDuty } from './openDuties.js';
import { schoolSeries } from './schoolSeries.js';
import { evidenceSentence, formatPercent, formatRouting, type Lang } from './text.js';
import { rateThresholds } from './thresholds.js';
import { resolveReportPolicy } from './reportPolicy.js';
import type { Policy } from '../policy/policy.js';
import { say } from '../model/template.js';

/** Options of the report. */
export interface ReportOptions {
  /** Language (default `sv`). */
  readonly lang?: Lang;
  /**
   * Display names by student id, from a local labels file. Written into the
   * HTML only; without it students are shown by their opaque id.
   */
  readonly labels?: ReadonlyMap<string, string>;
  /** `with-duties` (default): a section per student with an open duty; `all`: every student. */
  readonly students?: 'with-duties' | 'all';
  /**
   * Policies besides the bundled ones (a custom policy file): a plot's
   * thresholds are read from the policy its decision names, matched by hash.
   * A decision under a policy found neither here nor bundled gets the
   * thresholds its own evidence names, and the report says so once.
   */
  readonly policies?: readonly Policy[];
}

/** One school's report. */
export interface SchoolReport {
  readonly schoolId: string;
  readonly students: number;
  readonly openDuties: number;
  readonly overdue: number;
  /** The whole HTML document. */
  readonly html: string;
}

/**
 * Decisions grouped by `schoolId`, schools in id order, students in the
 * order given. A decision without a school id (a file written before it
 * existed) is grouped under `''`.
 *
 * @param decisions - decisions of one night
 * @returns school id → decisions
 * @example [...bySchool([{ schoolId: 's2', … }, { schoolId: 's1', … }]).keys()] // ['s1', 's2']
 */
export function bySchool(decisions: readonly DecisionRecord[]): Map<string, DecisionRecord[]> {
  const groups = new Map<string, DecisionRecord[]>();
  for (const d of decisions) {
    const id = (d as { schoolId?: string }).schoolId ?? '';
    const list = groups.get(id) ?? [];
    list.push(d);
    groups.set(id, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One static HTML report per school: open duties (overdue first, then by due
 * date), a school overview (absence distribution, students per step and per
 * typology, the week-by-week trend) and a section per student with a plot
 * of weekly valid and invalid absence, the policy's thresholds and the
 * steps' dates. Inline SVG and CSS only, with a print stylesheet and a
 * Content-Security-Policy that forbids loading anything. Every text is
 * escaped; names appear only when `labels` gives them.
 *
 * @param decisions - decisions of one night (`--decisions-out` or `--json`)
 * @param options - language, labels, which students get a section
 * @returns the reports, one per school, in school-id order
 * @example renderSchoolReports(decisions).map((r) => [r.schoolId, r.openDuties]) // [['skola-1', 42], ['skola-2', 7]]
 */
export function renderSchoolReports(decisions: readonly DecisionRecord[], options: ReportOptions = {}): SchoolReport[] {
  return [...bySchool(decisions)].map(([schoolId, list]) => schoolReport(schoolId, list, options));
}

/**
 * One school's report and its counts: what `renderSchoolReports` gives for
 * each school, for a caller that holds one school's decisions at a time
 * (`trappa report` reads a city's night school by school).
 *
 * @param schoolId - the school's id (`''` for decisions without one)
 * @param decisions - that school's decisions, in the order its students are listed
 * @param options - language, labels, which students get a section
 * @returns the report
 * @example schoolReport('skola-1', decisions).openDuties // 42
 */
export function schoolReport(schoolId: string, decisions: readonly DecisionRecord[], options: ReportOptions = {}): SchoolReport {
  const duties = openDuties(decisions);
  return {
    schoolId,
    students: decisions.length,
    openDuties: duties.length,
    overdue: duties.filter((d) => d.step.status === 'overdue').length,
    html: renderSchoolReport(schoolId, decisions, options),
  };
}

/** The name a student is shown by: the label, with the id, when labels give one; else the id. */
function studentName(d: DecisionRecord, labels: ReadonlyMap<string, string> | undefined): string {
  const label = labels?.get(d.studentId);
  return label === undefined ? d.studentId : `${label} (${d.studentId})`;
}

const anchor = (d: DecisionRecord) => `elev-${d.studentId}`;

function typologyText(d: DecisionRecord, lang: Lang): string {
  const hs = d.typology.hypotheses;
  if (hs.length === 0) return REPORT_TEXT.none[lang];
  return hs.map((h) => `${TYPOLOGY_TYPE_LABELS[h.type][lang]} (${TYPOLOGY_STRENGTH_LABELS[h.strength][lang]})`).join(', ');
}

/** The reasons of a step as plain sentences: each fired rule's citation and the conditions that held. */
function reasonsHtml(duty: OpenDuty, lang: Lang): string {
  const items: string[] = [];
  const said = new Set<string>();
  for (const r of duty.step.reasons) {
    const held = r.evidence.filter((e) => e.result);
    for (const e of held.length > 0 ? held : r.evidence) {
      const line = evidenceSentence(e, lang);
      if (said.has(line)) continue;
      said.add(line);
      items.push(`<li>${escapeHtml(line)}</li>`);
    }
  }
  const cites = [...new Set(duty.step.reasons.map((r) => r.basis.citation))].join('; ');
  return `<ul class="reasons">${items.join('')}</ul><p class="basis">${escapeHtml(cites)}</p>`;
}

function dutiesTable(duties: readonly OpenDuty[], lang: Lang, labels: ReadonlyMap<string, string> | undefined): string {
  const t = REPORT_TEXT;
  if (duties.length === 0) return `<p>${t.noDuties[lang]}</p>`;
  const head = [t.status, t.due, t.student, t.step, t.responsible, t.arose, t.reason, t.typology].map((h) => `<th scope="col">${h[lang]}</th>`).join('');
  const rows = duties.map((duty) => {
    const { step, decision } = duty;
    const due = step.dueDate === null ? URGENCY_TEXT[step.urgency][lang] : step.dueDate;
    const result = step.resultDueDate === undefined ? '' : `<br><span class="small">${t.result[lang]} ${escapeHtml(step.resultDueDate)}</span>`;
    return (
      `<tr class="duty status-${step.status}" data-status="${step.status}" data-due="${escapeHtml(step.dueDate ?? '')}">` +
      `<td>${escapeHtml(STATUS_TEXT[step.status][lang])}</td>` +
      `<td>${escapeHtml(due)}${result}</td>` +
      `<th scope="row"><a href="#${escapeHtml(anchor(decision))}">${escapeHtml(studentName(decision, labels))}</a></th>` +
      `<td>${escapeHtml(step.label[lang])}<br><span class="small">${escapeHtml(KIND_TEXT[step.kind][lang])}${step.routing === null ? '' : ` → ${escapeHtml(formatRouting(step.routing, lang))}`}</span></td>` +
      `<td>${escapeHtml(ROLE_TEXT[step.responsible][lang])}</td>` +
      `<td>${escapeHtml(step.arisesOn)}</td>` +
      `<td>${reasonsHtml(duty, lang)}</td>` +
      `<td>${escapeHtml(typologyText(decision, lang))}</td></tr>`
    );
  });
  return `<table class="duties"><caption>${t.duties[lang]} (${duties.length})</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Bins of the term's absence, upper bound included: "0–5 %" is over 0 and at most 5. */
const BINS = [5, 10, 15, 20, 30, 50, 100] as const;

function distribution(decisions: readonly DecisionRecord[], lang: Lang): Bar[] {
  const counts = new Array<number>(BINS.length + 2).fill(0);
  for (const d of decisions) {
    const r = d.facts.termAbsence;
    const i = r.whole === 0 ? 0 : r.part === 0 ? 1 : 2 + BINS.findIndex((upper) => r.part * 100 <= r.whole * upper);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const labels = [REPORT_TEXT.noLessons[lang], '0 %', ...BINS.map((upper, i) => `${i === 0 ? 0 : BINS[i - 1]}–${upper} %`)];
  return labels.map((label, i) => ({ label, value: counts[i] ?? 0 }));
}

function countBars(keys: Iterable<string>): Bar[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([label, value]) => ({ label, value }));
}

function barsTable(caption: string, head: string, bars: readonly Bar[], lang: Lang): string {
  const rows = bars.map((b) => `<tr><th scope="row">${escapeHtml(b.label)}</th><td>${b.value}</td></tr>`).join('');
  return `<table class="counts"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(head)}</th><th scope="col">${REPORT_TEXT.count[lang]}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function seriesTable(series: WeeklySeries, lang: Lang): string {
  const t = REPORT_TEXT;
  const head = [t.week, t.scheduled, t.valid, t.invalid].map((h) => `<th scope="col">${h[lang]}</th>`).join('');
  const rows = series.scheduled.map((s, i) => {
    const v = series.valid[i] ?? 0;
    const inv = series.invalid[i] ?? 0;
    return `<tr><th scope="row">${escapeHtml(isoWeek(weekStart(series, i)))}</th><td>${s}</td><td>${escapeHtml(formatPercent(v, s, lang))} (${v})</td><td>${escapeHtml(formatPercent(inv, s, lang))} (${inv})</td></tr>`;
  });
  return `<details><summary>${t.dataTable[lang]}</summary><table class="series"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function overview(decisions: readonly DecisionRecord[], lang: Lang): string {
  const t = REPORT_TEXT;
  const dist = distribution(decisions, lang);
  const steps = countBars(decisions.flatMap((d) => [...new Set(d.steps.map((s) => s.label[lang]))]));
  const types = countBars(decisions.flatMap((d) => d.typology.hypotheses.map((h) => TYPOLOGY_TYPE_LABELS[h.type][lang])));
  const trend = schoolSeries(decisions);
  const parts = [
    `<section aria-labelledby="overview"><h2 id="overview">${t.overview[lang]}</h2>`,
    `<div class="chart">${barChartSvg(t.distribution[lang], dist)}${barsTable(t.distribution[lang], t.range[lang], dist, lang)}</div>`,
    `<div class="chart">${barChartSvg(t.stepCounts[lang], steps)}${barsTable(t.stepCounts[lang], t.step[lang], steps, lang)}</div>`,
    `<div class="chart">${barChartSvg(t.typologyCounts[lang], types)}${barsTable(t.typologyCounts[lang], t.typology[lang], types, lang)}</div>`,
  ];
  if (trend !== null) {
    parts.push(`<div class="chart"><h3>${t.trend[lang]}</h3>${absencePlotSvg({ series: trend, thresholds: [], markers: [], title: t.trend[lang], lang })}${seriesTable(trend, lang)}</div>`);
  }
  parts.push('</section>');
  return parts.join('');
}

function studentSection(d: DecisionRecord, lang: Lang, labels: ReadonlyMap<string, string> | undefined, policy: Policy | undefined): string {
  const t = REPORT_TEXT;
  const name = studentName(d, labels);
  const markers: PlotMarker[] = d.steps.map((s, i) => ({ date: s.arisesOn, key: String(i + 1), text: s.label[lang] }));
  const series = (d as { series?: WeeklySeries | null }).series ?? null;
  const r = d.facts.termAbsence;
  const plot =
    series === null
      ? `<p>${t.noSeries[lang]}</p>`
      : `${absencePlotSvg({ series, thresholds: rateThresholds(d, policy), markers, title: `${name}: ${lang === 'sv' ? 'frånvaro vecka för vecka' : 'absence week by week'}`, lang })}${seriesTable(series, lang)}`;
  const stepItems = d.steps
    .map((s, i) => `<li><span class="marker-key">${i + 1}</span> ${escapeHtml(s.label[lang])} – ${escapeHtml(STATUS_TEXT[s.status][lang])}; ${t.arose[lang].toLowerCase()} ${escapeHtml(s.arisesOn)}${s.dueDate === null ? '' : `, ${t.due[lang].toLowerCase()} ${escapeHtml(s.dueDate)}`}; ${escapeHtml(ROLE_TEXT[s.responsible][lang])}</li>`)
    .join('');
  return (
    `<article class="student" id="${escapeHtml(anchor(d))}" aria-labelledby="${escapeHtml(anchor(d))}-h"><h3 id="${escapeHtml(anchor(d))}-h">${escapeHtml(name)}</h3>` +
    `<p>${t.termAbsence[lang]}: ${escapeHtml(formatPercent(r.part, r.whole, lang))} (${r.part}/${r.whole} min). ${t.typology[lang]}: ${escapeHtml(typologyText(d, lang))}.</p>` +
    plot +
    (stepItems === '' ? '' : `<p class="small">${t.markers[lang]}:</p><ol class="steps">${stepItems}</ol>`) +
    '</article>'
  );
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:1.5rem;line-height:1.4;max-width:72rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #1a1a1a;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #767676;padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#e8e8e8}caption{text-align:left;font-weight:600;padding:.3rem 0}
tr.status-overdue td:first-child{color:#a4001d;font-weight:700}
.small,.basis{font-size:.8rem;color:#3d3d3d}ul.reasons{margin:0;padding-left:1.1rem}
a{color:#1c4f8f}svg{max-width:100%;height:auto;display:block}svg text{font-size:11px;fill:#1a1a1a}
.marker-key{font-weight:700;color:#5b2a86}.chart{margin-bottom:1.5rem}
article.student{border-top:1px solid #767676;padding-top:.5rem;margin-top:1rem}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:#000;text-decoration:none}details{display:block}details>summary{display:none}
article.student,.chart,tr{break-inside:avoid}h2{break-after:avoid}section{break-before:page}section:first-of-type{break-before:auto}}
`;

/**
 * One school's report as a whole HTML document (see `renderSchoolReports`).
 *
 * @param schoolId - the school's id
 * @param decisions - its decisions
 * @param options - language, labels, which students get a section
 * @returns the HTML document
 * @example renderSchoolReport('skola-1', decisions).startsWith('<!doctype html>\n<html lang="sv">') // true
 */
export function renderSchoolReport(schoolId: string, decisions: readonly DecisionRecord[], options: ReportOptions = {}): string {
  const lang = options.lang ?? 'sv';
  const t = REPORT_TEXT;
  const duties = openDuties(decisions);
  const first = decisions[0];
  // Students in the order of their most urgent duty, then the rest by id.
  const order = new Map<string, number>();
  duties.forEach((d, i) => {
    if (!order.has(d.decision.studentId)) order.set(d.decision.studentId, i);
  });
  const shown = decisions
    .filter((d) => options.students === 'all' || d.steps.length > 0)
    .sort((a, b) => (order.get(a.studentId) ?? Infinity) - (order.get(b.studentId) ?? Infinity) || (a.studentId < b.studentId ? -1 : 1));
  const schoolName = schoolId === '' ? '–' : schoolId;
  // Each policy the decisions name, looked up once: a night has one (or two, with carried-over lines).
  const policies = new Map<string, Policy | undefined>();
  const policyOf = (d: DecisionRecord): Policy | undefined => {
    if (!policies.has(d.policy.hash)) policies.set(d.policy.hash, resolveReportPolicy(d.policy, options.policies));
    return policies.get(d.policy.hash);
  };
  const sections = shown.map((d) => studentSection(d, lang, options.labels, policyOf(d)));
  const unknown = [...new Set(shown.filter((d) => policyOf(d) === undefined).map((d) => `${d.policy.id} ${d.policy.version}`))];
  const note = unknown.length === 0 ? '' : `<p class="small note">${escapeHtml(say(t.policyUnknown, lang, { policy: unknown.join(', ') }))}</p>`;
  const meta =
    first === undefined ? '' : `${t.basis[lang]} ${escapeHtml(first.asOf)}, ${t.policy[lang]} ${escapeHtml(first.policy.id)} ${escapeHtml(first.policy.version)}. `;
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
    `<title>${t.title[lang]} – ${escapeHtml(schoolName)}${first === undefined ? '' : ` – ${escapeHtml(first.asOf)}`}</title>`,
    `<style>${STYLE}</style></head>`,
    '<body>',
    `<header><h1>${t.title[lang]}: ${t.school[lang].toLowerCase()} ${escapeHtml(schoolName)}</h1>`,
    `<p>${meta}${decisions.length} ${t.students[lang]}.</p><p class="small">${t.advisory[lang]}</p>${note}</header>`,
    '<main>',
    `<section aria-labelledby="duties"><h2 id="duties">${t.duties[lang]}</h2>${dutiesTable(duties, lang, options.labels)}</section>`,
    overview(decisions, lang),
    `<section aria-labelledby="students"><h2 id="students">${options.students === 'all' ? t.allStudents[lang] : t.perStudent[lang]}</h2>`,
    ...sections,
    '</section>',
    '</main>',
    `<footer><p class="small">${t.privacy[lang]}</p></footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
