/**
 * Account: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, IsoDateSchema, MoneySchema } from './common.js';
import { SegmentSchema } from './segment.js';
import { makeParsers } from './parse.js';

/** A customer or prospect company (or person, in B2C). */
export const AccountSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    segment: SegmentSchema,
    /** Annual spend or potential, used for tiering and territory balance. */
    annualSpend: MoneySchema,
    /** Tier label from account list management (e.g. 'A', 'B', 'C'). */
    tier: z.string().min(1).optional(),
    territoryId: IdSchema.optional(),
    ownerId: IdSchema.optional(),
    industry: z.string().optional(),
    createdAt: IsoDateSchema.optional(),
  }),
);
/** A account, as parsed by {@link AccountSchema}. */
export type Account = z.output<typeof AccountSchema>;
/** The input form of a account (before defaults and normalisation). */
export type AccountInput = z.input<typeof AccountSchema>;

const parsers = makeParsers('Account', AccountSchema);

/**
 * Parses a account from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseAccount } from 'revops/model';
 * parseAccount({ id: 'a1', name: 'Acme', segment: 'b2b', annualSpend: { amount: '120000', currency: 'USD' } }).annualSpend;
 * //=> { amount: '120000.00', currency: 'USD' }
 * ```
 */
export function parseAccount(input: unknown): Account {
  return parsers.parse(input);
}

/**
 * Parses a account, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseAccount } from 'revops/model';
 * safeParseAccount({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseAccount(input: unknown): Result<Account, RevopsError> {
  return parsers.safeParse(input);
}
