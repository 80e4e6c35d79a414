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
  needsInput: { sv: '{command} behöver minst en indatafil', en: '{command} needs at least one input file' },
  testNeedsTable: { sv: 'test behöver minst en tabellfil', en: 'test needs at least one table file' },
  format: { sv: '--format tar studentcase, lessons eller ss12000', en: '--format must be studentcase, lessons or ss12000' },
  contextOnly: { sv: '--context gäller bara --format ss12000', en: '--context applies to --format ss12000 only' },
  lessonsOnly: { sv: '--{name} gäller bara --format lessons', en: '--{name} applies to --format lessons only' },
  decisionsFormOnly: { sv: '--decisions-form gäller bara tillsammans med --decisions-out', en: '--decisions-form applies with --decisions-out only' },
  jsonForm: { sv: '--json tar inget värde (hela besluten), full eller compact, fick {value}', en: '--json takes no value (the full decisions), full or compact, got {value}' },
  decisionsForm: { sv: '--decisions-form tar compact eller full, fick {value}', en: '--decisions-form takes compact or full, got {value}' },
  explainNeedsId: { sv: 'explain behöver ett elev-id och sedan indatafilerna', en: 'explain needs a student id, then the input files' },
  explainOpaqueId: {
    sv: 'elev-id:t är inte ett opakt id (1–128 tecken [A-Za-z0-9_.:-], inte ett personnummer); det upprepas inte här',
    en: 'the student id is not an opaque id (1–128 characters [A-Za-z0-9_.:-], not a personnummer); it is not repeated here',
  },
  explainNeedsFiles: { sv: 'explain behöver ärendefiler, eller --students och lektionsfiler', en: 'explain needs case files, or --students and lesson files' },
  explainNeedsLessons: { sv: 'explain --students behöver lektionsfilerna', en: 'explain --students needs the lesson files' },
  studentsOnly: { sv: '--{name} gäller bara med --students (nattkörningen)', en: '--{name} applies with --students (the nightly batch) only' },
  needsStudents: {
    sv: '--format lessons behöver --students <fil> med elevernas sammanhang (ett StudentCase per rad)',
    en: '--format lessons needs --students <file> with the student context (one StudentCase per line)',
  },
  ss12000Stdin: {
    sv: 'en SS 12000-fil känns igen på sitt namn (attendances.json, persons.json …), så den kan inte läsas från stdin; --context - läser sidofilen från stdin',
    en: 'an SS 12000 file is known by its name (attendances.json, persons.json…), so it cannot be read from stdin; --context - reads the side file from stdin',
  },
  previousStdin: {
    sv: '--previous tar filen som --decisions-out skrev: den verifieras från slutet och läses två gånger, så den kan inte vara stdin',
    en: '--previous takes the file --decisions-out wrote: it is verified from its end and read twice, so it cannot be stdin',
  },
  workers: { sv: '--workers ska vara ett heltal från 1 till 64, fick {value}', en: '--workers must be a whole number from 1 to 64, got {value}' },
  maxInputAge: { sv: '--max-input-age ska vara ett helt antal skoldagar (0 eller fler), fick {value}', en: '--max-input-age must be a whole number of school days (0 or more), got {value}' },
  asOf: { sv: '--as-of ska vara ett datum skrivet ÅÅÅÅ-MM-DD, fick {value}', en: '--as-of must be a date written YYYY-MM-DD, got {value}' },
  details: { sv: '--details tar with-steps, all eller none', en: '--details must be with-steps, all or none' },
  threshold: { sv: '--threshold tar en procentsats 0–100, fick {value}', en: '--threshold takes a percentage 0–100, got {value}' },
  delimiter: { sv: '--delimiter ska vara , ; | eller tab, fick {value}', en: '--delimiter must be , ; | or tab, got {value}' },
  calendar: { sv: '{file}: ingen giltig skolkalender: {issues}', en: '{file}: not a school calendar: {issues}' },
  wholeNumber: { sv: '{option} ska vara ett heltal, fick {value}', en: '{option} must be a whole number, got {value}' },
  between: { sv: '{option} ska vara mellan {min} och {max}, fick {value}', en: '{option} must be between {min} and {max}, got {value}' },
  diffPolicies: {
    sv: 'diff behöver --from <policy> och --to <policy> (ett inbyggt id eller en policyfil)',
    en: 'diff needs --from <policy> and --to <policy> (a bundled id or a policy JSON file)',
  },
  diffInput: { sv: 'diff behöver ärendefiler eller --generate N', en: 'diff needs case files or --generate N' },
  diffNotBoth: { sv: 'diff tar ärendefiler eller --generate N, inte båda', en: 'diff takes case files or --generate N, not both' },
  generateOnly: { sv: '{option} gäller bara --generate', en: '{option} applies to --generate only' },
  reportInput: { sv: 'report tar en beslutsfil (eller - för stdin)', en: 'report takes one decisions file (or - for stdin)' },
  reportOut: { sv: 'report behöver --out <katalog>', en: 'report needs --out <dir>' },
  verifyFormat: {
    sv: 'verify läser elevärenden (NDJSON eller en JSON-lista); --format lessons och ss12000 stöds inte: utvärdera dem med --json och verifiera ärendena i stället',
    en: 'verify reads student cases (NDJSON or a JSON array); --format lessons and ss12000 are not supported: evaluate them with --json and verify the cases instead',
  },
  oneStdin: { sv: 'bara en indata kan läsas från stdin (- eller /dev/stdin); {n} gör det: {inputs}', en: 'only one input can be read from stdin (- or /dev/stdin); {n} are: {inputs}' },
  inputFile: { sv: 'indatafil {n}', en: 'input file {n}' },
  lessonFile: { sv: 'lektionsfil {n}', en: 'lesson file {n}' },
  caseFile: { sv: 'ärendefil {n}', en: 'case file {n}' },
  policyFile: { sv: 'policyfil {n}', en: 'policy file {n}' },
  decisionsFile: { sv: 'beslutsfilen', en: 'the decisions file' },
  unknownOption: { sv: 'okänd flagga {option}', en: 'unknown option {option}' },
  missingValue: { sv: '{option} behöver ett värde', en: 'option {option} needs a value' },
  noValue: { sv: '{option} tar inget värde', en: 'option {option} takes no value' },
  unexpectedArgument: { sv: 'oväntat argument {value}', en: 'unexpected argument {value}' },
  hint: { sv: 'Kör "trappa {command}--help" för hjälp.', en: 'Run "trappa {command}--help" for usage.' },
} as const satisfies Templates;

/** Errors of the file system, by their code: in Swedish; the English is Node's own message. */
export const SYSTEM_ERROR_TEXT = {
  ENOENT: { sv: 'filen eller katalogen finns inte: {path}', en: 'no such file or directory: {path}' },
  EACCES: { sv: 'ingen behörighet: {path}', en: 'permission denied: {path}' },
  EPERM: { sv: 'åtgärden är inte tillåten: {path}', en: 'operation not permitted: {path}' },
  EISDIR: { sv: 'en katalog, inte en fil: {path}', en: 'a directory, not a file: {path}' },
  ENOTDIR: { sv: 'inte en katalog: {path}', en: 'not a directory: {path}' },
  EMFILE: { sv: 'för många öppna filer: {path}', en: 'too many open files: {path}' },
  ENOSPC: { sv: 'disken är full: {path}', en: 'no space left on the device: {path}' },
} as const satisfies Templates;
