/**
 * Schemas built on first use. Building a zod schema costs time at import (each field is a
 * schema object with its checks), and most programs that import `revops` never parse an
 * entity; so every exported schema is built the first time anything reads it (`parse`,
 * `safeParse`, `shape`, composing it into another schema) and then kept.
 * @module
 */

/**
 * A stand-in for the schema `build()` returns, built on first use: every property read,
 * `in`, `Object.keys`, prototype lookup (so `instanceof z.ZodType`) and write goes to the
 * built schema. Behaves as the schema itself in zod (composing, `z.infer`, `.extend`, …); only
 * its identity differs from the built object, which is never handed out.
 * @internal
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    if (built === undefined) built = build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = real();
      return Reflect.get(target, key, target);
    },
    set: (_, key, value) => {
      const target = real();
      return Reflect.set(target, key, value, target);
    },
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // the stand-in itself holds nothing, so a property can only be reported as configurable
      return d === undefined ? undefined : { ...d, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
