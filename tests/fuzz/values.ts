/**
 * Hostile values for the fuzz suite: the surprises a spreadsheet, a JSON file, a queue or a
 * careless caller brings (numeric strings, booleans, -0, NaN, ±Infinity, 1e308, huge exponents,
 * `__proto__` / `constructor` keys, frozen, cyclic and proxy objects, throwing getters, arrays of
 * 1e6 elements, impossible dates, nesting 10,000 levels deep), and the perturbations of a valid
 * value that turn it into one.
 */
import { Decimal } from 'decimal.js';

/**
 * What a user's own getter, proxy trap or callback throws. Reading the caller's data never lets
 * it out: a read that throws becomes a RevopsError (`INVALID_INPUT`) whose `cause` is it
 * (docs/conventions.md, "Errors and refusals"); only an exception of the caller's own callback
 * (a `groupBy` function) passes through a compute function unchanged, as `Array.prototype.map`
 * lets it through. A `safeParseX` never throws.
 */
export class UserError extends Error {
  constructor(what: string) {
    super(`thrown by the caller’s own ${what}`);
    this.name = 'UserError';
  }
}

/** The one instance the hostile getters and proxy traps throw (compared by identity). */
export const USER_ERROR = new UserError('getter or proxy trap');

/** The one instance the hostile callback throws (compared by identity). */
export const CALLBACK_ERROR = new UserError('callback');

const throwUser = (): never => {
  throw USER_ERROR;
};

const throwCallback = (): never => {
  throw CALLBACK_ERROR;
};

/**
 * The hostile shapes of one field of a valid entity: the field as a getter that throws
 * {@link USER_ERROR}, and the entity behind a proxy whose `get` trap throws it for that field
 * only (every other field reads as it was).
 */
export function throwingField(entity: object, key: string): { label: string; value: object }[] {
  const getter = Object.defineProperty({ ...entity }, key, { get: throwUser, enumerable: true, configurable: true });
  const proxy = new Proxy({ ...entity }, { get: (t, k, r) => (k === key ? throwUser() : Reflect.get(t, k, r)) });
  return [
    { label: `.${key} a throwing getter`, value: getter },
    { label: `.${key} behind a proxy that throws`, value: proxy },
  ];
}

/** Field names the library reads, given throwing getters in {@link throwingGetters}. */
export const COMMON_FIELDS = [
  'id',
  'amount',
  'currency',
  'units',
  'stageId',
  'ownerId',
  'date',
  'start',
  'end',
  'kind',
  'version',
  'length',
  'closeDate',
  'createdAt',
  'value',
  'rate',
  'type',
  'stages',
  'components',
  'mrr',
] as const;

/** An object whose every common field is a getter that throws {@link USER_ERROR}. */
export function throwingGetters(): object {
  const o: Record<string, unknown> = {};
  for (const k of COMMON_FIELDS) Object.defineProperty(o, k, { get: throwUser, enumerable: true });
  return o;
}

/** A proxy whose every trap throws {@link USER_ERROR}. */
export function throwingProxy(target: object = {}): object {
  return new Proxy(target, {
    get: throwUser,
    has: throwUser,
    ownKeys: throwUser,
    getOwnPropertyDescriptor: throwUser,
    getPrototypeOf: throwUser,
    set: throwUser,
    defineProperty: throwUser,
    deleteProperty: throwUser,
    isExtensible: throwUser,
    preventExtensions: throwUser,
    setPrototypeOf: throwUser,
    apply: throwUser,
    construct: throwUser,
  });
}

/** A proxy that answers every property read with `answer` (a bottomless object). */
export function bottomlessProxy(answer: unknown): object {
  return new Proxy(
    {},
    {
      get: (_t, k) => (k === Symbol.toPrimitive || k === 'toJSON' || k === 'then' ? undefined : answer),
      has: () => true,
    },
  );
}

/** A value nested `depth` levels deep: `{ a: { a: … } }` or `[[…]]`. */
export function nested(depth: number, kind: 'object' | 'array', leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { id: `n${i}`, a: v, amount: v, value: v };
  return v;
}

/** A cyclic object and a cyclic array. */
export function cyclic(): { object: object; array: unknown[] } {
  const object: Record<string, unknown> = { id: 'c', amount: '1', currency: 'USD' };
  object['self'] = object;
  object['a'] = object;
  object['value'] = object;
  const array: unknown[] = [1];
  array.push(array);
  return { object, array };
}

/** A Decimal (revops' own decimal.js) corrupted in place: its exponent set to `e`. */
export function corruptDecimal(e: number, d: unknown = [1]): Decimal {
  const x = new Decimal(1);
  (x as unknown as { e: unknown }).e = e;
  (x as unknown as { d: unknown }).d = d;
  return x;
}

/** An array carrying its own `constructor` key (Array.prototype.map reads it for the species). */
export function arrayWithConstructor(items: unknown[], ctor: unknown = 1): unknown[] {
  const a = [...items];
  Object.defineProperty(a, 'constructor', { value: ctor, enumerable: false, writable: true, configurable: true });
  return a;
}

/** An object with an own `__proto__` key (as JSON.parse makes it). */
export function ownProto(base: object = {}): object {
  return Object.assign(JSON.parse('{"__proto__": {"polluted": 1, "amount": "1", "id": "x"}}'), base);
}

