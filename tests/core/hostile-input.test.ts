/**
 * Regression tests for the findings of issue 14 ("hostile input") that live in core, each
 * with the exact input of the finding: decimal size limits (one limit for `money` and
 * `parseMoney`, checked before any work that grows with the size), date arithmetic that leaves
 * the calendar, `allocate` given an array with its own `constructor` key, and error messages
 * that describe a hostile value in bounded time.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  addDays,
  formatPercent,
  addMonths,
  allocate,
  isIsoDate,
  isMoney,
  daysInPeriod,
  monthsOf,
  money,
  normalQuantile,
  overlap,
  periodContains,
  prorationFraction,
  parseMoney,
  toDecimal,
} from '../../src/core/index.js';
import { briefValue, describeValue, invalid, invalidBrief } from '../../src/core/errors.js';
import { assertSameCurrency } from '../../src/core/money.js';
import { thrown } from './helpers.js';

/** Runs `f` and returns its duration in ms. */
function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

describe('decimal size limits (LIMITS.decimalDigits, LIMITS.decimalExponent)', () => {
  it('money("1e999", "USD") is accepted and its own JSON parses back to it', () => {
    const m = money('1e999', 'USD');
    // 1e999 in plain notation: a 1 and 999 zeros, then the two USD minor digits
    expect(m.amount).toBe(`1${'0'.repeat(999)}.00`);
    expect(parseMoney(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('money refuses what parseMoney would refuse: the limit counts plain-notation digits', () => {
    // 10e999 has 1001 digits in plain notation, although it is written with two
    thrown(() => money('10e999', 'USD'), 'INVALID_AMOUNT');
    thrown(() => money('1e1000', 'USD'), 'INVALID_AMOUNT');
    thrown(() => money('-1e1000', 'USD'), 'INVALID_AMOUNT');
    thrown(() => money('1e-1000', 'USD'), 'INVALID_AMOUNT');
    // 0.(999 zeros)1 has 1000 fraction digits: the most there can be
    const tiny = money(`0.${'0'.repeat(999)}1`, 'USD');
    expect(parseMoney(JSON.parse(JSON.stringify(tiny)))).toEqual(tiny);
    thrown(() => money(`0.${'0'.repeat(1000)}1`, 'USD'), 'INVALID_AMOUNT');
    // the greatest accepted amount in a 4-digit currency: 1000 digits, then 4 minor digits
    const big = money('9'.repeat(LIMITS.decimalDigits), 'CLF');
    expect(big.amount).toBe(`${'9'.repeat(1000)}.0000`);
    expect(parseMoney({ ...big })).toEqual(big);
    expect(isMoney(big)).toBe(true);
  });

  it('leading zeros and trailing fraction zeros do not count as digits', () => {
    expect(money(`${'0'.repeat(500)}1.5${'0'.repeat(500)}`, 'USD').amount).toBe('1.50');
  });

  it('refuses text longer than any accepted amount in constant time', () => {
    const huge = '1'.repeat(10_000_000);
    thrown(() => money(huge, 'USD'), 'INVALID_AMOUNT');
    const ms = timed(() => {
      for (let i = 0; i < 1000; i++) {
        try {
          money(huge, 'USD');
        } catch {
          // refused, as asserted above
        }
      }
    });
    // 1000 refusals of a 10-million-character string: microseconds each; a scan of the string
    // would take milliseconds each, seconds in all (a wide bound: the machine may be busy)
    expect(ms).toBeLessThan(2000);
    const e = thrown(() => parseMoney({ amount: huge, currency: 'USD' }), 'INVALID_AMOUNT');
    // the message shows the start of the value, never all of it
    expect(e.message.length).toBeLessThan(300);
    thrown(() => money('1e9999999999', 'USD'), 'INVALID_AMOUNT');
  });

  it('refuses a Decimal with exponent 9e15 at once (it used to run out of memory)', () => {
    const d = new Decimal('1e9000000000000000');
    expect(d.e).toBe(9e15);
    const ms = timed(() => {
      thrown(() => money(d, 'USD'), 'INVALID_AMOUNT');
      thrown(() => toDecimal(d), 'INVALID_AMOUNT');
      thrown(() => money(new Decimal('-1e-9000000000000000'), 'USD'), 'INVALID_AMOUNT');
      // exponent 1e7 used to take a second before it was refused
      thrown(() => money(new Decimal('1e10000000'), 'USD'), 'INVALID_AMOUNT');
    });
    // out of memory, or 20 s, before; a wide bound (the machine may be busy)
    expect(ms).toBeLessThan(1000);
    // a Decimal within the limits is read exactly
    expect(money(new Decimal('1e999'), 'USD')).toEqual(money('1e999', 'USD'));
  });

  it('refuses a corrupted or hostile Decimal-like object with INVALID_AMOUNT, not its own error', () => {
    const corrupt = new Decimal(1);
    (corrupt as unknown as { d: unknown }).d = null;
    (corrupt as unknown as { s: unknown }).s = 1;
    thrown(() => money(corrupt, 'USD'), 'INVALID_AMOUNT');
    const lying = {
      d: [1],
      e: 0,
      s: 1,
      isFinite: () => true,
      toFixed: () => {
        throw new TypeError('toFixed is broken');
      },
    };
    thrown(() => money(lying as never, 'USD'), 'INVALID_AMOUNT');
    const trap = new Proxy(
      {},
      {
        has: () => {
          throw new RangeError('trap');
        },
        get: (_t, k) => (k === 'toFixed' || k === 'isFinite' ? () => true : undefined),
      },
    );
    thrown(() => money(trap as never, 'USD'), 'INVALID_AMOUNT');
  });

  it('parseMoney turns a throwing getter into a RevopsError; isMoney answers false', () => {
    const getter = Object.defineProperty({ currency: 'USD' }, 'amount', {
      get: () => {
        throw new Error('getter');
      },
      enumerable: true,
    });
    thrown(() => parseMoney(getter), 'INVALID_INPUT');
    expect(isMoney(getter)).toBe(false);
  });
});

describe('date arithmetic stays in the calendar (years 0001–9999)', () => {
  it("addDays('2026-01-01', 1e9) is INVALID_DATE (it returned '0NaN-NaN-NaN')", () => {
    const e = thrown(() => addDays('2026-01-01', 1e9), 'INVALID_DATE');
    expect(e.field).toBe('days');
    thrown(() => addDays('2026-01-01', -1e9), 'INVALID_DATE');
    thrown(() => addDays('2026-01-01', Number.MAX_SAFE_INTEGER), 'INVALID_DATE');
  });

  it("addDays('9999-12-31', 1) is INVALID_DATE (it returned '10000-01-01')", () => {
    expect(isIsoDate('10000-01-01')).toBe(false);
    thrown(() => addDays('9999-12-31', 1), 'INVALID_DATE');
    thrown(() => addDays('0001-01-01', -1), 'INVALID_DATE');
    // the edges themselves are reachable
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    // 3,652,058 days from 0001-01-01 to 9999-12-31 (proleptic Gregorian: 9998 years of which
    // 2424 are leap years: 9998 × 365 + 2424 + 364 days)
    expect(addDays('0001-01-01', 9998 * 365 + 2424 + 364)).toBe('9999-12-31');
  });

  it('addMonths past 9999-12 or before 0001-01 is INVALID_DATE', () => {
    thrown(() => addMonths('9999-12-31', 1), 'INVALID_DATE');
    thrown(() => addMonths('0001-01-31', -1), 'INVALID_DATE');
    thrown(() => addMonths('2026-01-01', 1e9), 'INVALID_DATE');
    expect(addMonths('9999-11-30', 1)).toBe('9999-12-30');
  });
});

describe('allocate', () => {
  it('reads a ratios array carrying its own constructor key (it threw a TypeError)', () => {
    const ratios = [1, 1, 1];
    Object.defineProperty(ratios, 'constructor', { value: 1 });
    // the same split as without the key: 100.00 / 3 by largest remainder
    expect(allocate(money('100.00', 'USD'), ratios).map((m) => m.amount)).toEqual(['33.34', '33.33', '33.33']);
  });
});

describe('periods read as arguments', () => {
  it('a missing, null or unreadable period is INVALID_PERIOD (daysInPeriod and monthsOf threw TypeError)', () => {
    const getter = Object.defineProperty({ end: '2026-01-31' }, 'start', {
      get: () => {
        throw new Error('getter');
      },
    });
    for (const bad of [undefined, null, 7, 'Q1', getter]) {
      thrown(() => daysInPeriod(bad as never), 'INVALID_PERIOD');
      thrown(() => monthsOf(bad as never), 'INVALID_PERIOD');
      thrown(() => periodContains(bad as never, '2026-01-01'), 'INVALID_PERIOD');
      thrown(() => overlap(bad as never, { start: '2026-01-01', end: '2026-01-31' }), 'INVALID_PERIOD');
      thrown(() => prorationFraction({ start: '2026-01-01', end: '2026-01-31' }, bad as never), 'INVALID_PERIOD');
    }
    const e = thrown(() => daysInPeriod({ start: '2026-02-30', end: '2026-03-01' }), 'INVALID_DATE');
    expect(e.field).toBe('period.start');
  });
});

describe('normalQuantile', () => {
  it('refuses 0 and 1, whose quantiles are infinite (it returned ±Infinity)', () => {
    for (const p of [0, -0, 1]) thrown(() => normalQuantile(p), 'INVALID_RATE');
    // the extreme finite quantiles: the smallest double and the largest double below 1
    expect(Number.isFinite(normalQuantile(Number.MIN_VALUE))).toBe(true);
    expect(Number.isFinite(normalQuantile(1 - 2 ** -53))).toBe(true);
  });
});

describe('a huge BigInt in a message (long-run fuzz, 2026-12-03)', () => {
  it('describeValue(10n ** 100000n) is short, not the 100,001 digits (primitives skipped the 80-character cut)', () => {
    // 10^100000 is past the largest double: only its size can be said
    expect(describeValue(10n ** 100_000n)).toBe('over 1.8e308 (a BigInt)');
    expect(describeValue(-(10n ** 100_000n))).toBe('-over 1.8e308 (a BigInt)');
    expect(briefValue(10n ** 100_000n)).toBe('over 1.8e308 (a BigInt)');
    expect(invalid('INVALID_INPUT', 'x', { n: 10n ** 100_000n }, 'must be small').message).toBe(
      'x must be small, got {"n":over 1.8e308 (a BigInt)}',
    );
  });

  it('a BigInt below 10^60 is written exactly; from 10^60 rounded to four digits', () => {
    const below = 10n ** 60n - 1n; // sixty nines
    expect(describeValue(below)).toBe(`${'9'.repeat(60)}n`);
    expect(describeValue(-below)).toBe(`-${'9'.repeat(60)}n`);
    expect(describeValue(10n ** 60n)).toBe('1.000e+60 (a BigInt)');
    expect(describeValue(-(12345n * 10n ** 96n))).toBe('-1.235e+100 (a BigInt)');
    expect(invalidBrief('INVALID_COUNT', 'n', 2n ** 1100n, 'must be a number').message).toBe(
      'n must be a number, got over 1.8e308 (a BigInt)',
    );
  });
});

describe('formatPercent fraction digits (long-run fuzz, 2026-12-03)', () => {
  it("formatPercent(0.5, 'en-US', { minimumFractionDigits: <proxy> | 10n }) → INVALID_OPTION, not a TypeError", () => {
    const proxy: object = new Proxy({}, { get: () => proxy });
    for (const bad of [proxy, 10n]) {
      const e = thrown(() => formatPercent(0.5, 'en-US', { minimumFractionDigits: bad as never }), 'INVALID_OPTION');
      expect(e.field).toBe('options.minimumFractionDigits');
    }
    const e = thrown(() => formatPercent(0.5, 'en-US', { maximumFractionDigits: 21 }), 'INVALID_OPTION');
    expect(e.message).toBe('options.maximumFractionDigits must be an integer from 0 to 20, got 21');
  });

  it('fraction digits 0 to 20 (what Intl takes on Node 18 and 20) still format: 0.5 is 50%', () => {
    expect(formatPercent(0.5, 'en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 })).toBe('50%');
    expect(formatPercent(0.5, 'en-US', { minimumFractionDigits: 20 })).toBe(`50.${'0'.repeat(20)}%`);
  });
});

describe('assertSameCurrency writes both currencies bounded', () => {
  it('the currencies as given when they are codes: b.currency must be USD to combine with USD money', () => {
    expect(thrown(() => assertSameCurrency('USD', 'EUR'), 'CURRENCY_MISMATCH').message).toBe(
      'b.currency must be USD to combine with USD money, got "EUR"',
    );
    expect(thrown(() => assertSameCurrency('USD', 'EUR', 'quota'), 'CURRENCY_MISMATCH').field).toBe('quota.currency');
  });

  it("a 10,000-character currency (forecast's 'USD'.repeat(3334) finding) is cut to 60 characters", () => {
    const long = 'USD'.repeat(3334);
    const e = thrown(() => assertSameCurrency(long, 'EUR'), 'CURRENCY_MISMATCH');
    expect(e.message).toBe(
      `b.currency must be "${long.slice(0, 57)}..." to combine with "${long.slice(0, 57)}..." money, got "EUR"`,
    );
    expect(thrown(() => assertSameCurrency('USD', long), 'CURRENCY_MISMATCH').message.length).toBeLessThan(120);
  });
});
