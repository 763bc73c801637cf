// A pool worker for tests: the real pipeline, except for files whose names ask
// it to misbehave the way a bad input can make a real parser misbehave.
//   *hang*  loops forever (a parser stuck on a crafted file)
//   *oom*   allocates until the worker's heap ceiling kills it
//   *exit*  ends its thread abruptly
//   *pollute*  adds Object.prototype.jixiaoPolluted while the file is read (what
//              SheetJS CVE-2023-30533 did with a crafted workbook)
//   *probe*  fails if an earlier file's pollution is visible here
//   *hog*    holds 400 MB outside its heap (a Buffer) for 3 s, then reads the file
import { register } from "tsx/esm/api";

register();
const { default: parseTask, announceStart, withBuiltinsChecked } = await import("../../src/parse-worker.ts");
const { processBytes } = await import("../../src/process-file.ts");

export default async function misbehave(task) {
  await announceStart(task);
  const name = task.path.split("/").pop();
  if (name.includes("hang")) for (;;);
  if (name.includes("oom")) {
    const hog = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length));
  }
  if (name.includes("exit")) process.exit(3);
  if (name.includes("hog")) {
    const hog = Buffer.alloc(400 << 20, 1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (hog[hog.length - 1] !== 1) throw new Error("unreachable");
  }
  if (name.includes("pollute")) {
    return withBuiltinsChecked(async () => {
      Object.prototype.jixiaoPolluted = "by " + name;
      return processBytes(task.path, task.bytes, task.mtimeMs);
    });
  }
  const result = await parseTask(task);
  // After parseTask: a worker that retires instead of parsing never gets here.
  if (name.includes("probe") && "jixiaoPolluted" in {}) {
    throw new Error(`saw Object.prototype.jixiaoPolluted (${{}.jixiaoPolluted}) left by an earlier file`);
  }
  return result;
}
