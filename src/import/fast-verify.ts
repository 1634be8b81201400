/**
 * The fast path of the row builders: from a row's read values (and the money the builder has read),
 * exactly what the entity's zod schema gives for the candidate the builder would make of them
 * (`safeParseX(candidate).value`: the fields in the schema's order, defaults filled in, money
 * canonical), without making the candidate; or `undefined`, and the builder makes the candidate
 * and lets the schema decide (and write the messages). Each check here
 * accepts a subset of what the schema accepts, never more: a predicate is the schema's own (core's
 * `isInstant`, `isCurrencyCode`) or one that implies it (a `YYYY-MM-DD` date read by char codes
 * implies core's `isIsoDate`); anything else (an email, a share, a key the check does not know of,
 * a value of another type) is left to the schema.
 *
 * Each function mirrors its builder's candidate: a field the candidate would hold is a defined
 * value here, an absent one `undefined`. tests/import/fast-verify.prop.test.ts runs every import
 * both ways on arbitrary and hostile rows and compares results and issues.
 * @module
 */
import { isCurrencyCode, minorUnits } from '../core/currency.js';
import { isInstant } from '../core/dates.js';
import type { Money } from '../core/money.js';
import { LIMITS } from '../core/read.js';
import type { Activity } from '../model/activity.js';
import type { Credit } from '../model/credit.js';
import type { Lead } from '../model/lead.js';
import type { Member } from '../model/member.js';
import type { Quota } from '../model/quota.js';
import type { Subscription } from '../model/subscription.js';
import {
  ACTIVITY_KINDS,
  CREDIT_KINDS,
  DEAL_TYPES,
  ID_MAX_LENGTH,
  LEAD_SOURCES,
  MEASURES,
  SEGMENTS,
} from '../model/vocabulary.js';
import { isIsoDatePrefix, isPlainIsoDate } from './cells.js';
import { fastMoney } from './engine.js';

/** A row's read values, by field (`undefined`: no value). */
type Values = Readonly<Record<string, unknown>>;

/** `IdSchema`: a string of 1–200 characters. */
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= ID_MAX_LENGTH;
/** `z.string().min(1)`. */
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
/** A value of a `z.enum` of `values`. */
const isOneOf = (v: unknown, values: readonly string[]): v is string => typeof v === 'string' && values.includes(v);
/** Whether the char codes of `text` at `at` and `at + 1` are two digits of at most `max`. */
function twoDigits(text: string, at: number, max: number): boolean {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && a * 10 + b <= max;
}

/**
 * `InstantSchema`'s `isInstant`: `YYYY-MM-DDTHH:MM:SSZ` (what a date or date-time cell without an
 * offset is read to) by char codes, anything else by `isInstant` itself. @internal
 */
export function isInstantText(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (
    v.length === 20 &&
    v.charCodeAt(10) === 84 &&
    v.charCodeAt(13) === 58 &&
    v.charCodeAt(16) === 58 &&
    v.charCodeAt(19) === 90 &&
    isIsoDatePrefix(v) &&
    twoDigits(v, 11, 23) &&
    twoDigits(v, 14, 59) &&
    twoDigits(v, 17, 59)
  ) {
    return true;
  }
  return isInstant(v);
}

/** `z.number().int()` (a safe integer) of at least `min`. */
const isInt = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/**
 * `MoneySchema` of a money field made by `moneyField`: its amount already canonical in its
 * currency (what `money(amount, currency)` would give back, by the engine's `fastMoney`).
 */
function fastMoneyValue(v: unknown): Money | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { amount, currency } = v as { amount: unknown; currency: unknown };
  if (typeof amount !== 'string' || !isCurrencyCode(currency)) return undefined;
  return fastMoney(amount, minorUnits(currency)) === amount ? { amount, currency } : undefined;
}

/** `boundedList(z.array(item))`: the builder's own list (from `readListCell`), copied as zod copies it. */
function fastList(v: unknown, item: (x: unknown) => boolean): string[] | undefined {
  if (!Array.isArray(v) || v.length > LIMITS.listLength) return undefined;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return undefined;
  return v.slice() as string[];
}

const isString = (v: unknown): boolean => typeof v === 'string';

/** `PeriodSchema` of the builder's `{ start, end }`: two `YYYY-MM-DD` dates, the end not before the start. */
function fastPeriod(start: unknown, end: unknown): { start: string; end: string } | undefined {
  return isPlainIsoDate(start) && isPlainIsoDate(end) && end >= start ? { start, end } : undefined;
}

