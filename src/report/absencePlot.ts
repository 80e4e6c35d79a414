import { dayNumber } from '../calendar/dayNumber.js';
import type { WeeklySeries } from '../model/decision.js';
import { isoWeek, weekStart } from '../metrics/weeklySeries.js';
import { escapeHtml } from './escapeHtml.js';
import { formatPercent, type Lang } from './text.js';
import { thresholdText, type Threshold } from './thresholds.js';

/** A dated mark on a plot: a step's `arisesOn`. `key` is the short label drawn (e.g. '1'). */
export interface PlotMarker {
  readonly date: string;
  readonly key: string;
  readonly text: string;
}

/** What `absencePlotSvg` draws. */
export interface AbsencePlotInput {
  readonly series: WeeklySeries;
  readonly thresholds: readonly Threshold[];
  readonly markers: readonly PlotMarker[];
  /** The plot's title (plain text; escaped here). */
  readonly title: string;
  readonly lang: Lang;
}

const W = 640;
const H = 230;
const LEFT = 46;
const RIGHT = 92;
const TOP = 18;
const BOTTOM = 40;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;

/** Colours with at least 4.5:1 contrast on white; the two series also differ in dash and point shape. */
export const PLOT_COLOURS = { invalid: '#a4001d', valid: '#1c4f8f', threshold: '#3d3d3d', marker: '#5b2a86', grid: '#d0d0d0' } as const;

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function weekLabel(series: WeeklySeries, i: number): string {
  return isoWeek(weekStart(series, i)).slice(6).replace(/^0/, '');
}

/** The top of the y axis: a round percentage above the data and every threshold, at most 100. */
function yTop(series: WeeklySeries, thresholds: readonly Threshold[]): number {
  let top = 10;
  series.scheduled.forEach((s, i) => {
    if (s > 0) top = Math.max(top, (100 * (series.valid[i] ?? 0)) / s, (100 * (series.invalid[i] ?? 0)) / s);
  });
  for (const t of thresholds) top = Math.max(top, t.percent);
  return Math.min(100, Math.ceil((top + 5) / 10) * 10);
}

/**
 * The text alternative of a plot: the weeks it covers, the highest week of
 * each kind of absence, the thresholds and the marked dates.
 *
 * @param input - what the plot draws
 * @returns one paragraph
 * @example plotSummary({ series: { firstWeek: '2026-08-17', scheduled: [600], valid: [0], invalid: [60] }, thresholds: [], markers: [], title: 'e1', lang: 'sv' })
 * //=> 'Vecka 34–34 (1 veckor). Ogiltig frånvaro högst 10,0 % (vecka 34). Giltig frånvaro högst 0,0 % (vecka 34).'
 */
export function plotSummary(input: AbsencePlotInput): string {
  const { series, lang } = input;
  const sv = lang === 'sv';
  const n = series.scheduled.length;
  const parts = [`${sv ? 'Vecka' : 'Week'} ${weekLabel(series, 0)}–${weekLabel(series, n - 1)} (${n} ${sv ? 'veckor' : 'weeks'}).`];
  for (const kind of ['invalid', 'valid'] as const) {
    let best = -1;
    series.scheduled.forEach((s, i) => {
      const b = series.scheduled[best] ?? 0;
      if (s > 0 && (best < 0 || (series[kind][i] ?? 0) * b > (series[kind][best] ?? 0) * s)) best = i;
    });
    const name = kind === 'invalid' ? (sv ? 'Ogiltig frånvaro' : 'Invalid absence') : sv ? 'Giltig frånvaro' : 'Valid absence';
    if (best < 0) parts.push(`${name}: ${sv ? 'inga lektioner rapporterade' : 'no lessons reported'}.`);
    else parts.push(`${name} ${sv ? 'högst' : 'highest'} ${formatPercent(series[kind][best] ?? 0, series.scheduled[best] ?? 0, lang)} (${sv ? 'vecka' : 'week'} ${weekLabel(series, best)}).`);
  }
  if (input.thresholds.length > 0) parts.push(`${sv ? 'Gränser' : 'Thresholds'}: ${input.thresholds.map((t) => thresholdText(t, lang)).join(', ')}.`);
  if (input.markers.length > 0) parts.push(`${sv ? 'Markeringar' : 'Markers'}: ${input.markers.map((m) => `${m.key} ${m.date} ${m.text}`).join('; ')}.`);
  return parts.join(' ');
}

/**
 * A student's (or a school's) weekly absence as an inline SVG line plot:
 * valid and invalid absence as a share of the week's scheduled minutes, one
 * point per week (a week without lessons is a hollow point on the axis and
 * breaks the line), the policy's thresholds as dashed lines, and a vertical
 * mark at each marker's date. Carries `role="img"`, an `aria-label`, a
 * `<title>` and a `<desc>` with the same summary as text. Self-contained:
 * no scripts, no external references.
 *
 * @param input - the series, thresholds, markers, title and language
 * @returns the `<svg>` element as text
 * @example absencePlotSvg({ series: { firstWeek: '2026-08-17', scheduled: [600, 600], valid: [0, 60], invalid: [60, 0] }, thresholds: [], markers: [], title: 'e1', lang: 'sv' }).match(/class="pt pt-invalid/g)?.length // 2
 */
