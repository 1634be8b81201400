/**
 * The fixed vocabularies of the entities (credit kinds, measures, segments, deal types, draw
 * types, lead sources, activity kinds) as plain constants, without zod: compute functions that
 * check a value against them, and the global bundle (src/global.ts), do not pull the schemas into
 * a bundle. The schema files build their enums from these.
 * @module
 */

/** How a credit relates to its deal. */
export const CREDIT_KINDS = ['owner', 'split', 'overlay', 'source', 'rollup'] as const;

/** What an amount measures (credits, quotas, plan components). */
export const MEASURES = ['bookings', 'revenue', 'acv', 'margin', 'units', 'custom'] as const;

/** Market segments: B2C (short cycles, volume), B2B, enterprise (long cycles), SaaS (subscriptions). */
export const SEGMENTS = ['b2c', 'b2b', 'enterprise', 'saas'] as const;

/** Deal types: a new customer, a renewal of an existing contract, or an expansion (upsell, cross-sell). */
export const DEAL_TYPES = ['new', 'renewal', 'expansion'] as const;

/** The four published draw variants (Xactly): paid in addition or as a guarantee; recovered later or not. */
export const DRAW_TYPES = ['recoverable', 'nonRecoverable', 'recoverableGuarantee', 'nonRecoverableGuarantee'] as const;

/** What a pipeline moves: leads (lead generation), deals (sales solution) or customers (serving the customer). */
export const PIPELINE_ENTITIES = ['lead', 'deal', 'customer'] as const;

/** Stage kinds: still open, closed won (or converted/renewed), closed lost (or disqualified/churned). */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;

/** Forecast categories (Salesforce's Pipeline, Best Case, Commit, Closed, Omitted). */
export const FORECAST_CATEGORIES = ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'] as const;

/** Where leads come from. */
export const LEAD_SOURCES = ['inbound', 'outbound', 'referral', 'event', 'partner', 'other'] as const;

/** Kinds of sales activity. */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'demo'] as const;

/** Longest id (of an entity, a stage, a role, a code): 200 characters. */
export const ID_MAX_LENGTH = 200;
