import { describe, expect, it } from 'vitest';
import { forecastAccuracy } from '../../src/forecast/index.js';
import { codeOf } from './helpers.js';

describe('forecastAccuracy (research E12, scikit-learn documentation)', () => {
  it('y_true = [3, −0.5, 2, 7], y_pred = [2.5, 0, 2, 8]', () => {
    // Oracle: sklearn mean_absolute_error docstring "0.5"; mean_squared_error docstring "0.375" (RMSE √0.375);
    // mean_absolute_percentage_error docstring "0.3273…" = (1/6 + 1 + 0 + 1/7)/4.
    // WAPE 2/12.5 = 0.16 and bias +0.25 computed by hand (research E12).
    const a = forecastAccuracy([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(a.mae).toBe(0.5);
    expect(a.rmse).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(a.mape).toBeCloseTo(0.32738095238095238, 15);
    expect(a.wape).toBe(0.16);
    expect(a.bias).toBe(0.25);
    expect(a.n).toBe(4);
  });

  it('sklearn user guide: y_true = [1, 10, 1e6], y_pred = [0.9, 15, 1.2e6] → MAPE 0.2666…', () => {
    // Oracle: scikit-learn user guide, "Mean absolute percentage error".
    expect(forecastAccuracy([1, 10, 1e6], [0.9, 15, 1.2e6]).mape).toBeCloseTo(0.26666666666666666, 14);
  });

  it('MAPE is null when an actual is 0; WAPE null only when all are', () => {
    // Computed by hand: |e| = 1, 1; Σ|y| = 4 ⇒ WAPE = 2/4 = 0.5; MAPE divides by |0| ⇒ null.
    const a = forecastAccuracy([0, 4], [1, 3]);
    expect(a.mape).toBeNull();
    expect(a.wape).toBe(0.5);
    expect(forecastAccuracy([0, 0], [1, -1]).wape).toBeNull();
  });

  it('bias is forecast − actual: under-forecasting is negative', () => {
    // Computed by hand: mean(8 − 10, 18 − 20) = −2.
    expect(forecastAccuracy([10, 20], [8, 18]).bias).toBe(-2);
  });

  it('rejects bad input', () => {
    expect(codeOf(() => forecastAccuracy([1, 2], [1]))).toBe('INVALID_INPUT');
    expect(codeOf(() => forecastAccuracy([], []))).toBe('INSUFFICIENT_DATA');
    expect(codeOf(() => forecastAccuracy([1, Number.NaN], [1, 2]))).toBe('INVALID_INPUT');
  });
});
