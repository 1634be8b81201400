/**
 * Laws of revops/sheets: a sheets function gives what the library function gives on the same
 * data (numbers or numeric text, with a header and blank rows or not), and otherwise the error
 * value of the code the library throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, toNumber } from '../../src/core/money.js';
import { linearTrend } from '../../src/forecast/linear-trend.js';
import { weightedPipeline } from '../../src/forecast/weighted-pipeline.js';
import { conversionRate } from '../../src/metrics/conversion-rate.js';
import { wilsonInterval } from '../../src/metrics/wilson-interval.js';
import { mrrMovements } from '../../src/retention/mrr-movements.js';
import { netRevenueRetention } from '../../src/retention/revenue-retention.js';
import {
  COMMISSION_TIERED,
  CONVERSION_RATE,
  LINEAR_TREND_FORECAST,
  NRR,
  sheetErrorOf,
  WEIGHTED_PIPELINE,
  WILSON_LOWER,
  WILSON_UPPER,
} from '../../src/sheets/index.js';

/** The library's answer as a cell shows it: null → #DIV/0!, a throw → its error value. */
function asCell(f: () => number | null): unknown {
  try {
    const x = f();
    return x === null ? '#DIV/0!' : x;
  } catch (e) {
    return sheetErrorOf(e);
  }
}

const count = fc.integer({ min: -3, max: 60 });
const asText = (v: number, text: boolean): number | string => (text ? String(v) : v);

describe('sheets = library', () => {
  it('CONVERSION_RATE = conversionRate, numbers or text', () => {
    fc.assert(
      fc.property(count, count, fc.boolean(), (k, n, text) => {
        expect(CONVERSION_RATE(asText(k, text), asText(n, text))).toEqual(asCell(() => conversionRate(k, n)));
      }),
    );
  });

  it('WILSON_LOWER / WILSON_UPPER = wilsonInterval bounds', () => {
    fc.assert(
      fc.property(count, count, fc.double({ min: 0.01, max: 0.999, noNaN: true }), (k, n, c) => {
        expect(WILSON_LOWER(k, n, c)).toEqual(asCell(() => wilsonInterval(k, n, { confidence: c }).lower));
        expect(WILSON_UPPER(String(k), n, c)).toEqual(asCell(() => wilsonInterval(k, n, { confidence: c }).upper));
      }),
    );
  });

  const dealRow = fc.tuple(
    fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  );

  it('WEIGHTED_PIPELINE = weightedPipeline(deals).weighted, whatever the header and blank rows', () => {
    fc.assert(
      fc.property(fc.array(dealRow, { maxLength: 30 }), fc.boolean(), fc.nat(40), (rows, header, blankAt) => {
        const deals = rows.map(([a, p], i) => ({
          id: `D-${i}`,
          stage: 'proposal',
          probability: p,
          amount: money(a, 'USD'),
          expectedCloseDate: '2026-03-31',
        }));
        const expected = toNumber(weightedPipeline(deals as never, { currency: 'USD' }).weighted);
        const range: unknown[][] = rows.map(([a, p]) => [String(a), p]);
        range.splice(Math.min(blankAt, range.length), 0, [null, '']);
        if (header) range.unshift(['Amount', 'Probability']);
        expect(WEIGHTED_PIPELINE(range as never)).toBe(expected);
      }),
    );
  });

  it('COMMISSION_TIERED (marginal) = Σ rate × the part of the amount in each tier, exact to the cent', () => {
    // independent oracle: whole-dollar amounts and bounds, rates in whole percent → exact integer cents
    const tiers = fc
      .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 4 })
      .chain((bounds) =>
        fc.tuple(
          fc.constant([0, ...bounds.sort((a, b) => a - b)]),
          fc.array(fc.integer({ min: 0, max: 30 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
        ),
      );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), tiers, (amount, [from, rates]) => {
        let cents = 0;
        from.forEach((f, i) => {
          const to = from[i + 1] ?? Number.POSITIVE_INFINITY;
          cents += Math.max(0, Math.min(amount, to) - f) * (rates[i] as number);
        });
        const table = from.map((f, i) => [f, `${rates[i]}%`]);
        expect(COMMISSION_TIERED(amount, table)).toBe(cents / 100);
      }),
    );
  });

  it('NRR = netRevenueRetention(mrrMovements(rows))', () => {
    const row = fc.tuple(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.constantFrom('2026-01', '2026-02', '2026-03'),
      fc.integer({ min: 0, max: 100_000 }),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const subs = rows.map(([c, m, a]) => ({
          customerId: c,
          period: { start: `${m}-01`, end: m === '2026-02' ? `${m}-28` : `${m}-31` },
          mrr: money(a, 'USD'),
        }));
        const expected = asCell(
          () =>
            netRevenueRetention(
              mrrMovements(subs, { period: { start: '2026-02-01', end: '2026-03-31' }, currency: 'USD' }),
            ).rate,
        );
        expect(NRR(rows, '2026-02', '2026-03')).toEqual(expected);
      }),
    );
  });

  it('LINEAR_TREND_FORECAST = linearTrend(series).forecast, as a column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (series, h) => {
          let expected: unknown;
          try {
            expected = linearTrend(series, { horizon: h }).forecast.map((v) => [v === 0 ? 0 : v]);
          } catch (e) {
            expected = sheetErrorOf(e);
          }
          expect(
            LINEAR_TREND_FORECAST(
              series.map((v) => [String(v)]),
              h,
            ),
          ).toEqual(expected);
        },
      ),
    );
  });
});
