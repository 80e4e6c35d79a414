import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// Issue 14: "a browser-safe entry, trappa/core … proven by a test that bundles it with esbuild
// for the browser platform, and by a packaging check". esbuild fails on any Node built-in
// (fs, readline, worker_threads, crypto) under `platform: 'browser'`; the bundle is then run in
// a bare V8 context with no `require`, `process` or `Buffer`, as a web page would.

const bundle = async (entry: string) =>
  build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'trappa', write: false, logLevel: 'silent' });

const CASE = {
  student: {
    id: 'browser-1',
    birthDate: '2013-01-01',
    schoolForm: 'grundskola',
    grade: 7,
    school: { id: 's', huvudman: 'kommunal', municipalityCode: '0180' },
    residence: { municipalityCode: '0180' },
  },
  signals: [{ type: 'harm-suspected', date: '2026-11-20' }],
};

/** Evaluate a case with the bundled code in a context that has only what a browser has. */
function runInBrowserLikeContext(code: string): unknown {
  const context: Record<string, unknown> = { TextEncoder, TextDecoder, URL, URLSearchParams, Intl, console: { log: () => undefined }, CASE: JSON.stringify(CASE) };
  context.globalThis = context;
  context.self = context;
  return runInNewContext(
    `${code};
     (() => {
       const parsed = trappa.parseStudentCase(JSON.parse(CASE));
       if (!parsed.ok) throw new Error('rejected');
       const decision = trappa.evaluate(parsed.case, trappa.builtinPolicy('stockholm'), { asOf: '2026-11-23' });
       return JSON.stringify({ steps: decision.steps.map((s) => s.id), hash: trappa.builtinPolicy('stockholm').hash, check: trappa.checkPolicy(trappa.builtinPolicy('goteborg')).length >= 0 });
     })()`,
    context,
  );
}

describe('trappa/core in a browser', () => {
  it('bundles from source for the browser platform, with no Node built-in, and evaluates a case', async () => {
    const result = await bundle(fileURLToPath(new URL('../../src/core.ts', import.meta.url)));
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|crypto|worker_threads|readline|zlib|child_process)["']\)/);
    const out = JSON.parse(String(runInBrowserLikeContext(code))) as { steps: string[]; hash: string; check: boolean };
    expect(out.steps).toContain('orosanmalan');
    // The same policy hash as in Node (node:crypto there, the pure SHA-256 here).
    const { builtinPolicy } = await import('../../src/index.js');
    expect(out.hash).toBe(builtinPolicy('stockholm').hash);
  });

  it('bundles the built package entry (dist/core.js) for the browser too', async () => {
    const built = fileURLToPath(new URL('../../dist/core.js', import.meta.url));
    expect(existsSync(built)).toBe(true);
    const result = await bundle(built);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(String(runInBrowserLikeContext(result.outputFiles[0]?.text ?? ''))).steps).toContain('orosanmalan');
  });

  it('would fail on a Node built-in (the check can fail)', async () => {
    await expect(bundle(fileURLToPath(new URL('../../src/io/lines.ts', import.meta.url)))).rejects.toThrow(/fs|Could not resolve/);
  });
});
