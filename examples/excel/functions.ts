/**
 * Excel custom functions over revops/sheets: the functions file of an Office add-in (the
 * "Excel Custom Functions" project of `yo office`, shared runtime or JavaScript-only runtime).
 * Each function wraps one formula of revops/sheets; `functions.json` beside it is generated
 * from these JSDoc tags by Office's `custom-functions-metadata` (`npx custom-functions-metadata
 * generate examples/excel/functions.ts examples/excel/functions.json`, or the add-in's webpack
 * plugin), and tests/examples/excel.test.ts checks that it is current.
 *
 * Cells arrive as Excel passes them: numbers, text, `null` for an empty cell on the web and `0`
 * on the desktop (revops/sheets reads both as 0), `null` for an omitted optional argument,
 * ranges as rows of cells, dates as serial numbers (1900 date system). A revops/sheets error
 * value is thrown as the matching `CustomFunctions.Error`, so the cell shows a real `#DIV/0!`
 * that `IFERROR` catches (Microsoft, "Handle and return errors from your custom function").
 * `any` is the metadata type of a cell that may hold a number, text or a date: Excel passes it
 * unconverted (biome.json allows `any` in this folder for that reason).
 */
import * as sheets from 'revops/sheets';

/** The part of Office's custom-functions runtime this file uses (@types/custom-functions-runtime has all of it). */
declare const CustomFunctions: {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: {
    readonly invalidValue: string;
    readonly invalidNumber: string;
    readonly notAvailable: string;
    readonly divisionByZero: string;
  };
  associate(id: string, fn: (...args: never[]) => unknown): void;
};

const CODES = {
  '#VALUE!': 'invalidValue',
  '#NUM!': 'invalidNumber',
  '#N/A': 'notAvailable',
  '#DIV/0!': 'divisionByZero',
} as const;

/** A number, or the revops/sheets error value thrown as Excel's error. */
function toCell(x: sheets.SheetNumber): number {
  if (typeof x === 'number') return x;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode[CODES[x]]);
}

/** A 2-D result, or the revops/sheets error value thrown as Excel's error. */
function toRange(x: sheets.SheetMatrix): (number | string)[][] {
  if (typeof x !== 'string') return x;
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode[CODES[x]]);
}

/**
 * Conversion rate: converted ÷ total, a fraction (format the cell as a percentage).
 * @customfunction
 * @param converted How many converted.
 * @param total How many could have converted.
 * @returns The rate; #DIV/0! when total is 0.
 */
export function CONVERSION_RATE(converted: number, total: number): number {
  return toCell(sheets.CONVERSION_RATE(converted, total));
}

/**
 * Win rate: won ÷ (won + lost), a fraction.
 * @customfunction
 * @param won Deals won.
 * @param lost Deals lost.
 * @returns The rate; #DIV/0! when nothing closed.
 */
export function WIN_RATE(won: number, lost: number): number {
  return toCell(sheets.WIN_RATE(won, lost));
}

/**
 * Lower bound of the Wilson score interval of a rate.
 * @customfunction
 * @param successes Successes (deals won, leads converted).
 * @param trials Trials.
 * @param [confidence] Confidence level; default 0.95.
 * @returns The lower bound, a fraction.
 */
export function WILSON_LOWER(successes: number, trials: number, confidence?: number): number {
  return toCell(sheets.WILSON_LOWER(successes, trials, confidence));
}

/**
 * Upper bound of the Wilson score interval of a rate.
 * @customfunction
 * @param successes Successes (deals won, leads converted).
 * @param trials Trials.
 * @param [confidence] Confidence level; default 0.95.
 * @returns The upper bound, a fraction.
 */
export function WILSON_UPPER(successes: number, trials: number, confidence?: number): number {
  return toCell(sheets.WILSON_UPPER(successes, trials, confidence));
}

/**
 * Weighted pipeline of rows amount, probability[, stage].
 * @customfunction
 * @param range Deals: amount, probability (a fraction) and optionally stage; a header row is skipped.
 * @param [currency] ISO 4217 code; default USD.
 * @returns Σ amount × probability of the open rows, rounded to the cent.
 */
export function WEIGHTED_PIPELINE(range: any[][], currency?: string): number {
  return toCell(sheets.WEIGHTED_PIPELINE(range, currency));
}

/**
 * 10th percentile of the simulated pipeline total.
 * @customfunction
 * @param range Deals: amount, probability[, stage].
 * @param [runs] Simulated outcomes; default 10,000.
 * @param [seed] Seed; default 1.
 * @param [currency] ISO 4217 code; default USD.
 * @returns The total reached or beaten in 90 % of outcomes.
 */
export function PIPELINE_P10(range: any[][], runs?: number, seed?: number, currency?: string): number {
  return toCell(sheets.PIPELINE_P10(range, runs, seed, currency));
}

/**
 * Median of the simulated pipeline total.
 * @customfunction
 * @param range Deals: amount, probability[, stage].
 * @param [runs] Simulated outcomes; default 10,000.
 * @param [seed] Seed; default 1.
 * @param [currency] ISO 4217 code; default USD.
 * @returns The median total.
 */
export function PIPELINE_P50(range: any[][], runs?: number, seed?: number, currency?: string): number {
  return toCell(sheets.PIPELINE_P50(range, runs, seed, currency));
}

