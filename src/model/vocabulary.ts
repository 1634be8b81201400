/**
 * The fixed vocabularies of the entities (credit kinds, measures, segments, deal types, draw
 * types) as plain constants, without zod: compute functions that check a value against them do
 * not pull the schemas into a bundle. The schema files build their enums from these.
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
