export { openStore, Store, type SaveOptions, type StoreOptions } from "./store.ts";
export { StoreError } from "./errors.ts";
export { DEFAULT_BUSY_TIMEOUT_MS, openConnection, type OpenOptions } from "./connection.ts";
export { migrate, schemaVersion } from "./migrate.ts";
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from "./migrations/index.ts";
export {
  DocumentMeta,
  DOCUMENT_FORMATS,
  DOCUMENT_STATUSES,
  RUN_STATUSES,
  type RunStats,
  type SaveOutcome,
  type SaveResult,
  type StoredDocument,
  type StoredRun,
} from "./types.ts";
