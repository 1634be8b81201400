/**
 * The outcome option of the deal KPIs: which pipeline's stage kinds tell open, won and lost
 * deals apart (decided by revops/model's `dealOutcomeOf`, the library's one definition).
 * @module
 */
import type { DealOutcomeOptions } from '../model/deal-outcome.js';

/**
 * Options shared by the KPIs that need to know whether a deal is won or lost: `pipeline`,
 * whose stage kinds decide (default: the default deal pipeline, where `closed-won` is won and
 * `closed-lost` lost). A stage the pipeline lacks is refused with `INVALID_INPUT` naming the deal.
 */
export type OutcomeOptions = DealOutcomeOptions;
