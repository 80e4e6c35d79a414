/**
 * Issue 16, the CLI: `trappa.config.json` (`--config FILE`) for unattended runs. The schema is
 * derived from the option tables (every option `parseArgs` takes is a key); a setting given in
 * the file is the same setting as the flag; flags win; paths are relative to the file's folder;
 * a bad key is named by file and JSON path, in sv and en, never with its value.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConfig, parseCommandArgs } from '../../src/cli/commandArgs.js';
import type { CommandOptions, OptionConfig } from '../../src/cli/commandOptions.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { parseConfigText, resolveConfigPath } from '../../src/cli/configFile.js';
import { configCommands, configJsonSchema, configKeys, configSchema } from '../../src/cli/configSchema.js';
import { NO_CONFIG, configFileOf, type ConfigSupport } from '../../src/cli/configSupport.js';
import { EVALUATE_OPTIONS } from '../../src/cli/evaluateCommand.js';
import { jsonFormArgs } from '../../src/cli/jsonFormOption.js';
import { UsageError } from '../../src/cli/usageError.js';
import { BUILTIN_POLICY_IDS } from '../../src/policy/builtinPolicies.js';

const FILE = 'trappa.config.json';

/** A config format whose files are texts in memory, by name. */
function inMemory(files: Readonly<Record<string, string>>): ConfigSupport {
  return {
    read: (file) => parseConfigText(files[file] ?? '{}', file, COMMANDS),
    jsonSchema: () => configJsonSchema(COMMANDS),
  };
}

/** A relative path whose segments `join` leaves as they are (no `.`, `..` or empty segment). */
const relativePath = fc
  .array(fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,7}$/), { minLength: 1, maxLength: 3 })
  .filter((segments) => segments.every((s) => s !== '.' && s !== '..'))
  .map((segments) => segments.join('/'));
const path = fc.oneof(relativePath, relativePath.map((p) => `/srv/${p}`));

/** A value of an option as a config file holds it (the JSON value) and as a command line writes it. */
function optionValue(option: OptionConfig): fc.Arbitrary<{ readonly json: unknown; readonly flag: string | true }> {
  if (option.type === 'boolean') return fc.constant({ json: true, flag: true as const });
  if (option.choices !== undefined) return fc.constantFrom(...option.choices).map((c) => ({ json: c, flag: c }));
  if (option.number === 'integer') return fc.integer({ min: -5, max: 100_000 }).map((n) => ({ json: n, flag: String(n) }));
  if (option.number === 'any') return fc.double({ min: 0, max: 100, noNaN: true }).map((n) => ({ json: n, flag: String(n) }));
  if (option.path === 'policy') return fc.oneof(fc.constantFrom(...BUILTIN_POLICY_IDS), path).map((p) => ({ json: p, flag: p }));
  if (option.path !== undefined) return path.map((p) => ({ json: p, flag: p }));
  return fc.string({ maxLength: 12 }).map((s) => ({ json: s, flag: s }));
}

/** Some of a command's config keys, each with a value. */
function someSettings(options: CommandOptions): fc.Arbitrary<Record<string, { readonly json: unknown; readonly flag: string | true }>> {
  const record = Object.fromEntries(configKeys(options).map(([name, option]) => [name, optionValue(option)]));
  // requiredKeys: [] leaves keys out, never sets them to undefined.
  return fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Record<string, { readonly json: unknown; readonly flag: string | true }>>;
}

/** The settings as flags: `--name` for a flag, `--name=value` otherwise (a value may start with `-`). */
function asFlags(settings: Readonly<Record<string, { readonly flag: string | true }>>): string[] {
  return Object.entries(settings).map(([name, { flag }]) => (flag === true ? `--${name}` : `--${name}=${flag}`));
}

/** The settings as a config file's evaluate section. */
function asConfig(settings: Readonly<Record<string, { readonly json: unknown }>>, inputs: readonly string[]): string {
  const section: Record<string, unknown> = Object.fromEntries(Object.entries(settings).map(([name, { json }]) => [name, json]));
  if (inputs.length > 0) section['inputs'] = inputs;
  return JSON.stringify({ $schema: 'https://unpkg.com/trappa/schemas/config.schema.json', evaluate: section });
}

