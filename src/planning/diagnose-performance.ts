/**
 * Why a rep lags: the gap in bookings between a member (or a group) and a comparison group,
 * split exactly into its drivers — activity volume, opportunities per activity, stage-by-stage
 * conversion and average deal size — with each rate's statistical strength, and the part of
 * the gap that the territory explains.
 * @module
 */
import { minorUnits, type CurrencyCode } from '../core/currency.js';
import { invalid } from '../core/errors.js';
import { fromMinorUnits } from '../core/money-arithmetic.js';
import type { Money } from '../core/money.js';
import { period as readPeriod, type Period } from '../core/periods.js';
import { plainArray, readInteger, readNumber, readFailure } from '../core/read.js';
import { compareRates } from '../metrics/compare-rates.js';
import type { Member } from '../model/member.js';
import type { Pipeline } from '../model/pipeline.js';
import { lmdiDecomposition } from './lmdi.js';
import { formatMinor, formatPValue, formatQuantity, formatRatePercent } from './plain-text.js';
import {
  addFacts,
  emptyFacts,
  gatherFacts,
  type DiagnosisAccount,
  type DiagnosisActivity,
  type DiagnosisDeal,
  type RepFacts,
} from './rep-facts.js';
import { splitToMinorUnits } from './split-gap.js';

/** The data a diagnosis reads. */
export interface DiagnoseData {
  /** Deals of every member concerned; won and lost deals closed in the period are counted. */
  readonly deals: readonly DiagnosisDeal[];
  /** Activities (calls, emails, meetings); without them, activity volume is not a driver. */
  readonly activities?: readonly DiagnosisActivity[];
  /** Accounts with their owner and annual spend; without them, no territory split. */
  readonly accounts?: readonly DiagnosisAccount[];
}

/** Options of {@link diagnosePerformance}. */
export interface DiagnosePerformanceOptions {
  /** The member whose bookings are explained. */
  readonly member: string;
  /**
   * Whom to compare with: `'team'` (the other members of the member's team, found in
   * `members`) or a list of member ids. Default `'team'`.
   */
  readonly against?: 'team' | readonly string[];
  /** The members (to find the team); required with `against: 'team'`. */
  readonly members?: readonly Member[];
  /** Which close dates and activity dates count (inclusive). */
  readonly period: Period;
  /** Stage order and kinds: decides won, lost and the stage-by-stage conversions. */
  readonly pipeline: Pipeline;
  /** Confidence of the rate comparisons; a rate driver is significant when p < 1 − confidence. Default 0.95. */
  readonly confidence?: number;
  /**
   * Strength, in trials, of the prior that shrinks the member's rates toward the group's
   * (a beta prior with mean the group's rate): 2 of 2 with a prior of 10 trials at 50 % reads
   * as 58 %, not 100 %. Default 10.
   */
  readonly priorTrials?: number;
}

/** One driver of the gap. */
export interface PerformanceDriver {
  /** `'activities'`, `'opportunities'`, `'opportunitiesPerActivity'`, `'stage:<from>'`, `'winRate'` or `'dealSize'`. */
  readonly id: string;
  /** What it is, in words (`'proposal → negotiation'`, `'average deal size'`). */
  readonly label: string;
  /** The subject's value (per member for volumes; a fraction for rates; money for deal size). */
  readonly value: number | Money | null;
  /** The comparison group's value, on the same basis. */
  readonly comparisonValue: number | Money | null;
  /** The driver's share of the gap, in money; the drivers add up to the gap exactly. */
  readonly effect: Money;
  /** For rates: the counts compared (subject, then the group pooled). */
  readonly counts?: {
    readonly subject: { readonly successes: number; readonly trials: number };
    readonly comparison: { readonly successes: number; readonly trials: number };
  };
  /** For rates: two-sided p-value of the two-proportion z-test, `null` when undefined. */
  readonly pValue?: number | null;
  /** For rates: the subject's rate shrunk toward the group's (see `priorTrials`). */
  readonly shrunkValue?: number | null;
  /** For rates: whether the difference is significant at the chosen confidence. */
  readonly significant?: boolean;
}

