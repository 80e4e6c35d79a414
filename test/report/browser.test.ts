/**
 * Issue 16 point 1: the report in a real browser. Needs Debian's `chromium` (/usr/bin/chromium)
 * and the dev dependencies `puppeteer-core` (downloads nothing) and `axe-core`; without them the
 * tests are skipped and their names say why. CI installs them (.ci/run).
 *
 * The report is the fixture school's (test/report/fixtureSchool.ts): the expected plots are
 * worked out by hand from its attendance. The screenshot test compares every chart with a
 * committed reference PNG in test/report/__screenshots__, and UPDATE_SCREENSHOTS=1 rewrites the
 * references (docs/report.md).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absencePlotSvg, type PlotMarker } from '../../src/report/absencePlot.js';
import { barChartSvg } from '../../src/report/barChart.js';
import { renderSchoolReport } from '../../src/report/schoolReport.js';
import { STEP_CATALOG } from '../../src/steps/catalog.js';
import { FIXTURE_SCHOOL, FIXTURE_STUDENTS, FIXTURE_WEEKS, HOSTLOV_INDEX, fixtureDecisions, type WeeklyPercent } from './fixtureSchool.js';
import { pixelDiff } from './pixelDiff.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const resolvable = (name: string): boolean => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
};
const missing = [!existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install -y chromium)`, !resolvable('puppeteer-core') && 'puppeteer-core', !resolvable('axe-core') && 'axe-core'].filter(
  (x): x is string => typeof x === 'string',
);
const why = missing.length === 0 ? '' : ` [skipped: missing ${missing.join(', ')}]`;

const SCREENSHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const UPDATE = process.env['UPDATE_SCREENSHOTS'] === '1';
/** A channel difference up to this (of 255) is the same pixel: antialiasing noise, not a change. */
const CHANNEL_THRESHOLD = 24;
/** At most this share of a chart's pixels may differ (see docs/report.md for what one moved point costs). */
const MAX_DIFFERING = 0.001;
/**
 * Only DejaVu is sure to be there: `apt-get install --no-install-recommends chromium` pulls in
 * fontconfig, whose config package depends on fonts-dejavu-core; fonts-liberation is only
 * recommended. The report's own font stack (system-ui, …) is left to the reader's machine.
 */
const FONT = 'body{margin:0;font-family:"DejaVu Sans",sans-serif}';
/** The overview's charts, in the report's order. */
const OVERVIEW = ['distribution', 'steps', 'typology', 'trend'] as const;

function reportFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trappa-browser-')), `${FIXTURE_SCHOOL}.html`);
  writeFileSync(path, renderSchoolReport(FIXTURE_SCHOOL, fixtureDecisions(), { students: 'all' }));
  return path;
}

/**
 * Charts drawn only for the layout tests (not in the screenshots): every step's label of the
 * catalog (every bundled policy's steps are in it) as bars, in Swedish and English, and e1's
 * plot crowded with thresholds 2 points apart and step marks on one date, on the next days and
 * at both ends of the term.
 */
function crowdedCharts(): string {
  const steps = Object.values(STEP_CATALOG);
  const bars = (['sv', 'en'] as const).map((lang) => barChartSvg(lang, steps.map((s, i) => ({ label: s[lang], value: i + 1 }))));
  const e1 = fixtureDecisions()[0];
  if (e1?.series == null) throw new Error('the fixture has no series');
  const on = (date: string, from: number, count: number): PlotMarker[] => Array.from({ length: count }, (_, i) => ({ date, key: String(from + i), text: `steg ${from + i}` }));
  const markers = [...on('2026-08-17', 1, 2), ...on('2026-10-01', 3, 8), ...on('2026-10-02', 11, 2), ...on('2026-10-05', 13, 1), ...on('2026-11-23', 14, 3)];
  const thresholds = [5, 7, 10, 20].map((percent) => ({ percent, operator: 'rateAbove' as const, facts: ['termAbsence'] }));
  const plots = (['sv', 'en'] as const).map((lang) => absencePlotSvg({ series: e1.series!, thresholds, markers, title: 'crowded', lang }));
  return `<div class="crowded">${bars.join('')}${plots.join('')}</div>`;
}

/** A box on the screen (CSS pixels). */
interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}
const intersect = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Pairs of boxes that intersect, by index. */
function overlaps(boxes: readonly Box[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => intersect(a, b) && out.push([i, i + 1 + j])));
  return out;
}

/** A point's centre on the screen (CSS pixels); whether it is a hollow no-lessons point and lies inside its plot. */
interface Point {
  readonly x: number;
  readonly y: number;
  readonly noData: boolean;
  readonly inside: boolean;
}
interface Plot {
  readonly name: string;
  readonly invalid: Point[];
  readonly valid: Point[];
}

