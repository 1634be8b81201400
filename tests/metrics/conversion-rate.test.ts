import { describe, expect, it } from 'vitest';
import { conversionRate } from '../../src/metrics/conversion-rate.js';

describe('conversionRate', () => {
  it('20 of 100 is 0.2 (DESIGN.md: "20 sales from 100 prospects = 20%")', () => {
    expect(conversionRate(20, 100)).toBe(0.2);
  });
  it('52 of 80 is 0.65 (phoenixstrategy Discovery → Qualified example)', () => {
    expect(conversionRate(52, 80)).toBe(0.65);
  });
  it('0 of 0 is null (library rule, src/core/ratio.ts)', () => {
    expect(conversionRate(0, 0)).toBeNull();
  });
  it.each([
    [-1, 10, 'converted'],
    [1.5, 10, 'converted'],
    [1, -10, 'total'],
    [1, 2.5, 'total'],
    [11, 10, 'converted'],
    [Number.NaN, 10, 'converted'],
  ])('conversionRate(%s, %s) throws INVALID_COUNT naming %s', (k, n, field) => {
    expect(() => conversionRate(k, n)).toThrow(expect.objectContaining({ code: 'INVALID_COUNT', field }));
  });
});