export function absencePlotSvg(input: AbsencePlotInput): string {
  const { series, lang } = input;
  const sv = lang === 'sv';
  const n = series.scheduled.length;
  const top = yTop(series, input.thresholds);
  const step = PLOT_W / Math.max(n, 1);
  const x = (i: number) => LEFT + (i + 0.5) * step;
  const y = (pct: number) => TOP + PLOT_H - (Math.min(pct, top) / top) * PLOT_H;
  const summary = plotSummary(input);
  const out: string[] = [
    `<svg class="plot" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`${input.title}. ${summary}`)}" data-weeks="${n}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<desc>${escapeHtml(summary)}</desc>`,
  ];
  const gridStep = top <= 50 ? 10 : 20;
  for (let p = 0; p <= top; p += gridStep) {
    out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${fmt(y(p))}" y2="${fmt(y(p))}" stroke="${PLOT_COLOURS.grid}" stroke-width="1"/>`);
    out.push(`<text x="${LEFT - 6}" y="${fmt(y(p) + 4)}" text-anchor="end" class="tick">${p} %</text>`);
  }
  const every = n > 15 ? 2 : 1;
  for (let i = 0; i < n; i += every) out.push(`<text x="${fmt(x(i))}" y="${TOP + PLOT_H + 16}" text-anchor="middle" class="tick">${escapeHtml(weekLabel(series, i))}</text>`);
  out.push(`<text x="${LEFT + PLOT_W / 2}" y="${H - 6}" text-anchor="middle" class="axis">${sv ? 'vecka' : 'week'}</text>`);

  for (const t of input.thresholds) {
    if (t.percent > top) continue;
    out.push(`<line class="threshold" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${fmt(y(t.percent))}" y2="${fmt(y(t.percent))}" stroke="${PLOT_COLOURS.threshold}" stroke-width="1.5" stroke-dasharray="6 4"><title>${escapeHtml(thresholdText(t, lang))}</title></line>`);
    out.push(`<text x="${LEFT + PLOT_W + 4}" y="${fmt(y(t.percent) + 4)}" class="tick">${escapeHtml(`${t.operator === 'rateAbove' ? '>' : '≥'} ${formatPercent(t.percent, 100, lang).replace(/[,.]0 %$/, ' %')}`)}</text>`);
  }

  const first = dayNumber(series.firstWeek);
  for (const m of input.markers) {
    const at = (dayNumber(m.date) - first) / 7; // weeks from the first Monday, fractional
    if (at < 0 || at > n) continue;
    const mx = fmt(LEFT + at * step);
    out.push(`<g class="marker"><line x1="${mx}" x2="${mx}" y1="${TOP}" y2="${TOP + PLOT_H}" stroke="${PLOT_COLOURS.marker}" stroke-width="1.5" stroke-dasharray="2 2"/><text x="${mx}" y="${TOP - 5}" text-anchor="middle" class="marker-key" fill="${PLOT_COLOURS.marker}">${escapeHtml(m.key)}</text><title>${escapeHtml(`${m.key}: ${m.date} ${m.text}`)}</title></g>`);
  }

  for (const kind of ['valid', 'invalid'] as const) {
    const colour = PLOT_COLOURS[kind];
    const name = kind === 'invalid' ? (sv ? 'ogiltig' : 'invalid') : sv ? 'giltig' : 'valid';
    let d = '';
    let pen = false;
    const points: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const s = series.scheduled[i] ?? 0;
      const minutes = series[kind][i] ?? 0;
      const label = `${sv ? 'vecka' : 'week'} ${weekLabel(series, i)}`;
      if (s === 0) {
        pen = false;
        points.push(`<circle class="pt pt-${kind} no-data" cx="${fmt(x(i))}" cy="${fmt(y(0))}" r="3" fill="#ffffff" stroke="${colour}"><title>${escapeHtml(`${label}: ${sv ? 'inga lektioner' : 'no lessons'}`)}</title></circle>`);
        continue;
      }
      const px = fmt(x(i));
      const py = fmt(y((100 * minutes) / s));
      d += `${pen ? 'L' : 'M'}${px} ${py} `;
      pen = true;
      const shape =
        kind === 'invalid'
          ? `<rect class="pt pt-${kind}" x="${fmt(x(i) - 3.5)}" y="${fmt(y((100 * minutes) / s) - 3.5)}" width="7" height="7" fill="${colour}">`
          : `<circle class="pt pt-${kind}" cx="${px}" cy="${py}" r="3.5" fill="${colour}">`;
      points.push(`${shape}<title>${escapeHtml(`${label}: ${name} ${formatPercent(minutes, s, lang)} (${minutes}/${s} min)`)}</title>${kind === 'invalid' ? '</rect>' : '</circle>'}`);
    }
    if (d !== '') out.push(`<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2"${kind === 'valid' ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(...points);
  }
  // Legend, at the right.
  out.push(`<g class="legend" transform="translate(${LEFT + PLOT_W + 8} ${TOP + PLOT_H - 40})">`);
  out.push(`<rect x="0" y="-4" width="7" height="7" fill="${PLOT_COLOURS.invalid}"/><text x="11" y="3" class="tick">${sv ? 'ogiltig' : 'invalid'}</text>`);
  out.push(`<circle cx="3.5" cy="17" r="3.5" fill="${PLOT_COLOURS.valid}"/><text x="11" y="21" class="tick">${sv ? 'giltig' : 'valid'}</text>`);
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}
