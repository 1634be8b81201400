/**
 * Exact money (src/core) against plain floats, on the work DESIGN.md names: a year of credits
 * for a large sales organisation is millions of `amount × rate` lines.
 */
import { createRng, allocate, money, multiply, roundMoney, sum, sumProducts, type Money } from '../src/core/index.js';
import { keep, type BenchCase } from './harness.js';

// ── (a) 1,000,000 lines: amount × rate, each rounded to cents, summed ──────────────────────
const LINES = 1_000_000;
const next = createRng(42).next;
/** Amounts $0.01 … $10,000.00 (whole cents), rates 0.01% … 20.00% (four decimals). */
const amountNumbers: number[] = [];
const rateNumbers: number[] = [];
for (let i = 0; i < LINES; i++) {
  amountNumbers.push(Math.floor(next() * 1_000_000 + 1) / 100);
  rateNumbers.push(Math.floor(next() * 2000 + 1) / 10_000);
}
const amounts: Money[] = amountNumbers.map((a) => money(a, 'USD'));

function linesLibrary(): Money {
  const lines: Money[] = new Array<Money>(LINES);
  for (let i = 0; i < LINES; i++) lines[i] = roundMoney(multiply(amounts[i] as Money, rateNumbers[i] as number));
  return sum(lines, 'USD');
}

function linesReference(): number {
  let total = 0;
  for (let i = 0; i < LINES; i++) {
    const a = amountNumbers[i] as number;
    const r = rateNumbers[i] as number;
    total += Math.round(a * r * 100) / 100;
  }
  return total;
}

function oneRateReference(): number {
  let total = 0;
  for (let i = 0; i < LINES; i++) total += Math.round((amountNumbers[i] as number) * 0.0735 * 100) / 100;
  return total;
}

// ── (b) allocate 1,000 amounts into 7 ratios (largest remainder) ──────────────────────────
const ALLOCATIONS = 1_000;
const RATIOS = [30, 20, 15, 12.5, 10, 7.5, 5];
const allocAmounts: Money[] = [];
const allocCents: number[] = [];
for (let i = 0; i < ALLOCATIONS; i++) {
  const cents = Math.floor(next() * 10_000_000 + 1);
  allocCents.push(cents);
  allocAmounts.push(money(cents / 100, 'USD'));
}

function allocateLibrary(): Money[][] {
  return allocAmounts.map((m) => allocate(m, RATIOS));
}

/** Largest remainder on plain numbers: cents and ratios as floats, ties to the earlier part. */
function allocateReference(): number[][] {
  const total = RATIOS.reduce((s, r) => s + r, 0);
  return allocCents.map((cents) => {
    const parts: number[] = [];
    const remainders: number[] = [];
    let given = 0;
    for (const r of RATIOS) {
      const exact = (cents * r) / total;
      const part = Math.floor(exact);
      parts.push(part);
      remainders.push(exact - part);
      given += part;
    }
    const order = remainders
      .map((_, i) => i)
      .sort((i, j) => (remainders[j] as number) - (remainders[i] as number) || i - j);
    for (let k = 0; k < cents - given; k++) {
      const i = order[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
    return parts.map((p) => p / 100);
  });
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 × (amount × rate → cents), summed: multiply, roundMoney, sum',
    size: LINES,
    library: () => keep(linesLibrary()),
    reference: () => keep(linesReference()),
  },
  {
    name: '1,000,000 × (amount × rate → cents), summed: sumProducts',
    size: LINES,
    library: () => keep(sumProducts(amounts, rateNumbers, 'USD')),
    reference: () => keep(linesReference()),
  },
  {
    name: '1,000,000 × (amount × one rate → cents), summed: sumProducts with a single rate',
    size: LINES,
    library: () => keep(sumProducts(amounts, '0.0735', 'USD')),
    reference: () => keep(oneRateReference()),
  },
  {
    name: 'allocate 1,000 amounts into 7 ratios',
    size: ALLOCATIONS,
    library: () => keep(allocateLibrary()),
    reference: () => keep(allocateReference()),
  },
];

/** The exact total and the float total of case (a), for checking by hand what floats lose (not run by the harness). */
export function totals(): { library: string; reference: string } {
  return { library: linesLibrary().amount, reference: linesReference().toFixed(2) };
}
