/**
 * docs/sources.md and the bundled policies are kept together (issue 11
 * point 8): every basis a rule or dated parameter carries — its citation and
 * its link — is listed in a section of docs/sources.md that names the rule;
 * every rule the file names exists; every link is on SOURCE_HOSTS, and the
 * file's list of hosts is SOURCE_HOSTS.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isListedSource, SOURCE_HOSTS, type Basis } from '../../src/model/basis.js';
import { BUILTIN_POLICY_IDS } from '../../src/index.js';

const DOC = readFileSync(new URL('../../docs/sources.md', import.meta.url), 'utf8');

/** One section of the file: the links, citations and rules its bullet lines name. */
interface Section {
  readonly heading: string;
  readonly links: string[];
  readonly citedAs: string[];
  readonly rules: string[];
}

const ticked = (line: string): string[] => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,3} (.+)$/.exec(line);
    if (heading !== null) {
      current = { heading: heading[1] as string, links: [], citedAs: [], rules: [] };
      out.push(current);
      continue;
    }
    if (current === undefined) continue;
    const link = /^- Link: <([^>]+)>$/.exec(line);
    if (link !== null) current.links.push(link[1] as string);
    else if (line.startsWith('- Cited as: ')) current.citedAs.push(...ticked(line));
    else if (line.startsWith('- Rules: ')) current.rules.push(...ticked(line));
  }
  return out;
}

/** Every basis of the bundled policies: rules by id, dated parameters as `policy.parameters.name`. */
function bases(): Array<{ readonly key: string; readonly basis: Basis }> {
  const out: Array<{ key: string; basis: Basis }> = [];
  for (const id of BUILTIN_POLICY_IDS) {
    const file = JSON.parse(readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8')) as {
      parameters?: Record<string, unknown>;
      rules: Array<{ id: string; basis: Basis }>;
    };
    for (const rule of file.rules) out.push({ key: rule.id, basis: rule.basis });
    for (const [name, value] of Object.entries(file.parameters ?? {})) {
      const found: Basis[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) (k === 'basis' ? found.push(x as Basis) : walk(x));
      };
      walk(value);
      for (const basis of found) out.push({ key: `${id}.parameters.${name}`, basis });
    }
  }
  return out;
}

const SECTIONS = sections(DOC);
const BASES = bases();
const KEYS = new Set(BASES.map((b) => b.key));

describe('docs/sources.md lists every source a bundled rule cites', () => {
  it('reads sections with links and rules (the parser sees the file)', () => {
    expect(SECTIONS.filter((s) => s.links.length > 0).length).toBeGreaterThan(15);
    expect(BASES.length).toBeGreaterThan(40);
  });

  it.each(BASES.map((b) => [b.key, b.basis.citation, b.basis.url] as const))('%s: "%s" <%s> is listed with the rule', (key, citation, url) => {
    const home = SECTIONS.filter((s) => s.rules.includes(key) && s.links.includes(url));
    expect(home.map((s) => s.heading), `no section lists ${key} with the link ${url}`).not.toEqual([]);
    expect(
      home.some((s) => s.citedAs.includes(citation)),
      `the section(s) ${home.map((s) => `"${s.heading}"`).join(', ')} do not list the citation "${citation}" of ${key}`,
    ).toBe(true);
  });

  it('names only rules and parameters that exist', () => {
    const named = SECTIONS.flatMap((s) => s.rules.map((rule) => `${s.heading}: ${rule}`));
    expect(named.filter((n) => !KEYS.has(n.slice(n.lastIndexOf(': ') + 2)))).toEqual([]);
    // Rule ids in backticks anywhere else in the file (tables, notes) exist too.
    const mentioned = ticked(DOC).filter((t) => /^(sl|sol|sthlm|gbg|myndig|vuxen)-[a-z0-9-]+$/.test(t) || /^[a-z]+\.parameters\./.test(t));
    expect(mentioned.filter((t) => !KEYS.has(t))).toEqual([]);
  });

  it('gives every section with rules a link, a citation and what the source says', () => {
    const sourced = SECTIONS.filter((s) => s.rules.length > 0);
    for (const s of sourced) {
      expect(s.links.length, s.heading).toBeGreaterThan(0);
      expect(s.citedAs.length, s.heading).toBeGreaterThan(0);
    }
    // Each "Rules:" line is followed by a "Says:" line in the same section.
    const blocks = DOC.split(/\n(?=#{2,3} )/).filter((b) => b.includes('\n- Rules: '));
    expect(blocks.filter((b) => !b.includes('\n- Says: ')).map((b) => b.split('\n')[0])).toEqual([]);
  });

  it('links only to SOURCE_HOSTS, and lists exactly those hosts', () => {
    const links = SECTIONS.flatMap((s) => s.links);
    expect(links.filter((l) => !isListedSource(l))).toEqual([]);
    const hosts = DOC.slice(DOC.indexOf('\n## Hosts'))
      .split('\n')
      .flatMap((line) => /^- `([^`]+)`:/.exec(line)?.slice(1) ?? []);
    expect(hosts).toEqual(Object.keys(SOURCE_HOSTS));
  });
});

describe('the bundled bases', () => {
  it('link to SOURCE_HOSTS only (trappa check finds no unlisted-source)', () => {
    expect(BASES.filter(({ basis }) => !isListedSource(basis.url)).map(({ key, basis }) => `${key}: ${basis.url}`)).toEqual([]);
  });

  it('carry no reference into a document users do not have', () => {
    expect(BASES.filter(({ basis }) => 'reference' in basis).map(({ key }) => key)).toEqual([]);
  });
});
