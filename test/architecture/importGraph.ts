import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of a source file: where it points (relative to src/, without extension) or a package name. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  /** True for a relative import inside src/ (else a package or a Node built-in). */
  readonly internal: boolean;
  readonly typeOnly: boolean;
}

const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every import of every file under src/, read from the text (static `import`/`export … from`
 * and dynamic `import('…')`), with relative targets resolved to src-relative module names.
 */
export function importGraph(): { readonly files: readonly string[]; readonly edges: readonly ImportEdge[] } {
  const files = sourceFiles(SRC).map((f) => relative(SRC, f).replace(/\.ts$/, ''));
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(join(SRC, `${file}.ts`), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4] ?? '';
      const typeOnly = m[2] !== undefined;
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.(js|ts)$/, '');
        edges.push({ from: file, to: target, internal: !target.startsWith('..'), typeOnly });
      } else edges.push({ from: file, to: spec, internal: false, typeOnly });
    }
  }
  return { files, edges };
}

/**
 * The import cycles among files: each strongly connected component of more than
 * one file (or a file importing itself), by Tarjan's algorithm.
 */
export function importCycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (e.internal && next.has(e.to)) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}
