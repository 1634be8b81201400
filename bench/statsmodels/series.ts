/**
 * The Holt-Winters benchmark series: 10 years of monthly bookings (trend, a yearly pattern with
 * two harmonics, Gaussian noise) drawn from core's seeded generator. bench/forecast.bench.ts fits
 * it, and bench/statsmodels/holt-winters.py recorded statsmodels' fits of the same numbers
 * (bench/statsmodels/holt-winters.json carries the series it was given, which the bench checks).
 */
import { createRng } from '../../src/core/index.js';

/** Months in the series. */
export const MONTHS = 120;

/** The series, oldest first. */
export function holtWintersSeries(): number[] {
  const noise = createRng(3);
  const series: number[] = [];
  for (let t = 0; t < MONTHS; t++) {
    const yearly = 150 * Math.sin((2 * Math.PI * t) / 12);
    const halfYearly = 60 * Math.cos((4 * Math.PI * t) / 12);
    series.push(1000 + 8 * t + yearly + halfYearly + 40 * noise.normal());
  }
  return series;
}
