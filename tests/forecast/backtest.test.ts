import { describe, expect, it } from 'vitest';
import {
  backtest,
  holtWintersMethod,
  linearTrendMethod,
  naiveMethod,
  seasonalNaiveMethod,
} from '../../src/forecast/index.js';
import { austourists } from './fixtures-ets.js';
import { codeOf } from './helpers.js';

describe('backtest (rolling origin)', () => {
  it('origins roll forward by step and the last forecast ends at the last value', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const b = backtest(y, naiveMethod(), { horizon: 2, folds: 3, step: 2 });
    // By hand: first train = 10 − 2 − 2·2 = 4 ⇒ train sizes 4, 6, 8; naive forecasts repeat the last value.
    expect(b.folds.map((f) => f.trainSize)).toEqual([4, 6, 8]);
    expect(b.folds.map((f) => f.predicted)).toEqual([
      [4, 4],
      [6, 6],
      [8, 8],
    ]);
    expect(b.folds[2]?.actual).toEqual([9, 10]);
    // Errors 1, 2 in every fold ⇒ pooled MAE 1.5, bias −1.5.
    expect(b.accuracy.mae).toBe(1.5);
    expect(b.accuracy.bias).toBe(-1.5);
  });

  it('on fpp2 austourists, seasonal methods beat the naive one (one-year-ahead, 8 origins)', () => {
    const opts = { horizon: 4, folds: 8 };
    const naive = backtest(austourists, naiveMethod(), opts).accuracy.mae;
    const snaive = backtest(austourists, seasonalNaiveMethod(4), opts).accuracy.mae;
    const hw = backtest(austourists, holtWintersMethod({ seasonLength: 4 }), opts).accuracy.mae;
    expect(snaive).toBeLessThan(naive);
    expect(hw).toBeLessThan(naive);
    expect(backtest(austourists, linearTrendMethod(), opts).folds).toHaveLength(8);
  });

  it('does not let the method see the future', () => {
    const seen: number[] = [];
    backtest(
      [1, 2, 3, 4, 5],
      (train, h) => {
        seen.push(train.length);
        return new Array<number>(h).fill(0);
      },
      { folds: 2 },
    );
    expect(seen).toEqual([3, 4]);
  });

  it('rejects bad input', () => {
    expect(codeOf(() => backtest([1, 2, 3], naiveMethod(), { horizon: 2, folds: 2 }))).toBe('INSUFFICIENT_DATA');
    expect(codeOf(() => backtest([1, 2, 3], (() => [1, 2]) as never, { horizon: 1, folds: 1 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => backtest([1, 2, 3], 'naive' as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => seasonalNaiveMethod(4)([1, 2], 1))).toBe('INSUFFICIENT_DATA');
  });
});

describe('forecast methods called directly validate their arguments', () => {
  it('a bad horizon or an empty training series is a RevopsError, not a RangeError or undefined forecasts', () => {
    expect(codeOf(() => naiveMethod()([1, 2], 0))).toBe('INVALID_OPTION');
    expect(codeOf(() => naiveMethod()([1, 2], 1.5))).toBe('INVALID_OPTION');
    expect(codeOf(() => naiveMethod()([], 1))).toBe('INSUFFICIENT_DATA');
    expect(codeOf(() => seasonalNaiveMethod(2)([1, 2], -1))).toBe('INVALID_OPTION');
    expect(codeOf(() => linearTrendMethod()([1, 2], 0))).toBe('INVALID_OPTION');
    expect(codeOf(() => holtWintersMethod()([1, 2, 3], 0))).toBe('INVALID_OPTION');
  });
});

describe('backtest guards against a misbehaving method', () => {
  it('a method returning no array, the wrong length or NaN is INVALID_OPTION', () => {
    const y = [1, 2, 3, 4, 5, 6];
    expect(codeOf(() => backtest(y, (() => undefined) as never, { folds: 2 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => backtest(y, () => [1, 2], { folds: 2 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => backtest(y, () => [Number.NaN], { folds: 2 }))).toBe('INVALID_OPTION');
  });
});
