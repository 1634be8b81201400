/**
 * Lead: a prospect worked by lead generation (SDR/BDR) until it is converted to a deal or
 * disqualified.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { CreatedAtSchema, CustomFieldsSchema, IdSchema, plusZero } from './common.js';
import { makeParsers } from './parse.js';
import { SegmentSchema } from './segment.js';
import { StageEventSchema } from './stage-event.js';

/** Where leads come from. */
export const LEAD_SOURCES = ['inbound', 'outbound', 'referral', 'event', 'partner', 'other'] as const;

/** A lead, with its stage and stage history. */
export const LeadSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    company: z.string().optional(),
    email: z.string().email().optional(),
    source: z.enum(LEAD_SOURCES),
    /** The SDR or BDR working the lead. */
    ownerId: IdSchema,
    accountId: IdSchema.optional(),
    segment: SegmentSchema.optional(),
    /** Current stage id in the lead pipeline. */
    stage: z.string().min(1),
    /**
     * When it was created: an instant, or a date `YYYY-MM-DD` read as the start of that day in
     * UTC (`'2026-01-24'` becomes `'2026-01-24T00:00:00Z'`).
     */
    createdAt: CreatedAtSchema,
    history: z.array(StageEventSchema).default([]),
    disqualifyReason: z.string().min(1).optional(),
    /** Why the lead was disqualified, as a code of the pipeline's `lostReasons` catalogue. */
    disqualifyReasonCode: IdSchema.optional(),
    /** The deal created when the lead was converted. */
    convertedDealId: IdSchema.optional(),
    /** A lead score, if the organisation scores leads (any scale). */
    score: z.number().finite().transform(plusZero).optional(),
    fields: CustomFieldsSchema.optional(),
  }),
);
/** A lead. */
export type Lead = z.output<typeof LeadSchema>;
/** The input form of a lead. */
export type LeadInput = z.input<typeof LeadSchema>;

const parsers = makeParsers('Lead', LeadSchema);

/**
 * Parses a lead, throwing on any problem. Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseLead } from 'revops/model';
 * parseLead({ id: 'l1', name: 'Jo', source: 'inbound', ownerId: 'sdr1', stage: 'new', createdAt: '2026-01-05T10:00:00Z' }).history;
 * //=> []
 * ```
 */
export function parseLead(input: unknown): Lead {
  return parsers.parse(input);
}

/**
 * Parses a lead, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseLead } from 'revops/model';
 * safeParseLead({ id: 'l1' }).ok;
 * //=> false
 * ```
 */
export function safeParseLead(input: unknown): Result<Lead, RevopsError> {
  return parsers.safeParse(input);
}
