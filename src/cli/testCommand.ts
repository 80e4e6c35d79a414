import { errorText } from './errorText.js';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isBuiltinPolicyId } from '../policy/builtinPolicies.js';
import type { Policy } from '../policy/policy.js';
import { stepKeys } from '../testing/decide.js';
import { expandCase, parseExampleTable } from '../testing/exampleTable.js';
import { coverageCounter, coverageSample, type CoverageCounter } from '../testing/coverageCounts.js';
import { runExampleCase, type ExampleResult } from '../testing/runExampleCase.js';
import { coverageOptions, coverageOutcome, type CoverageOutcome } from './coverageOption.js';
import { junitXml, type JUnitCase, type JUnitSuite } from '../report/junitXml.js';
import { writeOutputFile } from '../io/writeOutputFile.js';
import { checkOutputs } from '../batch/checkOutputs.js';
import { EXAMPLE_RUN_TEXT, formatFailure } from '../report/exampleRunText.js';
import { say } from '../model/template.js';
import type { Lang } from '../report/decisionText.js';
import { pickPolicy } from './options.js';
import { UsageError } from './usageError.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { pickLang } from './pickLang.js';
import { both } from '../model/template.js';
import { USAGE_TEXT } from '../report/usageText.js';

/**
 * Why a table is not YAML, by line, column and the parser's code: the yaml
 * package's own message is English and quotes the file.
 *
 * @param error - what `parseYaml` threw (or the file system)
 * @param lang - output language
 * @returns the reason
 * @example yamlErrorText(Object.assign(new Error('Flow map must end with a }…'), { code: 'MISSING_CHAR', linePos: [{ line: 2, col: 1 }] }), 'sv') // 'ogiltig YAML på rad 2, kolumn 1 (MISSING_CHAR)'
 */
function yamlErrorText(error: unknown, lang: Lang): string {
  const { code, linePos } = (error ?? {}) as { code?: unknown; linePos?: ReadonlyArray<{ line: number; col: number }> };
  const at = linePos?.[0];
  if (typeof code === 'string' && at !== undefined) return say(EXAMPLE_RUN_TEXT.invalidYaml, lang, { line: at.line, column: at.col, code });
  return errorText(error, lang);
}

