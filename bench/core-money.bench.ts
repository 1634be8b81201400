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

/** The leanest float loop: each line rounded to cents as the library does, then summed. */
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

/**
 * The floor of any per-operation API whose values are JSON Money: the same three steps per
 * line, each reading its input text and writing its result text, written as lean as it gets
 * for this data (plain cents and 6-decimal rates, non-negative, no validation, no BigInt).
 * Not a float reference: it shows how much of the per-operation cost is the text itself.
 */
function textFloor(): Money {
  const readUnits = (t: string): number => {
    let v = 0;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c !== 46) v = v * 10 + (c - 48);
    }
    return v;
  };
  const write = (u: number, scale: number): string => {
    const p = 10 ** scale;
    const w = Math.floor(u / p);
    return `${w}.${String(u - w * p).padStart(scale, '0')}`;
  };
  let total: Money = { amount: '0.00', currency: 'USD' };
  for (let i = 0; i < LINES; i++) {
    const m = amounts[i] as Money;
    const product: Money = {
      amount: write(readUnits(m.amount) * Math.round((rateList[i] as number) * 1e6), 8),
      currency: 'USD',
    };
    const u = readUnits(product.amount);
    const line: Money = { amount: write(Math.floor(u / 1e6) + (u % 1e6 >= 5e5 ? 1 : 0), 2), currency: 'USD' };
    total = { amount: write(readUnits(total.amount) + readUnits(line.amount), 2), currency: 'USD' };
  }
  return total;
}

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

/** Largest remainder on plain numbers: cents and ratios as floats, ties to the earlier part. */
function allocateReference(): number[][] {
  const total = RATIOS.reduce((s, r) => s + r, 0);
  return allocCents.map((c) => {
    const parts: number[] = [];
    const remainders: number[] = [];
    let given = 0;
    for (const r of RATIOS) {
      const exact = (c * r) / total;
      const part = Math.floor(exact);
      parts.push(part);
      remainders.push(exact - part);
      given += part;
    }
    const order = remainders
      .map((_, i) => i)
      .sort((i, j) => (remainders[j] as number) - (remainders[i] as number) || i - j);
    for (let k = 0; k < c - given; k++) {
      const i = order[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
    return parts.map((p) => p / 100);
  });
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
      'multiply → roundMoney → add per line, against the text floor',
    size: LINES,
    library: perOperation,
    reference: textFloor,
    details: () => ({ textFloorTotal: textFloor().amount }),
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
