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
import { renderSchoolReport } from '../../src/report/schoolReport.js';
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
