/**
 * Exact money (src/core) against plain floats, on the work DESIGN.md names: a year of credits
 * for a large sales organisation is millions of `amount × rate` lines, each rounded to cents
 * and summed. The data does not flatter caches: rates have six decimals and are drawn from
 * 200,000 values, so most lines carry a rate no nearby line has. Amounts arrive as JSON-like
 * Money objects (as read from a file or a database), not through `money()`.
 */
import {
  allocate,
  compileRate,
  createRng,
  multiply,
  roundMoney,
  add,
  sumProducts,
  sumProductsColumn,
  toMinorUnitsColumn,
  toRateColumn,
  zero,
  type Money,
} from '../src/core/index.js';
import type { BenchCase } from './harness.js';

// ── data: 1,000,000 lines, amounts $0.01 … $10,000.00, rates 0.000001 … 0.200000 ──────────
const LINES = 1_000_000;
const next = createRng(42).next;
const cents = new Float64Array(LINES);
const rateMicros = new Float64Array(LINES); // the rate × 10^6
for (let i = 0; i < LINES; i++) {
  cents[i] = Math.floor(next() * 1_000_000) + 1;
  rateMicros[i] = Math.floor(next() * 200_000) + 1;
}
/** The reference's inputs: the same draws as floats (dollars and rates). */
const dollars = Float64Array.from(cents, (c) => c / 100);
const rates = Float64Array.from(rateMicros, (r) => r / 1_000_000);
/** The library's inputs: Money objects as JSON gives them, and the rates as numbers. */
const amounts: Money[] = Array.from(cents, (c) => ({ amount: (c / 100).toFixed(2), currency: 'USD' }));
const rateList: number[] = Array.from(rates);
/** The column form, read once (outside the timed part, as the reference's arrays are). */
const amountColumn = toMinorUnitsColumn(amounts, 'USD');
const rateColumn = toRateColumn(rateList);
const ONE_RATE = '0.0735';
const oneRate = compileRate(ONE_RATE);

/**
 * The leanest float loop: each line rounded to cents as the library does (`Math.round`, half up:
 * the same as half away from zero on these non-negative lines), then summed. Its inputs are
 * floats made before timing, so it reads no text: for the cases whose input is Money text it does
 * less than the library must (the baseline the issue asks for; the JSON-Money floor below shows
 * what reading and writing the text costs on its own).
 */
function linesReference(): number {
  let total = 0;
  for (let i = 0; i < LINES; i++) total += Math.round((dollars[i] as number) * (rates[i] as number) * 100) / 100;
  return total;
}

function oneRateReference(): number {
  let total = 0;
  for (let i = 0; i < LINES; i++) total += Math.round((dollars[i] as number) * 0.0735 * 100) / 100;
  return total;
}

/** `multiply` → `roundMoney` → `add`, one line at a time: the per-operation API. */
function perOperation(): Money {
  let total = zero('USD');
  for (let i = 0; i < LINES; i++) total = add(total, roundMoney(multiply(amounts[i] as Money, rateList[i] as number)));
  return total;
}

/** Two-digit fractions '00' … '99' and zero padding, for the floor's printing. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const PAD: readonly string[] = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];
/** Cents as canonical USD text: `Math.floor` splits, the cents print by lookup (non-negative only). */
const centsText = (u: number): string => {
  const w = Math.floor(u / 100);
  return `${w}.${TWO_DIGITS[u - w * 100] as string}`;
};
/** A product at 8 decimals (cents × rate micros) as canonical text: trailing zeros beyond 2 dropped. */
const productText = (u: number): string => {
  const w = Math.floor(u / 1e8);
  let f = u - w * 1e8;
  let scale = 8;
  while (scale > 2 && Math.floor(f / 10) * 10 === f) {
    f /= 10;
    scale--;
  }
  if (scale === 2) return `${w}.${TWO_DIGITS[f] as string}`;
  const t = String(f);
  return `${w}.${PAD[scale - t.length] as string}${t}`;
};

/**
 * The floor of ANY per-operation API whose values are plain JSON Money (`{ amount, currency }`
 * with a canonical amount string, as revops' contract says), written as lean as it gets: per
 * line it reads the input amount's text once, computes in integers (cents × rate micros, the
 * line rounded half up), and creates the three values such an API returns — the product, the
 * rounded line and the running total — each a fresh `{ amount, currency }` with its canonical
 * amount text (the same strings the library prints). Values it created are never read back from
 * their text (a library may remember them, and revops does).
 *
 * It does LESS than the library must: it knows every amount has exactly 2 decimals and is
 * non-negative, every rate at most 6 decimals (read as `Math.round(rate × 10^6)`, where the
 * library finds each double's shortest decimal), validates nothing (shape, currency, amount
 * text), knows one rounding mode and never spills into BigInt. So library ÷ floor is an upper
 * bound of what revops itself adds; floor ÷ float loop is what the plain-JSON Money contract
 * costs on its own (three objects and three amount strings per line).
 */
