import { defaultDealPipeline, type PipelineSpec } from '../../src/pipeline/index.js';

/** The default deal pipeline with a lost-reason catalogue of four codes (chosen for the tests). */
export const dealPipelineSpec: PipelineSpec = {
  ...JSON.parse(JSON.stringify(defaultDealPipeline)),
  id: 'deals-coded',
  lostReasons: [
    { code: 'price', label: 'Price too high' },
    { code: 'no-budget', label: 'No budget' },
    { code: 'competitor', label: 'Lost to a competitor' },
    { code: 'timing', label: 'Bad timing' },
  ],
};
