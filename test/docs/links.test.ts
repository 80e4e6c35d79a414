/**
 * Issue 16 (docs): the README is short and the reference lives in docs/, so
 * every relative link in README.md, CHANGELOG.md and docs/**\/*.md must name a
 * file that exists and, into a markdown file, a heading it has (GitHub's
 * anchor); the README's table of contents reaches every page, and every page
 * links back to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, githubSlug, headingAnchors, markdownLinks, type LinkFiles } from '../helpers/markdownLinks.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const repository: LinkFiles = { exists: (path) => existsSync(join(ROOT, path)), read: (path) => readFileSync(join(ROOT, path), 'utf8') };
const DOCS = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`)
  .sort();
const MARKDOWN = ['README.md', 'CHANGELOG.md', ...DOCS];

/** A repository of a few files in memory; a folder exists when a file is under it. */
function inMemory(files: Record<string, string>): LinkFiles {
  return { exists: (path) => path in files || Object.keys(files).some((f) => f.startsWith(`${path}/`)), read: (path) => files[path] ?? '' };
}

describe('the links of README.md, CHANGELOG.md and docs/', () => {
  it('finds the pages of docs/', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/nightly-job.md', 'docs/sources.md']));
  });

  it.each(MARKDOWN)('%s: every relative link resolves', (file) => {
    expect(brokenLinks(file, repository.read(file), repository)).toEqual([]);
  });

  it('the README links every page of docs/', () => {
    const linked = new Set(markdownLinks(repository.read('README.md')).map((l) => l.target.split('#')[0]));
    expect(DOCS.filter((page) => !linked.has(page))).toEqual([]);
  });

  it.each(DOCS)('%s: a title, then a first paragraph that links back to the README', (page) => {
    const [title, blank, ...rest] = repository.read(page).split('\n');
    expect(title).toMatch(/^# \S/);
    expect(blank).toBe('');
    const paragraph = rest.slice(0, rest.indexOf('')).join('\n');
    expect(paragraph).toMatch(/\]\(\.\.\/README\.md(#[^)]*)?\)/);
  });
});

describe('brokenLinks', () => {
  const files = inMemory({
    'README.md': '',
    'docs/a.md': '# Page A\n\n## Outputs you can trust: atomic files, a lock, a verified `--previous`\n\n## Notes\n\n## Notes\n',
    'rules/x.json': '{}',
  });

  it('finds a missing file, a missing heading, a link out of the repository and an absolute path, each with its line', () => {
    const doc = ['See [b](b.md).', '', 'And [a](a.md#no-such-heading), [up](../../etc/passwd)', 'and [root](/docs/a.md).'].join('\n');
    expect(brokenLinks('docs/page.md', doc, files)).toEqual([
      { file: 'docs/page.md', line: 1, target: 'b.md', problem: 'docs/b.md does not exist' },
      { file: 'docs/page.md', line: 3, target: 'a.md#no-such-heading', problem: 'docs/a.md has no heading #no-such-heading' },
      { file: 'docs/page.md', line: 3, target: '../../etc/passwd', problem: '../etc/passwd is outside the repository' },
      { file: 'docs/page.md', line: 4, target: '/docs/a.md', problem: 'an absolute path: write it relative to this file' },
    ]);
  });

  it('takes a link from docs/ to the root only with ../: rules/x.json from docs/ is broken, ../rules/x.json is not', () => {
    expect(brokenLinks('docs/page.md', '[x](rules/x.json)', files).map((b) => b.problem)).toEqual(['docs/rules/x.json does not exist']);
    expect(brokenLinks('docs/page.md', '[x](../rules/x.json) [readme](../README.md) [folder](../rules/)', files)).toEqual([]);
  });

  it('accepts headings by their GitHub anchor, a repeated heading numbered, a same-page anchor, and link text over two lines', () => {
    const doc = '# Here\n\nSee [*Outputs you can\ntrust*](a.md#outputs-you-can-trust-atomic-files-a-lock-a-verified---previous), [n](a.md#notes-1), [h](#here).';
    expect(brokenLinks('docs/page.md', doc, files)).toEqual([]);
    expect(brokenLinks('docs/page.md', '[n](a.md#notes-2)', files)).toHaveLength(1);
    expect(brokenLinks('docs/page.md', '[h](#there)', files).map((b) => b.problem)).toEqual(['docs/page.md has no heading #there']);
  });

  it('skips code, external links and mail addresses; reads reference definitions and images', () => {
    const doc = ['`[x](missing.md)`', '```md', '[y](missing.md)', '```', '[w](https://example.org/missing.md) [m](mailto:a@b.se)', '[ref]: missing-ref.md', '![img](missing.png)'].join('\n');
    expect(brokenLinks('README.md', doc, files).map((b) => [b.line, b.target])).toEqual([
      [6, 'missing-ref.md'],
      [7, 'missing.png'],
    ]);
  });
});

describe('githubSlug and headingAnchors', () => {
  it('make the anchors GitHub makes (checked against docs/sources.md\'s own table of contents, written before this test)', () => {
    expect(githubSlug('Hälso- och sjukvårdslagen (2017:30)')).toBe('hälso--och-sjukvårdslagen-201730');
    expect(githubSlug('Socialtjänstlagen 2025:400 (in force from 2025-07-01)')).toBe('socialtjänstlagen-2025400-in-force-from-2025-07-01');
    expect(githubSlug("Trappa's defaults")).toBe('trappas-defaults');
    expect(githubSlug('"Upprepad eller längre frånvaro" — a policy definition, not a number in law')).toBe('upprepad-eller-längre-frånvaro--a-policy-definition-not-a-number-in-law');
    expect(githubSlug('Property-test your policy (`trappa/testing`)')).toBe('property-test-your-policy-trappatesting');
    expect(githubSlug('See [the CLI](cli.md) *now*')).toBe('see-the-cli-now');
  });

  it('number repeated headings, ignore headings in code, and read setext headings and HTML anchors', () => {
    expect([...headingAnchors('# A\n## A\n### A\n```sh\n# not a heading\n```\nB\n---\n<a id="c"></a>\n')]).toEqual(['a', 'a-1', 'a-2', 'b', 'c']);
  });
});