/**
 * The rendered points must stand as the expected shares do: the same share at the same height
 * (±0.5 px), a larger share higher on the screen, a week without lessons on the axis (as 0 %).
 */
function expectHeights(points: readonly Point[], expected: WeeklyPercent, what: string): void {
  const value = (i: number) => expected[i] ?? 0;
  points.forEach((p, i) =>
    points.forEach((q, j) => {
      const dy = q.y - p.y;
      const dv = value(i) - value(j);
      const ok = dv === 0 ? Math.abs(dy) <= 0.5 : Math.sign(dy) === Math.sign(dv) && Math.abs(dy) > 0.5;
      if (!ok) expect.fail(`${what}: weeks ${34 + i} (${value(i)} %) and ${34 + j} (${value(j)} %) are drawn at y ${p.y} and ${q.y}`);
    }),
  );
}

describe.skipIf(missing.length > 0)(`the report in headless Chromium${why}`, () => {
  let browser: Browser | undefined;
  let report = '';

  beforeAll(async () => {
    const puppeteer = (await import(/* @vite-ignore */ 'puppeteer-core' as string)) as { default: { launch(o: object): Promise<Browser> } };
    // Fixed hinting and colour profile: the same pixels whatever the machine's fontconfig and display say.
    browser = await puppeteer.default.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--font-render-hinting=none', '--force-color-profile=srgb'] });
    report = reportFile();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function withPage<T>(f: (page: Page) => Promise<T>): Promise<T> {
    if (browser === undefined) throw new Error('the browser did not start');
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1000, height: 800, deviceScaleFactor: 1 });
      return await f(page);
    } finally {
      await page.close();
    }
  }

  async function withReport<T>(f: (page: Page) => Promise<T>): Promise<T> {
    return withPage(async (page) => {
      await page.setBypassCSP(true); // the report's CSP forbids scripts; the tests inject theirs
      await page.goto(pathToFileURL(report).href);
      return f(page);
    });
  }

  it("plots render one point per week of the term for each series, at the heights of the fixture's weekly shares", async () => {
    const plots = await withReport((page) =>
      page.evaluate<[], () => Plot[]>(`[...document.querySelectorAll('svg.plot')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const points = (kind) => [...svg.querySelectorAll('.pt-' + kind)].map((p) => {
          const r = p.getBoundingClientRect();
          const inside = r.width > 0 && r.height > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, noData: p.classList.contains('no-data'), inside };
        });
        return { name: svg.closest('article.student')?.id ?? 'trend', invalid: points('invalid'), valid: points('valid') };
      })`),
    );
    // The school's trend, then the three students (all shown: the report is written with students: 'all').
    expect(plots.map((p) => p.name)).toEqual(['trend', ...FIXTURE_STUDENTS.map((s) => `elev-${s.id}`)]);
    // The school's weekly shares are the students' minutes over three times the scheduled time:
    // e1's invalid and e2's valid shares divided by 3, so their points stand in the same order.
    const expected = new Map<string, { readonly invalid: WeeklyPercent; readonly valid: WeeklyPercent }>([
      ['trend', { invalid: FIXTURE_STUDENTS[0].invalid, valid: FIXTURE_STUDENTS[1].valid }],
      ...FIXTURE_STUDENTS.map((s) => [`elev-${s.id}`, s] as const),
    ]);
    for (const plot of plots) {
      for (const kind of ['invalid', 'valid'] as const) {
        const points = plot[kind];
        const what = `${plot.name} ${kind}`;
        expect(points, what).toHaveLength(FIXTURE_WEEKS);
        expect(points.filter((p) => !p.inside), `${what}: points drawn outside the plot`).toEqual([]);
        expect(points.flatMap((p, i) => (p.noData ? [i] : [])), `${what}: höstlov`).toEqual([HOSTLOV_INDEX]);
        // One week apart, left to right (the SVG's coordinates are rounded to 0.1).
        const gaps = points.slice(1).map((p, i) => p.x - (points[i]?.x ?? 0));
        expect(gaps[0], what).toBeGreaterThan(10);
        expect(gaps.filter((gap) => Math.abs(gap - (gaps[0] ?? 0)) > 0.2), `${what}: uneven gaps`).toEqual([]);
        expectHeights(points, expected.get(plot.name)?.[kind] ?? [], what);
      }
    }
  }, 60_000);

  it('the distribution chart has a bar per bin, drawn for the bins the students fall in', async () => {
    const widths = await withReport((page) =>
      page.evaluate<[], () => number[]>(`[...document.querySelector('svg.bars').querySelectorAll('g.bar rect')].map((r) => r.getBoundingClientRect().width)`),
    );
    // No lessons, 0 %, then up to 5, 10, 15, 20, 30, 50, 100 % (docs/report.md). The term so far is 66
    // school days of 240 min: e3 0 %; e2 10 days × 120 min = 7.6 % (5–10); e1 33 days × 60 min = 12.5 % (10–15).
    expect(widths).toHaveLength(9);
    expect(widths.map((w) => w > 0)).toEqual([false, true, false, true, true, false, false, false, false]);
    expect(new Set(widths.filter((w) => w > 0)).size).toBe(1); // one student each: equal bars
  }, 60_000);

  it('axe-core finds no violations', async () => {
    const axe = require('axe-core') as { source: string };
    const violations = await withReport(async (page) => {
      await page.addScriptTag({ content: axe.source });
      return page.evaluate<[], () => Promise<Array<{ id: string; nodes: number }>>>(
        'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length })))',
      );
    });
    expect(violations).toEqual([]);
  }, 60_000);

  /** The report with the crowded charts appended (they take the report's own stylesheet). */
  async function withCrowdedReport<T>(f: (page: Page) => Promise<T>): Promise<T> {
    return withReport(async (page) => {
      await page.evaluate(`document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(crowdedCharts())})`);
      return f(page);
    });
  }

  it('bar charts: every step label of the catalog (sv and en) is drawn whole, inside the viewBox, left of its bar, on rows of its own', async () => {
    const charts = await withCrowdedReport((page) =>
      page.evaluate<[], () => Array<{ height: number; bars: Array<{ text: string; box: { x: number; y: number; width: number; height: number }; barX: number; count: { x: number; width: number } }> }>>(`[...document.querySelectorAll('svg.bars')].map((svg) => ({
        height: svg.viewBox.baseVal.height,
        bars: [...svg.querySelectorAll('g.bar')].map((g) => {
          const label = g.querySelector('text.label');
          const b = label.getBBox();
          const c = g.querySelector('text:not(.label)').getBBox();
          return { text: [...label.querySelectorAll('tspan')].map((t) => t.textContent).join(' '), box: { x: b.x, y: b.y, width: b.width, height: b.height }, barX: Number(g.querySelector('rect').getAttribute('x')), count: { x: c.x, width: c.width } };
        }),
      }))`),
    );
    // The report's three bar charts, then the catalog's labels in Swedish and in English.
    expect(charts).toHaveLength(5);
    const steps = Object.values(STEP_CATALOG);
    expect(charts.slice(3).map((c) => c.bars.map((b) => b.text))).toEqual([steps.map((s) => s.sv), steps.map((s) => s.en)]);
    const longest = steps.map((s) => s.sv).reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest.length).toBeGreaterThan(100); // the test measures a label that cannot fit on one line
    for (const [c, chart] of charts.entries()) {
      for (const bar of chart.bars) {
        const { x, y, width, height } = bar.box;
        const where = `chart ${c}, "${bar.text}": box x ${x.toFixed(1)}..${(x + width).toFixed(1)}, y ${y.toFixed(1)}..${(y + height).toFixed(1)}`;
        expect(x >= 0 && y >= 0 && y + height <= chart.height, `${where} outside the viewBox (height ${chart.height})`).toBe(true);
        expect(x + width, `${where} runs into its bar at ${bar.barX}`).toBeLessThanOrEqual(bar.barX - 2);
        expect(bar.count.x + bar.count.width, `${where}: its count leaves the viewBox`).toBeLessThanOrEqual(640);
      }
      const rows = chart.bars.map((b) => ({ left: b.box.x, right: b.box.x + b.box.width, top: b.box.y, bottom: b.box.y + b.box.height }));
      expect(overlaps(rows), `chart ${c}: labels overlap`).toEqual([]);
    }
  }, 60_000);

  it('plots: the legend, the threshold labels and the step numbers are inside the plot and never overlap one another', async () => {
    const plots = await withCrowdedReport((page) =>
      page.evaluate<[], () => Array<{ name: string; svg: Box; legend: Box; thresholds: Box[]; keys: Array<Box & { text: string }>; axis: Box[] }>>(`[...document.querySelectorAll('svg.plot')].map((svg) => {
        const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
        return {
          name: svg.closest('article.student')?.id ?? (svg.closest('.crowded') ? 'crowded' : 'trend'),
          svg: box(svg),
          legend: box(svg.querySelector('g.legend')),
          thresholds: [...svg.querySelectorAll('text.threshold-label')].map(box),
          keys: [...svg.querySelectorAll('text.marker-key')].map((t) => ({ ...box(t), text: t.textContent })),
          axis: [...svg.querySelectorAll('text.axis')].map(box),
        };
      })`),
    );
    expect(plots.map((p) => p.name)).toEqual(['trend', ...FIXTURE_STUDENTS.map((s) => `elev-${s.id}`), 'crowded', 'crowded']);
    // e1's steps arise on fewer dates than there are steps: numbers share a mark (the bug: '1', '3', '4' drawn on one another).
    const e1 = plots.find((p) => p.name === 'elev-e1');
    const e1Steps = fixtureDecisions()[0]?.steps ?? [];
    expect(e1?.keys.flatMap((k) => k.text.split(',')).map(Number).sort((a, b) => a - b)).toEqual(e1Steps.map((_, i) => i + 1));
    expect(e1?.thresholds.length).toBe(3); // 5, 10 and 20 %: the "> 5 %" label once sat under the legend
    const crowded = plots.filter((p) => p.name === 'crowded');
    for (const p of crowded) {
      expect(p.thresholds).toHaveLength(4);
      expect(p.keys.flatMap((k) => k.text.split(',')).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    }
    for (const p of plots) {
      const inside = (b: Box) => b.left >= p.svg.left && b.right <= p.svg.right && b.top >= p.svg.top && b.bottom <= p.svg.bottom;
      const labels = [p.legend, ...p.thresholds, ...p.keys, ...p.axis];
      expect(labels.filter((b) => !inside(b)), `${p.name}: drawn outside the plot`).toEqual([]);
      expect(overlaps(labels), `${p.name}: [legend, ${p.thresholds.length} threshold labels, ${p.keys.length} step numbers, axis title] overlap`).toEqual([]);
    }
  }, 60_000);

  it('every chart matches its reference screenshot (test/report/__screenshots__; UPDATE_SCREENSHOTS=1 rewrites them)', async () => {
    // The charts as the report draws and styles them, each on its own at a whole-pixel offset, so
    // that text elsewhere in the report (a translation, a wrapped line) cannot shift them by a fraction.
    const rendered = await withReport((page) =>
      page.evaluate<[], () => { style: string; charts: Array<{ student: string | null; svg: string }> }>(`({
        style: document.querySelector('style').textContent,
        charts: [...document.querySelectorAll('svg.plot, svg.bars')].map((svg) => ({ student: svg.closest('article.student')?.id ?? null, svg: svg.outerHTML })),
      })`),
    );
    expect(rendered.charts.filter((c) => c.student === null)).toHaveLength(OVERVIEW.length);
    let overview = 0;
    const charts = rendered.charts.map((c) => ({ name: `${FIXTURE_SCHOOL}.${c.student ?? OVERVIEW[overview++] ?? ''}`, svg: c.svg }));
    const shown = (path: string) => relative(process.cwd(), path);
    mkdirSync(SCREENSHOTS, { recursive: true });

    const failures = await withPage(async (page) => {
      await page.setContent(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>${rendered.style}${FONT}</style></head><body>${charts.map((c) => c.svg).join('')}</body></html>`);
      const elements = await page.$$('body > svg');
      expect(elements).toHaveLength(charts.length);
      const screenshots: Buffer[] = [];
      for (const e of elements) screenshots.push(Buffer.from(await e.screenshot({ type: 'png' })));
      return withPage(async (blank) => {
        const out: string[] = [];
        for (const [i, chart] of charts.entries()) {
          const actual = screenshots[i] ?? Buffer.alloc(0);
          const reference = join(SCREENSHOTS, `${chart.name}.png`);
          const actualPath = join(SCREENSHOTS, `${chart.name}.actual.png`);
          const diffPath = join(SCREENSHOTS, `${chart.name}.diff.png`);
          rmSync(actualPath, { force: true });
          rmSync(diffPath, { force: true });
          if (UPDATE) {
            writeFileSync(reference, actual);
          } else if (!existsSync(reference)) {
            writeFileSync(actualPath, actual);
            out.push(`${chart.name}: no reference ${shown(reference)}; the screenshot is ${shown(actualPath)} (UPDATE_SCREENSHOTS=1 writes the references)`);
          } else {
            const diff = await pixelDiff(blank, readFileSync(reference), actual, CHANNEL_THRESHOLD);
            const sameSize = diff.expectedSize.join() === diff.actualSize.join();
            if (sameSize && diff.differing <= MAX_DIFFERING * diff.total) continue;
            writeFileSync(actualPath, actual);
            writeFileSync(diffPath, diff.diffPng);
            const size = sameSize ? '' : `, ${diff.actualSize.join('×')} instead of ${diff.expectedSize.join('×')}`;
            const share = ((100 * diff.differing) / diff.total).toFixed(2);
            out.push(`${chart.name}: ${diff.differing} of ${diff.total} pixels differ (${share} %, at most ${100 * MAX_DIFFERING} %)${size}; see ${shown(actualPath)} and ${shown(diffPath)} (red: differs)`);
          }
        }
        return out;
      });
    });
    expect(failures, `\n${failures.join('\n')}\n`).toEqual([]);
  }, 60_000);
});