/**
 * `CreditSchema` of the candidate of src/import/credits.ts (the values but `currency`, with the
 * money read), or undefined (always for a `share`: the schema writes it). @internal
 */
export function fastCredit(c: Values, money: Money): Credit | undefined {
  if (c.share !== undefined) return undefined;
  const { id, dealId, memberId, kind, date, measure = 'bookings', dealType, segment, termMonths, newLogo, units } = c;
  const amount = fastMoneyValue(money);
  if (!isId(id) || !isId(dealId) || !isId(memberId) || !isOneOf(kind, CREDIT_KINDS) || amount === undefined) {
    return undefined;
  }
  if (!isPlainIsoDate(date) || !isOneOf(measure, MEASURES)) return undefined;
  const out: Record<string, unknown> = { id, dealId, memberId, kind, amount, date, measure };
  if (dealType !== undefined) {
    if (!isOneOf(dealType, DEAL_TYPES)) return undefined;
    out.dealType = dealType;
  }
  if (segment !== undefined) {
    if (!isOneOf(segment, SEGMENTS)) return undefined;
    out.segment = segment;
  }
  if (c.products !== undefined) {
    const products = fastList(c.products, isString);
    if (products === undefined) return undefined;
    out.products = products;
  }
  if (termMonths !== undefined) {
    if (!isInt(termMonths, 1)) return undefined;
    out.termMonths = termMonths;
  }
  if (newLogo !== undefined) {
    if (typeof newLogo !== 'boolean') return undefined;
    out.newLogo = newLogo;
  }
  if (units !== undefined) {
    if (!isInt(units, Number.MIN_SAFE_INTEGER)) return undefined;
    out.units = units + 0;
  }
  if (c.activity !== undefined) {
    if (!isText(c.activity)) return undefined;
    out.activity = c.activity;
  }
  return out as unknown as Credit;
}

/**
 * `MemberSchema` of the candidate of src/import/members.ts (the values), or undefined (always for
 * an `email`: the schema checks it). @internal
 */
export function fastMember(c: Values): Member | undefined {
  if (c.email !== undefined) return undefined;
  const { id, name, roleId, teamId, managerId, startDate, endDate } = c;
  if (!isId(id) || !isText(name) || !isId(roleId) || !isPlainIsoDate(startDate)) return undefined;
  const out: Record<string, unknown> = { id, name, roleId };
  if (teamId !== undefined) {
    if (!isId(teamId)) return undefined;
    out.teamId = teamId;
  }
  if (managerId !== undefined) {
    if (!isId(managerId)) return undefined;
    out.managerId = managerId;
  }
  const territoryIds = c.territoryIds === undefined ? [] : fastList(c.territoryIds, isId);
  if (territoryIds === undefined) return undefined;
  out.territoryIds = territoryIds;
  out.startDate = startDate;
  if (endDate !== undefined) {
    if (!isPlainIsoDate(endDate) || endDate < startDate) return undefined;
    out.endDate = endDate;
  }
  return out as unknown as Member;
}

const QUOTA_MEASURES: readonly string[] = MEASURES;

/**
 * `QuotaSchema` of the candidate of src/import/quotas.ts (ids, the period of `periodStart` and
 * `periodEnd`, the money read, the measure), or undefined. @internal
 */
export function fastQuota(c: Values, money: Money): Quota | undefined {
  const { id, memberId, teamId, measure = 'bookings' } = c;
  const period = fastPeriod(c.periodStart, c.periodEnd);
  const amount = fastMoneyValue(money);
  if (period === undefined || amount === undefined || !isOneOf(measure, QUOTA_MEASURES)) return undefined;
  // exactly one of memberId and teamId
  if ((memberId === undefined) === (teamId === undefined)) return undefined;
  const out: Record<string, unknown> = {};
  if (id !== undefined) {
    if (!isId(id)) return undefined;
    out.id = id;
  }
  if (memberId !== undefined) {
    if (!isId(memberId)) return undefined;
    out.memberId = memberId;
  }
  if (teamId !== undefined) {
    if (!isId(teamId)) return undefined;
    out.teamId = teamId;
  }
  out.period = period;
  out.amount = amount;
  out.measure = measure;
  return out as unknown as Quota;
}

const DISCOUNTS = ['forever', 'limited'];

/**
 * `SubscriptionSchema` of the candidate of src/import/subscriptions.ts (the values, the period of
 * `periodStart` and `periodEnd`, the money read), or undefined. @internal
 */
