/**
 * The facts of one member's period that a performance diagnosis compares: activity volume,
 * decided opportunities, wins, bookings, how far each decided deal got, territory potential
 * and cycle length.
 * @module
 */
import { invalid, RevopsError } from '../core/errors.js';
import { readMoney } from '../core/money.js';
import { roundMoney, toMinorUnits } from '../core/money-arithmetic.js';
import type { Money } from '../core/money.js';
import type { Period } from '../core/periods.js';
import { entityPath } from '../core/read.js';
import type { CurrencyCode } from '../core/currency.js';
import type { IsoDate, Instant } from '../core/dates.js';
import { dealOutcomeOf } from '../model/deal-outcome.js';
import type { Pipeline } from '../model/pipeline.js';

/** The fields of a deal that a diagnosis reads (a `Deal` has them all). */
export interface DiagnosisDeal {
  /** Unique id, named in errors. */
  readonly id: string;
  /** The member credited with the deal. */
  readonly ownerId: string;
  /** The deal's value; all deals of one diagnosis share a currency. */
  readonly amount: Money;
  /** Current stage; its kind in the pipeline says whether the deal is open, won or lost. */
  readonly stage: string;
  /** When a won or lost deal closed; decides whether it falls in the period. */
  readonly closeDate?: IsoDate | undefined;
  /** When the deal was created (for cycle length). */
  readonly createdAt?: Instant | undefined;
  /** Stage history, oldest first (for stage-by-stage conversion). */
  readonly history?: readonly { readonly to: string }[] | undefined;
}

/** The fields of an activity that a diagnosis reads (an `Activity` has them all). */
export interface DiagnosisActivity {
  /** Who did it. */
  readonly memberId: string;
  /** When (an instant); counted when its UTC date is in the period. */
  readonly at: Instant;
}

/** The fields of an account that a diagnosis reads (an `Account` has them all). */
export interface DiagnosisAccount {
  /** Annual spend or potential: the territory's potential is the sum over its accounts. */
  readonly annualSpend: Money;
  /** The member who owns the account. */
  readonly ownerId?: string | undefined;
}

/** What one member (or a group) did in the period. @internal */
export interface RepFacts {
  activities: number;
  decided: number;
  won: number;
  /** Bookings in minor units (exact). */
  bookings: bigint;
  /** Decided deals that reached each open stage (pipeline order); `null` when some history is missing. */
  reached: number[] | null;
  /** Territory potential in minor units, `null` without accounts. */
  potential: bigint | null;
  /** Sum of days from creation to close over won deals with a creation date, and their count. */
  cycleDays: number;
  cycleDeals: number;
}

/** An empty set of facts. @internal */
export function emptyFacts(stages: number, withPotential: boolean): RepFacts {
  return {
    activities: 0,
    decided: 0,
    won: 0,
    bookings: 0n,
    reached: new Array<number>(stages).fill(0),
    potential: withPotential ? 0n : null,
    cycleDays: 0,
    cycleDeals: 0,
  };
}

/** Adds `b` into `a` (group totals). @internal */
export function addFacts(a: RepFacts, b: RepFacts): void {
  a.activities += b.activities;
  a.decided += b.decided;
  a.won += b.won;
  a.bookings += b.bookings;
  a.reached = a.reached === null || b.reached === null ? null : a.reached.map((r, i) => r + (b.reached?.[i] ?? 0));
  a.potential = a.potential === null || b.potential === null ? null : a.potential + b.potential;
  a.cycleDays += b.cycleDays;
  a.cycleDeals += b.cycleDeals;
}

/** Inputs of {@link gatherFacts}. @internal */
export interface FactSources {
  readonly deals: readonly DiagnosisDeal[];
  readonly activities?: readonly DiagnosisActivity[] | undefined;
  readonly accounts?: readonly DiagnosisAccount[] | undefined;
}

