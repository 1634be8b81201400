/**
 * Looking at hostile values without being hurt by them: a snapshot of an argument that never
 * calls a getter, survives cycles, proxies and 10,000 levels of nesting (iterative, bounded),
 * and a scan of a result for NaN and ±Infinity.
 */
import * as util from 'node:util';
import { RevopsError } from '../../src/core/errors.js';

/** Most nodes a snapshot or a scan visits; past it the rest is summarised as "…". */
const NODE_BUDGET = 2_000_000;

function primitiveToken(v: unknown): string {
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n:-0' : `n:${v}`;
    case 'string':
      return v.length > 200 ? `s:${v.length}:${v.slice(0, 100)}…${v.slice(-100)}` : `s:${v}`;
    case 'bigint':
      return `b:${v}`;
    case 'symbol':
      return `y:${String(v.description)}`;
    case 'undefined':
      return 'u';
    case 'boolean':
      return `t:${v}`;
    default:
      return v === null ? 'null' : '?';
  }
}

/**
 * A canonical token list of everything reachable from `root` through own properties (data
 * values, and the identity of accessors, never calling them), prototypes, frozen and
 * extensible state, a Date's time and a Map's or Set's size. Objects are numbered in the order
 * first seen, so cycles and sharing are part of the picture. An object whose proxy traps throw
 * is recorded as opaque.
 */
export function snapshot(root: unknown): string[] {
  const out: string[] = [];
  const ids = new Map<object, number>();
  const fnIds = new Map<unknown, number>();
  const queue: object[] = [];
  const ref = (v: unknown): string => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null) return primitiveToken(v);
    if (typeof v === 'function') {
      if (!fnIds.has(v)) fnIds.set(v, fnIds.size);
      return `f:${fnIds.get(v)}`;
    }
    let id = ids.get(v);
    if (id === undefined) {
      id = ids.size;
      ids.set(v, id);
      queue.push(v);
    }
    return `o:${id}`;
  };
  out.push(ref(root));
  let visited = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    const o = queue[qi] as object;
    if (++visited > NODE_BUDGET) {
      out.push('…');
      break;
    }
    try {
      const proto = Object.getPrototypeOf(o) as unknown;
      out.push(`#${qi}`, `p:${proto === Object.prototype ? 'O' : proto === Array.prototype ? 'A' : ref(proto)}`);
      out.push(`fz:${Object.isFrozen(o)}:${Object.isExtensible(o)}`);
      if (o instanceof Date) out.push(`d:${o.getTime()}`);
      if (o instanceof Map || o instanceof Set) out.push(`z:${o.size}`);
      if (ArrayBuffer.isView(o) && !(o instanceof DataView)) {
        out.push(`ta:${Array.from(o as unknown as ArrayLike<number>, (x) => primitiveToken(x)).join(',')}`);
      }
      const isArray = Array.isArray(o);
      if (isArray && (o as unknown[]).length > 1000 && Object.isFrozen(o)) {
        // A big frozen array cannot change; its elements are deep-frozen by the suite.
        out.push(`frozen-len:${(o as unknown[]).length}`);
        continue;
      }
      const keys = Reflect.ownKeys(o);
      if (isArray && keys.length > 1000) {
        // A big array: its elements, read as data (an accessor element is rare, and noted).
        const a = o as unknown[];
        out.push(`len:${a.length}`);
        for (const k of keys) {
          const d = Object.getOwnPropertyDescriptor(o, k);
          if (d === undefined) continue;
          out.push(String(k), 'get' in d || 'set' in d ? `acc:${ref(d.get)}:${ref(d.set)}` : ref(d.value));
        }
        continue;
      }
      for (const k of keys) {
        const d = Object.getOwnPropertyDescriptor(o, k);
        if (d === undefined) continue;
        const key = typeof k === 'symbol' ? `sym:${String(k.description)}` : k;
        const flags = `${d.enumerable ? 'e' : ''}${d.configurable ? 'c' : ''}${d.writable ? 'w' : ''}`;
        out.push(`k:${key}:${flags}`, 'get' in d || 'set' in d ? `acc:${ref(d.get)}:${ref(d.set)}` : ref(d.value));
      }
    } catch {
      out.push('opaque');
    }
  }
  return out;
}

/** Whether two snapshots are the same; the first differing token when not. */
export function sameSnapshot(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `token ${i}: ${a[i] ?? '(end)'} → ${b[i] ?? '(end)'}`;
  }
  return null;
}

