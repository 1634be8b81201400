/**
 * The per-operation money path on plain numbers (src/core/money-arithmetic.ts, money.ts,
 * sum-products.ts: safe integers read without allocating, the exact BigInt path past 2^53)
 * against an independent oracle (a 200-digit decimal.js clone), with amounts and factors drawn
 * around ±2^53 so that both paths and the switch between them are exercised. Also: the
 * allocation-free readers agree with the general ones, and results stay plain JSON data.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorUnits, readFactor } from '../../src/core/compiled-rate.js';
import {
  exactFromNumber,
  numberSafe,
  parseDecimalText,
  parseSafeDecimal,
  safeScale,
} from '../../src/core/decimal-text.js';
import {
  add,
  compileRate,
  multiply,
  ROUNDING_MODES,
  roundMoney,
  subtract,
  sum,
  sumProducts,
  type Money,
} from '../../src/core/index.js';
import { currencyArb, DIGITS, decimalString, Exact as Oracle, exact } from './arbitraries.js';
import { DECIMAL_JS_MODE } from './oracle-modes.js';

const TWO_53 = 2n ** 53n;
/** Integers around the safe-integer edge (±2^53), small ones and large ones. */
const edgeInt = fc.oneof(
  fc.bigInt({ min: TWO_53 - 1000n, max: TWO_53 + 1000n }),
  fc.bigInt({ min: -TWO_53 - 1000n, max: -TWO_53 + 1000n }),
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);
/** A plain decimal string, as JSON would carry an amount (not necessarily canonical). */
const amountText = fc.tuple(edgeInt, fc.integer({ min: 0, max: 8 })).map(([i, s]) => decimalString(i, s));
/** Factors in every accepted form: text, numbers (their shortest decimal) and compiled rates. */
const factorArb = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 9 }))
    .map(([i, s]) => decimalString(i, s)),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((r) => r / 1e6),
  fc.constantFrom('0.0725', '1e-3', '-2.5', 0.1, 3, compileRate('0.125'), compileRate('123456789.123456789')),
);
const factorText = (f: unknown): string =>
  typeof f === 'object' && f !== null ? (f as { text: string }).text : String(f);
/** A JSON money object (a fresh plain object, not created by the library). */
const json = (amount: string, currency: string): Money => JSON.parse(JSON.stringify({ amount, currency }));

/** The canonical amount text of an oracle value in a currency: at least its minor digits, no trailing zeros beyond. */
function canonical(value: InstanceType<typeof Oracle>, digits: number): string {
  const plain = value.toFixed();
  const [whole, frac = ''] = plain.split('.');
  const trimmed = frac.replace(/0+$/, '');
  const f = trimmed.length >= digits ? trimmed : trimmed.padEnd(digits, '0');
  const text = f.length > 0 ? `${whole}.${f}` : (whole as string);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

describe('the per-operation path on plain numbers', () => {
  it('multiply → roundMoney → add / subtract equal the oracle, across ±2^53', () => {
    fc.assert(
      fc.property(
        currencyArb,
        amountText,
        amountText,
        factorArb,
        fc.constantFrom(...ROUNDING_MODES),
        (currency, a, b, f, mode) => {
          const digits = DIGITS[currency] as number;
          const am = json(a, currency);
          const bm = json(b, currency);
          const product = multiply(am, f);
          const expected = new Oracle(a).times(new Oracle(factorText(f)));
          expect(product).toEqual({ amount: canonical(expected, digits), currency });
          const line = roundMoney(product, mode);
          const rounded = expected.toDecimalPlaces(digits, DECIMAL_JS_MODE[mode]);
          expect(line).toEqual({ amount: canonical(rounded, digits), currency });
          // a library result (read back from the recent results) and a JSON input, both orders
          expect(add(line, bm).amount).toBe(canonical(rounded.plus(new Oracle(b)), digits));
          expect(add(bm, line).amount).toBe(canonical(rounded.plus(new Oracle(b)), digits));
          expect(subtract(line, bm).amount).toBe(canonical(rounded.minus(new Oracle(b)), digits));
          expect(subtract(bm, am).amount).toBe(canonical(new Oracle(b).minus(new Oracle(a)), digits));
        },
      ),
      { seed: 20261203, numRuns: 1500 },
    );
  });

  it('sum and sumProducts equal the oracle, lines mixing both paths', () => {
    fc.assert(
      fc.property(
        currencyArb,
        fc.array(fc.tuple(amountText, factorArb), { maxLength: 12 }),
        fc.constantFrom(...ROUNDING_MODES),
        (currency, lines, mode) => {
          const digits = DIGITS[currency] as number;
          const amounts = lines.map(([a]) => json(a, currency));
          const factors = lines.map(([, f]) => f);
          const total = lines.reduce((t, [a]) => t.plus(new Oracle(a)), new Oracle(0));
          expect(sum(amounts, { currency }).amount).toBe(canonical(total, digits));
          const expected = lines.reduce(
            (t, [a, f]) =>
              t.plus(new Oracle(a).times(new Oracle(factorText(f))).toDecimalPlaces(digits, DECIMAL_JS_MODE[mode])),
            new Oracle(0),
          );
          expect(sumProducts(amounts, factors, { currency, rounding: mode }).amount).toBe(canonical(expected, digits));
        },
      ),
      { seed: 20261204, numRuns: 600 },
    );
  });
});

describe('the allocation-free readers', () => {
  it('parseSafeDecimal gives what parseDecimalText gives, or NaN', () => {
    const textArb = fc.oneof(
      amountText,
      fc.stringMatching(/^[-+]?[0-9]{0,18}(\.[0-9]{0,18})?$/),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(textArb, (t) => {
        const int = parseSafeDecimal(t);
        if (Number.isNaN(int)) return;
        expect({ int, scale: safeScale.value }).toEqual(parseDecimalText(t));
        expect(Object.is(int, -0)).toBe(false);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('numberSafe and factorUnits give what exactFromNumber and readFactor give, or NaN', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer().map((r) => r / 1e6),
          fc.constantFrom(0.1, -0, 1e-7, 0.3),
        ),
        (x) => {
          const int = numberSafe(x);
          if (Number.isNaN(int)) return;
          expect({ int, scale: safeScale.value }).toEqual(exactFromNumber(x));
          const f = factorUnits(x);
          expect({ int: f, scale: safeScale.value }).toEqual(readFactor(x, 'f'));
        },
      ),
      { seed: 8, numRuns: 3000 },
    );
  });
});

describe('results are plain JSON data', () => {
  it('has own amount and currency only: JSON, structuredClone, deep equality and inspect see nothing else', () => {
    // worked: 19.99 × 0.075 = 1.49925 → 1.50; 1.50 + 10.00 = 11.50
    const product = multiply(json('19.99', 'USD'), 0.075);
    const line = roundMoney(product);
    const total = add(line, json('10.00', 'USD'));
    for (const [m, amount] of [
      [product, '1.49925'],
      [line, '1.50'],
      [total, '11.50'],
    ] as const) {
      expect(Reflect.ownKeys(m)).toEqual(['amount', 'currency']);
      expect(Object.getOwnPropertyDescriptor(m, 'amount')).toEqual({
        value: amount,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
      expect(JSON.stringify(m)).toBe(`{"amount":"${amount}","currency":"USD"}`);
      expect(structuredClone(m)).toStrictEqual(m);
      expect(m).toStrictEqual({ amount, currency: 'USD' });
      expect(inspect(m)).toBe(`{ amount: '${amount}', currency: 'USD' }`);
      expect(exact(m).eq(new Oracle(amount))).toBe(true);
    }
  });
});
