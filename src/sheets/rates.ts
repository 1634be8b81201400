/**
 * Rates for spreadsheet formulas: conversion rate, win rate and Wilson interval bounds, from
 * counts in cells. Plain numbers only: no zod, no decimal.js.
 * @module
 */
import { invalid } from '../core/errors.js';
import { conversionRate } from '../metrics/conversion-rate.js';
import { wilsonInterval } from '../metrics/wilson-interval.js';
import { type Cell, readNumberCell, readOptionalNumber } from './cells.js';
import { type SheetNumber, sheetNumber } from './errors.js';

/**
 * `=CONVERSION_RATE(converted, total)`: the share that converted, a fraction (20 of 100 →
 * 0.2; format the cell as a percentage to see 20 %). revops/metrics `conversionRate`.
 *
 * Formula: `converted / total`. Cells may hold numbers or numeric text (`"20"`); a blank is 0.
 *
 * @param converted - how many converted: a non-negative integer at most `total`.
 * @param total - how many could have converted: a non-negative integer.
 * @returns the fraction in [0, 1]; `#DIV/0!` when `total` is 0; `#NUM!` for a negative or
 *   fractional count or `converted > total`; `#VALUE!` for text that is not a number.
 * @example
 * ```ts
 * import { CONVERSION_RATE } from 'revops/sheets';
 * CONVERSION_RATE('20', '100');
 * //=> 0.2
 * CONVERSION_RATE(0, 0);
 * //=> '#DIV/0!'
 * CONVERSION_RATE(3, 2);
 * //=> '#NUM!'
 * CONVERSION_RATE('twenty', 100);
 * //=> '#VALUE!'
 * ```
 */
export function CONVERSION_RATE(converted: Cell, total: Cell): SheetNumber {
  return sheetNumber(() => conversionRate(readNumberCell(converted, 'converted'), readNumberCell(total, 'total')));
}

/** Reads won and lost counts; `lost` is checked on its own so that its error names it. */
function wonOfClosed(won: Cell, lost: Cell): [number, number] {
  const w = readNumberCell(won, 'won');
  const l = readNumberCell(lost, 'lost');
  if (!Number.isSafeInteger(l) || l < 0) throw invalid('INVALID_COUNT', 'lost', l, 'must be an integer ≥ 0');
  if (!Number.isSafeInteger(w) || w < 0) throw invalid('INVALID_COUNT', 'won', w, 'must be an integer ≥ 0');
  return [w, w + l];
}

/**
 * `=WIN_RATE(won, lost)`: the share of closed deals that were won, a fraction. revops/metrics
 * `wilsonInterval(won, won + lost).rate` (the count-based win rate of `winRate`).
 *
 * Formula: `won / (won + lost)`; open deals do not count.
 *
 * @param won - deals won: a non-negative integer.
 * @param lost - deals lost: a non-negative integer.
 * @returns the fraction in [0, 1]; `#DIV/0!` when nothing closed; `#NUM!` for a negative or
 *   fractional count; `#VALUE!` for text that is not a number.
 * @example
 * ```ts
 * import { WIN_RATE } from 'revops/sheets';
 * WIN_RATE(3, 1);
 * //=> 0.75
 * WIN_RATE(0, 0);
 * //=> '#DIV/0!'
 * WIN_RATE(3, -1);
 * //=> '#NUM!'
 * ```
 */
export function WIN_RATE(won: Cell, lost: Cell): SheetNumber {
  return sheetNumber(() => {
    const [k, n] = wonOfClosed(won, lost);
    return wilsonInterval(k, n).rate;
  });
}

function wilsonBound(successes: Cell, trials: Cell, confidence: Cell, bound: 'lower' | 'upper'): SheetNumber {
  return sheetNumber(() => {
    const c = readOptionalNumber(confidence, 'confidence');
    const i = wilsonInterval(
      readNumberCell(successes, 'successes'),
      readNumberCell(trials, 'trials'),
      c === undefined ? {} : { confidence: c },
    );
    return i[bound];
  });
}

/**
 * `=WILSON_LOWER(successes, trials, [confidence])`: the lower bound of the Wilson score
 * interval of a rate (Wilson 1927; Newcombe 1998, Stat Med 17:857–872), a fraction.
 * revops/metrics `wilsonInterval(successes, trials, { confidence }).lower`.
 *
 * Formula, with p̂ = k/n and z = Φ⁻¹(1 − (1 − confidence)/2): (p̂ + z²/2n − z·√(p̂(1 − p̂)/n +
 * z²/4n²)) / (1 + z²/n); exactly 0 when k = 0. R `prop.test(k, n, correct = FALSE)$conf.int[1]`.
 *
 * @param successes - k: a non-negative integer at most `trials` (deals won, leads converted).
 * @param trials - n: a non-negative integer.
 * @param confidence - the confidence level in (0, 1); blank or omitted: 0.95. `95%` as text is 0.95.
 * @returns the bound in [0, 1]; `#DIV/0!` when `trials` is 0; `#NUM!` for a bad count or
 *   confidence; `#VALUE!` for text that is not a number.
 * @example
 * ```ts
 * import { WILSON_LOWER } from 'revops/sheets';
 * // R: prop.test(18, 20, correct = FALSE)$conf.int → 0.6989664 0.9721335
 * (WILSON_LOWER(18, 20) as number).toFixed(7);
 * //=> '0.6989664'
 * WILSON_LOWER(0, 0);
 * //=> '#DIV/0!'
 * WILSON_LOWER(18, 20, 2);
 * //=> '#NUM!'
 * ```
 */
export function WILSON_LOWER(successes: Cell, trials: Cell, confidence?: Cell): SheetNumber {
  return wilsonBound(successes, trials, confidence, 'lower');
}

/**
 * `=WILSON_UPPER(successes, trials, [confidence])`: the upper bound of the Wilson score
 * interval of a rate, a fraction. revops/metrics `wilsonInterval(successes, trials, {
 * confidence }).upper`.
 *
 * Formula, with p̂ = k/n and z = Φ⁻¹(1 − (1 − confidence)/2): (p̂ + z²/2n + z·√(p̂(1 − p̂)/n +
 * z²/4n²)) / (1 + z²/n); exactly 1 when k = n. R `prop.test(k, n, correct = FALSE)$conf.int[2]`.
 *
 * @param successes - k: a non-negative integer at most `trials`.
 * @param trials - n: a non-negative integer.
 * @param confidence - the confidence level in (0, 1); blank or omitted: 0.95.
 * @returns the bound in [0, 1]; `#DIV/0!` when `trials` is 0; `#NUM!` for a bad count or
 *   confidence; `#VALUE!` for text that is not a number.
 * @example
 * ```ts
 * import { WILSON_UPPER } from 'revops/sheets';
 * // R: prop.test(18, 20, correct = FALSE)$conf.int → 0.6989664 0.9721335
 * (WILSON_UPPER('18', '20', '95%') as number).toFixed(7);
 * //=> '0.9721335'
 * WILSON_UPPER(20, 20);
 * //=> 1
 * ```
 */
export function WILSON_UPPER(successes: Cell, trials: Cell, confidence?: Cell): SheetNumber {
  return wilsonBound(successes, trials, confidence, 'upper');
}
