/**
 * Distinct copies of a fixture for the benches: other bytes (so another
 * content hash), the same parsed document. .txt gets trailing newlines, .pdf
 * a comment line after %%EOF, .docx/.xlsx a ZIP archive comment, .xls an
 * unreferenced trailing 512-byte sector.
 */
function zipWithComment(bytes: Buffer, comment: string): Buffer {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) throw new Error("expected a ZIP end-of-central-directory record");
  const c = Buffer.from(comment, "latin1");
  const head = Buffer.from(bytes.subarray(0, eocd + 22));
  head.writeUInt16LE(c.length, eocd + 20);
  return Buffer.concat([head, c]);
}

/** Copy number `n` of a fixture: other bytes, the same document. */
export function distinctCopy(name: string, bytes: Buffer, n: number): Buffer {
  const tag = `jixiao-bench copy ${n}`;
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "txt") return Buffer.concat([bytes, Buffer.from("\n".repeat((n % 50) + 1) + " ".repeat(Math.floor(n / 50) + 1))]);
  if (ext === "pdf") return Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)]);
  if (ext === "docx" || ext === "xlsx") return zipWithComment(bytes, tag);
  if (ext === "xls") {
    const sector = Buffer.alloc(512);
    sector.write(tag);
    return Buffer.concat([bytes, sector]);
  }
  throw new Error(`no copy method for ${name}`);
}