export function fastSubscription(c: Values, money: Money, list: Money | undefined): Subscription | undefined {
  const { customerId, subscriptionId, planId, quantity, free, discount, canceledAt } = c;
  const period = fastPeriod(c.periodStart, c.periodEnd);
  const mrr = fastMoneyValue(money);
  if (!isId(customerId) || period === undefined || mrr === undefined) return undefined;
  const out: Record<string, unknown> = { customerId };
  if (subscriptionId !== undefined) {
    if (!isId(subscriptionId)) return undefined;
    out.subscriptionId = subscriptionId;
  }
  if (planId !== undefined) {
    if (!isId(planId)) return undefined;
    out.planId = planId;
  }
  out.period = period;
  out.mrr = mrr;
  if (list !== undefined) {
    const listMrr = fastMoneyValue(list);
    if (listMrr === undefined) return undefined;
    out.listMrr = listMrr;
  }
  if (quantity !== undefined) {
    if (!isInt(quantity, 0)) return undefined;
    out.quantity = quantity + 0;
  }
  if (free !== undefined) {
    if (typeof free !== 'boolean') return undefined;
    out.free = free;
  }
  if (discount !== undefined) {
    if (!isOneOf(discount, DISCOUNTS)) return undefined;
    out.discount = discount;
  }
  if (canceledAt !== undefined) {
    if (!isPlainIsoDate(canceledAt)) return undefined;
    out.canceledAt = canceledAt;
  }
  return out as unknown as Subscription;
}

/**
 * `ActivitySchema` of the candidate of src/import/activities.ts (the values, no duration as 0),
 * or undefined. @internal
 */
export function fastActivity(c: Values): Activity | undefined {
  const { id, kind, memberId, at, durationSeconds = 0, leadId, dealId, accountId, completed } = c;
  if (!isId(id) || !isOneOf(kind, ACTIVITY_KINDS) || !isId(memberId) || !isInstantText(at)) return undefined;
  if (!isInt(durationSeconds, 0)) return undefined;
  const out: Record<string, unknown> = { id, kind, memberId, at, durationSeconds: durationSeconds + 0 };
  if (leadId !== undefined) {
    if (!isId(leadId)) return undefined;
    out.leadId = leadId;
  }
  if (dealId !== undefined) {
    if (!isId(dealId)) return undefined;
    out.dealId = dealId;
  }
  if (accountId !== undefined) {
    if (!isId(accountId)) return undefined;
    out.accountId = accountId;
  }
  if (completed !== undefined) {
    if (typeof completed !== 'boolean') return undefined;
    out.completed = completed;
  }
  return out as unknown as Activity;
}

/**
 * `LeadSchema` of the candidate of src/import/leads.ts (the values, the stage's id, the reason code
 * read), or undefined (always for an `email`: the schema checks it). @internal
 */
export function fastLead(c: Values, stage: string, code: string | undefined): Lead | undefined {
  if (c.email !== undefined) return undefined;
  const { id, name, company, source, ownerId, accountId, segment, createdAt, score } = c;
  if (!isId(id) || !isText(name) || !isOneOf(source, LEAD_SOURCES) || !isId(ownerId) || !isText(stage)) {
    return undefined;
  }
  // `CreatedAtSchema`: an instant is kept as it is (a date alone is left to the schema)
  if (!isInstantText(createdAt)) return undefined;
  const out: Record<string, unknown> = { id, name };
  if (company !== undefined) {
    if (typeof company !== 'string') return undefined;
    out.company = company;
  }
  out.source = source;
  out.ownerId = ownerId;
  if (accountId !== undefined) {
    if (!isId(accountId)) return undefined;
    out.accountId = accountId;
  }
  if (segment !== undefined) {
    if (!isOneOf(segment, SEGMENTS)) return undefined;
    out.segment = segment;
  }
  out.stage = stage;
  out.createdAt = createdAt;
  out.history = [];
  if (c.disqualifyReason !== undefined) {
    if (!isText(c.disqualifyReason)) return undefined;
    out.disqualifyReason = c.disqualifyReason;
  }
  if (code !== undefined) {
    if (!isId(code)) return undefined;
    out.disqualifyReasonCode = code;
  }
  if (c.convertedDealId !== undefined) {
    if (!isId(c.convertedDealId)) return undefined;
    out.convertedDealId = c.convertedDealId;
  }
  if (score !== undefined) {
    if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
    out.score = score + 0;
  }
  return out as unknown as Lead;
}
