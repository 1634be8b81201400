/**
 * `revops/forecast`: what will we book this period, and how sure are we — from the open
 * pipeline (weighted pipeline, forecast categories, coverage, historical stage
 * probabilities, Monte Carlo simulation) and from the history of bookings (linear trend,
 * Holt-Winters with prediction intervals, accuracy metrics and rolling-origin backtests).
 *
 * Money sums are exact (decimal strings); probabilities, simulations and time-series
 * forecasts are estimates (plain numbers).
 * @module forecast
 */
export {
  weightedPipeline,
  summarizeWeightedPipeline,
  mergeWeightedPipeline,
  finalizeWeightedPipeline,
  type FinalizeWeightedPipelineOptions,
  type WeightedPipeline,
  type WeightedPipelineFigures,
  type WeightedPipelineLine,
  type WeightedPipelineOptions,
  type SummarizeWeightedPipelineOptions,
  type WeightedPipelineSummary,
  type WeightedPipelineSummaryLine,
  type WeightedPipelineSummaryPart,
} from './weighted-pipeline.js';
export {
  forecastByCategory,
  summarizeForecastByCategory,
  mergeForecastByCategory,
  finalizeForecastByCategory,
  type CategoryAmount,
  type CategoryFigures,
  type CategoryForecast,
  type CategorySummary,
  type CategorySums,
  type FinalizeForecastByCategoryOptions,
  type ForecastByCategoryOptions,
} from './forecast-categories.js';
export { pipelineCoverage, type PipelineCoverage, type PipelineCoverageOptions } from './coverage.js';
export {
  stageProbabilities,
  type StageProbabilities,
  type StageProbabilitiesOptions,
  type StageProbability,
} from './stage-probabilities.js';
export { simulatePipeline, type PipelineSimulation, type SimulatePipelineOptions } from './simulate-pipeline.js';
export { linearTrend, type LinearTrend, type LinearTrendOptions } from './linear-trend.js';
export { holtWinters, type HoltWintersFit, type HoltWintersOptions, type SmoothingParameters } from './holt-winters.js';
export type { PredictionInterval } from './prediction-intervals.js';
export { forecastAccuracy, type ForecastAccuracy } from './accuracy.js';
export {
  backtest,
  naiveMethod,
  seasonalNaiveMethod,
  linearTrendMethod,
  holtWintersMethod,
  type Backtest,
  type BacktestFold,
  type BacktestOptions,
  type ForecastMethod,
} from './backtest.js';
