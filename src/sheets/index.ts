/**
 * `revops/sheets`: flat functions for spreadsheet custom functions (Excel, Google Apps
 * Script). Numbers, numeric text and 2-D ranges in; a number or a 2-D range out, never an
 * object; and never an exception: a problem comes back as a spreadsheet error value
 * (`#VALUE!`, `#NUM!`, `#N/A`, `#DIV/0!`, see {@link SHEET_ERRORS}). Names read as formulas
 * (`=WIN_RATE(B2, C2)`). Fractions as everywhere in revops (a cell formatted as a percentage
 * holds the fraction); numeric text with `%` (`"25%"`) is read as the fraction it shows.
 * @module sheets
 */
export {
  SHEET_ERRORS,
  isSheetError,
  sheetErrorOf,
  type SheetError,
  type SheetMatrix,
  type SheetNumber,
} from './errors.js';
export type { Cell, CellRange } from './cells.js';
export { CONVERSION_RATE, WIN_RATE, WILSON_LOWER, WILSON_UPPER } from './rates.js';
export { WEIGHTED_PIPELINE, PIPELINE_P10, PIPELINE_P50, PIPELINE_P90 } from './pipeline.js';
export { COMMISSION_TIERED } from './commission.js';
export { MRR_MOVEMENTS, MRR_MOVEMENT_LABELS, NRR, GRR, LTV, CAC_PAYBACK } from './retention.js';
export { HOLT_WINTERS_FORECAST, LINEAR_TREND_FORECAST } from './forecast.js';
