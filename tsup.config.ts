import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { BUNDLED_IN_CLI, licenseOf } from './scripts/bundledInCli.js';

function writeThirdPartyLicenses(): void {
  const sections = BUNDLED_IN_CLI.map((name) => {
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    return `## ${name} ${version}\n\n${licenseOf(name)}\n`;
  });
  writeFileSync(
    'dist/THIRD_PARTY_LICENSES.md',
    `# Third-party licenses\n\nThe CLI (\`dist/cli.js\`) and its worker threads bundle these packages.\n\n${sections.join('\n')}`,
  );
}

/**
 * The CLI bundles zod, and zod's `z` namespace re-exports every locale's messages (`z.locales`:
 * some 370 KB of the 1 MB chunk, some 40 locales) that the CLI never uses: its messages are its own
 * (`swedishIssueMessage`) or zod's English, which zod registers from `locales/en.js` itself. This
 * keeps `z.locales` to English in the CLI's bundle, so each start (and each worker thread) parses
 * a third less code. The library entries keep zod external: an application's zod is untouched.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build: { onLoad: (o: { filter: RegExp }, f: () => { contents: string; loader: 'js' }) => void }): void {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";\n', loader: 'js' }));
  },
};

export default defineConfig([
  {
    // `core` is the browser-safe evaluator (no Node built-in; test/package/browserCore.test.ts bundles it for the browser).
    // `testing` is the public property-test kit (`trappa/testing`); fast-check stays external (an optional peer).
    // `verify` (`trappa/verify`) loads json-rules-engine, also an optional peer, by a dynamic import.
    entry: { index: 'src/index.ts', core: 'src/core.ts', testing: 'src/testing/index.ts', verify: 'src/verify/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/batch/worker.ts', 'generate-worker': 'src/cli/generateWorker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI and each worker thread start faster with their runtime dependencies bundled in: a few
    // modules instead of some 150 files to resolve and compile (zod alone is 70). Measured: a
    // one-student `trappa evaluate` 0.40 → 0.34 s (with yaml loaded only by `trappa test`). The
    // library entries above keep them external, so an application shares one zod with Trappa.
    noExternal: [...BUNDLED_IN_CLI],
    esbuildPlugins: [zodEnglishOnly],
    onSuccess: async () => writeThirdPartyLicenses(),
  },
]);