function jsonMoneyFloor(): Money {
  let totalCents = 0;
  let total: Money = { amount: '0.00', currency: 'USD' };
  let product: Money = total;
  let line: Money = total;
  for (let i = 0; i < LINES; i++) {
    const text = (amounts[i] as Money).amount;
    let c = 0;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d !== 46) c = c * 10 + (d - 48);
    }
    const p = c * Math.round((rateList[i] as number) * 1e6); // at 8 decimals
    product = { amount: productText(p), currency: 'USD' };
    const w = Math.floor(p / 1e6);
    const lineCents = p - w * 1e6 >= 5e5 ? w + 1 : w;
    line = { amount: centsText(lineCents), currency: 'USD' };
    totalCents += lineCents;
    total = { amount: centsText(totalCents), currency: 'USD' };
  }
  floorLast = [product, line];
  return total;
}
let floorLast: Money[] = [];

/** The floor prints what the library prints: its total and its last product and line, compared. */
function floorDetails(): Record<string, string | boolean> {
  const total = jsonMoneyFloor();
  const last = LINES - 1;
  const product = multiply(amounts[last] as Money, rateList[last] as number);
  return {
    floorTotal: total.amount,
    libraryTotal: perOperation().amount,
    sameLastProductText: floorLast[0]?.amount === product.amount,
    sameLastLineText: floorLast[1]?.amount === roundMoney(product).amount,
  };
}

// ── the three operations one at a time, each against its own floor ─────────────────────────
// Each floor is the JSON-Money floor's part for that operation (same shortcuts: it knows the
// data, validates nothing); library ÷ floor is where revops' own cost per operation lies.

/** The products as JSON gives them (canonical text, up to 8 decimals), for the roundMoney case. */
const products: Money[] = Array.from(cents, (c, i) => ({
  amount: productText(c * (rateMicros[i] as number)),
  currency: 'USD',
}));

function multiplyEach(): Money {
  let m: Money = amounts[0] as Money;
  for (let i = 0; i < LINES; i++) m = multiply(amounts[i] as Money, rateList[i] as number);
  return m;
}

function multiplyFloor(): Money {
  let m: Money = amounts[0] as Money;
  for (let i = 0; i < LINES; i++) {
    const text = (amounts[i] as Money).amount;
    let c = 0;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d !== 46) c = c * 10 + (d - 48);
    }
    m = { amount: productText(c * Math.round((rateList[i] as number) * 1e6)), currency: 'USD' };
  }
  return m;
}

function roundEach(): Money {
  let m: Money = amounts[0] as Money;
  for (let i = 0; i < LINES; i++) m = roundMoney(products[i] as Money);
  return m;
}

const DROP: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
/** Reads the digits and the number of decimals, rounds half up to cents (non-negative, ≤ 8 decimals). */
function roundFloor(): Money {
  let m: Money = amounts[0] as Money;
  for (let i = 0; i < LINES; i++) {
    const text = (products[i] as Money).amount;
    let v = 0;
    let decimals = -1;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d === 46) decimals = 0;
      else {
        v = v * 10 + (d - 48);
        if (decimals >= 0) decimals++;
      }
    }
    let c = v;
    if (decimals > 2) {
      const p = DROP[decimals - 2] as number;
      const w = Math.floor(v / p);
      c = v - w * p >= p / 2 ? w + 1 : w;
    }
    m = { amount: centsText(c), currency: 'USD' };
  }
  return m;
}

function addEach(): Money {
  let total = zero('USD');
  for (let i = 0; i < LINES; i++) total = add(total, amounts[i] as Money);
  return total;
}

function addFloor(): Money {
  let totalCents = 0;
  let total: Money = { amount: '0.00', currency: 'USD' };
  for (let i = 0; i < LINES; i++) {
    const text = (amounts[i] as Money).amount;
    let c = 0;
    for (let k = 0; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d !== 46) c = c * 10 + (d - 48);
    }
    totalCents += c;
    total = { amount: centsText(totalCents), currency: 'USD' };
  }
  return total;
}

/** What each floor prints equals what the library prints (its last result). */
const sameLast = (library: () => Money, floor: () => Money) => (): Record<string, boolean> => ({
  sameLastText: library().amount === floor().amount,
});

const exactCents = (m: Money): bigint => BigInt(m.amount.replace('.', ''));
/** The float reference's error against the exact total, in cents (what floats lose). */
function floatError(exact: Money, float: number): Record<string, string | number> {
  const floatCents = BigInt(Math.round(float * 100));
  return {
    exactTotal: exact.amount,
    floatTotal: float.toFixed(2),
    floatCentError: Number(floatCents - exactCents(exact)),
  };
}

