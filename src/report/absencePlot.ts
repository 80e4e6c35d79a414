import { dayNumber } from '../calendar/dayNumber.js';
import type { WeeklySeries } from '../model/decision.js';
import { isoWeek, weekStart } from '../metrics/weeklySeries.js';
import { escapeHtml } from './escapeHtml.js';
import { formatPercent, type Lang } from './text.js';
import { estimateTextWidth } from './textWidth.js';
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
const LEFT = 46;
const RIGHT = 92;
/** Above the plot: one row of step numbers (more when marks stand close), or this much room when there are none. */
const TOP_EMPTY = 18;
const KEY_ROW = 14;
const BOTTOM = 40;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = 172;
const FONT = 11;
/** Threshold labels at the right stand at least this far apart (px between baselines). */
const LABEL_GAP = 14;

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

/** A mark above the plot: the steps that arose on one date, e.g. '1,3,4', at its x and row (0 is nearest the plot). */
interface KeyLabel {
  readonly x: number;
  readonly text: string;
  readonly markers: readonly PlotMarker[];
  readonly row: number;
}

/**
 * The step numbers above the plot: markers of one date share a label
 * ('1,3,4'); labels that would touch one another (dates a few days apart)
 * go to the next row up. Greedy, left to right: each label takes the lowest
 * row where it clears the labels already there by 3 px.
 */
function keyLabels(markers: readonly PlotMarker[], xOf: (date: string) => number | undefined): KeyLabel[] {
  const byDate = new Map<string, PlotMarker[]>();
  for (const m of markers) {
    if (xOf(m.date) === undefined) continue;
    byDate.set(m.date, [...(byDate.get(m.date) ?? []), m]);
  }
  const rowsEnd: number[] = [];
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, ms]) => {
      const text = ms.map((m) => m.key).join(',');
      const half = estimateTextWidth(text, FONT, true) / 2;
      const x = Math.min(W - half, Math.max(half, xOf(date) ?? 0));
      let row = rowsEnd.findIndex((end) => x - half >= end + 3);
      if (row < 0) row = rowsEnd.length;
      rowsEnd[row] = x + half;
      return { x, text, markers: ms, row };
    });
}

/** Baselines of the threshold labels at the right: each at its line, moved apart to at least LABEL_GAP, never above `min`. */
function spreadLabels(ys: readonly number[], min: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = new Array<number>(ys.length).fill(0);
  let last = -Infinity;
  for (const { y, i } of order) {
    last = Math.max(y, min, last + LABEL_GAP);
    placed[i] = last;
  }
  return placed;
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
  const first = dayNumber(series.firstWeek);
  const markerX = (date: string): number | undefined => {
    const at = (dayNumber(date) - first) / 7; // weeks from the first Monday, fractional
    return at < 0 || at > n ? undefined : LEFT + at * step;
  };
  const keys = keyLabels(input.markers, markerX);
  const rows = keys.reduce((most, k) => Math.max(most, k.row + 1), 0);
  const TOP = rows === 0 ? TOP_EMPTY : 6 + rows * KEY_ROW;
  const H = TOP + PLOT_H + BOTTOM;
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

  const drawn = input.thresholds.filter((t) => t.percent <= top);
  const labelYs = spreadLabels(drawn.map((t) => y(t.percent) + 4), TOP + 8);
  drawn.forEach((t, i) => {
    out.push(`<line class="threshold" x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${fmt(y(t.percent))}" y2="${fmt(y(t.percent))}" stroke="${PLOT_COLOURS.threshold}" stroke-width="1.5" stroke-dasharray="6 4"><title>${escapeHtml(thresholdText(t, lang))}</title></line>`);
    out.push(`<text x="${LEFT + PLOT_W + 4}" y="${fmt(labelYs[i] ?? 0)}" class="tick threshold-label">${escapeHtml(`${t.operator === 'rateAbove' ? '>' : '≥'} ${formatPercent(t.percent, 100, lang).replace(/[,.]0 %$/, ' %')}`)}</text>`);
  });

  // A dashed line at each date a step arose; its number (the numbers of every step of that date) above the plot.
  for (const k of keys) {
    const mx = fmt(markerX(k.markers[0]?.date ?? '') ?? k.x);
    const title = k.markers.map((m) => `${m.key}: ${m.date} ${m.text}`).join('; ');
    out.push(`<g class="marker"><line x1="${mx}" x2="${mx}" y1="${TOP}" y2="${TOP + PLOT_H}" stroke="${PLOT_COLOURS.marker}" stroke-width="1.5" stroke-dasharray="2 2"/><text x="${fmt(k.x)}" y="${TOP - 5 - k.row * KEY_ROW}" text-anchor="middle" class="marker-key" fill="${PLOT_COLOURS.marker}">${escapeHtml(k.text)}</text><title>${escapeHtml(title)}</title></g>`);
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
  // Legend, under the week numbers at the left: clear of the threshold labels at the right and the axis title in the middle.
  const names = [sv ? 'ogiltig' : 'invalid', sv ? 'giltig' : 'valid', sv ? 'gräns' : 'threshold'] as const;
  const at1 = 11 + estimateTextWidth(names[0], FONT) + 14;
  const at2 = at1 + 11 + estimateTextWidth(names[1], FONT) + 14;
  out.push(`<g class="legend" transform="translate(${LEFT} ${H - 6})">`);
  out.push(`<rect x="0" y="-7.5" width="7" height="7" fill="${PLOT_COLOURS.invalid}"/><text x="11" y="0" class="tick">${names[0]}</text>`);
  out.push(`<circle cx="${fmt(at1 + 3.5)}" cy="-4" r="3.5" fill="${PLOT_COLOURS.valid}"/><text x="${fmt(at1 + 11)}" y="0" class="tick">${names[1]}</text>`);
  if (drawn.length > 0) {
    out.push(`<line x1="${fmt(at2)}" x2="${fmt(at2 + 16)}" y1="-4" y2="-4" stroke="${PLOT_COLOURS.threshold}" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${fmt(at2 + 20)}" y="0" class="tick">${names[2]}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}
