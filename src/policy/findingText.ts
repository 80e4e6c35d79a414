import type { Templates } from '../model/template.js';

/**
 * The findings `checkPolicy` makes itself (the schema's and the budget's are
 * in `POLICY_ISSUE_TEXT`), sv and en, as templates.
 */
export const FINDING_TEXT = {
  missingBasis: { sv: 'Varje regel behöver ett underlag (citation, source, url): {detail}', en: 'Every rule needs a basis (citation, source, url): {detail}' },
  referenceGone: {
    sv: '{detail}: ett underlag länkar till källans offentliga text med "url" (t.ex. "https://lagen.nu/2010:800#K7P19a") och anger delen i "section"; "reference" finns inte längre',
    en: '{detail}: a basis links to its source\'s public text with "url" (e.g. "https://lagen.nu/2010:800#K7P19a") and names the part in "section"; "reference" is gone',
  },
  literal: { sv: '{operator} {value} ({path})', en: '{operator} {value} ({path})' },
  negatedLiteral: { sv: 'inte {operator} {value} ({path})', en: 'not {operator} {value} ({path})' },
  and: { sv: ' och ', en: ' and ' },
  contradiction: { sv: 'faktumet "{fact}": {literals} kan inte gälla samtidigt', en: 'fact "{fact}": {literals} cannot all hold' },
  neverTrue: { sv: '{what} kan aldrig vara sant: {detail}', en: '{what} can never be true: {detail}' },
  noAlternative: { sv: 'inget alternativ är möjligt', en: 'no alternative is possible' },
  neverTrueAny: {
    sv: '{what} kan aldrig vara sant: varje alternativ är motsägelsefullt ({details})',
    en: '{what} can never be true: every alternative is contradictory ({details})',
  },
  andMore: { sv: '; och {n} till', en: '; and {n} more' },
  namedCondition: { sv: 'Det namngivna villkoret "{name}"', en: 'Named condition "{name}"' },
  ruleConditions: { sv: 'Villkoren i regeln "{rule}"', en: 'The conditions of rule "{rule}"' },
  versionGap: {
    sv: 'Regeln "{rule}" gäller inte från {from} till {to}: version {before} slutar {end} och version {next} börjar {start}',
    en: 'Rule "{rule}" is not in force from {from} to {to}: version {before} ends on {end} and version {next} starts on {start}',
  },
  unusedCondition: {
    sv: 'Det namngivna villkoret "{name}" används inte av någon regel i policyn',
    en: 'Named condition "{name}" is not used by any rule of this policy',
  },
  otherPolicy: { sv: 'policyn "{id}"', en: 'policy "{id}"' },
  ruleShadowed: {
    sv: 'När regeln "{rule}" utlöses, utlöses också regeln "{other}" ({from}) för samma åtgärd "{step}": "{rule}" tillför ingen egen åtgärd, bara sitt skäl',
    en: 'Whenever rule "{rule}" fires, rule "{other}" ({from}) for the same step "{step}" fires too: "{rule}" adds no step of its own, only its reason',
  },
  ruleShadowedDeadline: {
    sv: 'När regeln "{rule}" utlöses, utlöses också regeln "{other}" ({from}) för samma åtgärd "{step}": "{rule}" tillför ingen egen åtgärd, bara sitt skäl och sin frist',
    en: 'Whenever rule "{rule}" fires, rule "{other}" ({from}) for the same step "{step}" fires too: "{rule}" adds no step of its own, only its reason and deadline',
  },
  unlistedSource: {
    sv: '{url} ligger inte på en värd som Trappa känner som offentlig källa ({hosts}): kontrollera att det är den offentliga texten för "{citation}"',
    en: '{url} is not on a host Trappa knows as a public source ({hosts}): check that it is the public text of "{citation}"',
  },
  unknownBase: { sv: 'okänd baspolicy "{id}"', en: 'unknown base policy "{id}"' },
  extendsCycle: { sv: 'cykel {chain}', en: 'cycle {chain}' },
  analysisIncomplete: {
    sv: 'Villkorsanalysen förbrukade sin budget på {steps} steg: vissa regler och namngivna villkor kontrollerades inte för motsägelser eller skuggning (filen avvisas inte för det)',
    en: 'The condition analysis spent its budget of {steps} steps: some rules and named conditions were not checked for contradictions or shadowing (the file is not refused for it)',
  },
  duplicateCondition: { sv: 'redan definierat av "{base}"', en: 'already defined by "{base}"' },
  duplicateRule: { sv: 'regel-id "{rule}" finns redan', en: 'duplicate rule id "{rule}"' },
  overlappingVersions: {
    sv: 'version {version} av regeln "{rule}" och version {other} (rules[{index}]) gäller båda {day}: versioner av en regel får inte överlappa',
    en: 'version {version} of rule "{rule}" and version {other} (rules[{index}]) are both in force on {day}: versions of a rule may not overlap',
  },
  unknownCondition: { sv: 'okänt villkor "{name}"', en: 'unknown condition "{name}"' },
  conditionCycle: { sv: 'hänvisar till sig självt ({chain})', en: 'refers to itself ({chain})' },
  tooManyRulesWithBase: {
    sv: '{n} regler med de policyer den bygger på; policybudgeten tillåter {max}',
    en: '{n} rules with the policies it extends; the policy budget allows {max}',
  },
  tooManyConditionsWithBase: {
    sv: '{n} namngivna villkor med de policyer den bygger på; policybudgeten tillåter {max}',
    en: '{n} named conditions with the policies it extends; the policy budget allows {max}',
  },
  through: { sv: ' (via {chain})', en: ' (through {chain})' },
  ruleTooDeep: {
    sv: 'Villkoren i regeln "{rule}" är nästlade {depth} nivåer djupt, namngivna villkor medräknade{through}; policybudgeten tillåter {max}',
    en: 'The conditions of rule "{rule}" are nested {depth} levels deep, counting named conditions{through}; the policy budget allows {max}',
  },
  conditionTooDeep: {
    sv: 'Det namngivna villkoret "{name}" är nästlat {depth} nivåer djupt, namngivna villkor medräknade{through}; policybudgeten tillåter {max}',
    en: 'Named condition "{name}" is nested {depth} levels deep, counting named conditions{through}; the policy budget allows {max}',
  },
} as const satisfies Templates;
