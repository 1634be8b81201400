/**
 * Google Sheets custom functions over revops (the global bundle). Add two script files to the
 * spreadsheet's Apps Script project (Extensions → Apps Script): `revops.gs` with the contents of
 * the package's `dist/revops.global.js` (it defines the global `revops`), and this file. The
 * project must use the V8 runtime (the default). See README.md beside this file.
 *
 * Each function wraps one formula of revops/sheets, which takes cells and ranges as Sheets
 * passes them (numbers, text, '' for an empty cell, Date for a date cell, rows of cells for a
 * range) and never throws; an error value it returns (#VALUE!, #NUM!, #N/A, #DIV/0!) is thrown
 * here so that the cell shows an error (#ERROR! with that value as its message, which IFERROR
 * catches) rather than text. A Date is read in the script's time zone: set it to the
 * spreadsheet's (Project Settings), or pass months as text 'YYYY-MM'.
 *
 * The functions are globals that Sheets calls by name (biome.json turns off the unused-variable
 * rule for this folder).
 */

/** A result of revops/sheets as the cell shows it: an error value becomes a thrown error. */
function cell_(value) {
  if (revops.isSheetError(value)) throw new Error(value);
  return value;
}

/**
 * Conversion rate: converted ÷ total, a fraction (format the cell as a percentage).
 *
 * @param {number} converted How many converted.
 * @param {number} total How many could have converted.
 * @return {number} The rate; #DIV/0! when total is 0.
 * @customfunction
 */
function CONVERSION_RATE(converted, total) {
  return cell_(revops.CONVERSION_RATE(converted, total));
}

/**
 * Win rate: won ÷ (won + lost), a fraction.
 *
 * @param {number} won Deals won.
 * @param {number} lost Deals lost.
 * @return {number} The rate; #DIV/0! when nothing closed.
 * @customfunction
 */
function WIN_RATE(won, lost) {
  return cell_(revops.WIN_RATE(won, lost));
}

/**
 * Lower bound of the Wilson score interval of a rate.
 *
 * @param {number} successes Successes (deals won, leads converted).
 * @param {number} trials Trials.
 * @param {number} confidence Optional confidence level; default 0.95.
 * @return {number} The lower bound, a fraction.
 * @customfunction
 */
function WILSON_LOWER(successes, trials, confidence) {
  return cell_(revops.WILSON_LOWER(successes, trials, confidence));
}

/**
 * Upper bound of the Wilson score interval of a rate.
 *
 * @param {number} successes Successes.
 * @param {number} trials Trials.
 * @param {number} confidence Optional confidence level; default 0.95.
 * @return {number} The upper bound, a fraction.
 * @customfunction
 */
function WILSON_UPPER(successes, trials, confidence) {
  return cell_(revops.WILSON_UPPER(successes, trials, confidence));
}

/**
 * Weighted pipeline: Σ amount × probability of the open rows, rounded to the cent.
 *
 * @param {Array<Array<*>>} range Rows amount, probability[, stage]; a header row is skipped.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} The weighted total.
 * @customfunction
 */
function WEIGHTED_PIPELINE(range, currency) {
  return cell_(revops.WEIGHTED_PIPELINE(range, currency));
}

/**
 * 10th percentile of the simulated pipeline total.
 *
 * @param {Array<Array<*>>} range Rows amount, probability[, stage].
 * @param {number} runs Optional simulated outcomes; default 10,000.
 * @param {number} seed Optional seed; default 1.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} The P10 total.
 * @customfunction
 */
function PIPELINE_P10(range, runs, seed, currency) {
  return cell_(revops.PIPELINE_P10(range, runs, seed, currency));
}

/**
 * Median of the simulated pipeline total.
 *
 * @param {Array<Array<*>>} range Rows amount, probability[, stage].
 * @param {number} runs Optional simulated outcomes; default 10,000.
 * @param {number} seed Optional seed; default 1.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} The P50 total.
 * @customfunction
 */
function PIPELINE_P50(range, runs, seed, currency) {
  return cell_(revops.PIPELINE_P50(range, runs, seed, currency));
}

/**
 * 90th percentile of the simulated pipeline total.
 *
 * @param {Array<Array<*>>} range Rows amount, probability[, stage].
 * @param {number} runs Optional simulated outcomes; default 10,000.
 * @param {number} seed Optional seed; default 1.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} The P90 total.
 * @customfunction
 */
