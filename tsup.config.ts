import { defineConfig } from 'tsup';

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
  },
]);
