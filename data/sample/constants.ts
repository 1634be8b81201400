/**
 * Constants of the sample organisation (data/sample), defined with its generator in
 * src/cli/sample-organisation.ts.
 */
export { DEAL_STAGES, LEAD_STAGES, SAMPLE_AS_OF, SAMPLE_CURRENCY } from '../../src/cli/sample-organisation.js';
