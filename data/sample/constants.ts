/**
 * Constants of the embedded sample organisation (data/sample), shared by its generator and
 * its loader.
 */

/** The date the sample is observed at. */
export const SAMPLE_AS_OF = '2026-10-15';
/** The sample's currency. */
export const SAMPLE_CURRENCY = 'USD';
/** Lead stages used in the sample (ids of the default lead pipeline). */
export const LEAD_STAGES = ['new', 'working', 'qualified', 'converted', 'nurture', 'disqualified'] as const;
/** Deal stages used in the sample with their default probability and forecast category. */
export const DEAL_STAGES = [
  { id: 'discovery', probability: 0.1, forecastCategory: 'pipeline' },
  { id: 'demo', probability: 0.2, forecastCategory: 'pipeline' },
  { id: 'proposal', probability: 0.5, forecastCategory: 'bestCase' },
  { id: 'negotiation', probability: 0.8, forecastCategory: 'commit' },
  { id: 'closed-won', probability: 1, forecastCategory: 'closed' },
  { id: 'closed-lost', probability: 0, forecastCategory: 'omitted' },
] as const;
