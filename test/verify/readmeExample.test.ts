import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's example is examples/verify.test.ts (which npm test runs), with the package's
// import paths instead of the repository's: the two must not drift apart.
describe('README "Verify against json-rules-engine"', () => {
  it('shows examples/verify.test.ts, importing from trappa and trappa/verify', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Verify against json-rules-engine'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/verify.test.ts', import.meta.url), 'utf8')
      .replace("from '../src/index.js';", "from 'trappa';")
      .replace("from '../src/verify/index.js';", "from 'trappa/verify';");
    expect(shown).toBe(file);
  });
});