/** How much of the gap the territory explains. */
export interface TerritorySplit {
  /** Annual spend of the subject's accounts, per member. */
  readonly potential: Money;
  /** The same for the comparison group, per member. */
  readonly comparisonPotential: Money;
  /** What the group's penetration (bookings ÷ potential) would book in the subject's territory. */
  readonly fairShare: Money;
  /** The part of the gap due to the territory's potential. */
  readonly territoryEffect: Money;
  /** The part due to execution (penetration of the potential); with `territoryEffect`, the gap. */
  readonly executionEffect: Money;
}

/** The answer of {@link diagnosePerformance}. */
export interface PerformanceDiagnosis {
  /** The member ids explained (one for a rep; several for a group). */
  readonly subject: readonly string[];
  /** The member ids compared with. */
  readonly comparison: readonly string[];
  /** The period. */
  readonly period: Period;
  /** Bookings of the subject, per member. */
  readonly bookings: Money;
  /** Bookings of the comparison group, per member (rounded to the minor unit). */
  readonly comparisonBookings: Money;
  /** `bookings − comparisonBookings`. */
  readonly gap: Money;
  /** The drivers, in the order of the identity; their effects add up to `gap` exactly. */
  readonly drivers: readonly PerformanceDriver[];
  /** The territory split; `null` without accounts, or when a side books with no potential at all. */
  readonly territory: TerritorySplit | null;
  /** Average days from creation to close of won deals: context, not a driver (`null` without data). */
  readonly cycleLengthDays: { readonly subject: number | null; readonly comparison: number | null };
  /** One plain-language line per driver, then the territory, then the verdict. */
  readonly lines: readonly string[];
  /** What the data could not support (missing history, activities, …). */
  readonly warnings: readonly string[];
}

/** Which group each side is, for the wording of the lines. @internal */
export interface Sides {
  readonly subject: readonly string[];
  readonly comparison: readonly string[];
  readonly comparisonName: string;
}

/**
 * Explains the gap in bookings between a member and a comparison group (by default the rest of
 * their team) as an exact sum of drivers.
 *
 * Over the deals closed (won or lost) in the period, the identity
 *
 * bookings = activities × (opportunities ÷ activities) × Π stage conversions × (bookings ÷ wins)
 *
 * holds exactly, where the opportunities are the decided deals and the stage conversions
 * (reached stage i+1 ÷ reached stage i, the last one into won) multiply to the win rate. The
 * comparison group is taken per member (its volumes divided by its size, its rates pooled).
 * The gap is split among the factors by the additive logarithmic mean Divisia index (LMDI-I,
 * Ang 2005, https://doi.org/10.1016/j.enpol.2003.10.010), which leaves no residual, and each
 * effect is rounded to the minor unit by largest remainder so that the effects add up to the
 * gap exactly. Without activities, the identity starts at opportunities; without a stage
 * history for every lost deal, the stages are folded into one win-rate factor (a warning
 * says so). A ratio that is 0 ÷ 0 on one side takes the other side's value (it does not
 * move the gap).
 *
 * Each rate driver carries the two-proportion z-test of the subject's counts against the
 * group's (as `compareRates`), its p-value, the subject's rate shrunk toward the group's by a
 * beta prior of `priorTrials` trials, and whether it is significant; the lines call out as
 * verdict only significant drivers. Cycle length is reported beside, as it moves when
 * bookings land rather than how much.
 *
 * With accounts, the gap is also split into territory (potential = annual spend of the
 * accounts owned) and execution (bookings ÷ potential), by the same method; `fairShare` is
 * what the group's penetration would book in the subject's territory.
 *
 * @param data - deals (and optionally activities and accounts).
 * @param options - the member, the comparison, the period and the pipeline.
 * @returns the gap, its drivers, the territory split and plain-language lines.
 * @throws {RevopsError} `INVALID_OPTION` for a missing member, an empty comparison group or a
 *   bad option; `INVALID_INPUT` / `INVALID_DATE` / `INVALID_AMOUNT` naming the deal, activity or
 *   account (a deal's `history` that is not an array of events `{ to }` included); `CURRENCY_MISMATCH`;
 *   `DUPLICATE_ID` for a deal id given twice.
 * @example
 * ```ts
 * import { diagnosePerformance } from 'revops/planning';
 * import { defaultDealPipeline } from 'revops/pipeline';
 * const won = (id: string, ownerId: string, amount: string) => ({ id, ownerId, stage: 'closed-won',
 *   amount: { amount, currency: 'USD' }, closeDate: '2026-05-10' });
 * const lost = (id: string, ownerId: string) => ({ id, ownerId, stage: 'closed-lost',
 *   amount: { amount: '1000.00', currency: 'USD' }, closeDate: '2026-05-12', history: [{ to: 'discovery' }] });
 * const deals = [won('a1', 'ana', '30000.00'), lost('a2', 'ana'), lost('a3', 'ana'), lost('a4', 'ana'),
 *   won('b1', 'ben', '20000.00'), won('b2', 'ben', '20000.00'), lost('b3', 'ben'), lost('b4', 'ben')];
 * const d = diagnosePerformance({ deals }, { member: 'ana', against: ['ben'],
 *   period: { start: '2026-04-01', end: '2026-06-30' }, pipeline: defaultDealPipeline });
 * d.gap.amount;
 * //=> '-10000.00'
 * d.drivers.map((x) => x.id);
 * //=> ['opportunities', 'stage:discovery', 'stage:demo', 'stage:proposal', 'stage:negotiation', 'dealSize']
 * d.drivers.map((x) => x.effect.amount);
 * //=> ['0.00', '-24094.21', '0.00', '0.00', '0.00', '14094.21']
 * d.lines[2].endsWith('at 25 % against 50 % for the group, p = 0.47: −24,094.21 of the −10,000.00 gap');
 * //=> true
 * ```
 */