/** Dates the library must refuse or handle: impossible, out of range, almost right. */
export const HOSTILE_DATES: readonly string[] = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '9999-12-31',
  '0001-01-01',
  '+275760-09-13',
  '-271821-04-20',
  '+275760-09-13T00:00:00.000Z',
  '2026-1-1',
  '2026-01-01T24:00:00Z',
  '2026-03-31T17:05:00',
  '2026-03-31T17:05:00+15:00',
  '2026-03-31T17:05:00.1234567890Z',
  '20260101',
  '2026-01-01 ',
];

/** Numbers at and beyond the edges. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  -1.5,
  2,
  0.1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e300,
  1e-7,
  1e9,
];

/** Strings that look like something else. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '0',
  '1',
  '2',
  '3',
  '-1',
  '1.5',
  '1e3',
  '1e999',
  '1e1000',
  '-1e1000',
  '1e-1000',
  '1e9999999999',
  '9'.repeat(1001),
  `0.${'0'.repeat(2000)}1`,
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  'true',
  'null',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'USD',
  'usd',
  'XXX',
  'a'.repeat(100_000),
  '\u0000',
  '\ud800',
  ...HOSTILE_DATES,
];

/**
 * The fixed list of hostile values, built fresh on each call (so a function that mutates one
 * cannot spoil the next call). Each comes with a short label for the report.
 */
export function hostileValues(): { label: string; value: unknown }[] {
  const { object, array } = cyclic();
  const out: { label: string; value: unknown }[] = [
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: 'true', value: true },
    { label: 'false', value: false },
    ...HOSTILE_NUMBERS.map((n) => ({ label: Object.is(n, -0) ? '-0' : String(n), value: n })),
    ...HOSTILE_STRINGS.map((s) => ({
      label: JSON.stringify(s.length > 30 ? `${s.slice(0, 20)}…(${s.length})` : s),
      value: s,
    })),
    { label: '10n', value: 10n },
    { label: 'Symbol()', value: Symbol('hostile') },
    { label: 'function', value: () => 1 },
    { label: 'throwing function', value: throwCallback },
    { label: '{}', value: {} },
    { label: '[]', value: [] },
    { label: 'Object.create(null)', value: Object.create(null) },
    { label: 'own __proto__ key', value: ownProto() },
    { label: '{constructor: 1}', value: { constructor: 1 } },
    { label: 'array with own constructor', value: arrayWithConstructor([1, 2, 3]) },
    { label: 'array of strings with own constructor', value: arrayWithConstructor(['1', '2']) },
    { label: 'frozen {}', value: Object.freeze({}) },
    { label: 'frozen [1,2]', value: Object.freeze([1, 2]) },
    { label: 'cyclic object', value: object },
    { label: 'cyclic array', value: array },
    { label: 'throwing getters', value: throwingGetters() },
    { label: 'throwing proxy', value: throwingProxy() },
    { label: 'throwing proxy of array', value: throwingProxy([]) },
    { label: 'bottomless proxy (1)', value: bottomlessProxy(1) },
    { label: 'bottomless proxy ("1")', value: bottomlessProxy('1') },
    { label: 'Decimal e=9e15', value: corruptDecimal(9e15) },
    { label: 'Decimal e=-9e15', value: corruptDecimal(-9e15) },
    { label: 'Decimal e=1e7', value: corruptDecimal(1e7) },
    { label: 'Decimal d=null', value: corruptDecimal(0, null) },
    { label: 'Decimal NaN', value: new Decimal(Number.NaN) },
    { label: 'Decimal Infinity', value: new Decimal(Number.POSITIVE_INFINITY) },
    { label: 'Decimal 1e999', value: new Decimal('1e999') },
    { label: 'Date(NaN)', value: new Date(Number.NaN) },
    { label: 'Date', value: new Date(0) },
    { label: 'Map', value: new Map([['a', 1]]) },
    { label: 'Set', value: new Set([1]) },
    { label: 'Float64Array', value: new Float64Array([1, Number.NaN]) },
    { label: 'array [NaN]', value: [Number.NaN] },
    { label: 'array ["1","2"]', value: ['1', '2'] },
    { label: 'array [true]', value: [true] },
    { label: 'array [-0]', value: [-0] },
    { label: 'array [1e308, 1e308]', value: [1e308, 1e308] },
    // biome-ignore lint/suspicious/noSparseArray: a hole on purpose
    { label: 'sparse array', value: [1, , 3] },
    { label: 'nested 10,000 objects', value: nested(10_000, 'object') },
    { label: 'nested 10,000 arrays', value: nested(10_000, 'array') },
    { label: '{ length: 1e9 }', value: { length: 1e9 } },
  ];
  return out;
}

/** Freezes a plain value and everything in it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

const MILLION_ZEROS = Object.freeze(new Array(1e6).fill(0));
const MILLION_HOLES = Object.freeze(new Array(1e6));

/**
 * Arrays of 1e6 elements: zeros, holes, and one valid element repeated. They are frozen (so a
 * function that writes to one throws, and the suite need not compare a million elements
 * before and after each call).
 */
export function millionArrays(element?: unknown): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [
    { label: '1e6 zeros', value: MILLION_ZEROS },
    { label: '1e6 holes', value: MILLION_HOLES },
  ];
  if (element !== undefined) {
    out.push({
      label: '1e6 copies of a valid element',
      value: Object.freeze(new Array(1e6).fill(deepFreeze(element))),
    });
  }
  return out;
}
