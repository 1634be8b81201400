/**
 * The pipeline in a formula: weighted pipeline and simulated P10 / P50 / P90 from a range of
 * deals (amount, probability and, optionally, stage).
 * @module
 */
import { money, toNumber } from '../core/money.js';
import { invalid } from '../core/errors.js';
import { simulatePipeline } from '../forecast/simulate-pipeline.js';
import { weightedPipeline } from '../forecast/weighted-pipeline.js';
import type { Deal } from '../model/deal.js';
import { defaultDealPipelineSpec } from '../model/default-pipelines.js';
import type { CurrencyCode } from '../core/currency.js';
import {
  type Cell,
  type CellRange,
  isBlank,
  readCurrencyCell,
  readNumberCell,
  readOptionalNumber,
  readTable,
} from './cells.js';
import { type SheetNumber, sheetNumber } from './errors.js';

/** The stage of the default deal pipeline named by a cell: its id (`negotiation`) or its name, any case. */
function stageOf(cell: Cell, field: string): { id: string; probability: number } {
  const text = typeof cell === 'string' ? cell.trim().toLowerCase() : '';
  for (const s of defaultDealPipelineSpec.stages) {
    if (s.id === text || s.name.toLowerCase() === text) return { id: s.id, probability: s.probability };
  }
  throw invalid(
    'INVALID_INPUT',
    field,
    cell,
    `must be a stage of the default deal pipeline (${defaultDealPipelineSpec.stages.map((s) => s.id).join(', ')})`,
  );
}

/**
 * The deals of a range of rows `amount, probability[, stage]`: row i is deal `row-i`.
 * Reading rules in {@link WEIGHTED_PIPELINE}. @internal
 */
export function dealsOfRange(range: CellRange, field: string, currency: CurrencyCode): Deal[] {
  return readTable(range, field, { min: 2, numeric: [0, 1] }).map(({ cells, row }) => {
    const at = `${field} row ${row}`;
    const stage = cells.length > 2 && !isBlank(cells[2]) ? stageOf(cells[2], `${at} stage`) : undefined;
    const p = readOptionalNumber(cells[1], `${at} probability`);
    const probability = p ?? stage?.probability;
    if (probability === undefined) {
      throw invalid('INVALID_INPUT', `${at} probability`, cells[1], 'must be given when the row has no stage');
    }
    return {
      id: `row-${row}`,
      stage: stage?.id ?? 'proposal',
      probability,
      probabilitySource: p === undefined ? 'stage' : 'manual',
      amount: money(readNumberCell(cells[0], `${at} amount`), currency),
      expectedCloseDate: '2000-01-01',
    } as Deal;
  });
}

/**
 * `=WEIGHTED_PIPELINE(range, [currency])`: the open pipeline weighted by probability, in major
 * units (dollars), rounded once to the currency's minor unit. revops/forecast
 * `weightedPipeline(deals).weighted`.
 *
 * Formula: Σ amountᵢ × probabilityᵢ over the open rows, summed exactly, rounded half away from
 * zero once.
 *
 * The range is rows `amount, probability` or `amount, probability, stage`:
 * - probability is a fraction (a cell formatted 70 % holds 0.7; the text `"70%"` is read as
 *   0.7); a blank probability takes the stage's default (discovery 0.1, demo 0.2, proposal
 *   0.5, negotiation 0.8, as in revops/model's default deal pipeline);
 * - stage is an id or name of the default deal pipeline (`negotiation`, `Closed won`, any case):
 *   closed rows (won or lost) are not pipeline and do not count; without a stage a row is open;
 * - rows with every cell blank are skipped, and so is a first row with text in the amount or
 *   probability column (a header). Amounts may be numbers or numeric text (`"1,250.50"`).
 *
 * @param range - the deals, one row each.
 * @param currency - ISO 4217 code of the amounts; blank or omitted: `USD`.
 * @returns the weighted total; 0 for no open row; `#NUM!` for a probability outside [0, 1];
 *   `#VALUE!` for text that is not a number, an unknown stage or currency, a row of one column.
 * @example
 * ```ts
 * import { WEIGHTED_PIPELINE } from 'revops/sheets';
 * // Freshworks "weighted pipelines": six Negotiation deals at 70 %: 12,285 × 0.7 = 8,599.50.
 * WEIGHTED_PIPELINE([['Amount', 'Probability'], [3950, 0.7], [3060, 0.7], [1460, '70%'], [1340, 0.7],
 *   ['1285', 0.7], [1190, 0.7], [null, null]]);
 * //=> 8599.5
 * // the stage's default probability, and closed deals left out: 10,000 × 0.8 = 8,000
 * WEIGHTED_PIPELINE([[10000, '', 'Negotiation'], [5000, '', 'closed-won']]);
 * //=> 8000
 * WEIGHTED_PIPELINE([[1000, 70]]);
 * //=> '#NUM!'
 * ```
 */