/** What evaluate runs with, without the `--config` that got it there. */
function evaluateArgs(args: string[], support: ConfigSupport) {
  const { values, positionals } = parseCommandArgs('evaluate', jsonFormArgs(args), EVALUATE_OPTIONS, support);
  const { config: _, ...rest } = values;
  return { values: rest, positionals };
}

describe('the config schema is derived from the option tables', () => {
  it('has a section for every command with --config (every command but schema), and a key for every option but --help and --config', () => {
    expect(configCommands(COMMANDS)).toEqual(Object.keys(COMMANDS).filter((name) => name !== 'schema'));
    const json = configJsonSchema(COMMANDS) as { properties: Record<string, { properties: Record<string, unknown>; additionalProperties: boolean }>; additionalProperties: boolean };
    expect(json.additionalProperties).toBe(false);
    for (const name of configCommands(COMMANDS)) {
      const command = COMMANDS[name];
      if (command === undefined) throw new Error(name);
      const keys = Object.keys(command.options).filter((o) => o !== 'help' && o !== 'config');
      expect(Object.keys(json.properties[name]?.properties ?? {}).sort(), name).toEqual([...keys, ...(command.inputs === true ? ['inputs'] : [])].sort());
      expect(json.properties[name]?.additionalProperties, name).toBe(false);
    }
  });

  it('types each key from its parseArgs entry: booleans, numbers for numeric options, the choices, paths not empty', () => {
    const evaluate = (configJsonSchema(COMMANDS) as { properties: { evaluate: { properties: Record<string, Record<string, unknown>> } } }).properties.evaluate.properties;
    expect(evaluate['coverage']?.['type']).toBe('boolean');
    expect(evaluate['workers']?.['type']).toBe('integer');
    expect(evaluate['threshold']?.['type']).toBe('number');
    expect(evaluate['details']?.['enum']).toEqual(['with-steps', 'all', 'none']);
    expect(evaluate['students']).toMatchObject({ type: 'string', minLength: 1 });
    expect(evaluate['inputs']).toMatchObject({ type: 'array', minItems: 1 });
    // A `multiple` option (none has one yet) is a list.
    const multiple = configSchema({ x: { options: { config: { type: 'string' }, tag: { type: 'string', multiple: true } } } });
    expect(multiple.safeParse({ x: { tag: ['a', 'b'] } }).success).toBe(true);
    expect(multiple.safeParse({ x: { tag: 'a' } }).success).toBe(false);
  });
});

