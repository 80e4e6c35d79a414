import { escapeHtml } from './escapeHtml.js';
import { estimateTextWidth, wrapText } from './textWidth.js';

/** One bar: its label and count. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const W = 640;
/** The height of a row of one line. */
const ROW = 22;
/** The label column (the bars start after it): as wide as the longest label needs, between these. */
const LABEL_MIN = 120;
const LABEL_MAX = 300;
/** Room between a label and its bar. */
const GAP = 8;
/** Room for the count beside the longest bar. */
const COUNT_W = 50;
const FONT = 11;
const LINE = 13;
const BAR_H = 14;

/**
 * Counts as an inline SVG of horizontal bars, each with its count written
 * beside it (so the chart reads without colour), `role="img"`, an
 * `aria-label`, `<title>` and `<desc>` listing every bar. A long label (a
 * step's whole Swedish name) wraps onto as many lines as it needs within a
 * label column of at most 300 px, and its row grows to fit: no label is cut
 * off (`estimateTextWidth` errs on the wide side).
 *
 * @param title - the chart's title (plain text)
 * @param bars - the bars, in the order drawn
 * @returns the `<svg>` element as text
 * @example barChartSvg('Åtgärder', [{ label: 'eht', value: 3 }]).includes('aria-label="Åtgärder. eht: 3."') // true
 */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const widest = Math.max(0, ...bars.map((b) => estimateTextWidth(b.label, FONT)));
  const LABEL_W = Math.min(LABEL_MAX, Math.max(LABEL_MIN, Math.ceil(widest) + GAP + 4));
  const rows = bars.map((b) => {
    const lines = wrapText(b.label, LABEL_W - GAP, FONT);
    return { bar: b, lines, height: Math.max(ROW, lines.length * LINE + 8) };
  });
  const h = Math.max(ROW, rows.reduce((sum, r) => sum + r.height, 0)) + 8;
  const desc = bars.length === 0 ? '–' : `${bars.map((b) => `${b.label}: ${b.value}`).join(', ')}.`;
  const out = [
    `<svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(`${title}. ${desc}`)}">`,
    `<title>${escapeHtml(title)}</title><desc>${escapeHtml(desc)}</desc>`,
  ];
  let y = 4;
  for (const { bar: b, lines, height } of rows) {
    const w = Math.round(((W - LABEL_W - COUNT_W) * b.value) / max);
    const barY = y + (height - BAR_H) / 2;
    // The label's lines centred on the bar: the first baseline 10 px below the block's top.
    const firstBaseline = y + (height - lines.length * LINE) / 2 + 10;
    const tspans = lines.map((line, i) => `<tspan x="${LABEL_W - GAP}" y="${firstBaseline + i * LINE}">${escapeHtml(line)}</tspan>`).join('');
    out.push(
      `<g class="bar"><text text-anchor="end" class="tick label">${tspans}</text>` +
        `<rect x="${LABEL_W}" y="${barY}" width="${w}" height="${BAR_H}" fill="#1c4f8f"/>` +
        `<text x="${LABEL_W + w + 4}" y="${barY + 11}" class="tick">${b.value}</text><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></g>`,
    );
    y += height;
  }
  out.push('</svg>');
  return out.join('');
}
