/**
 * Issue 16 point 2, "a test that fails when a user-facing string has no translation": every
 * text table the output is made of — each exported object of src/report (the summary, changes,
 * check, help, notes, usage errors…) and the tables of the policy findings and exit codes —
 * is walked, and every `{ sv, en }` in it must have both texts, non-empty, filling the same
 * slots. An object with only one of the two, anywhere in a table, fails. A table is found by
 * walking the modules' exports, so a new table is covered without being listed here. Below
 * report/, the tables of the layers under it are listed: the schemas' own messages, the
 * readers' rejections (lessons, cases, CSV, JSON, SS 12000), policy errors. Every template is
 * also filled, with a count of 1 and of 2, and must leave no slot unfilled (a `{n}` inside a
 * plural form is not filled, and would be printed as it is).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { both, fill, say, slotNames } from '../../src/model/template.js';
import { swedishIssueMessage, ZOD_ISSUE_TEXT } from '../../src/model/swedishIssue.js';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** Every .ts file under a folder of src/. */
function modules(dir: string): string[] {
  return readdirSync(join(SRC, dir)).flatMap((name) => {
    const path = join(SRC, dir, name);
    return statSync(path).isDirectory() ? modules(relative(SRC, path)) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules whose exports hold output text: all of report/, and the tables below it that findings and exit codes use. */
const TEXT_MODULES = [
  ...modules('report'),
  ...[
    'model/policyIssueText.ts',
    'model/swedishIssue.ts',
    'model/schemaMessageText.ts',
    'model/typology.ts',
    'model/factCatalog.ts',
    'policy/findingText.ts',
    'policy/loadPolicy.ts',
    'adapters/issueText.ts',
    'adapters/jsonError.ts',
    'adapters/ss12000/issueText.ts',
    'testing/exampleTable.ts',
    'cli/exitCodes.ts',
    'cli/explainCommand.ts',
    'steps/catalog.ts',
  ].map((m) => join(SRC, m)),
];

interface Problem {
  readonly where: string;
  readonly problem: string;
}

const isText = (x: unknown): x is string | readonly string[] => typeof x === 'string' || (Array.isArray(x) && x.every((v) => typeof v === 'string'));
const blank = (x: string | readonly string[]): boolean => (typeof x === 'string' ? [x] : x).some((t) => t.trim() === '');
const slotsOf = (x: string | readonly string[]): string => (typeof x === 'string' ? [x] : x).map(slotNames).join(' | ');

/** Every `{ sv, en }` in a value, checked: both there, texts, non-empty, with the same slots. */
function problems(value: unknown, where: string, seen: Set<unknown>, out: Problem[]): number {
  if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
  seen.add(value);
  let pairs = 0;
  const record = value as Record<string, unknown>;
  const hasSv = Object.hasOwn(record, 'sv');
  const hasEn = Object.hasOwn(record, 'en');
  if (hasSv || hasEn) {
    pairs += 1;
    const { sv, en } = record;
    if (!hasSv || !hasEn) out.push({ where, problem: `only ${hasSv ? 'sv' : 'en'}` });
    else if (!isText(sv) || !isText(en)) out.push({ where, problem: 'sv or en is not text' });
    else if (blank(sv) || blank(en)) out.push({ where, problem: 'an empty text' });
    else if (slotsOf(sv) !== slotsOf(en)) out.push({ where, problem: `slots differ: sv {${slotsOf(sv)}}, en {${slotsOf(en)}}` });
    else if (typeof sv !== 'string' && typeof en !== 'string' && sv.length !== en.length) out.push({ where, problem: 'forms differ in number' });
  }
  for (const [key, inner] of Object.entries(record)) if (key !== 'sv' && key !== 'en') pairs += problems(inner, `${where}.${key}`, seen, out);
  return pairs;
}

const exported = await Promise.all(TEXT_MODULES.map(async (path) => [relative(SRC, path), (await import(pathToFileURL(path).href)) as Record<string, unknown>] as const));

describe('every text table has sv and en', () => {
  it('finds the tables (the walk sees real data)', () => {
    const out: Problem[] = [];
    const pairs = exported.reduce((n, [file, exports]) => n + Object.entries(exports).reduce((m, [name, value]) => m + problems(value, `${file} ${name}`, new Set(), out), 0), 0);
    expect(pairs).toBeGreaterThan(600);
  });

  it.each(exported)('%s', (file, exports) => {
    const out: Problem[] = [];
    for (const [name, value] of Object.entries(exports)) problems(value, `${file} ${name}`, new Set(), out);
    expect(out).toEqual([]);
  });

  it.each(exported)('%s: every template fills completely, in the singular and the plural', (_file, exports) => {
    const left: string[] = [];
    const visit = (value: unknown, where: string, seen: Set<unknown>): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      const { sv, en } = value as { sv?: unknown; en?: unknown };
      if (typeof sv === 'string' && typeof en === 'string') {
        for (const n of [1, 2]) {
          for (const text of [sv, en]) {
            const slots = Object.fromEntries(slotNames(text).map((name) => [name, n]));
            if (/\{\w+(\|[^{}]*)?\}/.test(fill(text, slots))) left.push(`${where} (${n}): ${fill(text, slots)}`);
          }
        }
      }
      for (const [key, inner] of Object.entries(value)) if (key !== 'sv' && key !== 'en') visit(inner, `${where}.${key}`, seen);
    };
    for (const [name, value] of Object.entries(exports)) visit(value, name, new Set());
    expect(left).toEqual([]);
  });

  it('would catch a missing, empty or mismatched translation (the check can fail)', () => {
    const out: Problem[] = [];
    problems({ a: { sv: 'ja' }, b: { sv: 'x', en: ' ' }, c: { sv: '{n} elever', en: '{count} students' }, d: { sv: 'ok', en: 'ok' } }, 'fake', new Set(), out);
    expect(out.map((p) => p.where)).toEqual(['fake.a', 'fake.b', 'fake.c']);
  });
});

describe('templates', () => {
  it('fill the slots, with a form by count', () => {
    expect(fill('{n} {n|elev|elever} i {school}', { n: 1, school: 's1' })).toBe('1 elev i s1');
    expect(fill('{n} {n|elev|elever}', { n: 0 })).toBe('0 elever');
    expect(say({ sv: '{n} {n|fil|filer}', en: '{n} {n|file|files}' }, 'en', { n: 2 })).toBe('2 files');
    expect(both({ sv: 'via {x}', en: 'through {x}' }, (lang) => ({ x: lang === 'sv' ? 'a' : 'b' }))).toEqual({ sv: 'via a', en: 'through b' });
  });

  it('leave a slot inside a plural form unfilled (what the fill check above finds)', () => {
    expect(fill('{n|one column|none of its {n} columns}', { n: 4 })).toBe('{n|one column|none of its 4 columns}');
  });

  it('refuse a slot without a value (a programming error, never a half-filled line)', () => {
    expect(() => fill('{n} elever', {})).toThrow(/slot \{n\}/);
  });
});

describe("zod's messages in Swedish (the schema findings of trappa check)", () => {
  it('covers every issue code zod has, never in English', () => {
    const issues = [
      { code: 'invalid_type', expected: 'string', path: [], message: '' },
      { code: 'invalid_value', values: ['a', 'b'], path: [], message: '' },
      { code: 'invalid_value', values: ['a'], path: [], message: '' },
      { code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [], message: '' },
      { code: 'too_big', origin: 'number', maximum: 100, inclusive: true, path: [], message: '' },
      { code: 'invalid_format', format: 'regex', pattern: String(/^\d{4}\.\d+(\.\d+)?$/), path: [], message: '' },
      { code: 'not_multiple_of', divisor: 2, path: [], message: '' },
      { code: 'unrecognized_keys', keys: ['x', 'y'], path: [], message: '' },
      { code: 'invalid_union', errors: [], path: [], message: '' },
      { code: 'invalid_key', origin: 'record', issues: [], path: [], message: '' },
      { code: 'invalid_element', origin: 'map', key: 'k', issues: [], path: [], message: '' },
      { code: 'custom', path: [], message: '' },
    ] as unknown as Parameters<typeof swedishIssueMessage>[0][];
    const texts = issues.map((i) => swedishIssueMessage(i, 3));
    expect(texts).toContain('Fel typ: förväntade sträng, fick tal');
    expect(texts).toContain('Ogiltigt format: förväntade en version som 2026.1');
    for (const t of texts) expect(t).not.toMatch(/\b(Invalid|expected|received|Too|Unrecognized)\b/);
    expect(swedishIssueMessage(issues[0] as Parameters<typeof swedishIssueMessage>[0])).toBe('Saknas: förväntade sträng');
    expect(Object.keys(ZOD_ISSUE_TEXT).length).toBeGreaterThan(10);
  });
});
