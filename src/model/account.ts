/**
 * Account: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, IsoDateSchema, MoneySchema } from './common.js';
import type { Money } from '../core/money.js';
import { type Segment, SegmentSchema } from './segment.js';
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
/** A customer or prospect company, as parsed by {@link AccountSchema}. */
export interface Account {
  /** Stable identifier of the account (1–200 characters), e.g. the CRM's account id. */
  id: string;
  /** Company (or, in B2C, person) name, non-empty. */
  name: string;
  /** Market segment: `'b2c'`, `'b2b'`, `'enterprise'` or `'saas'`. */
  segment: Segment;
  /** Annual spend or potential as canonical money, used for tiering and territory balance. */
  annualSpend: Money;
  /** Tier label from account list management (e.g. `'A'`, `'B'`, `'C'`). Absent: untiered. */
  tier?: string | undefined;
  /** The territory the account belongs to (a territory id). Absent: none. */
  territoryId?: string | undefined;
  /** The member who owns the account (a member id). Absent: unowned. */
  ownerId?: string | undefined;
  /** Industry, free text. Absent: not known. */
  industry?: string | undefined;
  /** When the account was created, `YYYY-MM-DD`. Absent: not known. */
  createdAt?: string | undefined;
}
/** The input form of a account (before defaults and normalisation). */
export interface AccountInput extends Documented<Account, z.input<typeof AccountSchema>> {}

const parsers = makeParsers('Account', AccountSchema);

/**
 * Parses a account from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseAccount } from 'revops/model';
 * parseAccount({
 *   id: 'a1', name: 'Acme', segment: 'b2b', annualSpend: { amount: '120000', currency: 'USD' },
 * }).annualSpend;
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
