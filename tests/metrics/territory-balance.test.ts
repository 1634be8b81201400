import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dispersion,
  finalizeTerritoryBalance,
  mergeTerritoryBalance,
  summarizeTerritoryBalance,
  territoryBalance,
} from '../../src/metrics/territory-balance.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const acc = (territoryId: string | undefined, amount: string) => ({
  ...(territoryId === undefined ? {} : { territoryId }),
  annualSpend: usd(amount),
});
const T = ['t1', 't2', 't3', 't4', 't5', 't6', 't7'].map((id) => ({ id }));

describe('territoryBalance', () => {
  it('CV and Gini agree with numpy (np.std(x)/np.mean(x), Σ|xi−xj|/(2n²·mean)) to 1e-12', () => {
    // potential per territory 1,250,000.50 | 830,000 | 2,100,000.25 | 450,000 | 990,000 | 1,500,000 | 0
    const accounts = [
      acc('t1', '1000000.25'),
      acc('t1', '250000.25'),
      acc('t2', '830000'),
      acc('t3', '2100000.25'),
      acc('t4', '450000'),
      acc('t5', '990000'),
      acc('t6', '1500000'),
      acc(undefined, '7'),
    ];
    const r = territoryBalance(accounts, T);
    expect(Math.abs((r.potential.mean as number) - 1017142.9642857143)).toBeLessThan(1e-6);
    expect(Math.abs((r.potential.cv as number) - 0.6275371620476916)).toBeLessThan(1e-12);
    expect(Math.abs((r.potential.gini as number) - 0.3539325971479507)).toBeLessThan(1e-12);
    expect(r.territories[0]).toEqual({ territoryId: 't1', potential: usd('1250000.50'), accounts: 2 });
    expect(r.unassignedAccounts).toBe(1);
    // mean × 1.2 = 1,220,571.56; × 0.8 = 813,714.37 (by hand)
    expect(r.potential.over).toEqual(['t1', 't3', 't6']);
    expect(r.potential.under).toEqual(['t4', 't7']);
  });
  it('workload dispersion agrees with numpy on counts 12, 7, 30, 4, 9, 15, 0', () => {
    const d = dispersion(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [12, 7, 30, 4, 9, 15, 0], 0.2);
    expect(d.mean).toBe(11);
    expect(Math.abs((d.cv as number) - 0.8189030010615297)).toBeLessThan(1e-12);
    expect(Math.abs((d.gini as number) - 0.43413729128014844)).toBeLessThan(1e-12);
  });
  it('is 0 for equal territories, null with zero mean or no territories (by definition)', () => {
    expect(dispersion(['a', 'b'], [5, 5], 0.2)).toEqual({ mean: 5, cv: 0, gini: 0, over: [], under: [] });
    expect(dispersion(['a'], [0], 0.2)).toMatchObject({ cv: null, gini: null });
    expect(territoryBalance([], []).potential).toEqual({ mean: null, cv: null, gini: null, over: [], under: [] });
  });
  it('the threshold decides over- and under-loaded', () => {
    const r = territoryBalance([acc('t1', '110'), acc('t2', '90')], T.slice(0, 2), { threshold: 0.05 });
    expect([r.potential.over, r.potential.under]).toEqual([['t1'], ['t2']]);
    expect(territoryBalance([acc('t1', '110'), acc('t2', '90')], T.slice(0, 2)).potential.over).toEqual([]);
  });
  it('throws on bad input', () => {
    expect(() => territoryBalance([acc('zz', '1')], T)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'accounts[0].territoryId' }),
    );
    expect(() => territoryBalance([], [{ id: 'a' }, { id: 'a' }])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID', field: 'territories[1] (id "a").id' }),
    );
    expect(() => territoryBalance([], [null as never])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => territoryBalance([null as never], T)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => territoryBalance([], T, { threshold: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.threshold' }),
    );
    expect(() =>
      territoryBalance([acc('t1', '1'), { territoryId: 't2', annualSpend: { amount: '1', currency: 'EUR' } }], T),
    ).toThrow(expect.objectContaining({ code: 'CURRENCY_MISMATCH' }));
    expect(() =>
      mergeTerritoryBalance(summarizeTerritoryBalance([], T), summarizeTerritoryBalance([], T.slice(1))),
    ).toThrow(expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'b.territories' }));
    expect(() => finalizeTerritoryBalance({} as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUMMARY', field: 'summary.kind' }),
    );
  });
  it('any split + merge = the whole; Gini stays in [0, 1 − 1/n] (properties)', () => {
    const account = fc
      .record({ t: fc.constantFrom('t1', 't2', 't3', 't4', undefined), cents: fc.integer({ min: 0, max: 1e9 }) })
      .map(({ t, cents }) => acc(t, (cents / 100).toFixed(2)));
    fc.assert(
      fc.property(fc.array(account, { maxLength: 40 }), fc.nat(), (all, cut) => {
        const k = cut % (all.length + 1);
        const ts = T.slice(0, 4);
        const merged = mergeTerritoryBalance(
          JSON.parse(JSON.stringify(summarizeTerritoryBalance(all.slice(0, k), ts))),
          summarizeTerritoryBalance(all.slice(k), ts),
        );
        const whole = territoryBalance(all, ts);
        expect(finalizeTerritoryBalance(merged)).toEqual(whole);
        if (whole.workload.gini !== null) {
          expect(whole.workload.gini).toBeGreaterThanOrEqual(0);
          expect(whole.workload.gini).toBeLessThanOrEqual(1 - 1 / 4 + 1e-12);
        }
      }),
    );
  });
});