/** The options `trappa test` takes (its help: `TEST_HELP`, which names every one). */
export const TEST_OPTIONS = {
  json: { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  coverage: { type: 'boolean', default: false },
  threshold: { type: 'string', number: 'any' },
  junit: { type: 'string', path: true },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  // Read by main, which prints the help (TEST_HELP) before the command runs.
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** One case's result with its table file, as `--json` writes it. */
interface CaseLine {
  readonly type: 'case';
  readonly file: string;
  readonly name: string;
  readonly source: string | undefined;
  readonly status: ExampleResult['status'];
  readonly differences?: unknown;
  readonly steps?: readonly string[];
  readonly error?: string;
}

interface Run {
  readonly lines: CaseLine[];
  /** The cases that failed or could not run, with their line. */
  readonly failures: Array<{ file: string; result: ExampleResult; line: CaseLine }>;
  readonly coverage: CoverageCounter;
  /** The policies of the cases, in order of first use. */
  readonly policies: Policy[];
  /** Files to watch: the tables and the policy files they name. */
  readonly watched: Set<string>;
}

async function loadPolicyFor(spec: string, tableFile: string, cache: Map<string, Promise<Policy> | Policy>, watched: Set<string>): Promise<Policy> {
  const isBuiltin = isBuiltinPolicyId(spec);
  const key = isBuiltin ? spec : resolve(dirname(tableFile), spec);
  if (!isBuiltin) watched.add(key);
  let p = cache.get(key);
  if (p === undefined) {
    p = pickPolicy(key);
    cache.set(key, p);
  }
  return p;
}

async function runTable(file: string, run: Run, cache: Map<string, Promise<Policy> | Policy>, lang: Lang): Promise<void> {
  const t = EXAMPLE_RUN_TEXT;
  run.watched.add(resolve(file));
  const fail = (name: string, error: string): void => {
    const result: ExampleResult = { name, source: undefined, status: 'error', error };
    const line: CaseLine = { type: 'case', file, name, source: undefined, status: 'error', error };
    run.lines.push(line);
    run.failures.push({ file, result, line });
  };
  let value: unknown;
  try {
    // yaml is loaded when a table is read, not at every start of the CLI (some 40 ms).
    const { parse: parseYaml } = await import('yaml');
    value = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    fail('(table)', say(t.unreadableTable, lang, { error: yamlErrorText(error, lang) }));
    return;
  }
  const parsed = parseExampleTable(value);
  if (!parsed.ok) {
    fail('(table)', say(t.notATable, lang, { issues: parsed.issues.map((i) => `${i.path || '(root)'}: ${i.text[lang]}`).join('; ') }));
    return;
  }
  for (let i = 0; i < parsed.table.cases.length; i += 1) {
    const c = expandCase(parsed.table, i);
    if (!('input' in c)) {
      fail(parsed.table.cases[i]?.name ?? say(t.caseN, lang, { n: i + 1 }), `${c.path}: ${c.text[lang]}`);
      continue;
    }
    let policy: Policy;
    try {
      policy = await loadPolicyFor(c.policy, file, cache, run.watched);
    } catch (error) {
      fail(c.name, say(t.policyFailed, lang, { policy: c.policy, error: errorText(error, lang) }));
      continue;
    }
    const result = runExampleCase(c, policy);
    if (result.status === 'error') {
      const line: CaseLine = { type: 'case', file, name: result.name, source: result.source, status: 'error', error: result.error };
      run.lines.push(line);
      run.failures.push({ file, result, line });
      continue;
    }
    run.coverage.add(coverageSample(result.decision, policy));
    if (!run.policies.includes(policy)) run.policies.push(policy);
    const line: CaseLine = { type: 'case', file, name: result.name, source: result.source, status: result.status, differences: result.differences, steps: stepKeys(result.decision) };
    run.lines.push(line);
    if (result.status === 'failed') run.failures.push({ file, result, line });
  }
}

/** The run as JUnit suites: one per table file, and with a threshold one for coverage (a case per policy). */
function junitSuites(run: Run, coverage: CoverageOutcome | undefined, threshold: number | undefined, lang: Lang): JUnitSuite[] {
  const failures = new Map(run.failures.map((f) => [f.line, f.result]));
  const suites = new Map<string, JUnitCase[]>();
  for (const line of run.lines) {
    const cases = suites.get(line.file) ?? [];
    suites.set(line.file, cases);
    const result = failures.get(line);
    const source = line.source === undefined ? '' : `${say(EXAMPLE_RUN_TEXT.source, lang, { source: line.source })}\n`;
    if (result?.status === 'failed') {
      const n = result.differences.length;
      cases.push({ name: line.name, classname: line.file, failure: { message: say(EXAMPLE_RUN_TEXT.differences, lang, { n }), text: `${source}${formatFailure(result.differences, result.decision, lang)}` } });
    } else if (result?.status === 'error') cases.push({ name: line.name, classname: line.file, error: { message: result.error, text: `${source}${result.error}` } });
    else cases.push({ name: line.name, classname: line.file });
  }
  const out: JUnitSuite[] = [...suites].map(([name, cases]) => ({ name, cases }));
  if (coverage !== undefined && threshold !== undefined) {
    const below = new Map(coverage.below.map((p, i) => [p.hash, coverage.belowText[i] ?? '']));
    out.push({
      name: 'coverage',
      cases: coverage.json.coverage.policies.map((p) => {
        const message = below.get(p.hash);
        const name = say(EXAMPLE_RUN_TEXT.coverageCase, lang, { policy: p.policyId, version: p.version, threshold: lang === 'sv' ? String(threshold).replace('.', ',') : threshold });
        return message === undefined ? { name, classname: 'coverage' } : { name, classname: 'coverage', failure: { message, text: message } };
      }),
    });
  }
  return out;
}

async function runOnce(
  files: readonly string[],
  options: { json: boolean; coverage: boolean; threshold: number | undefined; lang: Lang; junit: string | undefined },
): Promise<{ code: number; watched: Set<string> }> {
  const run: Run = { lines: [], failures: [], coverage: coverageCounter(), policies: [], watched: new Set() };
  const cache = new Map<string, Promise<Policy> | Policy>();
  for (const file of files) await runTable(file, run, cache, options.lang);
  const passed = run.lines.filter((l) => l.status === 'passed').length;
  const failed = run.lines.filter((l) => l.status === 'failed').length;
  const errors = run.lines.filter((l) => l.status === 'error').length;
  const coverage = options.coverage ? coverageOutcome(run.coverage.counts(), run.policies, { threshold: options.threshold, lang: options.lang }) : undefined;
  const below = coverage?.below ?? [];
  const out: string[] = [];
  if (options.json) {
    for (const l of run.lines) out.push(JSON.stringify(l));
    if (coverage !== undefined) out.push(JSON.stringify({ type: 'coverage', ...coverage.json.coverage }));
    out.push(JSON.stringify({ type: 'summary', passed, failed, errors, ...(options.threshold === undefined ? {} : { threshold: options.threshold, belowThreshold: below.map((p) => p.policyId) }) }));
  } else {
    for (const l of run.lines) out.push(`${l.status === 'passed' ? '✓' : '✗'} ${l.file} › ${l.name}${l.status === 'error' ? `: ${l.error ?? ''}` : ''}`);
    for (const { file, result } of run.failures) {
      if (result.status !== 'failed') continue;
      out.push('', `✗ ${file} › ${result.name}${result.source === undefined ? '' : `\n    ${say(EXAMPLE_RUN_TEXT.source, options.lang, { source: result.source })}`}`);
      out.push(formatFailure(result.differences, result.decision, options.lang));
    }
    if (coverage !== undefined) out.push('', coverage.text);
    out.push('', say(EXAMPLE_RUN_TEXT.summary, options.lang, { passed, failed, errors }));
    out.push(...(coverage?.belowText ?? []));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  if (options.junit !== undefined) writeOutputFile('--junit', options.junit, junitXml('trappa test', junitSuites(run, coverage, options.threshold, options.lang)));
  return { code: failed + errors > 0 || below.length > 0 ? 1 : 0, watched: run.watched };
}

/**
 * `trappa test <table...>`: run example tables, report failures with the
 * decision's explanation, optionally coverage; `--watch` runs again on change.
 *
 * @param args - the arguments after `test`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code (never returns with `--watch`)
 * @example await testCommand(['examples/tables/stockholm.yaml', '--coverage']) //=> 0
 */
export async function testCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('test', args, TEST_OPTIONS, config);
  const lang = pickLang(values.lang);
  if (positionals.length === 0) throw new UsageError(both(USAGE_TEXT.testNeedsTable));
  const { coverage, threshold } = coverageOptions(values.coverage, values.threshold);
  if (values.junit !== undefined) checkOutputs([{ flag: '--junit', path: values.junit }], positionals.map((path) => ({ flag: 'a table', path })));
  const options = { json: values.json, coverage, threshold, lang, junit: values.junit };
  const first = await runOnce(positionals, options);
  if (!values.watch) return first.code;
  return watchAndRerun(positionals, options, first.watched);
}

/** Keep running: on a change of any watched file (debounced), run again. Never resolves; Ctrl-C ends it. */
function watchAndRerun(files: readonly string[], options: Parameters<typeof runOnce>[1], initial: Set<string>): Promise<number> {
  return new Promise<number>(() => {
    let timer: NodeJS.Timeout | undefined;
    let watchers: Array<ReturnType<typeof watch>> = [];
    const arm = (paths: Set<string>): void => {
      for (const w of watchers) w.close();
      watchers = [...paths].map((p) => watch(p, () => schedule()));
    };
    const schedule = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        process.stdout.write(`\n${say(EXAMPLE_RUN_TEXT.runAgain, options.lang, { time: new Date().toISOString() })}\n`);
        void runOnce(files, options).then((r) => arm(r.watched), (error: unknown) => process.stderr.write(`trappa: ${String(error)}\n`));
      }, 150);
    };
    arm(initial);
    process.stderr.write(`${say(EXAMPLE_RUN_TEXT.watching, options.lang, { n: initial.size })}\n`);
  });
}
