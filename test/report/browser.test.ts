/**
 * Issue 16 point 1: the report in a real browser. Needs Debian's `chromium` (/usr/bin/chromium)
 * and the dev dependencies `puppeteer-core` (downloads nothing) and `axe-core`; without them the
 * tests are skipped and their names say why. CI installs them (.ci/run).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSchoolReport } from '../../src/report/schoolReport.js';
import { decide, lessons, schoolDays, studentCase } from '../helpers/cases.js';

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

interface Page {
  goto(url: string): Promise<unknown>;
  setBypassCSP(on: boolean): Promise<void>;
  addScriptTag(o: { content: string }): Promise<unknown>;
  evaluate<T>(f: string): Promise<T>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const AS_OF = '2026-11-23';

function reportFile(): string {
  const ds = ['e1', 'e2'].map((id, n) =>
    decide(
      studentCase({ student: { id }, attendance: lessons(schoolDays('2026-08-17', AS_OF), { perDay: 4, absent: (date) => (date >= '2026-10-01' && n === 0 ? { invalid: 60 } : undefined) }) }),
      'stockholm',
      AS_OF,
    ),
  );
  const path = join(mkdtempSync(join(tmpdir(), 'trappa-browser-')), 'skola-1.html');
  writeFileSync(path, renderSchoolReport('skola-1', ds, { students: 'all' }));
  return path;
}

describe.skipIf(missing.length > 0)(`the report in headless Chromium${why}`, () => {
  async function withPage<T>(f: (page: Page) => Promise<T>): Promise<T> {
    const puppeteer = (await import(/* @vite-ignore */ 'puppeteer-core' as string)) as { default: { launch(o: object): Promise<Browser> } };
    const browser = await puppeteer.default.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.setBypassCSP(true); // the report's CSP forbids scripts; the test injects axe
      await page.goto(pathToFileURL(reportFile()).href);
      return await f(page);
    } finally {
      await browser.close();
    }
  }

  it('every plot renders one point per week for each series', async () => {
    const counts = await withPage((page) =>
      page.evaluate<Array<[number, number, number]>>(
        `[...document.querySelectorAll('svg.plot')].map((s) => [Number(s.dataset.weeks), s.querySelectorAll('.pt-invalid').length, s.querySelectorAll('.pt-valid').length])`,
      ),
    );
    expect(counts.length).toBe(3); // the school trend and two students
    for (const [weeks, invalid, valid] of counts) {
      expect(invalid).toBe(weeks);
      expect(valid).toBe(weeks);
    }
  }, 60_000);

  it('axe-core finds no violations', async () => {
    const axe = require('axe-core') as { source: string };
    const violations = await withPage(async (page) => {
      await page.addScriptTag({ content: axe.source });
      return page.evaluate<Array<{ id: string }>>('axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id })))');
    });
    expect(violations).toEqual([]);
  }, 60_000);
});
