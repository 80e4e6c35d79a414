/**
 * Relative links in markdown, checked the way GitHub renders them: a link
 * must name a file or folder that exists, and a `#anchor` into a markdown
 * file must name one of its headings (GitHub's slug). Links inside code
 * (fenced blocks, inline spans) are not links. Used by test/docs/links.test.ts
 * and the package smoke test.
 */
import { dirname, join, normalize } from 'node:path';

/** A link found in a markdown document: its 1-based line and its target as written. */
export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

/** A relative link that does not resolve. */
export interface BrokenLink extends MarkdownLink {
  readonly file: string;
  readonly problem: string;
}

/** What the check needs of a file system: paths are relative to the repository root. */
export interface LinkFiles {
  readonly exists: (path: string) => boolean;
  readonly read: (path: string) => string;
}

// Any indentation: a fence inside a nested list item is still a fence.
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * The document with fenced code blocks blanked out (each line kept, as
 * spaces of its length), so offsets and line numbers stay those of the
 * original.
 *
 * @param markdown - the document
 * @returns the document without its code blocks
 * @example withoutFences('a\n```\n# b\n```') //=> 'a\n   \n   \n   '
 */
export function withoutFences(markdown: string): string {
  let fence: string | undefined;
  const lines = markdown.split('\n').map((line) => {
    const m = FENCE.exec(line);
    if (fence === undefined) {
      if (m === null) return line;
      fence = m[1];
    } else if (m !== null && m[1]?.[0] === fence[0] && (m[1]?.length ?? 0) >= fence.length) fence = undefined;
    return ' '.repeat(line.length);
  });
  return lines.join('\n');
}

/**
 * The document without code: code blocks and inline code spans blanked out
 * (same length, newlines kept).
 *
 * @param markdown - the document
 * @returns the document without code
 * @example withoutCode('a `[x](y)` b') //=> 'a          b'
 */
export function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)[^\n]*?\1/g, (span) => ' '.repeat(span.length));
}

/**
 * GitHub's anchor for a heading's text: the rendered text (links and code
 * marks dropped) in lower case, without punctuation (letters, marks, digits,
 * `_`, `-` and spaces stay), each space a `-`.
 *
 * @param heading - the heading's markdown text, without the leading `#`s
 * @returns the anchor, without `#`
 * @example githubSlug('Outputs you can trust: atomic files, a lock, a verified `--previous`') //=> 'outputs-you-can-trust-atomic-files-a-lock-a-verified---previous'
 */
export function githubSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The anchors a markdown document offers: each heading's slug (a repeated one
 * numbered `-1`, `-2` … as GitHub does) and every HTML `id`/`name`.
 *
 * @param markdown - the document
 * @returns the anchors, without `#`
 * @example headingAnchors('# A\n## A\n') //=> Set { 'a', 'a-1' }
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const add = (slug: string): void => {
    let unique = slug;
    for (let n = 1; anchors.has(unique); n += 1) unique = `${slug}-${n}`;
    anchors.add(unique);
  };
  const lines = withoutFences(markdown).split('\n');
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx !== null) add(githubSlug((atx[1] ?? '').trim()));
    else if (/^ {0,3}(=+|-+)[ \t]*$/.test(line) && i > 0 && (lines[i - 1] ?? '').trim() !== '' && !/^\s*([-*+>|]|\d+\.)/.test(lines[i - 1] ?? '')) add(githubSlug((lines[i - 1] ?? '').trim()));
    for (const m of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1] as string);
  });
  return anchors;
}

/**
 * Every link of a markdown document outside code: inline links and images
 * (their text may run over several lines) and reference definitions.
 *
 * @param markdown - the document
 * @returns the links in document order
 * @example markdownLinks('See [a](b.md#c).') //=> [{ line: 1, target: 'b.md#c' }]
 */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const text = withoutCode(markdown);
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const links: Array<{ offset: number; target: string }> = [];
  for (const m of text.matchAll(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    links.push({ offset: (m.index ?? 0) + m[0].lastIndexOf('('), target: m[2] as string });
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$/gm)) links.push({ offset: m.index ?? 0, target: m[1] as string });
  return links.sort((a, b) => a.offset - b.offset).map((l) => ({ line: lineAt(l.offset), target: l.target }));
}

/**
 * The relative links of one markdown file that do not resolve: the file or
 * folder is missing, the link leaves the repository, or its `#anchor` names
 * no heading of the markdown file it points to. Links with a scheme
 * (`https:`, `mailto:`) are not checked.
 *
 * @param file - the file's path, relative to the repository root
 * @param markdown - its text
 * @param files - the repository's files
 * @returns one entry per broken link
 * @example brokenLinks('README.md', '[x](docs/none.md)', { exists: () => false, read: () => '' }) //=> [{ file: 'README.md', line: 1, target: 'docs/none.md', problem: 'docs/none.md does not exist' }]
 */
export function brokenLinks(file: string, markdown: string, files: LinkFiles): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const link of markdownLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('//')) continue;
    const hash = link.target.indexOf('#');
    const pathPart = decodeURIComponent(hash === -1 ? link.target : link.target.slice(0, hash));
    const anchor = hash === -1 ? undefined : decodeURIComponent(link.target.slice(hash + 1));
    const fail = (problem: string): void => {
      broken.push({ file, ...link, problem });
    };
    if (pathPart.startsWith('/')) {
      fail('an absolute path: write it relative to this file');
      continue;
    }
    const path = pathPart === '' ? file : normalize(join(dirname(file), pathPart)).replace(/\/+$/, '');
    if (path === '..' || path.startsWith('../')) {
      fail(`${path} is outside the repository`);
      continue;
    }
    if (path !== file && !files.exists(path)) {
      fail(`${path} does not exist`);
      continue;
    }
    if (anchor !== undefined && path.endsWith('.md') && !headingAnchors(path === file ? markdown : files.read(path)).has(anchor)) fail(`${path} has no heading #${anchor}`);
  }
  return broken;
}
