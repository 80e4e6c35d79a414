import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    pool: 'threads',
    // Property tests draw hundreds of cases; on a shared 2-core machine 5 s is too tight. A hung test still fails.
    testTimeout: 30_000,
  },
});
