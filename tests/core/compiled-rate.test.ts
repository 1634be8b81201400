/**
 * compileRate and the factors it makes (src/core/compiled-rate.ts): what a compiled rate holds,
 * and which look-alikes `multiply` and `sumProducts` refuse. Written for the StrykerJS survivors
 * of core P7 (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { compileRate, money, multiply, sumProducts } from '../../src/core/index.js';
import { thrown } from './helpers.js';

const one = money('1', 'USD');

describe('compileRate', () => {
  it('holds the rate as an integer at a scale, and its text', () => {
    // by hand: 0.0725 = 725 / 10^4; 12345678901234567890 has 20 digits: a bigint
    expect(compileRate('0.0725')).toEqual({ kind: 'compiledRate', text: '0.0725', units: 725, scale: 4 });
    expect(compileRate('12345678901234567890').units).toBe(12345678901234567890n);
  });

  it('names the rate it refuses', () => {
    const e = thrown(() => compileRate('abc'), 'INVALID_AMOUNT');
    expect(e.field).toBe('rate');
    expect(e.message).toBe('rate must be a decimal number such as "12.30", got "abc"');
  });
});

describe('a factor', () => {
  it('null or undefined is refused as a factor, not read as a compiled rate', () => {
    for (const factor of [null, undefined]) {
      const e = thrown(() => multiply(one, factor as never), 'INVALID_AMOUNT');
      expect(e.field).toBe('factor');
      expect(e.message).toBe(`factor must be a number, a decimal string or a Decimal, got ${factor}`);
      expect(thrown(() => sumProducts([one], factor as never, { currency: 'USD' }), 'INVALID_AMOUNT').field).toBe(
        'factors',
      );
      expect(thrown(() => sumProducts([one], [factor as never], { currency: 'USD' }), 'INVALID_AMOUNT').field).toBe(
        'factors[0]',
      );
    }
  });

  it('a forged compiled rate is refused: units not a safe integer or bigint, scale not an integer ≥ 0', () => {
    const forged = [
      { units: 5, scale: -1 },
      { units: 1.5, scale: 1 },
      { units: 15, scale: 1.5 },
      { units: 2 ** 53, scale: 1 },
      { units: '5', scale: 1 },
    ];
    for (const f of forged) {
      const rate = { kind: 'compiledRate', text: '', ...f };
      const e = thrown(() => multiply(one, rate as never), 'INVALID_AMOUNT');
      expect(e.field).toBe('factor');
      expect(e.message).toMatch(/^factor must be a rate from compileRate\(\), got \{"kind":"compiledRate"/);
    }
  });

  it('a compiled rate with bigint units multiplies exactly', () => {
    // by hand: 1.00 × 1234567890.1234567890 = 1234567890.123456789 (trailing zero dropped)
    const rate = { kind: 'compiledRate', text: '1234567890.1234567890', units: 12345678901234567890n, scale: 10 };
    expect(multiply(one, rate as never).amount).toBe('1234567890.123456789');
  });
});
