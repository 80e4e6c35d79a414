import type { CommandHelp } from '../helpText.js';
import { NO_PROGRESS_OPTION, PROGRESS_OPTION } from './commonHelp.js';
import { CONFIG_OPTION, CALENDAR_OPTION, HELP_OPTION, LANG_OPTION, PERCENT } from './commonHelp.js';

/** `trappa diff --help`. */
export const DIFF_HELP: CommandHelp = {
  summary: {
    sv: 'tänk om: vilka elevers steg en policyändring lägger till, tar bort eller ändrar',
    en: "what-if: which students' steps a policy change adds, removes or changes",
  },
  usage: [
    { sv: 'diff --from <policy> --to <policy> <ärendefil...> [flaggor]', en: 'diff --from <policy> --to <policy> <case file...> [options]' },
    { sv: 'diff --from <policy> --to <policy> --generate N [--seed S] [flaggor]', en: 'diff --from <policy> --to <policy> --generate N [--seed S] [options]' },
  ],
  description: [
    {
      sv: 'Utvärderar samma elever under båda policyerna och räknar elever och steg som tillkommer, försvinner eller ändras (status, brådska, senast-datum, ansvar, adressering), med ett urval påverkade elever och båda besluten. Ärenden och poster som avvisas rapporteras på stderr och räknas.',
      en: 'Evaluates the same students under both policies and counts the students and steps added, removed or changed (status, urgency, due date, responsibility, routing), with a sample of affected students and both decisions. Rejected cases and records are reported on stderr and counted.',
    },
  ],
  options: [
    {
      options: {
        from: { value: { sv: '<id|fil>', en: '<id|file>' }, text: { sv: 'den nuvarande policyn (inbyggt id eller policyfil)', en: 'the current policy (bundled id or policy JSON file)' } },
        to: { value: { sv: '<id|fil>', en: '<id|file>' }, text: { sv: 'den föreslagna policyn (inbyggt id eller policyfil)', en: 'the proposed policy (bundled id or policy JSON file)' } },
        generate: {
          value: { sv: '<N>', en: '<N>' },
          text: { sv: 'i stället för filer: N ärenden från generatorerna i trappa/testing (deterministiskt)', en: 'instead of files: N cases from the trappa/testing arbitraries (deterministic)' },
        },
        seed: { value: { sv: '<S>', en: '<S>' }, text: { sv: 'frö för --generate (standard 1)', en: 'seed for --generate (default 1)' } },
        workers: {
          value: { sv: '<n>', en: '<n>' },
          text: { sv: 'trådar som drar --generate-ärenden (standard: alla kärnor från 5 000 ärenden); samma utdata för varje n', en: 'threads drawing --generate cases (default: every core from 5 000 cases); same output for any n' },
        },
        'as-of': {
          value: { sv: '<datum>', en: '<date>' },
          text: { sv: 'utvärderingsdag ÅÅÅÅ-MM-DD (standard: i dag; med --generate 2026-11-23)', en: 'evaluation date YYYY-MM-DD (default: today; with --generate 2026-11-23)' },
        },
        calendar: CALENDAR_OPTION,
        sample: { value: { sv: '<K>', en: '<K>' }, text: { sv: 'påverkade elever som visas med båda besluten (standard 3)', en: 'affected students shown with both decisions (default 3)' } },
        json: { text: { sv: 'ett JSON-objekt (antal per steg, påverkade elever, urval)', en: 'one JSON object (counts per step, students affected, sample)' } },
        lang: LANG_OPTION,
        coverage: {
          text: { sv: 'regel- och villkorstäckning för båda policyerna över populationen (i --json: "coverage")', en: 'rule and condition coverage of both policies over the population (in --json: "coverage")' },
        },
        threshold: {
          value: PERCENT,
          text: { sv: 'slutkod 1 när --to-policyns bladtäckning är under procentsatsen (innebär --coverage)', en: "exit 1 when the --to policy's leaf coverage is under pct (implies --coverage)" },
        },
        progress: PROGRESS_OPTION,
        'no-progress': NO_PROGRESS_OPTION,
        config: CONFIG_OPTION,
        help: HELP_OPTION,
      },
    },
  ],
  examples: [
    {
      command: 'trappa diff --from stockholm --to min-stockholm.json fixtures/cases/*.json --as-of 2026-11-23',
      text: { sv: 'vad en ändrad Stockholmspolicy gör med exempelärendena', en: 'what a changed Stockholm policy does to the example cases' },
    },
    { command: 'trappa diff --from skollagen --to stockholm --generate 10000 --seed 7', text: { sv: 'jämför två policyer på 10 000 genererade elever', en: 'compare two policies on 10 000 generated students' } },
  ],
  exit: {
    sv: '{ok} klart; {rejected} klart men något avvisades; {failure} fel, eller --to-policyns täckning under --threshold; {usage} användningsfel',
    en: "{ok} done; {rejected} done but some was rejected; {failure} failure, or the --to policy's coverage under --threshold; {usage} usage error",
  },
};
