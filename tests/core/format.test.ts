import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, money } from '../../src/core/index.js';
import { thrown } from './helpers.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats in a locale with the currency’s digits (CLDR data through Intl)', () => {
    expect(formatMoney(money('1234567.5', 'USD'))).toBe('$1,234,567.50');
    expect(plain(formatMoney(money('1234.5', 'EUR'), 'de-DE'))).toBe('1.234,50 €');
    expect(formatMoney(money('1234', 'JPY'), 'en-US')).toBe('¥1,234');
    expect(formatMoney(money('1.234', 'BHD'), 'en-US')).toBe('BHD 1.234'.replace(' ', '\u00a0'));
    expect(formatMoney(money('-5', 'USD'), 'en-US', { currencySign: 'accounting' })).toBe('($5.00)');
  });

  it('never loses a digit: amounts past 2^53 and below the minor unit are shown whole', () => {
    // 2^53 + 1 = 9,007,199,254,740,993: a float would print …992.
    expect(formatMoney(money('9007199254740993', 'USD'))).toBe('$9,007,199,254,740,993.00');
    expect(formatMoney({ amount: '0.125', currency: 'USD' })).toBe('$0.125');
  });

  it('round-trips the digits of any amount (property: strip grouping and symbol, get the amount back)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (cents) => {
        const abs = cents < 0n ? -cents : cents;
        const m = money(`${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`, 'USD');
        const text = formatMoney(m, 'en-US', { currencyDisplay: 'code' });
        expect(text.replace(/USD|,|\s/g, '')).toBe(m.amount);
      }),
    );
  });

  it('refuses what is not money, and a locale Intl rejects', () => {
    expect(() => formatMoney({ amount: 12, currency: 'USD' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => formatMoney(money('1', 'USD'), 'not a locale!')).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent('0.125', 'en-US', { maximumFractionDigits: 2 })).toBe('12.5%');
    expect(plain(formatPercent(1.2, 'fr-FR'))).toBe('120 %');
    expect(formatPercent(0, 'en-US', { minimumFractionDigits: 2 })).toBe('0.00%');
  });

  it('reads a decimal string with several integer digits, or without a point, exactly', () => {
    // 12.5 = 1250 %; 1 = 100 %; 10 = 1000 % (en-US groups thousands)
    expect(formatPercent('12.5')).toBe('1,250%');
    expect(formatPercent('1')).toBe('100%');
    expect(formatPercent('-10')).toBe('-1,000%');
  });

  it('refuses a rate that only prints as a decimal (an array, a String object)', () => {
    // the test of the text must not see String(rate): ['0.5'] and new String('0.5') print as 0.5
    for (const bad of [['0.5'], new String('0.5')]) {
      expect(thrown(() => formatPercent(bad as never), 'INVALID_RATE').field).toBe('rate');
    }
  });

  it('refuses NaN, Infinity and non-decimal strings', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '12%', '1e3', ''] as const) {
      expect(() => formatPercent(bad)).toThrow(expect.objectContaining({ code: 'INVALID_RATE' }));
    }
  });
});

describe('options that are not an object (found by the long fuzz run)', () => {
  it('formatPercent(0.1234, undefined, null) and formatMoney(m, undefined, null) refuse with INVALID_OPTION', () => {
    // exact input of the fuzz finding: a TypeError reading maximumFractionDigits before
    expect(thrown(() => formatPercent(0.1234, undefined, null as never), 'INVALID_OPTION').field).toBe('options');
    expect(thrown(() => formatMoney(money('1', 'USD'), undefined, null as never), 'INVALID_OPTION').field).toBe(
      'options',
    );
    // undefined still means the defaults: 12.34 % with at most one decimal
    expect(formatPercent(0.1234, undefined, undefined)).toBe('12.3%');
  });
});
