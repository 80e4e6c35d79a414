import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runtime dependencies bundled into the CLI and its worker threads (`tsup.config.ts`), not into the
 * library entries, which keep them external. Each is MIT-licensed; the build writes their licenses
 * to `dist/THIRD_PARTY_LICENSES.md`, and test/package/consumer.test.ts checks the packed tarball
 * carries them. yaml stays external: its Node build is CommonJS, which an ESM bundle cannot `require`.
 */
export const BUNDLED_IN_CLI = ['zod', 'luxon', 'csv-parse', 'ts-pattern'] as const;

/**
 * The license text of a package in `node_modules` (its LICENSE, LICENSE.md or LICENSE.txt), trimmed.
 *
 * @param name - the package
 * @returns the text
 * @throws {Error} when the package has none of them
 * @example licenseOf('zod').startsWith('MIT License') // true
 */
export function licenseOf(name: string): string {
  for (const file of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) {
    const path = join('node_modules', name, file);
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  }
  throw new Error(`no license file for ${name} in node_modules`);
}
