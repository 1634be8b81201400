/**
 * The report: every figure computed by the library's own functions on the imported data, in
 * one JSON-friendly object that the text, JSON and HTML outputs all render.
 */
import {
  addDays,
  addMonths,
  month,
  type Money,
  type Period,
  period as makePeriod,
  quarter,
  quarterOf,
  RevopsError,
  sum,
} from '../core/index.js';
import { calculateStatement, creditDeals, explainStatement, payoutCurve } from '../commission/index.js';
import type { Statement } from '../commission/index.js';
import { holtWinters, pipelineCoverage, simulatePipeline } from '../forecast/index.js';
import type { CategoryForecast, PipelineCoverage, WeightedPipeline } from '../forecast/index.js';
import { quotaAttainment, wilsonInterval } from '../metrics/index.js';
import type { Funnel } from '../metrics/index.js';
import { type Member, type Plan, dealOutcomeOf } from '../model/index.js';
import { defaultDealPipeline, defaultLeadPipeline } from '../pipeline/index.js';
import { grossRevenueRetention, netRevenueRetention, quickRatio } from '../retention/index.js';
import type { CohortTable, MrrMovements } from '../retention/index.js';
import { UsageError } from './args.js';
import { computeFigures, type FigureKey, type FigureRequest, type Figures, figure } from './figures.js';
import { DataError, type Dataset, type FileSummary, type RowIssue } from './read.js';

/** The parts of the report; a command prints some of them. */
export type Part = 'pipeline' | 'funnel' | 'winRates' | 'team' | 'retention' | 'commission';

