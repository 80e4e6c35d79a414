import type { CommandHelp } from '../report/helpText.js';
import { CHECK_HELP } from '../report/help/checkHelp.js';
import { DIFF_HELP } from '../report/help/diffHelp.js';
import { EVALUATE_HELP } from '../report/help/evaluateHelp.js';
import { REPORT_HELP } from '../report/help/reportHelp.js';
import { SCHEMA_HELP } from '../report/help/schemaHelp.js';
import { TEST_HELP } from '../report/help/testHelp.js';
import { VERIFY_HELP } from '../report/help/verifyHelp.js';
import { EXPLAIN_HELP } from '../report/help/explainHelp.js';
import { EXPLAIN_OPTIONS, explainCommand } from './explainCommand.js';
import { CHECK_OPTIONS, checkCommand } from './checkCommand.js';
import type { CommandOptions } from './commandOptions.js';
import type { ConfigSupport } from './configSupport.js';
import { DIFF_OPTIONS, diffCommand } from './diffCommand.js';
import { EVALUATE_OPTIONS, evaluateCommand } from './evaluateCommand.js';
import { REPORT_OPTIONS, reportCommand } from './reportCommand.js';
import { SCHEMA_OPTIONS, schemaCommand } from './schemaCommand.js';
import { TEST_OPTIONS, testCommand } from './testCommand.js';
import { VERIFY_OPTIONS, verifyCommand } from './verifyCommand.js';

/** A command of `trappa`: what runs it, the options its `parseArgs` takes, and its help. */
export interface Command {
  /** Runs the command on the arguments after its name; `config` is the config file format (`--config`, `trappa schema config`). */
  readonly run: (args: string[], config: ConfigSupport) => Promise<number>;
  readonly options: CommandOptions;
  readonly help: CommandHelp;
  /** Its positional arguments are input paths, which a config file may give as `"inputs"`. */
  readonly inputs?: boolean;
}

/**
 * Every command, in the order `trappa --help` lists them. The help of each
 * names every option of its `options` (test/cli/help.test.ts).
 *
 * @example Object.keys(COMMANDS) // ['evaluate', 'diff', 'check', 'test', 'report', 'verify', 'explain', 'schema']
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: { run: evaluateCommand, options: EVALUATE_OPTIONS, help: EVALUATE_HELP, inputs: true },
  diff: { run: diffCommand, options: DIFF_OPTIONS, help: DIFF_HELP, inputs: true },
  check: { run: checkCommand, options: CHECK_OPTIONS, help: CHECK_HELP },
  test: { run: testCommand, options: TEST_OPTIONS, help: TEST_HELP, inputs: true },
  report: { run: reportCommand, options: REPORT_OPTIONS, help: REPORT_HELP, inputs: true },
  verify: { run: verifyCommand, options: VERIFY_OPTIONS, help: VERIFY_HELP, inputs: true },
  explain: { run: explainCommand, options: EXPLAIN_OPTIONS, help: EXPLAIN_HELP },
  schema: { run: schemaCommand, options: SCHEMA_OPTIONS, help: SCHEMA_HELP },
};
