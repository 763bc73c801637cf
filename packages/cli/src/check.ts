/**
 * The report stage's rules, applied to a normalized document before it is
 * stored. Kept behind one import so the ingest path does not depend on how
 * the rules are organised.
 */
export { checkDocument } from "@jixiao/report";