export function diagnosePerformance(data: DiagnoseData, options: DiagnosePerformanceOptions): PerformanceDiagnosis {
  try {
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be an object');
    }
    if (typeof options.member !== 'string' || options.member.length === 0) {
      throw invalid('INVALID_OPTION', 'options.member', options.member, 'must be a member id');
    }
    const against = options.against ?? 'team';
    let comparison: string[];
    let comparisonName: string;
    if (against === 'team') {
      const members: unknown = options.members;
      if (!Array.isArray(members)) {
        throw invalid('INVALID_OPTION', 'options.members', members, "is required with against: 'team'");
      }
      // index loops over plain copies: filter/map would call an own `constructor`, and skip holes
      const list: { readonly id: string; readonly teamId?: unknown }[] = [];
      for (const [i, m] of plainArray(members).entries()) {
        const id = typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined;
        if (typeof id !== 'string')
          throw invalid('INVALID_OPTION', `options.members[${i}]`, m, 'must be a member { id }');
        list.push(m as { id: string; teamId?: unknown });
      }
      const me = list.find((m) => m.id === options.member);
      if (me === undefined) throw invalid('INVALID_OPTION', 'options.member', options.member, 'must be in members');
      if (me.teamId === undefined) {
        throw invalid('INVALID_OPTION', 'options.member', options.member, "must have a teamId with against: 'team'");
      }
      comparison = list.filter((m) => m.teamId === me.teamId && m.id !== me.id).map((m) => m.id);
      comparisonName = 'the team';
    } else if (Array.isArray(against)) {
      comparison = [];
      for (const [i, id] of plainArray(against).entries()) {
        if (typeof id !== 'string') throw invalid('INVALID_OPTION', `options.against[${i}]`, id, 'must be a member id');
        if (id !== options.member) comparison.push(id);
      }
      comparisonName = 'the group';
    } else {
      throw invalid('INVALID_OPTION', 'options.against', against, "must be 'team' or an array of member ids");
    }
    if (comparison.length === 0) {
      throw invalid('INVALID_OPTION', 'options.against', against, 'must leave at least one member to compare with');
    }
    return decomposeGap(data, options, { subject: [options.member], comparison, comparisonName });
  } catch (thrown) {
    throw readFailure(thrown, { data, options });
  }
}

/** Options that {@link decomposeGap} reads. @internal */
export interface GapOptions {
  readonly period: Period;
  readonly pipeline: Pipeline;
  readonly confidence?: number | undefined;
  readonly priorTrials?: number | undefined;
}

