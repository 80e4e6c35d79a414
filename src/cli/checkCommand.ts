import { existsSync } from 'node:fs';
import { builtinPolicySource, isBuiltinPolicyId, resolveBuiltinPolicy } from '../policy/builtinPolicies.js';
import { unknownPolicyText } from './options.js';
import { checkPolicy } from '../policy/checkPolicy.js';
import type { FindingCode } from '../policy/finding.js';
import { loadPolicy, type PolicyResolver } from '../policy/loadPolicy.js';
import type { Policy } from '../policy/policy.js';
import { readPolicyFile } from '../io/readPolicyFile.js';
import { UsageError } from './usageError.js';
import { USAGE_TEXT } from '../report/usageText.js';
import { jsonErrorText } from '../adapters/jsonError.js';
import { checkOneStdin } from './oneStdin.js';
import type { CommandOptions } from './commandOptions.js';
import { parseCommandArgs } from './commandArgs.js';
import { NO_CONFIG, type ConfigSupport } from './configSupport.js';
import { CHECK_TEXT, formatCheckSummary, formatFinding, type FileFinding } from '../report/checkText.js';
import type { Texts } from '../report/labels.js';
import { both } from '../model/template.js';
import { pickLang } from './pickLang.js';

export type { FileFinding } from '../report/checkText.js';

/** The options `trappa check` takes (its help: `CHECK_HELP`). */
export const CHECK_OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'sv', choices: ['sv', 'en'] },
  config: { type: 'string', commandLineOnly: true },
  help: { type: 'boolean', short: 'h', commandLineOnly: true },
} as const satisfies CommandOptions;

/**
 * Resolves `extends` to a bundled policy, else to another file given on the
 * command line (by its `id`), loaded on first use; undefined if that file is
 * itself invalid or part of a cycle.
 */
function resolverFor(files: ReadonlyMap<string, unknown>): PolicyResolver {
  const loaded = new Map<string, Policy | undefined>();
  const resolve: PolicyResolver = (id) => {
    const builtin = resolveBuiltinPolicy(id);
    if (builtin !== undefined) return builtin;
    if (loaded.has(id)) return loaded.get(id);
    loaded.set(id, undefined); // a cycle resolves to nothing and is reported as an unknown base
    const json = files.get(id);
    if (json === undefined) return undefined;
    try {
      const policy = loadPolicy(json, resolve);
      loaded.set(id, policy);
      return policy;
    } catch {
      return undefined;
    }
  };
  return resolve;
}

/**
 * `trappa check <policy.json...> [--json]`: static checks of policy files.
 * Exit 0 when no file has an error (warnings allowed), 1 on errors, 2 on
 * usage errors.
 *
 * @param args - the arguments after `check`
 * @param config - the config file format, from main (`--config`)
 * @returns the exit code
 * @example await checkCommand(['my-policy.json', '--json'])
 */
export async function checkCommand(args: string[], config: ConfigSupport = NO_CONFIG): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, CHECK_OPTIONS, config);
  const lang = pickLang(values.lang);
  if (positionals.length === 0) throw new UsageError(both(USAGE_TEXT.checkNeedsFile));
  checkOneStdin(positionals.map((path, i) => ({ flag: both(USAGE_TEXT.policyFile, { n: i + 1 }), path })));
  const parsed: Array<{ file: string; json?: unknown; error?: Texts; code?: FindingCode }> = [];
  for (const file of positionals) {
    // A bundled id (`trappa check stockholm`) checks the bundled file, unless a file of that name is here.
    if (isBuiltinPolicyId(file) && !existsSync(file)) {
      parsed.push({ file: `rules/${file}.json`, json: builtinPolicySource(file) });
      continue;
    }
    let text: string;
    try {
      const read = await readPolicyFile(file);
      if (!read.ok) {
        parsed.push({ file, error: read.texts, code: 'policy-too-large' });
        continue;
      }
      text = read.text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      parsed.push({ file, error: code === 'ENOENT' ? unknownPolicyText(file) : both(CHECK_TEXT.cannotRead, { reason: code ?? (error as Error).message }) });
      continue;
    }
    try {
      parsed.push({ file, json: JSON.parse(text) as unknown });
    } catch (error) {
      parsed.push({ file, error: jsonErrorText(error, text) });
    }
  }
  const byId = new Map<string, unknown>();
  for (const p of parsed) {
    const id = typeof p.json === 'object' && p.json !== null ? (p.json as { id?: unknown }).id : undefined;
    if (typeof id === 'string') byId.set(id, p.json);
  }
  const resolve = resolverFor(byId);
  const findings: FileFinding[] = parsed.flatMap((p) =>
    p.error !== undefined
      ? [{ file: p.file, severity: 'error' as const, code: p.code ?? ('schema' as const), message: p.error.en, text: p.error, path: '(root)' }]
      : checkPolicy(p.json, { resolve }).map((f) => ({ file: p.file, ...f })),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (values.json) {
    for (const f of findings) process.stdout.write(`${JSON.stringify(f)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f, lang)}\n`);
    process.stdout.write(`${formatCheckSummary(positionals.length, errors, findings.length - errors, lang)}\n`);
  }
  return errors > 0 ? 1 : 0;
}