/**
 * The first NaN or ±Infinity in a result, as a path, or `null`. RevopsError objects are not
 * entered (their `value` is the input they refused). Accessors are not called.
 */
export function findNonFinite(root: unknown): string | null {
  const seen = new Set<object>();
  const stack: { v: unknown; path: string }[] = [{ v: root, path: 'result' }];
  let visited = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path} = ${v}`;
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v) || v instanceof RevopsError) continue;
    if (++visited > NODE_BUDGET) return null;
    seen.add(v);
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number>;
      for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return `${path}[${i}] = ${a[i]}`;
      continue;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) stack.push({ v: x, path: `${path}.get(${String(k)})` });
      continue;
    }
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && 'value' in d) stack.push({ v: d.value, path: `${path}.${k}` });
    }
  }
  return null;
}

/** Deep equality of two results, with 0 and -0 equal (a JSON-level comparison), cycle-safe. */
export function sameResult(a: unknown, b: unknown): boolean {
  const seen = new Map<object, object>();
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      return false;
    }
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (typeof x === 'function' && typeof y === 'function') continue; // two closures: not comparable
      return false;
    }
    if (seen.get(x) === y) continue;
    seen.set(x, y);
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (x instanceof RevopsError || y instanceof RevopsError) {
      if (!(x instanceof RevopsError && y instanceof RevopsError) || x.code !== y.code) return false;
      continue;
    }
    if (x instanceof Map && y instanceof Map) {
      if (x.size !== y.size) return false;
      for (const [k, v] of x) stack.push([v, y.get(k)]);
      continue;
    }
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (const k of kx) {
      if (!Object.hasOwn(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

/** Writes a value for a report: bounded, never calling a getter, never throwing. */
export function show(v: unknown, budget = 300): string {
  let out = '';
  const seen = new Set<object>();
  const write = (x: unknown, depth: number): void => {
    if (out.length > budget) return;
    if (typeof x === 'string') {
      out += JSON.stringify(x.length > 60 ? `${x.slice(0, 40)}…(${x.length} chars)` : x);
      return;
    }
    if (typeof x === 'number') {
      out += Object.is(x, -0) ? '-0' : String(x);
      return;
    }
    if (typeof x === 'bigint') {
      out += `${x}n`;
      return;
    }
    if (typeof x === 'function') {
      out += 'ƒ';
      return;
    }
    if (typeof x !== 'object' || x === null) {
      out += String(x);
      return;
    }
    if (seen.has(x)) {
      out += '<cycle>';
      return;
    }
    if (depth > 4) {
      out += Array.isArray(x) ? '[…]' : '{…}';
      return;
    }
    seen.add(x);
    try {
      if (util.types.isProxy(x)) {
        out += '<proxy>';
        return;
      }
      if (x instanceof Date) {
        out += `Date(${x.getTime()})`;
        return;
      }
      const isArray = Array.isArray(x);
      const keys = Reflect.ownKeys(x);
      const proto = Object.getPrototypeOf(x) as { constructor?: { name?: unknown } } | null;
      const name = proto === null ? 'null-proto ' : proto === Object.prototype || isArray ? '' : `${nameOf(proto)} `;
      out += `${name}${isArray ? `[len ${(x as unknown[]).length}: ` : '{'}`;
      let n = 0;
      for (const k of keys) {
        if (isArray && k === 'length') continue;
        if (n++ >= 8 || out.length > budget) {
          out += `…(${keys.length} keys)`;
          break;
        }
        const d = Object.getOwnPropertyDescriptor(x, k);
        if (!(isArray && typeof k === 'string' && /^\d+$/.test(k))) out += `${String(k)}: `;
        if (d === undefined) out += '?';
        else if ('get' in d || 'set' in d) out += '<getter>';
        else write(d.value, depth + 1);
        out += ', ';
      }
      out += isArray ? ']' : '}';
      if (Object.isFrozen(x) && keys.length > 0) out += '(frozen)';
    } catch {
      out += '<opaque>';
    }
  };
  write(v, 0);
  return out.length > budget ? `${out.slice(0, budget)}…` : out;
}

function nameOf(proto: object): string {
  try {
    const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
    const c = d && 'value' in d ? (d.value as { name?: unknown }) : undefined;
    return typeof c?.name === 'string' ? c.name : 'object';
  } catch {
    return 'object';
  }
}