// ── allocate 1,000 amounts into 7 ratios (largest remainder) ──────────────────────────────
const ALLOCATIONS = 1_000;
const RATIOS = [30, 20, 15, 12.5, 10, 7.5, 5];
const allocCents: number[] = [];
const allocAmounts: Money[] = [];
for (let i = 0; i < ALLOCATIONS; i++) {
  const c = Math.floor(next() * 10_000_000 + 1);
  allocCents.push(c);
  allocAmounts.push({ amount: (c / 100).toFixed(2), currency: 'USD' });
}

/**
 * Largest remainder on plain numbers, as lean as it gets: cents and ratios as floats, the parts
 * and remainders in two reused typed arrays, the cents left over given one at a time to the
 * largest remainder (ties to the earlier part) by a scan of the 7 parts (no sort, no closures).
 */
const RATIO_TOTAL = RATIOS.reduce((s, r) => s + r, 0);
const allocParts = new Float64Array(RATIOS.length);
const allocRemainders = new Float64Array(RATIOS.length);
function allocateReference(): number[][] {
  const out: number[][] = [];
  const n = RATIOS.length;
  for (let a = 0; a < ALLOCATIONS; a++) {
    const c = allocCents[a] as number;
    let given = 0;
    for (let j = 0; j < n; j++) {
      const exact = (c * (RATIOS[j] as number)) / RATIO_TOTAL;
      const part = Math.floor(exact);
      allocParts[j] = part;
      allocRemainders[j] = exact - part;
      given += part;
    }
    for (let k = given; k < c; k++) {
      let best = 0;
      for (let j = 1; j < n; j++) if ((allocRemainders[j] as number) > (allocRemainders[best] as number)) best = j;
      allocParts[best] = (allocParts[best] as number) + 1;
      allocRemainders[best] = -1;
    }
    const parts: number[] = [];
    for (let j = 0; j < n; j++) parts.push((allocParts[j] as number) / 100);
    out.push(parts);
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 × (amount × rate → cents), summed, distinct rates: sumProductsColumn (columns read once)',
    size: LINES,
    library: () => sumProductsColumn(amountColumn, rateColumn, { currency: 'USD' }),
    reference: linesReference,
    details: () => floatError(sumProductsColumn(amountColumn, rateColumn, { currency: 'USD' }), linesReference()),
  },
  {
    name: '1,000,000 × (amount × rate → cents), summed, distinct rates: columns built from Money + sumProductsColumn',
    size: LINES,
    library: () => sumProductsColumn(toMinorUnitsColumn(amounts, 'USD'), toRateColumn(rateList), { currency: 'USD' }),
    reference: linesReference,
  },
  {
    name: '1,000,000 × (amount × rate → cents), summed, distinct rates: multiply → roundMoney → add per line',
    size: LINES,
    library: perOperation,
    reference: linesReference,
    details: () => floatError(perOperation(), linesReference()),
  },
  {
    name:
      '1,000,000 × (amount × rate → cents), summed, distinct rates: ' +
      'multiply → roundMoney → add per line, against the JSON-Money floor',
    size: LINES,
    library: perOperation,
    reference: jsonMoneyFloor,
    details: floorDetails,
  },
  {
    name:
      '1,000,000 × (amount × rate → cents), summed, distinct rates: ' +
      'the JSON-Money floor (3 Money objects and amount texts per line, no library), against the float loop',
    size: LINES,
    library: jsonMoneyFloor,
    reference: linesReference,
  },
  {
    name: 'multiply per line: 1,000,000 JSON amounts × distinct number rates, against its floor',
    size: LINES,
    library: multiplyEach,
    reference: multiplyFloor,
    details: sameLast(multiplyEach, multiplyFloor),
  },
  {
    name: 'roundMoney per line: 1,000,000 JSON products of up to 8 decimals → cents, against its floor',
    size: LINES,
    library: roundEach,
    reference: roundFloor,
    details: sameLast(roundEach, roundFloor),
  },
  {
    name: 'add per line: a running total of 1,000,000 JSON amounts, against its floor',
    size: LINES,
    library: addEach,
    reference: addFloor,
    details: sameLast(addEach, addFloor),
  },
  {
    name: '1,000,000 × (amount × rate → cents), summed, distinct rates: sumProducts on Money lines',
    size: LINES,
    library: () => sumProducts(amounts, rateList, { currency: 'USD' }),
    reference: linesReference,
  },
  {
    name: '1,000,000 × (amount × one rate → cents), summed: sumProductsColumn with a compiled rate',
    size: LINES,
    library: () => sumProductsColumn(amountColumn, oneRate, { currency: 'USD' }),
    reference: oneRateReference,
    details: () => floatError(sumProductsColumn(amountColumn, oneRate, { currency: 'USD' }), oneRateReference()),
  },
  {
    name: 'allocate 1,000 amounts into 7 ratios',
    size: ALLOCATIONS,
    library: () => allocAmounts.map((m) => allocate(m, RATIOS)),
    reference: allocateReference,
  },
];
