/**
 * Building blocks shared by the entity schemas: ids, dates, instants, money, periods,
 * fractions and exact decimals.
 *
 * All object schemas are strict: **unknown keys are rejected** (a typo such as `ammount`
 * is an error, never silently dropped). A `__proto__` key is an unknown key like any other,
 * so it is rejected and can never reach a prototype.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { isCurrencyCode } from '../core/currency.js';
import { isInstant, isIsoDate } from '../core/dates.js';
import { parseFixed, formatFixed, normalizeFixed } from '../core/fixed.js';
import { money, type Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { LIMITS } from '../core/read.js';
import { got } from './parse.js';
import { ID_MAX_LENGTH } from './vocabulary.js';

/**
 * An array schema whose length is checked first: a list of more than `LIMITS.listLength`
 * (100,000) elements is refused with one issue before any element is read. An entity is a
 * record, not a table; without the check, a list of 1,000,000 malformed elements costs a
 * million issues and seconds before the refusal. A pipe from the length check (typed, as
 * `z.custom` is, with the array's input type) to the array schema itself (its `out`).
 * @internal
 */
export function boundedList<A extends z.ZodType>(array: A): z.ZodPipe<z.ZodCustom<z.input<A>, z.input<A>>, A> {
  const length = z.custom<z.input<A>>((v) => !Array.isArray(v) || v.length <= LIMITS.listLength, {
    error: (iss) =>
      `must have at most ${LIMITS.listLength} elements (LIMITS.listLength), got ${(iss.input as unknown[]).length}`,
    abort: true,
  });
  return z.pipe(length, array as never) as z.ZodPipe<z.ZodCustom<z.input<A>, z.input<A>>, A>;
}

/** A non-empty identifier string (at most 200 characters). */
export const IdSchema = lazySchema(() =>
  z.string().min(1, 'must not be empty').max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`),
);

/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = lazySchema(() =>
  z.string().refine(isIsoDate, { error: (iss) => `must be a calendar date YYYY-MM-DD, ${got(iss.input)}` }),
);

/** An ISO-8601 instant with an explicit offset. */
export const InstantSchema = lazySchema(() =>
  z.string().refine(isInstant, {
    error: (iss) => `must be an ISO-8601 instant with an offset, e.g. 2026-03-31T17:05:00Z, ${got(iss.input)}`,
  }),
);

/**
 * A creation time: an ISO-8601 instant with an offset, or a calendar date `YYYY-MM-DD` (as
 * CRM exports write it), which is read as the start of that day in UTC (`'2026-01-24'` →
 * `'2026-01-24T00:00:00Z'`). The output is always an instant.
 */
export const CreatedAtSchema = lazySchema(() =>
  z
    .string()
    .refine((v) => isInstant(v) || isIsoDate(v), {
      error: (iss) =>
        `must be an ISO-8601 instant with an offset (2026-01-24T09:30:00Z) or a date YYYY-MM-DD, ${got(iss.input)}`,
    })
    .transform((v) => (isInstant(v) ? v : `${v}T00:00:00Z`)),
);

/** An ISO 4217 currency code with minor units. */
export const CurrencyCodeSchema = lazySchema(() =>
  z
    .string()
    .refine(isCurrencyCode, { error: (iss) => `must be an ISO 4217 currency code such as USD, ${got(iss.input)}` }),
);

/**
 * Whether `v` is a decimal whose canonical form is itself accepted back: `"1e1000"` has one
 * digit, but its plain form has 1,001 and would not parse again, so it is refused here and a
 * parsed entity's JSON always parses back.
 */
function isDecimal(v: unknown): boolean {
  try {
    parseFixed(formatFixed(normalizeFixed(parseFixed(v))));
    return true;
  } catch {
    return false;
  }
}

/** Whether `amount` is an amount whose money form (at the currency's minor unit) parses back. */
function isAmount(amount: unknown, currency: unknown): boolean {
  try {
    // a malformed amount or currency is reported by its own field
    if (!isCurrencyCode(currency) || !isDecimal(amount)) return true;
    parseFixed(money(amount as string, currency).amount);
    return true;
  } catch {
    return false;
  }
}

/**
 * An exact decimal given as a string (`"0.035"`) or a finite number, output as its canonical
 * decimal string (plain notation, no trailing zeros). Used for rates, shares and thresholds
 * that multiply money.
 */
export const DecimalStringSchema = lazySchema(() =>
  z
    .union([z.string(), z.number()])
    .refine(isDecimal, { error: (iss) => `must be a finite decimal number such as "0.035", ${got(iss.input)}` })
    .transform((v) => formatFixed(normalizeFixed(parseFixed(v)))),
);

/** Money `{ amount, currency }`; `amount` a decimal string or number. Output is canonical {@link Money}. */
export const MoneySchema: z.ZodType<Money, { amount: string | number; currency: string }> = lazySchema(() =>
  z
    .strictObject({
      amount: z
        .union([z.string(), z.number()])
        .refine(isDecimal, { error: (iss) => `must be a decimal amount such as "12.30", ${got(iss.input)}` }),
      currency: CurrencyCodeSchema,
    })
    .refine((v) => isAmount(v.amount, v.currency), {
      error: (iss) => `must be an amount of at most 1000 digits at the currency's minor unit, ${got(iss.input)}`,
      path: ['amount'],
    })
    .transform((v) => money(v.amount, v.currency)),
);

/** `-0` becomes `0`, so a parsed number survives a JSON round trip (`JSON.stringify(-0)` is `"0"`). @internal */
export const plusZero = (v: number): number => v + 0;

/** A fraction in [0, 1] (probability, share, rate). `-0` is read as `0`. */
export const FractionSchema = lazySchema(() =>
  z
    .number()
    .min(0, 'must be at least 0 (fractions, not percent)')
    .max(1, 'must be at most 1 (fractions, not percent: 0.25 for 25%)')
    .transform(plusZero),
);

/** An inclusive period of calendar dates; the output is core's {@link Period}. */
export const PeriodSchema: z.ZodType<Period, { start: string; end: string }> = lazySchema(() =>
  z
    .strictObject({ start: IsoDateSchema, end: IsoDateSchema })
    .refine((p) => p.end >= p.start, { message: 'end must not be before start', path: ['end'] }),
);

/** Custom fields from a CRM: field name → string, number, boolean or null. */
export type CustomFields = Record<string, string | number | boolean | null>;

/**
 * Free-form custom fields: string, number, boolean or null values. The key `__proto__` is
 * rejected (zod's records would otherwise drop it silently).
 */
export const CustomFieldsSchema = lazySchema(() =>
  z
    .unknown()
    .refine((v) => typeof v !== 'object' || v === null || !Object.hasOwn(v, '__proto__'), {
      error: 'the key "__proto__" is reserved',
    })
    .pipe(z.record(z.string(), z.union([z.string(), z.number().transform(plusZero), z.boolean(), z.null()]))),
);
