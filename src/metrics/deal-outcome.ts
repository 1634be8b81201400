/**
 * Telling won, lost and open deals apart by their stage.
 * @module
 */
import type { Pipeline } from '../model/pipeline.js';

/** Whether a stage is open, won or lost. @internal */
export type Outcome = 'open' | 'won' | 'lost';

/** Options shared by the KPIs that need to know whether a deal is won or lost. */
export interface OutcomeOptions {
  /**
   * The deal pipeline whose stage kinds (`won`, `lost`) decide a deal's outcome. Default:
   * the stage ids of revops' default deal pipeline, `'closed-won'` (won) and `'closed-lost'`
   * (lost); every other stage is open.
   */
  readonly pipeline?: Pipeline;
}

/** Returns the outcome of a stage id under the options' pipeline. @internal */
export function outcomeOf(options: OutcomeOptions): (stage: string) => Outcome {
  const pipeline = options.pipeline;
  if (pipeline === undefined) return (s) => (s === 'closed-won' ? 'won' : s === 'closed-lost' ? 'lost' : 'open');
  const kinds = new Map<string, Outcome>();
  for (const s of pipeline.stages) kinds.set(s.id, s.kind);
  return (s) => kinds.get(s) ?? 'open';
}
