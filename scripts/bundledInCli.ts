/**
 * Runtime dependencies bundled into the CLI and its worker threads (`tsup.config.ts`), not into the
 * library entries, which keep them external. Each is MIT-licensed; the build writes their licenses
 * to `dist/THIRD_PARTY_LICENSES.md`, and test/package/consumer.test.ts checks the packed tarball
 * carries them. yaml stays external: its Node build is CommonJS, which an ESM bundle cannot `require`.
 */
export const BUNDLED_IN_CLI = ['zod', 'luxon', 'csv-parse', 'ts-pattern'] as const;
