/**
 * Appends one deflated entry of `size` zero bytes to a real zip (a LibreOffice
 * XLSX): the classic bomb, ~300 KB on disk that inflates to 300 MB. (Making
 * it takes one 300 MB buffer; this script runs once, on a developer machine.)
 */
import { deflateRawSync, crc32 as zlibCrc32 } from "node:zlib";

function crcOfZeros(size: number): number {
  const chunk = Buffer.alloc(1024 * 1024);
  let crc = 0;
  // node:zlib crc32 is Node >= 20.15.
  for (let left = size; left > 0; left -= chunk.length) crc = zlibCrc32(left >= chunk.length ? chunk : chunk.subarray(0, left), crc);
  return crc >>> 0;
}

function deflateZeros(size: number): Buffer {
  return deflateRawSync(Buffer.alloc(size), { level: 9 });
}

export function addZeroEntry(zip: Buffer, name: string, size: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const data = deflateZeros(size);
  const crc = crcOfZeros(size);
  const nameBuf = Buffer.from(name, "utf8");

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBuf.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(cdOffset, 42); // the new entry's local header goes where the directory was

  const oldCentral = zip.subarray(cdOffset, cdOffset + cdSize);
  const newEntry = Buffer.concat([local, nameBuf, data]);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + central.length + nameBuf.length, 12);
  end.writeUInt32LE(cdOffset + newEntry.length, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([zip.subarray(0, cdOffset), newEntry, oldCentral, central, nameBuf, end]);
}
