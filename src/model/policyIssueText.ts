import type { Templates } from './template.js';

/**
 * The problems the policy file's schema and budget walk report, sv and en,
 * as templates (`both(template, slots)` fills them): every finding of
 * `trappa check` carries its text in both languages.
 */
export const POLICY_ISSUE_TEXT = {
  unknownFact: { sv: 'Okänt faktum "{fact}"', en: 'Unknown fact "{fact}"' },
  operatorFactType: {
    sv: 'Operatorn "{operator}" gäller inte faktumet "{fact}" av typen {type} (tillåtna: {allowed})',
    en: 'Operator "{operator}" does not apply to {type} fact "{fact}" (allowed: {allowed})',
  },
  needsArray: { sv: 'Operatorn "{operator}" kräver en lista som värde', en: 'Operator "{operator}" needs an array value' },
  onlyListsTakeArrays: { sv: 'Bara "in"/"notIn" tar en lista som värde', en: 'Only "in"/"notIn" take an array value' },
  valueType: { sv: 'Värdet {value} är inte av typen {expected}, som faktumet "{fact}" kräver', en: 'Value {value} is not a {expected}, as fact "{fact}" requires' },
  valueNotListed: {
    sv: 'Värdet {value} är inte ett av värdena för faktumet "{fact}" ({values})',
    en: 'Value {value} is not one of the values of fact "{fact}" ({values})',
  },
  rateThreshold: {
    sv: 'En tröskel för en andel är en procentsats från 0 till 100 med högst två decimaler',
    en: 'A rate threshold is a percentage from 0 to 100 with at most two decimals',
  },
  effectiveRange: { sv: 'effectiveTo får inte ligga före effectiveFrom', en: 'effectiveTo must not be before effectiveFrom' },
  lagkravAdvisory: {
    sv: 'Regeln "{rule}" är en lagkravsregel och får inte läsa typologifaktumet "{fact}": typologin är rådgivande och aldrig en rättslig utlösare (docs/sources.md, Research)',
    en: 'Rule "{rule}" is a lagkrav rule and may not read the typology fact "{fact}": the typology is advisory and never a legal trigger (docs/sources.md, Research)',
  },
  lagkravAdvisoryVia: {
    sv: 'Regeln "{rule}" är en lagkravsregel och får inte läsa typologifaktumet "{fact}" via villkoret {chain}: typologin är rådgivande och aldrig en rättslig utlösare (docs/sources.md, Research)',
    en: 'Rule "{rule}" is a lagkrav rule and may not read the typology fact "{fact}" through condition {chain}: the typology is advisory and never a legal trigger (docs/sources.md, Research)',
  },
  forbiddenKey: {
    sv: 'Nyckeln "{key}" är inte tillåten: den kan nå ett objekts prototyp ({keys} avvisas överallt)',
    en: 'Key "{key}" is not allowed: it can reach an object\'s prototype ({keys} are refused anywhere)',
  },
  tooManyRules: { sv: '{n} regler; policybudgeten tillåter {max}', en: '{n} rules; the policy budget allows {max}' },
  tooManyConditions: { sv: '{n} namngivna villkor; policybudgeten tillåter {max}', en: '{n} named conditions; the policy budget allows {max}' },
  nestedConditions: {
    sv: 'Villkoren är nästlade mer än {max} nivåer djupt (all/any/not); policybudgeten tillåter {max}',
    en: 'Conditions are nested more than {max} levels deep (all/any/not); the policy budget allows {max}',
  },
  nestedJson: { sv: 'Filen är nästlad mer än {max} nivåer djupt; ingen giltig policy är det', en: 'The file is nested more than {max} levels deep; no valid policy is' },
  listTooLong: {
    sv: 'En "{operator}"-lista med {n} värden; policybudgeten tillåter {max} (en längre lista hör hemma i ett faktum)',
    en: 'An "{operator}" list of {n} values; the policy budget allows {max} (a longer list belongs in a fact)',
  },
  tooManyBytes: { sv: 'Policyn är mer än {max} byte JSON, policybudgeten', en: 'The policy is more than {max} bytes of JSON, the policy budget' },
  fileTooLarge: {
    sv: 'Filen är {size} byte; policybudgeten tillåter {max} (inte läst)',
    en: 'The file is {size} bytes; the policy budget allows {max} (not read)',
  },
  fileOverSize: {
    sv: 'Filen är mer än {size} byte; policybudgeten tillåter {max} (inte läst)',
    en: 'The file is more than {size} bytes; the policy budget allows {max} (not read)',
  },
  tooManyIssues: { sv: 'Mer än {max} budgetproblem; de första {max} listas', en: 'More than {max} budget problems; the first {max} are listed' },
  onlyFirstOpenStart: { sv: 'Bara den första posten får utelämna effectiveFrom', en: 'Only the first entry may leave out effectiveFrom' },
  onlyLastOpenEnd: { sv: 'Bara den sista posten får utelämna effectiveTo', en: 'Only the last entry may leave out effectiveTo' },
  noneBefore: {
    sv: 'Inget värde gäller före {date}: utelämna effectiveFrom i den första posten',
    en: 'No value is in force before {date}: leave out effectiveFrom on the first entry',
  },
  noneAfter: {
    sv: 'Inget värde gäller efter {date}: utelämna effectiveTo i den sista posten',
    en: 'No value is in force after {date}: leave out effectiveTo on the last entry',
  },
  datedOverlap: {
    sv: 'Börjar {from}, medan post [{previous}] gäller till och med {until}: två värden skulle gälla samma dag',
    en: 'Starts on {from}, while entry [{previous}] is in force until {until}: two values would be in force on the same day',
  },
  datedGap: {
    sv: 'Börjar {from}, men post [{previous}] slutar {until}: inget värde gäller från {expected}',
    en: 'Starts on {from}, but entry [{previous}] ends on {until}: no value is in force from {expected}',
  },
} as const satisfies Templates;