/** A rate with its 95 % Wilson interval. */
export interface RateWithInterval {
  readonly successes: number;
  readonly trials: number;
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Simulated bookings of the period: Monte Carlo quantiles and histogram. */
export interface SimulationPart {
  readonly runs: number;
  readonly seed: string;
  readonly deals: number;
  readonly currency: string;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
}

/** Monthly won bookings and their Holt-Winters forecast with 80 % and 95 % intervals. */
export interface TrendPart {
  readonly months: readonly string[];
  readonly actual: readonly number[];
  readonly model: string;
  readonly forecast: readonly {
    readonly month: string;
    readonly mean: number;
    readonly lower80: number;
    readonly upper80: number;
    readonly lower95: number;
    readonly upper95: number;
  }[];
}

/** One member's row of the team table. */
export interface TeamRow {
  readonly memberId: string;
  readonly name: string;
  readonly won: number;
  readonly lost: number;
  readonly wonAmount: Money | null;
  readonly averageDealSize: Money | null;
  readonly cycleDays: number | null;
  readonly quota: Money | null;
  readonly attained: Money | null;
  readonly attainment: number | null;
  /** Activities logged in the period (with --activities), by kind, and the mean call length. */
  readonly activities: number;
  readonly calls: number;
  readonly meetings: number;
  readonly callMinutes: number | null;
}

/** One statement with its explanation. */
export interface StatementPart {
  readonly memberId: string;
  readonly name: string;
  readonly planId: string;
  readonly statement: Statement;
  readonly explanation: string;
}

/** The report. */
export interface Report {
  readonly title: string;
  readonly asOf: string;
  readonly period: Period & { readonly label: string };
  readonly currency: string | null;
  readonly data: {
    readonly files: readonly FileSummary[];
    readonly rejected: readonly RowIssue[];
    readonly warnings: readonly RowIssue[];
  };
  readonly pipeline?: {
    readonly weighted: WeightedPipeline;
    readonly categories: CategoryForecast;
    readonly quota: Money | null;
    readonly coverage: PipelineCoverage | null;
    readonly simulation: SimulationPart;
    readonly trend: TrendPart | null;
  };
  readonly funnel?: {
    readonly deals: Funnel;
    readonly leads: Funnel | null;
    readonly leadConversion: RateWithInterval | null;
  };
  readonly winRates?: {
    readonly overall: RateWithInterval;
    readonly byValue: number | null;
    readonly byOwner: readonly (RateWithInterval & { readonly ownerId: string; readonly name: string })[];
  };
  readonly team?: {
    readonly rows: readonly TeamRow[];
    readonly attainment: number | null;
    /** Whether activities were given (the activity columns mean something). */
    readonly activities: boolean;
  };
  readonly retention?: {
    readonly movements: MrrMovements;
    /** The period of the movements: the report period, or the last one as long that is over by `asOf`. */
    readonly movementsPeriod: Period;
    readonly trailingYear: Period;
    readonly grr: number | null;
    readonly nrr: number | null;
    readonly quickRatio: number | null;
    readonly cohorts: CohortTable;
  };
  readonly commission?: {
    readonly statements: readonly StatementPart[];
    readonly curves: readonly {
      readonly planId: string;
      readonly name: string;
      readonly quota: Money;
      readonly points: readonly { readonly attainment: number; readonly payout: number }[];
    }[];
  };
  /** Why a part or a row is missing (no data for it, a model that could not be fitted). */
  readonly notes: readonly string[];
}

/** Options of {@link buildReport}. */
export interface ReportOptions {
  readonly parts: readonly Part[];
  /** `--period`: 2026-Q2, 2026-05, 2026 or START..END. */
  readonly period?: string;
  /** `--as-of`. */
  readonly asOf?: string;
  /** `--member`: statements of this member only. */
  readonly member?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Reads `--period`. */
export function readPeriodFlag(text: string): Period & { label: string } {
  const wrap = (p: Period, label: string) => ({ start: p.start, end: p.end, label });
  try {
    let m = /^(\d{4})-Q([1-4])$/i.exec(text);
    if (m) return wrap(quarter(Number(m[1]), Number(m[2])), `${m[1]}-Q${m[2]}`);
    m = /^(\d{4})-(\d{2})$/.exec(text);
    if (m) return wrap(month(Number(m[1]), Number(m[2])), text);
    m = /^(\d{4})$/.exec(text);
    if (m) return wrap({ start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }, text);
    m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
    if (m) return wrap(makePeriod(m[1] as string, m[2] as string), text);
  } catch (e) {
    throw new UsageError(`--period ${text}: ${(e as Error).message}`);
  }
  throw new UsageError(`--period must be 2026-Q2, 2026-05, 2026 or 2026-04-01..2026-06-30, got "${text}"`);
}

/** The latest business date in the data: closes, creations, activities, ends of subscription periods. */
function latestDate(data: Dataset): string | undefined {
  let max: string | undefined;
  const see = (d: string | undefined) => {
    if (d !== undefined && (max === undefined || d > max)) max = d;
  };
  for (const d of data.deals) {
    see(d.closeDate);
    see(d.createdAt?.slice(0, 10));
  }
  for (const l of data.leads) see(l.createdAt?.slice(0, 10));
  for (const a of data.activities) see(a.at.slice(0, 10));
  for (const s of data.subscriptions) see(s.period.end); // a revenue row records its whole period
  return max;
}

/** Whole months from the first month of `p` to its last. */
const monthsIn = (p: Period): number =>
  (Number(p.end.slice(0, 4)) - Number(p.start.slice(0, 4))) * 12 +
  Number(p.end.slice(5, 7)) -
  Number(p.start.slice(5, 7)) +
  1;

/** The last day of the month of `date`. */
const lastDayOf = (date: string): string => addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);

const within = (inner: Period, outer: Period): boolean => inner.start >= outer.start && inner.end <= outer.end;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function interval(successes: number, trials: number): RateWithInterval {
  const w = wilsonInterval(successes, trials, { confidence: 0.95 });
  return { successes, trials, rate: w.rate, lower: w.lower, upper: w.upper };
}

/** Monthly won bookings up to the end of the last month before `asOf`'s month, and a Holt-Winters forecast. */
function trendOf(data: Dataset, asOf: string, notes: string[]): TrendPart | null {
  const outcome = dealOutcomeOf({ pipeline: defaultDealPipeline });
  const won = data.deals.filter((d) => outcome(d) === 'won' && d.closeDate !== undefined);
  if (won.length === 0) {
    notes.push('Trend: no won deals to build a monthly series from.');
    return null;
  }
  const first = won.reduce((m, d) => ((d.closeDate as string) < m ? (d.closeDate as string) : m), '9999-12-31');
  const lastMonth = addMonths(`${asOf.slice(0, 7)}-01`, -1).slice(0, 7);
  const months: string[] = [];
  for (let m = `${first.slice(0, 7)}-01`; m.slice(0, 7) <= lastMonth; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  if (months.length < 6) {
    notes.push(`Trend: ${months.length} complete months of bookings; a Holt-Winters trend needs at least 6.`);
    return null;
  }
  const index = new Map(months.map((m, i) => [m, i]));
  const actual = months.map(() => 0);
  for (const d of won) {
    const i = index.get((d.closeDate as string).slice(0, 7));
    if (i !== undefined) actual[i] = (actual[i] as number) + Number(d.amount.amount);
  }
  const seasonal = months.length >= 24;
  try {
    const fit = holtWinters(actual, {
      horizon: 3,
      trend: 'additive',
      damped: true,
      ...(seasonal ? { seasonLength: 12, seasonality: 'additive' as const } : {}),
      levels: [0.8, 0.95],
    });
    const i80 = fit.intervals.find((i) => i.level === 0.8);
    const i95 = fit.intervals.find((i) => i.level === 0.95);
    const last = `${months[months.length - 1]}-01`;
    return {
      months,
      actual,
      model: seasonal ? 'Holt-Winters, damped additive trend, additive yearly season' : 'Holt, damped additive trend',
      forecast: fit.forecast.map((mean, h) => ({
        month: addMonths(last, h + 1).slice(0, 7),
        mean,
        lower80: i80?.lower[h] ?? mean,
        upper80: i80?.upper[h] ?? mean,
        lower95: i95?.lower[h] ?? mean,
        upper95: i95?.upper[h] ?? mean,
      })),
    };
  } catch (e) {
    if (!(e instanceof RevopsError)) throw e;
    notes.push(`Trend: not fitted (${e.message}).`);
    return null;
  }
}

function planOf(member: Member, data: Dataset): Plan | undefined {
  const id = data.assignments[member.id] ?? data.assignments[member.roleId];
  if (id !== undefined) return data.plans.find((p) => p.id === id);
  return data.plans.length === 1 && Object.keys(data.assignments).length === 0 ? data.plans[0] : undefined;
}

/** A refusal of the library (amounts in several currencies, …) as a data problem. */
function asDataError(e: unknown): unknown {
  return e instanceof RevopsError ? new DataError(`${e.code}: ${e.message}`) : e;
}

/**
 * Computes the report on the calling thread.
 * @throws {DataError} when the library refuses the data (amounts in several currencies, …).
 */
export function buildReport(data: Dataset, options: ReportOptions): Report {
  try {
    const prepared = prepare(data, options);
    return assemble(data, options, prepared, computeFigures(prepared.requests, data));
  } catch (e) {
    throw asDataError(e);
  }
}

/**
 * Computes the report with its mergeable figures from `figures` (revops/parallel on worker
 * threads, `--workers N`); the rest (simulation, trend, attainment, statements) on the calling
 * thread. The same report as {@link buildReport}.
 * @throws {DataError} when the library refuses the data.
 */
export async function buildReportWith(
  data: Dataset,
  options: ReportOptions,
  figures: (requests: readonly FigureRequest[]) => Promise<Figures>,
): Promise<Report> {
  try {
    const prepared = prepare(data, options);
    return assemble(data, options, prepared, await figures(prepared.requests));
  } catch (e) {
    throw asDataError(e);
  }
}

/** What the report's figures depend on, decided from the data before any is computed. */
interface Prepared {
  readonly asOf: string;
  readonly period: Period & { readonly label: string };
  readonly currency: string | null;
  readonly quotas: readonly Dataset['quotas'][number][];
  /**
   * With retention: the period of the MRR movements (the report period, or the last one as long
   * that is over by `asOf`) and the year that ends with it; else the report period.
   */
  readonly shown: Period;
  readonly trailingYear: Period;
  readonly requests: readonly FigureRequest[];
}

/** Funnel source: stage history when every entity has one, else the snapshot of current stages. */
const funnelSource = (xs: readonly { history: readonly unknown[] }[]) =>
  xs.length > 0 && xs.every((x) => x.history.length > 0) ? ('history' as const) : ('snapshot' as const);

function prepare(data: Dataset, options: ReportOptions): Prepared {
  if (options.asOf !== undefined && !ISO.test(options.asOf)) {
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${options.asOf}"`);
  }
  const asOf = options.asOf ?? data.asOf ?? latestDate(data);
  if (asOf === undefined) {
    const listed = data.rejected.slice(0, 10).map((r) => `\n  ${r.file}: ${r.message} [${r.code}]`);
    const dates = data.rejected.some((r) => r.code === 'INVALID_DATE')
      ? '\n(--date-format says how dates are written)'
      : '';
    throw new DataError(
      `no dated rows to report on (no close, created or activity dates)` +
        (data.rejected.length > 0 ? `; ${data.rejected.length} rows were rejected:${listed.join('')}${dates}` : ''),
    );
  }
  const period = (() => {
    if (options.period !== undefined) return readPeriodFlag(options.period);
    const q = quarterOf(asOf);
    return { start: q.start, end: q.end, label: `${q.fiscalYear}-Q${q.quarter}` };
  })();
  const currency =
    data.deals[0]?.amount.currency ?? data.subscriptions[0]?.mrr.currency ?? data.quotas[0]?.amount.currency ?? null;
  const has = (p: Part) => options.parts.includes(p);
  const quotas = data.quotas.filter((q) => within(q.period, period));
  const currencyOption = currency === null ? {} : { currency };
  const byOwner = { period, groupBy: 'ownerId' } as const;
  const requests: FigureRequest[] = [];
  if (has('pipeline')) {
    requests.push(figure('weighted', 'deals', { period, ...currencyOption }));
    requests.push(figure('categories', 'deals', { period, ...currencyOption }));
  }
  if (has('funnel')) {
    requests.push(figure('dealFunnel', 'deals', { pipeline: defaultDealPipeline, source: funnelSource(data.deals) }));
    if (data.leads.length > 0) {
      const stages = ['new', 'working', 'qualified'];
      const source = funnelSource(data.leads);
      requests.push(figure('leadFunnel', 'leads', { pipeline: defaultLeadPipeline, stages, source }));
    }
  }
  requests.push(figure('winsByOwner', 'deals', { by: 'count', ...byOwner }));
  if (has('winRates')) requests.push(figure('wonValue', 'deals', { by: 'value', period }));
  if (has('team')) {
    requests.push(figure('dealSize', 'deals', byOwner));
    requests.push(figure('cycle', 'deals', byOwner));
    requests.push(figure('wonValueByOwner', 'deals', { by: 'value', ...byOwner }));
    requests.push(figure('activities', 'activities', byOwner));
    requests.push(figure('calls', 'activities', { ...byOwner, kind: 'call' }));
  }
  let shown: Period = period;
  let trailingYear: Period = period;
  if (has('retention') && data.subscriptions.length > 0) {
    const span = monthsIn(period);
    while (shown.end > asOf) {
      const start = addMonths(shown.start, -span);
      shown = { start, end: lastDayOf(addMonths(start, span - 1)) };
    }
    trailingYear = { start: addMonths(`${shown.end.slice(0, 7)}-01`, -11), end: shown.end };
    requests.push(figure('movements', 'subscriptions', { period: shown }));
    requests.push(figure('trailingYear', 'subscriptions', { period: trailingYear }));
    const cohorts = { granularity: 'month', asOf: shown.end, basis: 'revenue' } as const;
    requests.push(figure('cohorts', 'subscriptions', cohorts));
  }
  return { asOf, period, currency, quotas, shown, trailingYear, requests };
}

/** A figure that {@link prepare} asked for. */
function got<K extends FigureKey>(figures: Figures, key: K): NonNullable<Figures[K]> {
  const value = figures[key];
  if (value === undefined) throw new Error(`report: figure ${key} was not computed`);
  return value as NonNullable<Figures[K]>;
}

function assemble(data: Dataset, options: ReportOptions, prepared: Prepared, figures: Figures): Report {
  const notes: string[] = [];
  const { asOf, period, currency, quotas } = prepared;
  const has = (p: Part) => options.parts.includes(p);
  const memberName = new Map(data.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => memberName.get(id) ?? id;
  const report: { -readonly [K in keyof Report]: Report[K] } = {
    title: data.name,
    asOf,
    period,
    currency,
    data: { files: data.files, rejected: data.rejected, warnings: data.warnings },
    notes,
  };
  const deals = data.deals;
  const currencyOption = currency === null ? {} : { currency };

  if (has('pipeline')) {
    const weighted = got(figures, 'weighted');
    const categories = got(figures, 'categories');
    const teamQuotas = quotas.filter((q) => q.teamId !== undefined);
    const quotaList = teamQuotas.length > 0 ? teamQuotas : quotas.filter((q) => q.memberId !== undefined);
    const quota =
      quotaList.length > 0 && currency !== null
        ? sum(
            quotaList.map((q) => q.amount),
            { currency },
          )
        : null;
    const coverage = quota === null ? null : pipelineCoverage(categories.openPipeline, quota, categories.closed.amount);
    if (quota === null) notes.push('Coverage: no quotas for the period (--quotas).');
    // 10,000 runs, fewer for a very large pipeline (the work is runs × deals; at least 1,000 runs)
    const runs = Math.max(1_000, Math.min(10_000, Math.floor(20_000_000 / Math.max(1, weighted.count))));
    const sim = simulatePipeline(deals, { runs, seed: 'revops', period, bins: 20, ...currencyOption });
    report.pipeline = {
      weighted,
      categories,
      quota,
      coverage,
      simulation: {
        runs: sim.runs,
        seed: String(sim.seed),
        deals: sim.deals,
        currency: sim.currency,
        p10: sim.p10,
        p50: sim.p50,
        p90: sim.p90,
        mean: sim.mean,
        histogram: sim.histogram,
      },
      trend: trendOf(data, asOf, notes),
    };
  }

  if (has('funnel')) {
    const dealFunnel = got(figures, 'dealFunnel');
    let leads: Funnel | null = null;
    let leadConversion: RateWithInterval | null = null;
    if (data.leads.length > 0) {
      leads = got(figures, 'leadFunnel');
      const converted = data.leads.filter((l) => l.stage === 'converted').length;
      const resolved = converted + data.leads.filter((l) => l.stage === 'disqualified').length;
      leadConversion = interval(converted, resolved);
    }
    report.funnel = { deals: dealFunnel, leads, leadConversion };
  }

  const byOwnerCount = got(figures, 'winsByOwner');
  if (has('winRates')) {
    const byValue = got(figures, 'wonValue');
    report.winRates = {
      overall: interval(byOwnerCount.won, byOwnerCount.won + byOwnerCount.lost),
      byValue: byValue.rate,
      byOwner: Object.entries(byOwnerCount.groups ?? {}).map(([ownerId, w]) => ({
        ownerId,
        name: nameOf(ownerId),
        ...interval(w.won, w.won + w.lost),
      })),
    };
  }

  if (has('team')) {
    const size = got(figures, 'dealSize');
    const cycle = got(figures, 'cycle');
    const wonValue = got(figures, 'wonValueByOwner');
    // attainment from deals measures bookings; quotas in other measures are the plan's business
    const memberQuotas = quotas.filter((q) => q.memberId !== undefined && (q.measure ?? 'bookings') === 'bookings');
    const attainment =
      memberQuotas.length > 0 ? quotaAttainment(deals, memberQuotas, { members: data.members }) : undefined;
    if (attainment === undefined) notes.push('Attainment: no member quotas for the period (--quotas).');
    const acts = got(figures, 'activities');
    const calls = got(figures, 'calls');
    const ids = new Set([
      ...Object.keys(byOwnerCount.groups ?? {}),
      ...memberQuotas.map((q) => q.memberId as string),
      ...Object.keys(acts.groups ?? {}),
    ]);
    const rows: TeamRow[] = [...ids].sort().map((id) => {
      const w = byOwnerCount.groups?.[id];
      const a = attainment?.rows.filter((r) => r.memberId === id) ?? [];
      const quota =
        a.length > 0 && currency !== null
          ? sum(
              a.map((r) => r.proratedQuota),
              { currency },
            )
          : null;
      const attained =
        a.length > 0 && currency !== null
          ? sum(
              a.map((r) => r.attained),
              { currency },
            )
          : null;
      return {
        memberId: id,
        name: nameOf(id),
        won: w?.won ?? 0,
        lost: w?.lost ?? 0,
        wonAmount: wonValue.groups?.[id]?.wonAmount ?? null,
        averageDealSize: size.groups?.[id]?.average ?? null,
        cycleDays: cycle.groups?.[id]?.meanDays ?? null,
        quota,
        attained,
        attainment:
          quota === null || attained === null || Number(quota.amount) === 0
            ? null
            : Number(attained.amount) / Number(quota.amount),
        activities: acts.groups?.[id]?.total ?? 0,
        calls: acts.groups?.[id]?.byKind.call ?? 0,
        meetings: acts.groups?.[id]?.byKind.meeting ?? 0,
        callMinutes: ((s) => (s === null || s === undefined ? null : s / 60))(calls.groups?.[id]?.meanSeconds),
      };
    });
    report.team = { rows, attainment: attainment?.attainment ?? null, activities: data.activities.length > 0 };
  }

  if (has('retention')) {
    if (data.subscriptions.length === 0) notes.push('Retention: no subscription rows (--subscriptions).');
    else {
      const { shown, trailingYear } = prepared;
      if (shown !== period) {
        notes.push(
          `Retention: ${period.label} is not over on ${asOf}; MRR movements are for ${shown.start} … ${shown.end}.`,
        );
      }
      const movements = got(figures, 'movements');
      const year = got(figures, 'trailingYear');
      report.retention = {
        movements,
        trailingYear,
        grr: grossRevenueRetention(year).rate,
        nrr: netRevenueRetention(year).rate,
        quickRatio: quickRatio(movements).rate,
        movementsPeriod: { start: shown.start, end: shown.end },
        cohorts: got(figures, 'cohorts'),
      };
    }
  }

  if (has('commission')) {
    if (data.plans.length === 0) notes.push('Commission: no plan (--plan).');
    else {
      const members: Member[] =
        data.members.length > 0
          ? [...data.members]
          : [...new Set(quotas.map((q) => q.memberId).filter((id): id is string => id !== undefined))].map((id) => ({
              id,
              name: id,
              roleId: 'account-executive',
              startDate: '0001-01-01',
              territoryIds: [],
            }));
      const outcome = dealOutcomeOf({ pipeline: defaultDealPipeline });
      const won = deals.filter((d) => outcome(d) === 'won');
      const credits = creditDeals(won, { members: data.members, rollup: 'manager' });
      const statements: StatementPart[] = [];
      for (const member of members) {
        if (options.member !== undefined && member.id !== options.member) continue;
        const plan = planOf(member, data);
        if (plan === undefined) continue;
        const quota = quotas.find(
          (q) => q.memberId === member.id && q.period.start === period.start && q.period.end === period.end,
        );
        if (quota === undefined) {
          if (Object.keys(data.assignments).length === 0) continue; // one plan for whoever has a quota
          notes.push(`Commission: no quota of ${member.name} (${member.id}) for ${period.label}; no statement.`);
          continue;
        }
        try {
          const statement = calculateStatement({ plan, member, period, quota: quota.amount, credits });
          statements.push({
            memberId: member.id,
            name: member.name,
            planId: plan.id,
            statement,
            explanation: explainStatement(statement),
          });
        } catch (e) {
          if (!(e instanceof RevopsError)) throw e;
          notes.push(`Commission: no statement for ${member.name} (${member.id}): ${e.message}`);
        }
      }
      if (options.member === undefined && statements.length === 0) {
        notes.push(`Commission: no member has both a plan and a quota for ${period.label}.`);
      }
      if (options.member !== undefined && statements.length === 0) {
        notes.push(`Commission: no statement for member "${options.member}".`);
      }
      const curves = data.plans.flatMap((plan) => {
        const qs = statements.filter((s) => s.planId === plan.id).map((s) => Number(s.statement.quota.amount));
        if (qs.length === 0) return [];
        const quota = { amount: median(qs).toFixed(2), currency: plan.currency };
        const attainments = Array.from({ length: 41 }, (_, i) => (i * 0.05).toFixed(2));
        const points = payoutCurve(plan, attainments, { quota, asOf: period.start }).map((p) => ({
          attainment: Number(p.attainment),
          payout: Number(p.payout.amount),
        }));
        return [{ planId: plan.id, name: plan.name ?? plan.id, quota, points }];
      });
      report.commission = { statements, curves };
    }
  }
  return report;
}
