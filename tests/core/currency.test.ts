/** ISO 4217 minor units (source: ISO 4217 list one, SIX Group). */
import { describe, expect, it } from 'vitest';
import { currencyCodes, isCurrencyCode, minorUnits } from '../../src/core/index.js';
import { thrown } from './helpers.js';

describe('minorUnits()', () => {
  it('follows ISO 4217 list one', () => {
    // ISO 4217 list one, column "Minor unit"
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('GBP')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('CLP')).toBe(0);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('TND')).toBe(3);
    expect(minorUnits('CLF')).toBe(4);
    expect(minorUnits('UYW')).toBe(4);
  });

  it('uses ISO 4217, not CLDR, where they differ (HUF, IDR: 2 digits)', () => {
    // ISO 4217 list one: HUF 2, IDR 2 (CLDR shows 0 cash digits)
    expect(minorUnits('HUF')).toBe(2);
    expect(minorUnits('IDR')).toBe(2);
  });

  it('throws UNKNOWN_CURRENCY for anything else, naming the value', () => {
    for (const bad of ['usd', 'XAU', 'XDR', 'XXX', 'XTS', '', 'US', 'toString', '__proto__', 123, null, undefined]) {
      const e = thrown(() => minorUnits(bad as string), 'UNKNOWN_CURRENCY');
      expect(e.field).toBe('currency');
    }
    expect(thrown(() => minorUnits('XAU'), 'UNKNOWN_CURRENCY').message).toContain('"XAU"');
  });
});

describe('isCurrencyCode() and currencyCodes()', () => {
  it('recognise exactly the table', () => {
    expect([isCurrencyCode('EUR'), isCurrencyCode('eur'), isCurrencyCode('XAU'), isCurrencyCode(978)]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const codes = currencyCodes();
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z]{3}$/);
      expect(isCurrencyCode(c)).toBe(true);
      expect([0, 2, 3, 4]).toContain(minorUnits(c));
    }
    expect(codes).toContain('CHF');
    // a fresh copy each call
    codes.pop();
    expect(currencyCodes()).toContain('ZWL');
  });
});

describe('minorUnits(): the refusal (StrykerJS survivor of core P8)', () => {
  it('names the currency and says what it must be', () => {
    expect(() => minorUnits('XXX')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_CURRENCY',
        field: 'currency',
        message: 'currency must be an ISO 4217 code with minor units such as "USD", got "XXX"',
      }),
    );
  });
});
