/** Content hashes of files, for files too large to hold in memory on the main thread. */
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";

/** Bytes kept from the start of a streamed file, enough for format detection by magic bytes. */
const HEAD_BYTES = 64 * 1024;

export async function hashFileStreaming(path: string): Promise<{ sha256: string; head: Uint8Array }> {
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headLength = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (headLength < HEAD_BYTES) {
      head.push(chunk.subarray(0, HEAD_BYTES - headLength));
      headLength += head[head.length - 1]!.length;
    }
  }
  return { sha256: hash.digest("hex"), head: Buffer.concat(head) };
}
