/**
 * Reading a file that may not be one: only regular files are read, and never
 * more bytes than the size limit. A named pipe given as a file would block the
 * run forever on open or read, and /dev/zero or a file growing while it is read
 * would fill memory, so:
 * - the path is stat'ed first, and anything but a regular file (a FIFO, a
 *   character or block device, a socket) is refused without being opened;
 * - it is opened non-blocking (a pipe swapped in meanwhile cannot block the
 *   open) and fstat'ed again, and refused the same way;
 * - reading stops at the limit: a file found longer than the limit (it grew,
 *   or it says size 0 as /proc files do) is refused as too large.
 */
import { constants, type Stats } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { FsPath } from "./fs-names.ts";

/** A file refused before or while reading it; `message` is the one-line reason. */
export class FileRefusal extends Error {
  override name = "FileRefusal";
}

/** What a non-regular file is, for its reason. */
export function kindOf(s: Stats): string {
  if (s.isFIFO()) return "a named pipe (FIFO)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  if (s.isDirectory()) return "a folder";
  if (s.isSymbolicLink()) return "a symbolic link";
  return "something other than a file";
}

export function notRegularReason(s: Stats): string {
  return `not a regular file: expected a file to read, found ${kindOf(s)}; it was not read`;
}

export function tooLargeReason(size: number, limit: number): string {
  return `too large: ${size} bytes, the limit is ${limit}`;
}

function grewReason(limit: number): string {
  return `too large: expected at most ${limit} bytes, found more while reading (the file grew, or its size was not what it said); reading stopped at the limit`;
}

/** Opens a regular file for reading, after stat and fstat say it is one. */
async function openRegular(path: FsPath, limit: number): Promise<{ fh: FileHandle; st: Stats }> {
  const before = await stat(path);
  if (!before.isFile()) throw new FileRefusal(notRegularReason(before));
  if (before.size > limit) throw new FileRefusal(tooLargeReason(before.size, limit));
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new FileRefusal(notRegularReason(st));
    if (st.size > limit) throw new FileRefusal(tooLargeReason(st.size, limit));
    return { fh, st };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

/** Reads at most `limit` bytes into `buf` from `at`; 0 at the end of the file. */
async function readSome(fh: FileHandle, buf: Buffer, at: number, want: number): Promise<number> {
  const { bytesRead } = await fh.read(buf, at, want, null);
  return bytesRead;
}

/** The whole file, when it is a regular file of at most `limit` bytes. */
export async function readRegularFile(path: FsPath, limit: number): Promise<{ bytes: Buffer; stat: Stats }> {
  const { fh, st } = await openRegular(path, limit);
  try {
    let buf = Buffer.allocUnsafeSlow(Math.max(st.size, 1));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length >= limit) {
          // Exactly at the limit: one more byte means the file is longer than allowed.
          const probe = Buffer.alloc(1);
          if ((await readSome(fh, probe, 0, 1)) > 0) throw new FileRefusal(grewReason(limit));
          break;
        }
        const bigger = Buffer.allocUnsafeSlow(Math.min(limit, Math.max(buf.length * 2, 64 * 1024)));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = await readSome(fh, buf, length, buf.length - length);
      if (n === 0) break;
      length += n;
    }
    return { bytes: length === buf.length ? buf : buf.subarray(0, length), stat: st };
  } finally {
    await fh.close();
  }
}

/** Bytes kept from the start of a streamed file, enough for format detection by magic bytes. */
const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** SHA-256 and first bytes of a regular file of at most `limit` bytes, read in chunks (the file is never held whole). */
export async function hashRegularFile(path: FsPath, limit: number): Promise<{ sha256: string; head: Uint8Array; stat: Stats }> {
  const { fh, st } = await openRegular(path, limit);
  try {
    const hash = createHash("sha256");
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const head = Buffer.alloc(HEAD_BYTES);
    let total = 0;
    for (;;) {
      // Ask for one byte past the limit at most: getting it means the file is too long.
      const n = await readSome(fh, chunk, 0, Math.min(CHUNK_BYTES, limit + 1 - total));
      if (n === 0) break;
      if (total + n > limit) throw new FileRefusal(grewReason(limit));
      hash.update(chunk.subarray(0, n));
      if (total < HEAD_BYTES) chunk.copy(head, total, 0, Math.min(n, HEAD_BYTES - total));
      total += n;
    }
    return { sha256: hash.digest("hex"), head: head.subarray(0, Math.min(total, HEAD_BYTES)), stat: st };
  } finally {
    await fh.close();
  }
}