function PIPELINE_P90(range, runs, seed, currency) {
  return cell_(revops.PIPELINE_P90(range, runs, seed, currency));
}

/**
 * Commission on one amount from a tiered rate table, optionally against a quota.
 *
 * @param {number} amount Credited amount (bookings).
 * @param {Array<Array<*>>} tiers Rows from, rate or from, to, rate; rates are fractions.
 * @param {number} quota Optional quota: bounds are then attainment fractions (1 = 100 %).
 * @param {string} split Optional marginal (default), retroactive or interpolated.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} The commission, rounded to the cent.
 * @customfunction
 */
function COMMISSION_TIERED(amount, tiers, quota, split, currency) {
  return cell_(revops.COMMISSION_TIERED(amount, tiers, quota, split, currency));
}

/**
 * MRR bridge: starting, new, expansion, contraction, churned, reactivation, ending.
 *
 * @param {Array<Array<*>>} range Rows customer, month, mrr.
 * @param {Date} month The month (a date in it).
 * @param {Date} toMonth Optional last month of a longer period.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {Array<Array<*>>} Seven rows of label, amount.
 * @customfunction
 */
function MRR_MOVEMENTS(range, month, toMonth, currency) {
  return cell_(revops.MRR_MOVEMENTS(range, month, toMonth, currency));
}

/**
 * Net revenue retention of the customers active before the period.
 *
 * @param {Array<Array<*>>} range Rows customer, month, mrr.
 * @param {Date} month First month of the period.
 * @param {Date} toMonth Optional last month of the period.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} NRR, a fraction.
 * @customfunction
 */
function NRR(range, month, toMonth, currency) {
  return cell_(revops.NRR(range, month, toMonth, currency));
}

/**
 * Gross revenue retention of the customers active before the period.
 *
 * @param {Array<Array<*>>} range Rows customer, month, mrr.
 * @param {Date} month First month of the period.
 * @param {Date} toMonth Optional last month of the period.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} GRR, a fraction at most 1.
 * @customfunction
 */
function GRR(range, month, toMonth, currency) {
  return cell_(revops.GRR(range, month, toMonth, currency));
}

/**
 * Customer lifetime value: arpa × gross margin ÷ churn.
 *
 * @param {number} arpa Revenue per account per month.
 * @param {number} churn Monthly churn, a fraction.
 * @param {number} grossMargin Optional gross margin, a fraction; default 1.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} LTV, rounded to the cent.
 * @customfunction
 */
function LTV(arpa, churn, grossMargin, currency) {
  return cell_(revops.LTV(arpa, churn, grossMargin, currency));
}

/**
 * Months to earn back the acquisition cost: cac ÷ (new MRR × gross margin).
 *
 * @param {number} cac Acquisition cost.
 * @param {number} newMrr New MRR it bought.
 * @param {number} grossMargin Optional gross margin, a fraction; default 1.
 * @param {string} currency Optional ISO 4217 code; default USD.
 * @return {number} Months.
 * @customfunction
 */
function CAC_PAYBACK(cac, newMrr, grossMargin, currency) {
  return cell_(revops.CAC_PAYBACK(cac, newMrr, grossMargin, currency));
}

/**
 * Holt-Winters forecast of a series, as a column.
 *
 * @param {Array<Array<number>>} range One row or one column of numbers, oldest first.
 * @param {number} horizon Periods to forecast.
 * @param {number} seasonLength Optional periods per season (12 for months).
 * @return {Array<Array<number>>} A column of forecasts.
 * @customfunction
 */
function HOLT_WINTERS_FORECAST(range, horizon, seasonLength) {
  return cell_(revops.HOLT_WINTERS_FORECAST(range, horizon, seasonLength));
}

/**
 * Linear-trend forecast of a series, as a column.
 *
 * @param {Array<Array<number>>} range One row or one column of numbers, oldest first.
 * @param {number} horizon Periods to forecast.
 * @return {Array<Array<number>>} A column of forecasts.
 * @customfunction
 */
function LINEAR_TREND_FORECAST(range, horizon) {
  return cell_(revops.LINEAR_TREND_FORECAST(range, horizon));
}
