import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's example test file is examples/policy.test.ts (which npm test runs), with the
// package's import paths instead of the repository's: the two must not drift apart.
describe('README "Property-test your policy"', () => {
  it('shows examples/policy.test.ts, importing from trappa and trappa/testing', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Property-test your policy'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/policy.test.ts', import.meta.url), 'utf8')
      .replace("from '../src/index.js';", "from 'trappa';")
      .replace("from '../src/testing/index.js';", "from 'trappa/testing';");
    expect(shown).toBe(file);
  });
});

describe('README "Duties over time"', () => {
  it('shows examples/two-nights.test.ts, importing from trappa', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Duties over time'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/two-nights.test.ts', import.meta.url), 'utf8').replace("from '../src/index.js';", "from 'trappa';");
    expect(shown).toBe(file);
  });
});

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