/** Per-member factor values of one side. */
interface Side {
  readonly facts: RepFacts;
  readonly size: number;
}

const ratioOrNull = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * The decomposition shared by {@link diagnosePerformance} and `diagnoseTopPerformers`.
 * @internal
 */
export function decomposeGap(data: DiagnoseData, options: GapOptions, sides: Sides): PerformanceDiagnosis {
  if (typeof data !== 'object' || data === null) throw invalid('INVALID_INPUT', 'data', data, 'must be an object');
  const p = readPeriod(options.period?.start, options.period?.end);
  const pipeline = options.pipeline;
  if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
    throw invalid('INVALID_OPTION', 'options.pipeline', pipeline, 'must be a pipeline');
  }
  const confidence = readNumber(options.confidence ?? 0.95, 'options.confidence', {
    min: 0,
    max: 1,
    exclusiveMin: true,
    code: 'INVALID_OPTION',
  });
  if (confidence >= 1) throw invalid('INVALID_OPTION', 'options.confidence', confidence, 'must be below 1');
  const priorTrials = readNumber(options.priorTrials ?? 10, 'options.priorTrials', { min: 0, code: 'INVALID_OPTION' });
  readInteger(sides.subject.length, 'subject', { min: 1, code: 'INVALID_OPTION' });

  const ids = new Set([...sides.subject, ...sides.comparison]);
  const gathered = gatherFacts(data, ids, p, pipeline);
  const stages = gathered.openStages;
  const withPotential = data.accounts !== undefined;
  const total = (list: readonly string[]): Side => {
    const f = emptyFacts(stages.length, withPotential);
    for (const id of list) addFacts(f, gathered.byMember.get(id) as RepFacts);
    return { facts: f, size: list.length };
  };
  const s = total(sides.subject);
  const c = total(sides.comparison);
  const currency: CurrencyCode = gathered.currency ?? 'USD';
  const digits = minorUnits(currency);
  const warnings: string[] = [];
  if (gathered.currency === null) warnings.push('no deal closed in the period: every amount is 0 (currency USD)');

  // Factors, per member on each side.
  const useActivities =
    data.activities !== undefined &&
    (s.facts.activities > 0 || s.facts.decided === 0) &&
    (c.facts.activities > 0 || c.facts.decided === 0);
  if (data.activities === undefined) warnings.push('no activities given: activity volume is not a driver');
  else if (!useActivities) warnings.push('deals closed with no activity logged: activity volume is not a driver');
  const useStages = s.facts.reached !== null && c.facts.reached !== null && stages.length > 0;
  if (!useStages) {
    warnings.push('a lost deal has no stage history: stages are folded into one win rate');
  }

  interface Factor {
    id: string;
    label: string;
    s: number | null;
    c: number | null;
    counts?: [number, number, number, number];
    money?: boolean;
  }
  const factors: Factor[] = [];
  if (useActivities) {
    factors.push({
      id: 'activities',
      label: 'activity volume',
      s: s.facts.activities / s.size,
      c: c.facts.activities / c.size,
    });
    factors.push({
      id: 'opportunitiesPerActivity',
      label: 'opportunities per activity',
      s: ratioOrNull(s.facts.decided, s.facts.activities),
      c: ratioOrNull(c.facts.decided, c.facts.activities),
    });
  } else {
    factors.push({
      id: 'opportunities',
      label: 'opportunities',
      s: s.facts.decided / s.size,
      c: c.facts.decided / c.size,
    });
  }
  const stageName = new Map<string, string>();
  for (const x of plainArray(pipeline.stages) as Pipeline['stages']) stageName.set(x.id, x.name ?? x.id);
  if (useStages) {
    const rs = [...(s.facts.reached as number[]), s.facts.won];
    const rc = [...(c.facts.reached as number[]), c.facts.won];
    for (let i = 0; i < stages.length; i++) {
      const from = stages[i] as string;
      const to = i + 1 < stages.length ? (stageName.get(stages[i + 1] as string) ?? '') : 'won';
      const [ks, ns, kc, nc] = [rs[i + 1] as number, rs[i] as number, rc[i + 1] as number, rc[i] as number];
      factors.push({
        id: `stage:${from}`,
        label: `${stageName.get(from)} → ${to}`,
        s: ratioOrNull(ks, ns),
        c: ratioOrNull(kc, nc),
        counts: [ks, ns, kc, nc],
      });
    }
  } else {
    factors.push({
      id: 'winRate',
      label: 'win rate',
      s: ratioOrNull(s.facts.won, s.facts.decided),
      c: ratioOrNull(c.facts.won, c.facts.decided),
      counts: [s.facts.won, s.facts.decided, c.facts.won, c.facts.decided],
    });
  }
  factors.push({
    id: 'dealSize',
    label: 'average deal size',
    s: ratioOrNull(Number(s.facts.bookings), s.facts.won),
    c: ratioOrNull(Number(c.facts.bookings), c.facts.won),
    money: true,
  });

  // 0 ÷ 0 on one side takes the other side's value; on both, 1 (the product is 0 anyway).
  const base: Record<string, number> = {};
  const target: Record<string, number> = {};
  for (const f of factors) {
    base[f.id] = f.c ?? f.s ?? 1;
    target[f.id] = f.s ?? f.c ?? 1;
  }
  const lmdi = lmdiDecomposition(base, target);

  const subjectMinor = divideRounded(s.facts.bookings, s.size);
  const comparisonMinor = divideRounded(c.facts.bookings, c.size);
  const gapMinor = subjectMinor - comparisonMinor;
  const exactDiff = Number(s.facts.bookings) / s.size - Number(c.facts.bookings) / c.size;
  // The LMDI effects add up to the exact difference of the per-member bookings; the gap is the
  // difference of the two rounded sides, at most one minor unit away. Spread that rounding over
  // the effects in proportion to their size, then round by largest remainder.
  const split = splitToMinorUnits(
    spreadRounding(
      factors.map((f) => lmdi.effects[f.id] as number),
      Number(gapMinor) - exactDiff,
    ),
    Number(gapMinor),
  );
  const money = (units: bigint | number): Money => fromMinorUnits(BigInt(units), currency);

  const alpha = 1 - confidence;
  const drivers: PerformanceDriver[] = factors.map((f, i) => {
    const effect = money(split[i] as number);
    const value = f.money === true ? (f.s === null ? null : money(Math.round(f.s))) : f.s;
    const comparisonValue = f.money === true ? (f.c === null ? null : money(Math.round(f.c))) : f.c;
    if (f.counts === undefined) return { id: f.id, label: f.label, value, comparisonValue, effect };
    const [ks, ns, kc, nc] = f.counts;
    const cmp = compareRates({ successes: ks, trials: ns }, { successes: kc, trials: nc }, { confidence });
    const mean = nc === 0 ? null : kc / nc;
    const shrunkValue = mean === null ? (ns === 0 ? null : ks / ns) : (ks + priorTrials * mean) / (ns + priorTrials);
    return {
      id: f.id,
      label: f.label,
      value,
      comparisonValue,
      effect,
      counts: { subject: { successes: ks, trials: ns }, comparison: { successes: kc, trials: nc } },
      pValue: cmp.pValue,
      shrunkValue,
      significant: cmp.pValue !== null && cmp.pValue < alpha,
    };
  });

  let territory: TerritorySplit | null = null;
  const ps = Number(s.facts.potential ?? 0n) / s.size;
  const pc = Number(c.facts.potential ?? 0n) / c.size;
  const bs = Number(s.facts.bookings) / s.size;
  const bc = Number(c.facts.bookings) / c.size;
  const unexplained = (ps === 0 && bs > 0) || (pc === 0 && bc > 0);
  if (s.facts.potential !== null && unexplained) {
    warnings.push('bookings from accounts with no annual spend: no territory split');
  }
  if (s.facts.potential !== null && c.facts.potential !== null && !unexplained) {
    const penS = ps === 0 ? null : bs / ps;
    const penC = pc === 0 ? null : bc / pc;
    const t = lmdiDecomposition(
      { potential: pc, penetration: penC ?? penS ?? 1 },
      { potential: ps, penetration: penS ?? penC ?? 1 },
    );
    const [te, ee] = splitToMinorUnits(
      spreadRounding([t.effects.potential, t.effects.penetration], Number(gapMinor) - exactDiff),
      Number(gapMinor),
    ) as [number, number];
    territory = {
      potential: money(Math.round(ps)),
      comparisonPotential: money(Math.round(pc)),
      fairShare: money(Math.round(ps * (penC ?? 0))),
      territoryEffect: money(te),
      executionEffect: money(ee),
    };
  }

  const cycle = (f: RepFacts): number | null => (f.cycleDeals === 0 ? null : f.cycleDays / f.cycleDeals);
  const result = {
    subject: sides.subject,
    comparison: sides.comparison,
    period: p,
    bookings: money(subjectMinor),
    comparisonBookings: money(comparisonMinor),
    gap: money(gapMinor),
    drivers,
    territory,
    cycleLengthDays: { subject: cycle(s.facts), comparison: cycle(c.facts) },
    warnings,
  };
  return { ...result, lines: explainGap(result, split, digits, sides.comparisonName) };
}