export function WEIGHTED_PIPELINE(range: CellRange, currency?: Cell): SheetNumber {
  return sheetNumber(() => {
    const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
    return toNumber(weightedPipeline(dealsOfRange(range, 'range', code), { currency: code }).weighted);
  });
}

function simulated(range: CellRange, runs: Cell, seed: Cell, currency: Cell, q: 'p10' | 'p50' | 'p90'): SheetNumber {
  return sheetNumber(() => {
    const code = readCurrencyCell(currency, 'currency') as CurrencyCode;
    const r = readOptionalNumber(runs, 'runs');
    const s = readOptionalNumber(seed, 'seed');
    return simulatePipeline(dealsOfRange(range, 'range', code), { runs: r ?? 10_000, seed: s ?? 1, currency: code })[q];
  });
}

/**
 * `=PIPELINE_P10(range, [runs], [seed], [currency])`: the total the open pipeline reaches or
 * beats in 90 % of simulated outcomes (the 10th percentile), in major units. revops/forecast
 * `simulatePipeline(deals, { runs, seed }).p10`: each deal is won with its probability,
 * independently, `runs` times; the quantile is the smallest simulated total x with F(x) ≥ 0.1.
 *
 * @param range - the deals, as for {@link WEIGHTED_PIPELINE}.
 * @param runs - simulated outcomes, an integer from 1 to 10,000,000; blank or omitted: 10,000.
 * @param seed - a number; the same seed gives the same answer; blank or omitted: 1.
 * @param currency - ISO 4217 code of the amounts; blank or omitted: `USD`.
 * @returns the 10th percentile; `#NUM!` for a probability outside [0, 1]; `#VALUE!` for bad
 *   cells or a bad `runs`.
 * @example
 * ```ts
 * import { PIPELINE_P10 } from 'revops/sheets';
 * // one deal of 1,000 at 50 %: half the runs give 0, so the 10th percentile is 0
 * PIPELINE_P10([[1000, 0.5]]);
 * //=> 0
 * ```
 */
export function PIPELINE_P10(range: CellRange, runs?: Cell, seed?: Cell, currency?: Cell): SheetNumber {
  return simulated(range, runs, seed, currency, 'p10');
}

/**
 * `=PIPELINE_P50(range, [runs], [seed], [currency])`: the median simulated total of the open
 * pipeline, in major units. revops/forecast `simulatePipeline(deals, { runs, seed }).p50`.
 *
 * @param range - the deals, as for {@link WEIGHTED_PIPELINE}.
 * @param runs - simulated outcomes, an integer from 1 to 10,000,000; blank or omitted: 10,000.
 * @param seed - a number; the same seed gives the same answer; blank or omitted: 1.
 * @param currency - ISO 4217 code of the amounts; blank or omitted: `USD`.
 * @returns the median; `#NUM!` for a probability outside [0, 1]; `#VALUE!` for bad cells.
 * @example
 * ```ts
 * import { PIPELINE_P50 } from 'revops/sheets';
 * // two sure deals and one lost cause: every run totals 3,000
 * PIPELINE_P50([[1000, 1], [2000, 1], [5000, 0]]);
 * //=> 3000
 * ```
 */
export function PIPELINE_P50(range: CellRange, runs?: Cell, seed?: Cell, currency?: Cell): SheetNumber {
  return simulated(range, runs, seed, currency, 'p50');
}

/**
 * `=PIPELINE_P90(range, [runs], [seed], [currency])`: the total the open pipeline reaches in
 * only 10 % of simulated outcomes (the 90th percentile), in major units. revops/forecast
 * `simulatePipeline(deals, { runs, seed }).p90`.
 *
 * @param range - the deals, as for {@link WEIGHTED_PIPELINE}.
 * @param runs - simulated outcomes, an integer from 1 to 10,000,000; blank or omitted: 10,000.
 * @param seed - a number; the same seed gives the same answer; blank or omitted: 1.
 * @param currency - ISO 4217 code of the amounts; blank or omitted: `USD`.
 * @returns the 90th percentile; `#NUM!` for a probability outside [0, 1]; `#VALUE!` for bad cells.
 * @example
 * ```ts
 * import { PIPELINE_P90 } from 'revops/sheets';
 * // one deal of 1,000 at 50 %: half the runs give 1,000, so the 90th percentile is 1,000
 * PIPELINE_P90([[1000, 0.5]]);
 * //=> 1000
 * ```
 */
export function PIPELINE_P90(range: CellRange, runs?: Cell, seed?: Cell, currency?: Cell): SheetNumber {
  return simulated(range, runs, seed, currency, 'p90');
}
