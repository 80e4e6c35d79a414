/**
 * `trappa test --junit`: the JUnit XML writer (escaping, counts) and the
 * file the command writes for a failing table and a coverage threshold.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, junitXml } from '../../src/report/junitXml.js';

const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trappa-junit-'));

/** XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets). */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;

/** Any code point (lone surrogates too), and often the characters that matter here. */
const CHAR = fc.oneof(
  fc.constantFrom('<', '>', '&', '"', "'", '\u0000', '\u001f', '\t', '\n', '\uFFFE', '\uFFFF', '\uD800', '\uDC00', 'å'),
  fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp))),
);

/** Text with no markup character left except in the five entities. */
const MARKUP_FREE = /^(?:[^<>&"']|&(?:amp|lt|gt|quot|apos);)*$/u;

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string);
}

describe('escapeXml', () => {
  it('leaves no markup character and no character XML cannot hold; what XML can hold comes back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: CHAR }), (s) => {
        const escaped = escapeXml(s);
        const kept = [...s].map((c) => (XML_CHAR.test(c) ? c : '\uFFFD')).join('');
        return MARKUP_FREE.test(escaped) && [...escaped].every((c) => XML_CHAR.test(c)) && unescapeXml(escaped) === kept;
      }),
      { numRuns: 200 },
    );
  });
});

describe('junitXml', () => {
  it('counts tests, failures and errors per suite and in all', () => {
    const xml = junitXml('trappa test', [
      { name: 'a.yaml', cases: [{ name: 'ok', classname: 'a.yaml' }, { name: 'bad', classname: 'a.yaml', failure: { message: '1 difference', text: 'missing step x' } }] },
      { name: 'b.yaml', cases: [{ name: 'broken', classname: 'b.yaml', error: { message: 'cases.0: x', text: 'cases.0: x' } }] },
    ]);
    expect(xml.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="trappa test" tests="3" failures="1" errors="1">',
      '  <testsuite name="a.yaml" tests="2" failures="1" errors="0">',
    ]);
    expect(xml).toContain('<testcase name="ok" classname="a.yaml"/>');
    expect(xml).toContain('<failure message="1 difference">missing step x</failure>');
    expect(xml).toContain('<testsuite name="b.yaml" tests="1" failures="0" errors="1">');
    expect(xml).toContain('<error message="cases.0: x">cases.0: x</error>');
  });
});

describe('trappa test --junit', () => {
  it('writes one testcase per case, the failing one with its differences, and a coverage suite with a threshold', () => {
    const table = join(dir, 'mine.yaml');
    writeFileSync(
      table,
      [
        'policy: stockholm',
        'asOf: 2026-11-23',
        'student: { birthDate: 2013-03-15, schoolForm: grundskola, grade: 7, school: { id: s1, huvudman: kommunal, municipalityCode: "0180" }, residence: { municipalityCode: "0180" } }',
        'cases:',
        '  - name: a harm signal gives an orosanmälan <now> & "today"',
        '    source: domain.md §2.1',
        '    signals: [{ type: harm-suspected, date: 2026-11-23 }]',
        '    expect: { steps: [orosanmalan] }',
        '  - name: wrong on purpose',
        '    source: domain.md §2.1',
        '    signals: [{ type: harm-suspected, date: 2026-11-23 }]',
        '    expect: { steps: [kartlaggning] }',
      ].join('\n'),
    );
    const report = join(dir, 'junit.xml');
    const r = spawnSync(process.execPath, [CLI, 'test', table, '--junit', report, '--threshold', '99', '--lang', 'en'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const xml = readFileSync(report, 'utf8');
    expect(xml).toContain('<testsuites name="trappa test" tests="3" failures="2" errors="0">');
    expect(xml).toContain(`<testsuite name="${table}" tests="2" failures="1" errors="0">`);
    expect(xml).toContain('<testcase name="a harm signal gives an orosanmälan &lt;now&gt; &amp; &quot;today&quot;" classname');
    expect(xml).toMatch(/<failure message="1 difference">source: domain\.md §2\.1\n {4}missing step kartlaggning\n/);
    expect(xml).toMatch(/<testcase name="leaf coverage of stockholm 2026\.1 ≥ 99 %" classname="coverage">\n {6}<failure message="coverage of stockholm is [\d.]+ %, under the threshold 99 %">/);
    // Written atomically: no temp file left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a report path that is a table it reads (exit 73), and leaves the table as it was', () => {
    const table = join(dir, 'self.yaml');
    writeFileSync(table, 'policy: stockholm\ncases: []\n');
    const r = spawnSync(process.execPath, [CLI, 'test', table, '--junit', table], { encoding: 'utf8' });
    expect(r.status).toBe(73);
    expect(r.stderr).toContain('--junit');
    expect(readFileSync(table, 'utf8')).toBe('policy: stockholm\ncases: []\n');
  });
});
