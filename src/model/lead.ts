/**
 * Lead: a prospect worked by lead generation (SDR/BDR) until it is converted to a deal or
 * disqualified.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { CreatedAtSchema, type CustomFields, CustomFieldsSchema, IdSchema, plusZero, boundedList } from './common.js';
import { makeParsers } from './parse.js';
import { type Segment, SegmentSchema } from './segment.js';
import { type StageEvent, StageEventSchema } from './stage-event.js';
import { LEAD_SOURCES } from './vocabulary.js';

export { LEAD_SOURCES };

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
    history: boundedList(z.array(StageEventSchema)).default([]),
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
/** Where a lead came from. */
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** A lead, with its stage and stage history, as parsed by {@link LeadSchema}. */
export interface Lead {
  /** Stable identifier of the lead (1–200 characters), unique in a dataset. */
  id: string;
  /** The prospect's name, non-empty. */
  name: string;
  /** The prospect's company. Absent: not known (or B2C). */
  company?: string | undefined;
  /** The prospect's e-mail address. Absent: not known. */
  email?: string | undefined;
  /** Where the lead came from: `'inbound'`, `'outbound'`, `'referral'`, `'event'`, `'partner'` or `'other'`. */
  source: LeadSource;
  /** The SDR or BDR working the lead (a member id). */
  ownerId: string;
  /** The account the lead belongs to (an account id). Absent: none yet. */
  accountId?: string | undefined;
  /** Market segment: `'b2c'`, `'b2b'`, `'enterprise'` or `'saas'`. Absent: unsegmented. */
  segment?: Segment | undefined;
  /** Current stage: a stage id of the lead pipeline; its kind decides open, converted (won) or disqualified (lost). */
  stage: string;
  /**
   * When the lead was created: an ISO-8601 instant with an offset. A date `YYYY-MM-DD` on input is
   * read as the start of that day in UTC (`'2026-01-24'` becomes `'2026-01-24T00:00:00Z'`).
   */
  createdAt: string;
  /** The lead's stage moves, oldest first (the first has `from: null`). Default `[]`. */
  history: StageEvent[];
  /** Why the lead was disqualified, free text, non-empty. Absent: not disqualified or no reason given. */
  disqualifyReason?: string | undefined;
  /** Why the lead was disqualified, as a code of the pipeline's `lostReasons` catalogue. Absent: not given. */
  disqualifyReasonCode?: string | undefined;
  /** The deal created when the lead was converted (a deal id). Absent: not converted. */
  convertedDealId?: string | undefined;
  /** A lead score, a finite number on the organisation's own scale. Absent: not scored. */
  score?: number | undefined;
  /** Custom fields from the CRM: name → string, number, boolean or null. Absent: none. */
  fields?: CustomFields | undefined;
}
/** The input form of a lead. */
export interface LeadInput extends Documented<Lead, z.input<typeof LeadSchema>> {}

const parsers = makeParsers('Lead', LeadSchema);

/**
 * Parses a lead, throwing on any problem. Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseLead } from 'revops/model';
 * parseLead({
 *   id: 'l1', name: 'Jo', source: 'inbound', ownerId: 'sdr1', stage: 'new', createdAt: '2026-01-05T10:00:00Z',
 * }).history;
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