describe('a setting in the config file is the same setting as the flag', () => {
  it('property: any subset of evaluate\'s options (and inputs), as a config in the working directory or as flags, parses to the same values', () => {
    fc.assert(
      fc.property(someSettings(EVALUATE_OPTIONS), fc.array(relativePath, { maxLength: 3 }), (settings, inputs) => {
        const fromConfig = evaluateArgs(['--config', FILE], inMemory({ [FILE]: asConfig(settings, inputs) }));
        const fromFlags = evaluateArgs([...asFlags(settings), '--', ...inputs], NO_CONFIG);
        expect(fromConfig).toEqual(fromFlags);
      }),
      { numRuns: 200 },
    );
  });

  it('property: flags win over the file, option by option; arguments replace the file\'s inputs', () => {
    fc.assert(
      fc.property(
        someSettings(EVALUATE_OPTIONS),
        someSettings(EVALUATE_OPTIONS),
        fc.array(relativePath, { maxLength: 2 }),
        fc.array(relativePath, { maxLength: 2 }),
        (file, flags, fileInputs, argInputs) => {
          const merged = evaluateArgs(['--config', FILE, ...asFlags(flags), '--', ...argInputs], inMemory({ [FILE]: asConfig(file, fileInputs) }));
          // The same run written as flags only: the file's settings the command line does not give, then the command line's.
          const onlyFile = Object.fromEntries(Object.entries(file).filter(([name]) => !Object.hasOwn(flags, name)));
          const expected = evaluateArgs([...asFlags(onlyFile), ...asFlags(flags), '--', ...(argInputs.length > 0 ? argInputs : fileInputs)], NO_CONFIG);
          expect(merged).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the file wins over a default, the flag over the file, and a file\'s false is kept', () => {
    const support = inMemory({ [FILE]: '{"evaluate":{"details":"none","policy":"goteborg","progress":false}}' });
    expect(evaluateArgs(['--config', FILE], support).values).toMatchObject({ details: 'none', policy: 'goteborg', progress: false });
    expect(evaluateArgs(['--config', FILE, '--details', 'all', '--progress'], support).values).toMatchObject({ details: 'all', policy: 'goteborg', progress: true });
    // Without --config nothing is read.
    expect(evaluateArgs([], NO_CONFIG).values).toMatchObject({ details: 'with-steps', policy: 'stockholm' });
  });

  it('mergeConfig: a multiple option given on the command line replaces the file\'s list', () => {
    const options = { tag: { type: 'string', multiple: true }, config: { type: 'string' } } as const;
    const parsed = parseArgs({ args: ['--tag', 'b'], options, tokens: true, allowPositionals: true });
    expect(mergeConfig(parsed, { values: { tag: ['a', 'c'] } }).values.tag).toEqual(['b']);
    const none = parseArgs({ args: [], options, tokens: true, allowPositionals: true });
    expect(mergeConfig(none, { values: { tag: ['a', 'c'] } }).values.tag).toEqual(['a', 'c']);
  });

  it('configFileOf: the last --config before --', () => {
    expect(configFileOf(['a', '--config', 'x.json', '--config=y.json', '--', '--config', 'z'])).toBe('y.json');
    expect(configFileOf(['a', '--', '--config', 'z'])).toBeUndefined();
  });
});

describe('paths are relative to the config file', () => {
  it('property: a relative path resolves against the file\'s folder; absolute paths, stdin and bundled policy ids stay', () => {
    fc.assert(
      fc.property(fc.oneof(relativePath, relativePath.map((p) => `/etc/${p}`)), relativePath, (configFile, value) => {
        const resolved = resolveConfigPath(value, configFile, true);
        expect(resolve(resolved)).toBe(resolve(dirname(resolve(configFile)), value));
        expect(resolveConfigPath(`/abs/${value}`, configFile, true)).toBe(`/abs/${value}`);
        expect(resolveConfigPath('-', configFile, true)).toBe('-');
        for (const id of BUILTIN_POLICY_IDS) {
          expect(resolveConfigPath(id, configFile, 'policy')).toBe(id);
          expect(resolve(resolveConfigPath(id, configFile, true))).toBe(resolve(dirname(resolve(configFile)), id));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('resolves every path option and the inputs of a section, and nothing else', () => {
    const text = JSON.stringify({
      evaluate: { students: 'export/s.ndjson', policy: 'my-policy.json', 'decisions-out': '/var/n.ndjson', 'as-of': 'a/b', delimiter: ';', inputs: ['export/l.csv', '-'] },
      report: { out: 'reports', labels: 'names.json' },
    });
    const { sections } = parseConfigText(text, '/srv/trappa/trappa.config.json', COMMANDS);
    expect(sections['evaluate']).toEqual({
      values: { students: '/srv/trappa/export/s.ndjson', policy: '/srv/trappa/my-policy.json', 'decisions-out': '/var/n.ndjson', 'as-of': 'a/b', delimiter: ';' },
      inputs: ['/srv/trappa/export/l.csv', '-'],
    });
    expect(sections['report']).toEqual({ values: { out: '/srv/trappa/reports', labels: '/srv/trappa/names.json' } });
    expect(parseConfigText('{"evaluate":{"policy":"stockholm"}}', 'conf/t.json', COMMANDS).sections['evaluate']?.values['policy']).toBe('stockholm');
    expect(parseConfigText('{"evaluate":{"students":"s.ndjson"}}', 'conf/t.json', COMMANDS).sections['evaluate']?.values['students']).toBe(join('conf', 's.ndjson'));
  });
});

/** The error a config text gives, in both languages. */
function configError(text: string, file = 'conf/trappa.config.json'): { sv: string; en: string } {
  try {
    parseConfigText(text, file, COMMANDS);
  } catch (error) {
    if (error instanceof UsageError && error.text !== undefined) return error.text;
    throw error;
  }
  throw new Error('no error');
}

describe('a bad config file is a usage error naming the file and the JSON path, never a value', () => {
  it.each([
    ['{"evaluate":{"workers":"Anna Andersson"}}', 'evaluate.workers: ska vara ett heltal', 'evaluate.workers: must be a whole number'],
    ['{"evaluate":{"workerz":4}}', 'evaluate.workerz: okänd flagga för evaluate', 'evaluate.workerz: unknown option of evaluate'],
    ['{"evaluate":{"help":true}}', 'evaluate.help: ges bara på kommandoraden', 'evaluate.help: is given on the command line only'],
    ['{"evaluate":{"config":"other.json"}}', 'evaluate.config: ges bara på kommandoraden', 'evaluate.config: is given on the command line only'],
    ['{"evaluate":{"coverage":"yes"}}', 'evaluate.coverage: ska vara true eller false', 'evaluate.coverage: must be true or false'],
    ['{"evaluate":{"details":"Anna"}}', 'evaluate.details: ska vara ett av with-steps, all, none', 'evaluate.details: must be one of with-steps, all, none'],
    ['{"evaluate":{"students":""}}', 'evaluate.students: ska vara en sökväg', 'evaluate.students: must be a path'],
    ['{"evaluate":{"inputs":"Anna.csv"}}', 'evaluate.inputs: ska vara en lista av sökvägar', 'evaluate.inputs: must be a list of paths'],
    ['{"evaluate":{"inputs":["a.csv",""]}}', 'evaluate.inputs[1]: ska vara en lista av sökvägar', 'evaluate.inputs[1]: must be a list of paths'],
    ['{"check":{"inputs":["a.json"]}}', 'check.inputs: okänd flagga för check', 'check.inputs: unknown option of check'],
    ['{"evalute":{}}', 'evalute: inget kommando som tar --config; de är evaluate, diff, check, test, report, verify, explain', 'evalute: not a command that takes --config'],
    ['{"schema":{}}', 'schema: inget kommando som tar --config', 'schema: not a command that takes --config'],
    ['{"report":"Anna"}', 'report: ska vara ett objekt av flaggor för report', 'report: must be an object of the options of report'],
    ['["Anna"]', '(roten): ska vara ett JSON-objekt', '(root): must be a JSON object'],
    ['{"Anna Andersson":1}', '(key): inget kommando', '(key): not a command'],
  ])('%s', (text, sv, en) => {
    const error = configError(text);
    expect(error.sv).toContain(`conf/trappa.config.json: ${sv}`);
    expect(error.en).toContain(`conf/trappa.config.json: ${en}`);
    expect(`${error.sv} ${error.en}`).not.toContain('Anna');
  });

  it('names every bad key at once', () => {
    const { en } = configError('{"evaluate":{"workers":"x","lang":"fr"},"report":{"out":3}}');
    expect(en.split('; ').sort()).toEqual([
      'conf/trappa.config.json: evaluate.lang: must be one of sv, en',
      'conf/trappa.config.json: evaluate.workers: must be a whole number',
      'conf/trappa.config.json: report.out: must be a path (a string, not empty)',
    ]);
  });

  it('invalid JSON: the line and character, never the text', () => {
    const { sv, en } = configError('{\n  "evaluate": {\n    "students": Anna Andersson\n  }\n}');
    expect(sv).toBe('conf/trappa.config.json: inte giltig JSON (rad 3, tecken 17)');
    expect(en).toBe('conf/trappa.config.json: not valid JSON (line 3, character 17)');
    expect(configError('{"evaluate":').en).toBe('conf/trappa.config.json: not valid JSON (ends too early)');
  });

  it('property: a value of the wrong type for any option of any command names file, command and key, and never the value', () => {
    const keys = configCommands(COMMANDS).flatMap((command) => configKeys((COMMANDS[command] as { options: CommandOptions }).options).map(([key, option]) => ({ command, key, option })));
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.stringMatching(/^[A-Z][a-z]{3,8} [A-Z][a-z]{3,8}$/), ({ command, key, option }, marker) => {
        // A string where a boolean or a number is wanted, else an object holding the marker.
        const wrong = option.type === 'boolean' || option.number !== undefined ? marker : { name: marker };
        const error = configError(JSON.stringify({ [command]: { [key]: wrong } }), 'n.json');
        expect(error.sv.startsWith(`n.json: ${command}.${key}: ska vara `)).toBe(true);
        expect(error.en.startsWith(`n.json: ${command}.${key}: must be `)).toBe(true);
        expect(`${error.sv}${error.en}`).not.toContain(marker);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the shipped schema and the example', () => {
  const shipped = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const example = readFileSync(new URL('../../docs/examples/nightly/trappa.config.json', import.meta.url), 'utf8');

  it('schemas/config.schema.json is what the option tables generate (run npm run schemas when this fails)', () => {
    expect(shipped).toEqual(configJsonSchema(COMMANDS));
    expect(shipped['$id']).toBe('https://unpkg.com/trappa/schemas/config.schema.json');
  });

  it('docs/examples/nightly/trappa.config.json validates (zod and the JSON Schema) and sets the nightly job\'s settings', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    expect(ajv.validate(shipped, JSON.parse(example)), JSON.stringify(ajv.errors)).toBe(true);
    const { sections } = parseConfigText(example, '/srv/trappa/trappa.config.json', COMMANDS);
    expect(sections['evaluate']?.values).toMatchObject({ format: 'lessons', students: '/srv/trappa/export/students.ndjson', 'max-input-age': '1' });
    expect(sections['evaluate']?.inputs).toEqual(['/srv/trappa/export/lessons.csv.gz']);
    expect(sections['report']?.values['out']).toBe('/srv/trappa/reports');
  });

  it('property: the JSON Schema accepts a config exactly when the zod schema does', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    const validate = ajv.compile(shipped);
    const zod = configSchema(COMMANDS);
    const names = configCommands(COMMANDS);
    const anyValue = fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 70 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', 'sv', 'en', 'none', 'lessons', 'full', 'x.json'), fc.constant(['a.csv']), fc.constant([]));
    const section = fc.dictionary(fc.constantFrom('workers', 'lang', 'details', 'json', 'students', 'inputs', 'coverage', 'threshold', 'out', 'help', 'wat', 'sample'), anyValue, { maxKeys: 4 });
    const config = fc.dictionary(fc.constantFrom(...names, '$schema', 'schema'), fc.oneof(section, anyValue), { maxKeys: 3 });
    fc.assert(
      fc.property(config, (value) => {
        expect(validate(value)).toBe(zod.safeParse(value).success);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the option entries', () => {
  it.each(Object.keys(COMMANDS))('%s: a path, number or choices marker only on a string option; --help is command-line only', (name) => {
    const options = (COMMANDS[name] as { options: CommandOptions }).options;
    for (const [key, option] of Object.entries(options)) {
      if (option.path !== undefined || option.number !== undefined || option.choices !== undefined) expect(option.type, key).toBe('string');
      if (option.default !== undefined && option.choices !== undefined) expect(option.choices, key).toContain(option.default);
    }
    expect(options['help']?.commandLineOnly).toBe(true);
    if (options['config'] !== undefined) expect(options['config'].commandLineOnly).toBe(true);
  });

  it('paths in evaluate are the options that name files', () => {
    const paths = Object.entries(EVALUATE_OPTIONS).filter(([, o]) => (o as OptionConfig).path !== undefined).map(([k]) => k);
    expect(paths.sort()).toEqual(['calendar', 'context', 'decisions-out', 'policy', 'previous', 'rejected', 'students', 'summary-json', 'tmp-dir']);
    expect(isAbsolute(resolveConfigPath('x', '/a/b.json', true))).toBe(true);
  });
});
