/**
 * A fingerprint of JavaScript's built-in prototypes and constructors, taken
 * before a pool worker parses a file and compared after. Parsers of untrusted
 * files have a history of prototype pollution (SheetJS CVE-2023-30533: a
 * crafted workbook wrote to Object.prototype); a worker whose built-ins changed
 * while it read a file must not read the next one, since every later file would
 * see the added or replaced properties.
 */

/** The objects a pollution can reach through `__proto__` or `constructor.prototype`, by name. */
const BUILTINS: [string, object][] = [
  Object, Function, Array, String, Number, Boolean, Symbol, BigInt, Date, RegExp, Error, TypeError, RangeError,
  Map, Set, WeakMap, WeakSet, Promise, ArrayBuffer, DataView, Uint8Array, Uint16Array, Uint32Array, Int8Array,
  Int16Array, Int32Array, Float32Array, Float64Array, TextDecoder, TextEncoder,
].flatMap((ctor): [string, object][] => [
  [ctor.name, ctor],
  [`${ctor.name}.prototype`, ctor.prototype as object],
]);
BUILTINS.push(
  ["TypedArray.prototype", Object.getPrototypeOf(Uint8Array.prototype) as object],
  ["JSON", JSON],
  ["Math", Math],
  ["Reflect", Reflect],
);

/** Per built-in: its prototype, extensibility and key count, then per own property its key and descriptor fields. */
type Fingerprint = unknown[];
const FIELDS_PER_KEY = 7;

/** Every own property of every built-in, with what it holds (a flat array: cheap enough to take for every file). */
export function fingerprintBuiltins(): Fingerprint {
  const fp: unknown[] = [];
  for (const [, obj] of BUILTINS) {
    const keys = Reflect.ownKeys(obj);
    fp.push(Object.getPrototypeOf(obj), Object.isExtensible(obj), keys.length);
    for (const key of keys) {
      const d = Reflect.getOwnPropertyDescriptor(obj, key)!;
      fp.push(key, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
    }
  }
  return fp;
}

/** Names of the built-in properties added, removed or replaced since `before` (empty: nothing changed). */
export function changedBuiltins(before: Fingerprint): string[] {
  const after = fingerprintBuiltins();
  if (after.length === before.length && after.every((v, i) => Object.is(v, before[i]))) return [];
  const then = byName(before);
  const now = byName(after);
  const changed: string[] = [];
  for (const [name, values] of now) {
    const old = then.get(name);
    if (!old || old.some((v, i) => !Object.is(v, values[i]))) changed.push(name);
  }
  for (const name of then.keys()) if (!now.has(name)) changed.push(name);
  return changed;
}

function byName(fp: Fingerprint): Map<string, unknown[]> {
  const named = new Map<string, unknown[]>();
  let at = 0;
  for (const [name] of BUILTINS) {
    const keyCount = fp[at + 2] as number;
    named.set(`${name} [[Prototype]]`, fp.slice(at, at + 2));
    at += 3;
    for (let k = 0; k < keyCount; k++, at += FIELDS_PER_KEY) named.set(`${name}.${String(fp[at])}`, fp.slice(at + 1, at + FIELDS_PER_KEY));
  }
  return named;
}