/** Adds `delta` to effects in proportion to their absolute size (all to the first when they are all 0). */
function spreadRounding(effects: readonly number[], delta: number): number[] {
  const weight = effects.reduce((a, e) => a + Math.abs(e), 0);
  if (weight === 0) return effects.map((e, i) => (i === 0 ? e + delta : e));
  return effects.map((e) => e + (delta * Math.abs(e)) / weight);
}

/** Integer division rounded half away from zero. */
function divideRounded(a: bigint, n: number): bigint {
  const d = BigInt(n);
  const q = a / d;
  const r = a % d;
  return 2n * (r < 0n ? -r : r) >= d ? q + (a < 0n ? -1n : 1n) : q;
}

/** The plain-language lines of a diagnosis. */
function explainGap(
  d: Omit<PerformanceDiagnosis, 'lines'>,
  split: readonly number[],
  digits: number,
  them: string,
): string[] {
  const gapText = formatMinor(BigInt(Math.round(Number(d.gap.amount) * 10 ** digits)), digits, true);
  const lines: string[] = [
    `bookings ${d.bookings.amount} against ${d.comparisonBookings.amount} for ${them}: a gap of ${gapText}`,
  ];
  d.drivers.forEach((x, i) => {
    const effect = formatMinor(split[i] as number, digits, true);
    const tail = `${effect} of the ${gapText} gap`;
    if (x.counts !== undefined) {
      const v = typeof x.value === 'number' ? formatRatePercent(x.value) : 'n/a';
      const cv = typeof x.comparisonValue === 'number' ? formatRatePercent(x.comparisonValue) : 'n/a';
      const pv = x.pValue === null || x.pValue === undefined ? '' : `, ${formatPValue(x.pValue)}`;
      const verb = x.id === 'winRate' ? 'wins' : 'converts';
      lines.push(`${x.label} ${verb} at ${v} against ${cv} for ${them}${pv}: ${tail}`);
    } else {
      const show = (v: number | Money | null): string =>
        v === null ? 'n/a' : typeof v === 'number' ? formatQuantity(v) : v.amount;
      lines.push(`${x.label} ${show(x.value)} against ${show(x.comparisonValue)} for ${them}: ${tail}`);
    }
  });
  if (d.territory !== null) {
    const t = d.territory;
    lines.push(
      `territory potential ${t.potential.amount} against ${t.comparisonPotential.amount} for ${them}: ` +
        `${them}'s penetration would book ${t.fairShare.amount} here; ` +
        `territory ${t.territoryEffect.amount}, execution ${t.executionEffect.amount} of the ${gapText} gap`,
    );
  }
  const significant = d.drivers
    .map((x, i) => ({ x, e: split[i] as number }))
    .filter(({ x, e }) => x.significant === true && Math.sign(e) === Math.sign(Number(d.gap.amount)) && e !== 0)
    .sort((a, b) => Math.abs(b.e) - Math.abs(a.e));
  const top = significant[0];
  lines.push(
    top === undefined
      ? 'verdict: no rate differs significantly from the group; the gap is volume, deal size or chance'
      : `verdict: ${top.x.label} (${formatMinor(top.e, digits, true)}) is the largest significant driver`,
  );
  return lines;
}
