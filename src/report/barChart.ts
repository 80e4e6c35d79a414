import { escapeHtml } from './escapeHtml.js';

/** One bar: its label and count. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

const W = 640;
const ROW = 22;
const LABEL_W = 230;

/**
 * Counts as an inline SVG of horizontal bars, each with its count written
 * beside it (so the chart reads without colour), `role="img"`, an
 * `aria-label`, `<title>` and `<desc>` listing every bar.
 *
 * @param title - the chart's title (plain text)
 * @param bars - the bars, in the order drawn
 * @returns the `<svg>` element as text
 * @example barChartSvg('Åtgärder', [{ label: 'eht', value: 3 }]).includes('aria-label="Åtgärder. eht: 3."') // true
 */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const h = Math.max(1, bars.length) * ROW + 8;
  const desc = bars.length === 0 ? '–' : `${bars.map((b) => `${b.label}: ${b.value}`).join(', ')}.`;
  const out = [
    `<svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(`${title}. ${desc}`)}">`,
    `<title>${escapeHtml(title)}</title><desc>${escapeHtml(desc)}</desc>`,
  ];
  bars.forEach((b, i) => {
    const y = 4 + i * ROW;
    const w = Math.round(((W - LABEL_W - 50) * b.value) / max);
    out.push(
      `<g class="bar"><text x="${LABEL_W - 6}" y="${y + 14}" text-anchor="end" class="tick">${escapeHtml(b.label)}</text>` +
        `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 8}" fill="#1c4f8f"/>` +
        `<text x="${LABEL_W + w + 4}" y="${y + 14}" class="tick">${b.value}</text><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></g>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
