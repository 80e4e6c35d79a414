import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The packed artifact, not the source: `npm test` builds first (pretest), so dist/ is fresh.
const dist = new URL('../../dist/', import.meta.url);

describe('built package', () => {
  it('has been built (npm test runs tsup first)', () => {
    expect(existsSync(new URL('index.js', dist))).toBe(true);
  });

  it('can be imported as ESM and evaluates a case', async () => {
    const trappa = (await import(new URL('index.js', dist).href)) as typeof import('../../src/index.js');
    const parsed = trappa.parseStudentCase({
      student: {
        id: 'smoke-1',
        birthDate: '2013-01-01',
        schoolForm: 'grundskola',
        grade: 7,
        school: { id: 's', huvudman: 'kommunal', municipalityCode: '0180' },
        residence: { municipalityCode: '0180' },
      },
      signals: [{ type: 'harm-suspected', date: '2026-11-20' }],
    });
    if (!parsed.ok) throw new Error('case rejected');
    const decision = trappa.evaluate(parsed.case, trappa.builtinPolicy('stockholm'), { asOf: '2026-11-23' });
    expect(decision.steps.map((s) => s.id)).toContain('orosanmalan');
  });

  it('can be required as CommonJS', () => {
    const require = createRequire(import.meta.url);
    const trappa = require(new URL('index.cjs', dist).pathname) as typeof import('../../src/index.js');
    expect(typeof trappa.evaluate).toBe('function');
    expect(trappa.fromSs12000({}).counts.attendance).toEqual({ read: 0, accepted: 0, excluded: 0, rejected: 0 });
    expect(trappa.builtinPolicy('skollagen').id).toBe('skollagen');
  });

  it('ships a working CLI', () => {
    const out = execFileSync(process.execPath, [new URL('cli.js', dist).pathname, 'schema', 'student-case'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toHaveProperty('properties.student');
  });
});
