import { availableParallelism } from 'node:os';
import { DateTime } from 'luxon';
import { diffCase, diffContext, tallyFor } from '../diff/diffPolicies.js';
import { addCaseDiff, finishDiff, type PolicyDiff } from '../diff/policyDiff.js';
import { isValidIsoDate } from '../model/isoDate.js';
import type { Policy } from '../policy/policy.js';
import { PolicyError } from '../policy/loadPolicy.js';
import { formatDiff, formatDiffInput } from '../report/diffText.js';
import { pickCalendar, pickPolicy } from './options.js';
import { readInput } from '../io/readInput.js';
import type { InputItem, UnparsableItem } from '../adapters/caseItems.js';
import { admitCase } from '../run/admitCase.js';
import { oncePerStudent } from '../run/oncePerStudent.js';
import { caseTally, recordWarnings } from '../adapters/recordWarnings.js';
import { UsageError } from './usageError.js';
import { admissionLines } from '../report/admissionText.js';
import { caseProgress, progressFlag } from './caseProgress.js';
import { pickLang } from './pickLang.js';
import { both } from '../model/template.js';
import { COMMAND_FAILURE_TEXT } from '../report/failureText.js';
import { errorText } from './errorText.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { checkOneStdin } from './oneStdin.js';
import { coverageCounter } from '../testing/coverageCounts.js';
import type { CoverageJson } from '../testing/ruleCoverage.js';
import { coverageOptions, coverageOutcome } from './coverageOption.js';
import { EXIT } from './exitCodes.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';

/** The evaluation date `--generate` uses without `--as-of`: the kit's own default, so a seed alone reproduces a run. */
const GENERATE_DEFAULT_AS_OF = '2026-11-23';

/**
 * What `trappa diff --json` prints: one JSON object, the `PolicyDiff`
 * (`asOf`, `from`, `to`, `parametersChanged`, `factsShared`, `students`,
 * `steps`, `sampleSize`, `sample`) plus where the population came from and
 * how much of it was read:
 *
 * ```
 * { ...PolicyDiff,
 *   input: { source: 'files', files: string[] } | { source: 'generated', generate: number, seed: number },
 *          & { cases: { read, evaluated, rejected }, records: { read, accepted, duplicate, rejected } } }
 * ```
 * `cases.read = cases.evaluated + cases.rejected`, and
 * `cases.evaluated = students.evaluated`. With `--coverage` (or
 * `--threshold`), also `coverage` (a `CoverageReport` of `from` and `to`, in
 * that order; one entry when they are the same file) and with `--threshold`
 * `threshold` and `belowThreshold` (the `to` policy's id when its leaf
 * coverage is under it).
 */
export type DiffReport = PolicyDiff & {
  readonly input: ({ readonly source: 'files'; readonly files: readonly string[] } | { readonly source: 'generated'; readonly generate: number; readonly seed: number }) & {
    readonly cases: { readonly read: number; readonly evaluated: number; readonly rejected: number };
    readonly records: { readonly read: number; readonly accepted: number; readonly duplicate: number; readonly rejected: number };
  };
} & Partial<CoverageJson>;

function wholeNumber(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^-?\d+$/.test(text)) throw new UsageError(both(USAGE_TEXT.wholeNumber, { option, value: `"${text}"` }));
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(both(USAGE_TEXT.between, { option, min, max, value: n }));
  return n;
}

async function loadSide(option: string, spec: string): Promise<Policy> {
  try {
    return await pickPolicy(spec);
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw Object.assign(new Error(`${option} ${spec}: ${(error as Error).message}`), { text: both(COMMAND_FAILURE_TEXT.policyOption, (lang) => ({ option, spec, reason: errorText(error, lang) })) });
  }
}

async function* fromFiles(files: readonly string[]): AsyncGenerator<InputItem | UnparsableItem> {
  for (const file of files) yield* readInput(file);
}

async function* fromGenerator(inputs: AsyncIterable<unknown>): AsyncGenerator<InputItem> {
  let i = 0;
  for await (const value of inputs) {
    i += 1;
    yield { location: `generated[${i - 1}]`, value };
  }
}