/**
 * 90th percentile of the simulated pipeline total.
 * @customfunction
 * @param range Deals: amount, probability[, stage].
 * @param [runs] Simulated outcomes; default 10,000.
 * @param [seed] Seed; default 1.
 * @param [currency] ISO 4217 code; default USD.
 * @returns The total reached in only 10 % of outcomes.
 */
export function PIPELINE_P90(range: any[][], runs?: number, seed?: number, currency?: string): number {
  return toCell(sheets.PIPELINE_P90(range, runs, seed, currency));
}

/**
 * Commission on one amount from a tiered rate table, optionally against a quota.
 * @customfunction
 * @param amount Credited amount (bookings).
 * @param tiers Rows from, rate or from, to, rate; rates are fractions.
 * @param [quota] Quota: tier bounds are then attainment fractions (1 = 100 %).
 * @param [split] marginal (default), retroactive or interpolated.
 * @param [currency] ISO 4217 code; default USD.
 * @returns The commission, rounded to the cent.
 */
export function COMMISSION_TIERED(
  amount: number,
  tiers: any[][],
  quota?: number,
  split?: string,
  currency?: string,
): number {
  return toCell(sheets.COMMISSION_TIERED(amount, tiers, quota, split, currency));
}

/**
 * MRR bridge of a month: starting, new, expansion, contraction, churned, reactivation, ending.
 * @customfunction
 * @param range Rows customer, month, mrr.
 * @param month The month (a date in it).
 * @param [toMonth] Last month of a longer period.
 * @param [currency] ISO 4217 code; default USD.
 * @returns Seven rows of label, amount.
 */
export function MRR_MOVEMENTS(range: any[][], month: any, toMonth?: any, currency?: string): any[][] {
  return toRange(sheets.MRR_MOVEMENTS(range, month, toMonth, currency));
}

/**
 * Net revenue retention of the customers active before the period.
 * @customfunction
 * @param range Rows customer, month, mrr.
 * @param month First month of the period (a date in it).
 * @param [toMonth] Last month of the period.
 * @param [currency] ISO 4217 code; default USD.
 * @returns NRR, a fraction.
 */
export function NRR(range: any[][], month: any, toMonth?: any, currency?: string): number {
  return toCell(sheets.NRR(range, month, toMonth, currency));
}

/**
 * Gross revenue retention of the customers active before the period.
 * @customfunction
 * @param range Rows customer, month, mrr.
 * @param month First month of the period (a date in it).
 * @param [toMonth] Last month of the period.
 * @param [currency] ISO 4217 code; default USD.
 * @returns GRR, a fraction at most 1.
 */
export function GRR(range: any[][], month: any, toMonth?: any, currency?: string): number {
  return toCell(sheets.GRR(range, month, toMonth, currency));
}

/**
 * Customer lifetime value: arpa × gross margin ÷ churn.
 * @customfunction
 * @param arpa Revenue per account per month.
 * @param churn Monthly churn, a fraction.
 * @param [grossMargin] Gross margin, a fraction; default 1.
 * @param [currency] ISO 4217 code; default USD.
 * @returns LTV, rounded to the cent; #DIV/0! when churn is 0.
 */
export function LTV(arpa: number, churn: number, grossMargin?: number, currency?: string): number {
  return toCell(sheets.LTV(arpa, churn, grossMargin, currency));
}

/**
 * Months to earn back the acquisition cost: cac ÷ (new MRR × gross margin).
 * @customfunction
 * @param cac Acquisition cost.
 * @param newMrr New MRR it bought.
 * @param [grossMargin] Gross margin, a fraction; default 1.
 * @param [currency] ISO 4217 code; default USD.
 * @returns Months.
 */
export function CAC_PAYBACK(cac: number, newMrr: number, grossMargin?: number, currency?: string): number {
  return toCell(sheets.CAC_PAYBACK(cac, newMrr, grossMargin, currency));
}

/**
 * Holt-Winters forecast of a series, as a column.
 * @customfunction
 * @param range One row or one column of numbers, oldest first.
 * @param horizon Periods to forecast.
 * @param [seasonLength] Periods per season (12 for months); default none.
 * @returns A column of forecasts.
 */
export function HOLT_WINTERS_FORECAST(range: any[][], horizon: number, seasonLength?: number): any[][] {
  return toRange(sheets.HOLT_WINTERS_FORECAST(range, horizon, seasonLength));
}

/**
 * Linear-trend forecast of a series, as a column.
 * @customfunction
 * @param range One row or one column of numbers, oldest first.
 * @param horizon Periods to forecast.
 * @returns A column of forecasts.
 */
export function LINEAR_TREND_FORECAST(range: any[][], horizon: number): any[][] {
  return toRange(sheets.LINEAR_TREND_FORECAST(range, horizon));
}

// Register each function under its id in functions.json (the add-in's webpack plugin,
// CustomFunctionsMetadataPlugin, can generate these calls instead).
const FUNCTIONS = {
  CONVERSION_RATE,
  WIN_RATE,
  WILSON_LOWER,
  WILSON_UPPER,
  WEIGHTED_PIPELINE,
  PIPELINE_P10,
  PIPELINE_P50,
  PIPELINE_P90,
  COMMISSION_TIERED,
  MRR_MOVEMENTS,
  NRR,
  GRR,
  LTV,
  CAC_PAYBACK,
  HOLT_WINTERS_FORECAST,
  LINEAR_TREND_FORECAST,
};
for (const [id, fn] of Object.entries(FUNCTIONS)) CustomFunctions.associate(id, fn);
