/**
 * A fingerprint of JavaScript's built-in prototypes and constructors, taken
 * before a pool worker parses a file and compared after. Parsers of untrusted
 * files have a history of prototype pollution (SheetJS CVE-2023-30533: a
 * crafted workbook wrote to Object.prototype); a worker whose built-ins changed
 * while it read a file must not read the next one, since every later file would
 * see the added or replaced properties.
 */

/**
 * How a pool worker ends itself when a file changed its built-ins: the pool
 * reports that file as failed for it, and piscina starts a fresh worker for the next.
 */
export const BUILTINS_CHANGED_EXIT_CODE = 86;

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

type Fingerprint = Map<string, unknown[]>;

/** Every own property of every built-in, with what it holds, plus each built-in's prototype and extensibility. */
export function fingerprintBuiltins(): Fingerprint {
  const fp: Fingerprint = new Map();
  for (const [name, obj] of BUILTINS) {
    fp.set(`${name} [[Prototype]]`, [Object.getPrototypeOf(obj), Object.isExtensible(obj)]);
    for (const key of Reflect.ownKeys(obj)) {
      const d = Reflect.getOwnPropertyDescriptor(obj, key)!;
      fp.set(`${name}.${String(key)}`, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
    }
  }
  return fp;
}

/** Names of the built-in properties added, removed or replaced since `before` (empty: nothing changed). */
export function changedBuiltins(before: Fingerprint): string[] {
  const after = fingerprintBuiltins();
  const changed: string[] = [];
  for (const [name, now] of after) {
    const then = before.get(name);
    if (!then || then.some((v, i) => !Object.is(v, now[i]))) changed.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) changed.push(name);
  return changed;
}
