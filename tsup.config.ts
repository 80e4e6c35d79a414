import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // `testing` is the public property-test kit (`trappa/testing`); fast-check stays external (an optional peer).
    // `verify` (`trappa/verify`) loads json-rules-engine, also an optional peer, by a dynamic import.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', verify: 'src/verify/index.ts' },
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
