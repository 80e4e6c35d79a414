import type { Templates } from '../model/template.js';

/** How a command was called wrongly, and the hint after it, sv and en. */
export const USAGE_TEXT = {
  unknownPolicy: {
    sv: 'okänd policy {spec}: de inbyggda policyerna är {ids}; eller ange sökvägen till en policyfil (JSON)',
    en: 'unknown policy {spec}: the bundled policies are {ids}; or give the path of a policy JSON file',
  },
  noPolicyFile: {
    sv: 'policyfilen {spec} finns inte; de inbyggda policyerna är {ids}',
    en: 'no policy file {spec} (not found); the bundled policies are {ids}',
  },
  schemaName: { sv: 'schema tar ett av {names}', en: 'schema takes one of {names}' },
  unknownCommand: { sv: 'okänt kommando "{command}"', en: 'unknown command "{command}"' },
  lang: { sv: '--lang tar sv eller en, fick {value}', en: '--lang must be sv or en, got {value}' },
  checkNeedsFile: { sv: 'check behöver minst en policyfil eller ett id för en inbyggd policy', en: 'check needs at least one policy file or bundled policy id' },
  hint: { sv: 'Kör "trappa {command}--help" för hjälp.', en: 'Run "trappa {command}--help" for usage.' },
} as const satisfies Templates;
