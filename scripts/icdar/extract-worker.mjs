// Worker entry for scripts/bench-pdf.ts: registers tsx in this thread, then loads the TypeScript worker.
import { register } from "tsx/esm/api";
register();
await import("./extract-worker.ts");
