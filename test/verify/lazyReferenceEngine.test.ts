/**
 * json-rules-engine is an optional peer dependency, loaded only by the
 * verifier: no file of src/ outside src/verify/ names it as a module, and in
 * src/verify/ it is imported for types only, plus the one dynamic import that
 * loads it (`loadJsonRulesEngine`). The built entries are checked in
 * test/package/smoke.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** Every import, export-from, dynamic import or require of json-rules-engine (or a file inside it), whole statement. */
const MENTIONS = /(?:\bimport\b|\bexport\b)[^;]*?\bfrom\s*['"]json-rules-engine(?:\/[^'"]*)?['"]|\bimport\s*['"]json-rules-engine(?:\/[^'"]*)?['"]|\bimport\s*\(\s*['"]json-rules-engine(?:\/[^'"]*)?['"]\s*\)|\brequire\s*\(\s*['"]json-rules-engine(?:\/[^'"]*)?['"]\s*\)/g;
/** Erased by the compiler: `import type { … } from 'json-rules-engine'`. */
const TYPE_ONLY = /^import\s+type\s/;
const DYNAMIC = /^import\s*\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The places a text names json-rules-engine as a module, each classified. */
function mentions(text: string): Array<'type' | 'dynamic' | 'static'> {
  return [...text.matchAll(MENTIONS)].map((m) => (TYPE_ONLY.test(m[0]) ? 'type' : DYNAMIC.test(m[0]) ? 'dynamic' : 'static'));
}

describe('json-rules-engine is loaded lazily, by the verifier only', () => {
  it('the scan recognises every form of import (it can fail)', () => {
    expect(mentions("import { Engine } from 'json-rules-engine';")).toEqual(['static']);
    expect(mentions('import Engine from "json-rules-engine"')).toEqual(['static']);
    expect(mentions("import * as jre from 'json-rules-engine';")).toEqual(['static']);
    expect(mentions("import {\n  Engine,\n  type Rule,\n} from 'json-rules-engine';")).toEqual(['static']);
    expect(mentions("import { type Engine } from 'json-rules-engine';")).toEqual(['static']); // kept as a side-effect import
    expect(mentions("import 'json-rules-engine';")).toEqual(['static']);
    expect(mentions("export { Engine } from 'json-rules-engine';")).toEqual(['static']);
    expect(mentions("const ops = require('json-rules-engine/dist/engine-default-operators.js');")).toEqual(['static']);
    expect(mentions("import type { Engine } from 'json-rules-engine';")).toEqual(['type']);
    expect(mentions("await import('json-rules-engine')")).toEqual(['dynamic']);
    expect(mentions('// json-rules-engine is the reference')).toEqual([]);
  });

  const files = sourceFiles(SRC).map((path) => ({ file: relative(SRC, path), found: mentions(readFileSync(path, 'utf8')) }));

  it('scans the whole of src/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file === 'verify/referenceEngine.ts')).toBe(true);
  });

  it('no file outside src/verify/ names it as a module', () => {
    expect(files.filter((f) => !f.file.startsWith('verify/') && f.found.length > 0)).toEqual([]);
  });

  it('in src/verify/: types only, and one dynamic import in referenceEngine.ts', () => {
    const verify = files.filter((f) => f.file.startsWith('verify/'));
    expect(verify.filter((f) => f.found.includes('static'))).toEqual([]);
    expect(verify.flatMap((f) => f.found.filter((k) => k === 'dynamic').map(() => f.file))).toEqual(['verify/referenceEngine.ts']);
  });
});