/** What {@link gatherFacts} returns: facts per member id and the currency. @internal */
export interface GatheredFacts {
  readonly byMember: ReadonlyMap<string, RepFacts>;
  readonly currency: CurrencyCode | null;
  /** Open stage ids in pipeline order. */
  readonly openStages: readonly string[];
}

const DAY_MS = 86_400_000;

/**
 * Reads the data once and returns the facts of each member in `memberIds`.
 * @throws {RevopsError} `INVALID_INPUT` naming the entity for a malformed deal (history included), activity or
 *   account; `INVALID_OPTION` for a pipeline without a `stages` array; `CURRENCY_MISMATCH` for a second currency;
 *   `INVALID_DATE` for a closed deal without a close date.
 * @internal
 */
export function gatherFacts(
  data: FactSources,
  memberIds: ReadonlySet<string>,
  p: Period,
  pipeline: Pipeline,
): GatheredFacts {
  if (typeof data !== 'object' || data === null) {
    throw invalid('INVALID_INPUT', 'data', data, 'must be an object of deals (and activities, accounts, quotas)');
  }
  const stages: unknown = typeof pipeline === 'object' && pipeline !== null ? pipeline.stages : undefined;
  if (!Array.isArray(stages)) {
    throw invalid('INVALID_OPTION', 'options.pipeline', pipeline, 'must be a pipeline { id, stages, … }');
  }
  const outcome = dealOutcomeOf({ pipeline });
  const openStages: string[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage: unknown = stages[i];
    const { id, kind } =
      typeof stage === 'object' && stage !== null ? (stage as Partial<Pipeline['stages'][number]>) : {};
    if (typeof id !== 'string') {
      throw invalid('INVALID_OPTION', `options.pipeline.stages[${i}]`, stage, 'must be a stage { id, kind, … }');
    }
    if (kind === 'open') openStages.push(id);
  }
  const openIndex = new Map(openStages.map((id, i) => [id, i]));
  const withPotential = data.accounts !== undefined;
  const byMember = new Map<string, RepFacts>();
  for (const id of memberIds) byMember.set(id, emptyFacts(openStages.length, withPotential));
  let currency: CurrencyCode | null = null;
  const sameCurrency = (c: CurrencyCode, field: string): void => {
    if (currency === null) currency = c;
    else if (c !== currency) throw invalid('CURRENCY_MISMATCH', field, c, `must be ${currency} like the others`);
  };

  if (!Array.isArray(data.deals)) throw invalid('INVALID_INPUT', 'data.deals', data.deals, 'must be an array');
  const seen = new Map<string, number>();
  // index loops (forEach would skip the holes of a sparse array, and count nothing for them in silence)
  const deals = data.deals as readonly DiagnosisDeal[];
  for (let i = 0; i < deals.length; i++) {
    const deal = deals[i] as DiagnosisDeal;
    const at = entityPath('data.deals', i, deal);
    if (typeof deal !== 'object' || deal === null) throw invalid('INVALID_INPUT', at, deal, 'must be a deal');
    const first = seen.get(deal.id);
    if (first !== undefined) {
      throw new RevopsError('DUPLICATE_ID', `${at} repeats the id of data.deals[${first}]: a deal is counted once`, {
        field: `${at}.id`,
        value: deal.id,
        details: { first, second: i },
      });
    }
    seen.set(deal.id, i);
    const f = byMember.get(deal.ownerId);
    if (f === undefined) continue;
    const kind = outcome(deal, at);
    if (kind === 'open') continue;
    if (typeof deal.closeDate !== 'string') {
      throw invalid('INVALID_DATE', `${at}.closeDate`, deal.closeDate, `is required for a ${kind} deal`);
    }
    if (deal.closeDate < p.start || deal.closeDate > p.end) continue;
    const m = readMoney(deal.amount, `${at}.amount`);
    sameCurrency(m.currency, `${at}.amount.currency`);
    f.decided++;
    if (kind === 'won') {
      const units = toMinorUnits(roundMoney(deal.amount));
      if (units < 0n)
        throw invalid('INVALID_AMOUNT', `${at}.amount.amount`, deal.amount.amount, 'must not be negative');
      f.won++;
      f.bookings += units;
      if (typeof deal.createdAt === 'string') {
        const created = Date.parse(deal.createdAt);
        const closed = Date.parse(`${deal.closeDate}T00:00:00Z`);
        if (Number.isFinite(created) && closed >= created) {
          f.cycleDays += (closed - created) / DAY_MS;
          f.cycleDeals++;
        }
      }
    }
    if (f.reached === null) continue;
    let furthest = -1;
    if (kind === 'won') furthest = openStages.length - 1;
    else {
      const history: unknown = deal.history ?? [];
      if (!Array.isArray(history)) {
        throw invalid('INVALID_INPUT', `${at}.history`, history, 'must be an array of stage events { to }');
      }
      if (history.length === 0) {
        f.reached = null;
        continue;
      }
      for (let k = 0; k < history.length; k++) {
        const e: unknown = history[k];
        const to = typeof e === 'object' && e !== null ? (e as { to?: unknown }).to : undefined;
        if (typeof to !== 'string') {
          throw invalid('INVALID_INPUT', `${at}.history[${k}]`, e, 'must be a stage event { to } with a string to');
        }
        furthest = Math.max(furthest, openIndex.get(to) ?? -1);
      }
    }
    for (let s = 0; s <= furthest; s++) f.reached[s] = (f.reached[s] as number) + 1;
    // A decided deal always counts at the first stage: it was an opportunity.
    if (furthest < 0 && openStages.length > 0) f.reached[0] = (f.reached[0] as number) + 1;
  }

  if (data.activities !== undefined) {
    if (!Array.isArray(data.activities)) {
      throw invalid('INVALID_INPUT', 'data.activities', data.activities, 'must be an array');
    }
    const activities = data.activities as readonly DiagnosisActivity[];
    for (let i = 0; i < activities.length; i++) {
      const a = activities[i] as DiagnosisActivity;
      const at = entityPath('data.activities', i, a);
      if (typeof a !== 'object' || a === null) throw invalid('INVALID_INPUT', at, a, 'must be an activity');
      const f = byMember.get(a.memberId);
      if (f === undefined) continue;
      const ms = typeof a.at === 'string' ? Date.parse(a.at) : Number.NaN;
      if (!Number.isFinite(ms)) throw invalid('INVALID_DATE', `${at}.at`, a.at, 'must be an ISO-8601 instant');
      const date = new Date(ms).toISOString().slice(0, 10);
      if (date >= p.start && date <= p.end) f.activities++;
    }
  }

  if (data.accounts !== undefined) {
    if (!Array.isArray(data.accounts))
      throw invalid('INVALID_INPUT', 'data.accounts', data.accounts, 'must be an array');
    const accounts = data.accounts as readonly DiagnosisAccount[];
    for (let i = 0; i < accounts.length; i++) {
      const acc = accounts[i] as DiagnosisAccount;
      const at = entityPath('data.accounts', i, acc);
      if (typeof acc !== 'object' || acc === null) throw invalid('INVALID_INPUT', at, acc, 'must be an account');
      if (acc.ownerId === undefined) continue;
      const f = byMember.get(acc.ownerId);
      if (f === undefined) continue;
      const m = readMoney(acc.annualSpend, `${at}.annualSpend`);
      sameCurrency(m.currency, `${at}.annualSpend.currency`);
      const units = toMinorUnits(roundMoney(acc.annualSpend));
      if (units < 0n) {
        throw invalid('INVALID_AMOUNT', `${at}.annualSpend.amount`, acc.annualSpend.amount, 'must not be negative');
      }
      f.potential = (f.potential ?? 0n) + units;
    }
  }
  return { byMember, currency, openStages };
}
