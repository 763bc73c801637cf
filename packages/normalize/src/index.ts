export * from "./model.ts";
export { normalizeDocument, type NormalizeHints } from "./parse.ts";
export { parseValue, parseNumber, parseRate, parseFiscalYear, parseDate, parseMoneyUnit, parseGrade, decimalsOf, comparatorFromValueType } from "./values.ts";
export { keyOf, tidyCjkSpaces } from "./text-key.ts";
export { level1Of, level2Of, headerField, titleKind } from "./vocab.ts";
export { compileVocabulary, VocabularyFile, VocabularyError, type Vocabulary } from "./vocabulary.ts";
export { WHOLE_TERM_KEY } from "./facts.ts";
export { FUNDING_BLOCK_KEY } from "./checklist-funding.ts";
export { MONITORING_KINDS } from "./families.ts";
