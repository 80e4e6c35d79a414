import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI (npm test builds first), as the CLI tests use it.
const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

// The example test file of docs/kit.md is examples/policy.test.ts (which npm test runs), with the
// package's import paths instead of the repository's: the two must not drift apart.
describe('docs/kit.md "Property-test your policy"', () => {
  it('shows examples/policy.test.ts, importing from trappa and trappa/testing', () => {
    const readme = readFileSync(new URL('../../docs/kit.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Property-test your policy'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/policy.test.ts', import.meta.url), 'utf8')
      .replace("from '../src/index.js';", "from 'trappa';")
      .replace("from '../src/testing/index.js';", "from 'trappa/testing';");
    expect(shown).toBe(file);
  });
});

/**
 * The first line of `shown` that is not a line of `file` in order: `shown` is
 * `file` with whole lines left out, and an import may name fewer of the
 * module's exports than the file's import does. Undefined when it is.
 */
function lineNotInFile(shown: readonly string[], file: readonly string[]): string | undefined {
  const imported = (line: string) => /^import \{ (.+) \} from ('[^']+');$/.exec(line);
  const fits = (want: string, have: string): boolean => {
    const [w, h] = [imported(want), imported(have)];
    if (w === null || h === null) return want === have;
    const names = new Set(h[1]?.split(', '));
    return w[2] === h[2] && (w[1]?.split(', ') ?? []).every((name) => names.has(name));
  };
  let at = 0;
  for (const line of shown) {
    while (at < file.length && !fits(line, file[at] ?? '')) at += 1;
    if (at === file.length) return line;
    at += 1;
  }
  return undefined;
}

// The README's short kit example is examples/policy.test.ts cut short, so it runs as the file does.
describe('README "Property-test a policy"', () => {
  it('shows examples/policy.test.ts with lines left out, importing from trappa and trappa/testing', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = (/```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Property-test a policy')))?.[1] ?? '').split('\n');
    const file = readFileSync(new URL('../../examples/policy.test.ts', import.meta.url), 'utf8')
      .replace("from '../src/index.js';", "from 'trappa';")
      .replace("from '../src/testing/index.js';", "from 'trappa/testing';")
      .split('\n');
    expect(shown.filter((l) => l.trim() !== '').length).toBeGreaterThan(10);
    expect(lineNotInFile(shown, file)).toBeUndefined();
  });

  it('the matcher finds a line that is not in the file, one out of order, and an import of a name the file does not import', () => {
    const file = ["import { a, b } from 'm';", 'x', 'y'];
    expect(lineNotInFile(["import { b } from 'm';", 'y'], file)).toBeUndefined();
    expect(lineNotInFile(['x', 'z'], file)).toBe('z');
    expect(lineNotInFile(['y', 'x'], file)).toBe('x');
    expect(lineNotInFile(["import { c } from 'm';"], file)).toBe("import { c } from 'm';");
    expect(lineNotInFile(["import { a } from 'n';"], file)).toBe("import { a } from 'n';");
  });
});

describe('docs/duties.md "Duties over time"', () => {
  it('shows examples/two-nights.test.ts, importing from trappa', () => {
    const readme = readFileSync(new URL('../../docs/duties.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('# Duties over time'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/two-nights.test.ts', import.meta.url), 'utf8').replace("from '../src/index.js';", "from 'trappa';");
    expect(shown).toBe(file);
  });
});

describe('docs/policies.md "Verify against json-rules-engine"', () => {
  it('shows examples/verify.test.ts, importing from trappa and trappa/verify', () => {
    const readme = readFileSync(new URL('../../docs/policies.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Verify against json-rules-engine'));
    const shown = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    const file = readFileSync(new URL('../../examples/verify.test.ts', import.meta.url), 'utf8')
      .replace("from '../src/index.js';", "from 'trappa';")
      .replace("from '../src/verify/index.js';", "from 'trappa/verify';");
    expect(shown).toBe(file);
  });
});

/**
 * Lines of `actual` that the docs show: every shown line in order, a run
 * of them consecutive, a line `…` (alone, indented or not) standing for any
 * number of lines. Returns the first shown line not found where expected, or
 * undefined when all are.
 */
function missingShownLine(shown: readonly string[], actual: readonly string[]): string | undefined {
  let at = 0;
  let anywhere = false;
  for (const line of shown) {
    if (line.trim() === '…') {
      anywhere = true;
      continue;
    }
    const found = anywhere ? actual.indexOf(line, at) : actual[at] === line ? at : -1;
    if (found === -1) return line;
    at = found + 1;
    anywhere = false;
  }
  return undefined;
}

describe('docs/kit.md "Worked example: change the threshold, test, then diff"', () => {
  const readme = readFileSync(new URL('../../docs/kit.md', import.meta.url), 'utf8');
  const tables = readme.slice(readme.indexOf('## Example tables and coverage'));
  const section = tables.slice(tables.indexOf('### Worked example'), tables.indexOf('\n## '));
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] ?? '' }));
  const commands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.text.split('\n').filter((l) => l.startsWith('npx trappa ')));
  const outputs = blocks.filter((b) => b.lang === '').map((b) => b.text.replace(/\n$/, '').split('\n'));

  it('runs as written: the table of "Example tables" and the 15 % policy, then the diff with --coverage, each output as shown', () => {
    expect(commands).toEqual([expect.stringMatching(/^npx trappa test my-cases\.yaml --coverage/), expect.stringMatching(/^npx trappa diff .* students\.ndjson .*--coverage/)]);
    expect(outputs).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), 'trappa-readme-'));
    const table = /```yaml\n([\s\S]*?)```/.exec(tables)?.[1] ?? '';
    expect(table).toContain('policy: my-stockholm.json');
    writeFileSync(join(dir, 'my-cases.yaml'), table);
    copyFileSync(new URL('../../fixtures/policies/stockholm-15-percent.json', import.meta.url), join(dir, 'my-stockholm.json'));
    const cases = new URL('../../fixtures/cases/', import.meta.url);
    const lines = readdirSync(cases)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => (JSON.parse(readFileSync(new URL(f, cases), 'utf8')) as unknown[]).map((c) => JSON.stringify(c)));
    expect(lines).toHaveLength(8);
    writeFileSync(join(dir, 'students.ndjson'), `${lines.join('\n')}\n`);
    commands.forEach((command, i) => {
      const args = command.replace(/^npx trappa /, '').split(/\s+/);
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
      expect({ command, code: r.status, stderr: r.stderr }).toEqual({ command, code: 0, stderr: '' });
      expect(missingShownLine(outputs[i] ?? [], r.stdout.split('\n'))).toBeUndefined();
    });
    // The prose after it: the threshold leaves are true for 4 of the 8 students at 20 %, for 5 at 15 %.
    const json = spawnSync(process.execPath, [CLI, ...(commands[1] ?? '').replace(/^npx trappa /, '').split(/\s+/), '--json'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(json.stdout) as { coverage: { policies: Array<{ leaves: Array<{ owner: { name?: string }; fact: string; casesTrue: number }> }> } };
    const thresholdLeaves = report.coverage.policies.map((p) => p.leaves.filter((l) => l.owner.name === 'allvarlig-franvaro' && l.fact.endsWith('AbsenceBeyondShortIllness')).map((l) => l.casesTrue));
    expect(thresholdLeaves).toEqual([
      [4, 4],
      [5, 5],
    ]);
  });

  it('the matcher finds a line that is not there, or out of order', () => {
    expect(missingShownLine(['a', '…', 'c'], ['a', 'b', 'c'])).toBeUndefined();
    expect(missingShownLine(['a', 'c'], ['a', 'b', 'c'])).toBe('c');
    expect(missingShownLine(['…', 'c', 'a'], ['a', 'b', 'c'])).toBe('a');
    expect(missingShownLine(['b'], ['a', 'b'])).toBe('b');
  });
});