/** The options `trappa diff` takes (its help: `DIFF_HELP`, which names every one). */
export const DIFF_OPTIONS = {
  from: { type: 'string', path: 'policy' },
  to: { type: 'string', path: 'policy' },
  generate: { type: 'string', number: 'integer' },
  seed: { type: 'string', number: 'integer' },
  'as-of': { type: 'string' },
  calendar: { type: 'string', path: true },
  sample: { type: 'string', default: '3', number: 'integer' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  workers: { type: 'string', number: 'integer' },
  coverage: { type: 'boolean' },
  threshold: { type: 'string', number: 'any' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/** parseArgs errors (unknown option, missing value) reach main.ts, which exits 2 for every one of them. */
function parseDiffArgs(args: string[], config: ConfigSupport) {
  return parseCommandArgs('diff', args, DIFF_OPTIONS, config);
}

/**
 * `trappa diff`: evaluate a population under two policies and report which
 * students' steps change (see `diffPolicies`). Text by default, one JSON
 * object (`DiffReport`) with `--json`. Rejected cases and lesson records are
 * reported on stderr and counted, never dropped silently.
 *
 * @param args - the arguments after `diff`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code: 0 done, 3 done but some cases or records were rejected (as `trappa evaluate`),
 *   1 the `--to` policy's leaf coverage is under `--threshold` (before 3: the gate was asked for)
 * @throws {UsageError} on a usage mistake (exit 2); other errors are failures (exit 1)
 * @example await diffCommand(['--from', 'stockholm', '--to', 'my-stockholm.json', 'cases.ndjson', '--as-of', '2026-11-23'])
 */
export async function diffCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseDiffArgs(args, config);

  if (values.from === undefined || values.to === undefined) throw new UsageError(both(USAGE_TEXT.diffPolicies));
  if (values.generate === undefined && positionals.length === 0) throw new UsageError(both(USAGE_TEXT.diffInput));
  if (values.generate !== undefined && positionals.length > 0) throw new UsageError(both(USAGE_TEXT.diffNotBoth));
  if (values.seed !== undefined && values.generate === undefined) throw new UsageError(both(USAGE_TEXT.generateOnly, { option: '--seed' }));
  const generate = values.generate === undefined ? undefined : wholeNumber('--generate', values.generate, 1);
  const seed = values.seed === undefined ? 1 : wholeNumber('--seed', values.seed, -(2 ** 31), 2 ** 31 - 1);
  const sample = wholeNumber('--sample', values.sample, 0);
  if (values.workers !== undefined && generate === undefined) throw new UsageError(both(USAGE_TEXT.generateOnly, { option: '--workers' }));
  const workers = values.workers === undefined ? (generate !== undefined && generate >= 5000 ? availableParallelism() : 1) : wholeNumber('--workers', values.workers, 1, 64);
  const lang = pickLang(values.lang);
  const { coverage, threshold } = coverageOptions(values.coverage, values.threshold);
  const asOf = values['as-of'] ?? (generate === undefined ? (DateTime.now().setZone('Europe/Stockholm').toISODate() ?? '') : GENERATE_DEFAULT_AS_OF);
  if (!isValidIsoDate(asOf)) throw new UsageError(both(USAGE_TEXT.asOf, { value: `"${asOf}"` }));

  checkOneStdin([
    ...positionals.map((path, i) => ({ flag: both(USAGE_TEXT.caseFile, { n: i + 1 }), path })),
    { flag: '--from', path: values.from },
    { flag: '--to', path: values.to },
    { flag: '--calendar', path: values.calendar },
  ]);
  const from = await loadSide('--from', values.from);
  const to = await loadSide('--to', values.to);
  const calendar = await pickCalendar(values.calendar);
  const context = diffContext(from, to, { asOf, sample, ...(calendar === undefined ? {} : { calendar }) });
  const tally = tallyFor(context);
  const cases = { read: 0, evaluated: 0, rejected: 0 };
  const records = { read: 0, accepted: 0, duplicate: 0, rejected: 0 };
  const counter = coverage ? coverageCounter() : undefined;

  let items: AsyncIterable<InputItem | UnparsableItem> | Iterable<InputItem>;
  if (generate === undefined) items = fromFiles(positionals);
  else {
    // fast-check is loaded only here: plain diffs of case files never pay for
    // it, and it is an optional peer dependency of the package.
    let generateCases: typeof import('./generateCases.js').generateCases;
    let generateInWorkers: typeof import('./generateInWorkers.js').generateInWorkers;
    try {
      ({ generateCases } = await import('./generateCases.js'));
      ({ generateInWorkers } = await import('./generateInWorkers.js'));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
      throw Object.assign(new Error(COMMAND_FAILURE_TEXT.needsFastCheck.en), { text: COMMAND_FAILURE_TEXT.needsFastCheck });
    }
    items = fromGenerator(generateInWorkers(generate, seed, asOf, calendar, workers, generateCases));
  }
  const progress = caseProgress(progressFlag(values), generate ?? 0, lang);
  const once = oncePerStudent();
  for await (const item of items) {
    const parsed = admitCase(item, { cases, records }, (c) => once(c, item.location));
    progress.tick({ cases, records });
    for (const line of admissionLines(parsed, lang)) process.stderr.write(`${line}\n`);
    if (parsed.status !== 'accepted') continue;
    const warnings = recordWarnings(caseTally(parsed));
    const result = diffCase(context, parsed.case, warnings);
    addCaseDiff(tally, result);
    if (counter !== undefined) {
      counter.add({ policy: from, asOf, facts: result.facts.from });
      if (to.hash !== from.hash) counter.add({ policy: to, asOf, facts: result.facts.to });
    }
    cases.evaluated += 1;
  }

  progress.done();
  const diff = finishDiff(tally);
  // Both policies are counted over the population; the threshold gates `to`, the policy about to go live.
  const covered = counter === undefined ? undefined : coverageOutcome(counter.counts(), [from, to], {
          threshold,
          lang,
          gated: [to],
          summaryOnly: [from],
          labels: new Map(to.hash === from.hash ? [] : [[from.hash, 'from: '], [to.hash, 'to: ']]),
        });
  const source = generate === undefined ? { source: 'files' as const, files: positionals } : { source: 'generated' as const, generate, seed };
  if (values.json) {
    const report: DiffReport = { ...diff, input: { ...source, cases, records }, ...covered?.json };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    const input = formatDiffInput(generate === undefined ? { files: positionals } : { generate, seed }, cases, records, lang);
    process.stdout.write(`${formatDiff(diff, lang)}\n\n${input.join('\n')}\n${covered === undefined ? '' : `\n${covered.text}\n`}`);
  }
  for (const line of covered?.belowText ?? []) process.stderr.write(`trappa: ${line}\n`);
  if ((covered?.below.length ?? 0) > 0) return EXIT.failure;
  return cases.rejected + records.rejected > 0 ? 3 : 0;
}
