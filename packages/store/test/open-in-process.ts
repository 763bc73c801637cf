/** Child process for the concurrency test: open (and so migrate) a store, print its schema version. */
import { openStore, schemaVersion } from "../src/index.ts";

const store = openStore(process.argv[2]!);
process.stdout.write(String(schemaVersion(store.db)));
store.close();
