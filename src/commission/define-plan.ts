/**
 * Defining a plan: shape (zod) plus every internal contradiction, reported all at once.
 * @module
 */
import { describeThrown, describeValue, RevopsError, type RevopsIssue } from '../core/errors.js';
import { minorUnits } from '../core/currency.js';
import { assertIsoDate, type IsoDate } from '../core/dates.js';
import { readArray, readFailure, readObject } from '../core/read.js';
import type { Plan, PlanComponent, PlanInput, PlanVersion } from '../model/plan.js';
import { PLAN_ISSUE_LIMIT, readPlanShape } from './read-plan.js';
import { compareFixed, parseFixed, ZERO, ONE, addFixed, fixedToString, type Fixed } from './exact.js';
import { buildPlanIndex, PLAN_INDEX } from './plan-index.js';

type Path = (string | number)[];

function dec(s: string): Fixed {
  return parseFixed(s);
}

function checkComponent(
  c: PlanComponent,
  path: Path,
  digits: number,
  add: (path: Path, message: string) => void,
): void {
  // `field`: the path below the component, one segment per key or index (as the shape's issues have)
  const nonNegative = (v: string | undefined, ...field: Path): void => {
    if (v !== undefined && dec(v).int < 0n) add([...path, ...field], `must not be negative, got ${v}`);
  };
  const wholeMinor = (v: string | undefined, ...field: Path): void => {
    if (v !== undefined && dec(v).scale > digits)
      add([...path, ...field], `must be in whole minor units (${digits} decimals), got ${v}`);
  };
  nonNegative(c.gate, 'gate');
  if (c.gateOn !== undefined && c.gate === undefined) add([...path, 'gateOn'], 'is set but gate is not');
  nonNegative(c.floor, 'floor');
  wholeMinor(c.floor, 'floor');
  if (c.cap) {
    nonNegative(c.cap.amount, 'cap', 'amount');
    wholeMinor(c.cap.amount, 'cap', 'amount');
    if (c.floor !== undefined && compareFixed(dec(c.cap.amount), dec(c.floor)) < 0) {
      add([...path, 'cap', 'amount'], `cap ${c.cap.amount} is below floor ${c.floor}`);
    }
  }
  if (c.weight !== undefined && dec(c.weight).int <= 0n) add([...path, 'weight'], `must be positive, got ${c.weight}`);
  const ids = new Set<string>();
  (c.multipliers ?? []).forEach((m, i) => {
    if (ids.has(m.id)) add([...path, 'multipliers', i, 'id'], `duplicate multiplier id ${describeValue(m.id)}`);
    ids.add(m.id);
    nonNegative(m.factor, 'multipliers', i, 'factor');
  });
  switch (c.kind) {
    case 'rate':
      nonNegative(c.rate, 'rate');
      break;
    case 'perUnit':
      nonNegative(c.amountPerUnit, 'amountPerUnit');
      break;
    case 'override':
      nonNegative(c.rate, 'rate');
      nonNegative(c.teamThreshold, 'teamThreshold');
      if (c.thresholdMode !== undefined && c.teamThreshold === undefined)
        add([...path, 'thresholdMode'], 'is set but teamThreshold is not');
      break;
    case 'spiff':
      if ((c.rate === undefined) === (c.amountPerCredit === undefined))
        add(path, 'a spiff needs exactly one of rate or amountPerCredit');
      nonNegative(c.rate, 'rate');
      nonNegative(c.amountPerCredit, 'amountPerCredit');
      break;
    case 'bonus':
      c.steps.forEach((s, i) => {
        nonNegative(s.atLeast, 'steps', i, 'atLeast');
        nonNegative(s.amount, 'steps', i, 'amount');
        wholeMinor(s.amount, 'steps', i, 'amount');
        const prev = c.steps[i - 1];
        if (prev && compareFixed(dec(prev.atLeast), dec(s.atLeast)) >= 0) {
          add([...path, 'steps', i, 'atLeast'], `steps must rise: ${s.atLeast} does not exceed ${prev.atLeast}`);
        }
      });
      break;
    case 'tiered': {
      if (c.scope === 'yearToDate' && c.basis !== 'amount') {
        add(
          [...path, 'scope'],
          "yearToDate scope needs basis 'amount': the year-to-date value carried in (carriedIn) is an amount, and " +
            'attainment bounds would need a year-to-date quota a period statement does not have (revops rule; use ' +
            'periodToDate for attainment tiers)',
        );
      }
      c.tiers.forEach((t, i) => {
        const tp = [...path, 'tiers', i];
        nonNegative(t.rate, 'tiers', i, 'rate');
        if (i === 0 && dec(t.from).int < 0n) add([...tp, 'from'], `first tier must not start below 0, got ${t.from}`);
        if (t.to !== undefined && compareFixed(dec(t.to), dec(t.from)) <= 0)
          add([...tp, 'to'], `must be above from ${t.from}, got ${t.to}`);
        const next = c.tiers[i + 1];
        if (!next && t.to !== undefined)
          add(
            [...tp, 'to'],
            `the last tier must be open-ended (no "to"), so that every amount falls in a tier (revops rule); got ` +
              `${t.to}: limit pay with a cap instead`,
          );
        if (next) {
          if (t.to === undefined) add([...tp, 'to'], 'only the last tier may be open-ended');
          else {
            const cmp = compareFixed(dec(t.to), dec(next.from));
            if (cmp < 0)
              add(
                [...path, 'tiers', i + 1, 'from'],
                `gap between tiers: tier ${i} ends at ${t.to}, tier ${i + 1} starts at ${next.from}`,
              );
            if (cmp > 0)
              add(
                [...path, 'tiers', i + 1, 'from'],
                `overlapping tiers: tier ${i} ends at ${t.to}, tier ${i + 1} starts at ${next.from}`,
              );
          }
        }
      });
      break;
    }
  }
}

function checkVersion(v: PlanVersion, path: Path, digits: number, add: (path: Path, message: string) => void): void {
  if (v.effectiveTo !== undefined && v.effectiveTo < v.effectiveFrom)
    add([...path, 'effectiveTo'], `must not be before effectiveFrom ${v.effectiveFrom}, got ${v.effectiveTo}`);
  if (v.proration !== undefined && !v.prorate)
    add([...path, 'proration'], `has no effect when prorate is false, got '${v.proration}'`);
  const ids = new Set<string>();
  let weightSum = ZERO;
  let weighted = 0;
  v.components.forEach((c, i) => {
    const cp = [...path, 'components', i];
    if (ids.has(c.id)) add([...cp, 'id'], `duplicate component id ${describeValue(c.id)}`);
    ids.add(c.id);
    checkComponent(c, cp, digits, add);
    if (c.weight !== undefined) {
      weighted++;
      weightSum = addFixed(weightSum, dec(c.weight));
    }
  });
  if (weighted > 0 && compareFixed(weightSum, ONE) !== 0) {
    add([...path, 'components'], `weights of weighted components must total 1 (100%), got ${fixedToString(weightSum)}`);
  }
  const d = v.draw;
  if (d) {
    const dp = [...path, 'draw'];
    if (dec(d.amount).int <= 0n) add([...dp, 'amount'], `must be positive, got ${d.amount}`);
    if (dec(d.amount).scale > digits) add([...dp, 'amount'], `must be in whole minor units, got ${d.amount}`);
    if (d.end !== undefined && d.end < d.start)
      add([...dp, 'end'], `must not be before start ${d.start}, got ${d.end}`);
    const recoverable = d.type === 'recoverable' || d.type === 'recoverableGuarantee';
    if (!recoverable) {
      for (const f of ['recoveryStart', 'recoveryShare', 'recoveryCap'] as const) {
        if (d[f] !== undefined) add([...dp, f], `has no effect on a ${d.type} draw (nothing is recovered)`);
      }
    }
    if (d.recoveryStart !== undefined && d.recoveryStart < d.start)
      add([...dp, 'recoveryStart'], `must not be before start ${d.start}, got ${d.recoveryStart}`);
    if (d.recoveryShare !== undefined) {
      const s = dec(d.recoveryShare);
      if (s.int <= 0n || compareFixed(s, ONE) > 0)
        add([...dp, 'recoveryShare'], `must be in (0, 1], got ${d.recoveryShare}`);
    }
    if (d.recoveryCap !== undefined && dec(d.recoveryCap).int < 0n)
      add([...dp, 'recoveryCap'], `must not be negative, got ${d.recoveryCap}`);
  }
  const cb = v.clawback;
  if (cb) {
    if ((cb.basis ?? 'schedule') === 'schedule' && cb.schedule === undefined)
      add([...path, 'clawback', 'schedule'], "is required with basis 'schedule'");
    if (cb.basis === 'unservedTerm' && cb.schedule !== undefined)
      add(
        [...path, 'clawback', 'schedule'],
        "has no effect with basis 'unservedTerm' (the share is the unserved part of the term)",
      );
    (cb.schedule ?? []).forEach((s, i) => {
      const sh = dec(s.share);
      if (sh.int < 0n || compareFixed(sh, ONE) > 0)
        add([...path, 'clawback', 'schedule', i, 'share'], `must be in [0, 1], got ${s.share}`);
      const prev = cb.schedule?.[i - 1];
      if (prev && prev.withinDays >= s.withinDays)
        add([...path, 'clawback', 'schedule', i, 'withinDays'], `must rise: ${s.withinDays} after ${prev.withinDays}`);
    });
  }
}

/**
 * Validates an incentive plan given as plain JSON and returns it normalised (decimals as
 * canonical strings, defaults applied, deeply frozen).
 *
 * Checks, all reported at once in `error.issues`: the shape (the shape `PlanSchema` in revops/model
 * describes, read without zod; a list of more than `LIMITS.listLength` (100,000) versions, components
 * or tiers is refused without reading its elements);
 * versions whose date ranges overlap (two versions in force on one date would be a silent
 * pick); tiers that overlap, leave gaps, are open-ended before the last, or start below zero;
 * negative rates, amounts or thresholds; a cap below a floor; weights that do not total 100%;
 * bonus steps that do not rise; a spiff without exactly one of rate / amount; draw recovery
 * settings on a draw that is never recovered; clawback shares outside [0, 1].
 *
 * Rules revops sets where no published source fixes one (each refusal says so in its message):
 * - the last tier must be open-ended (no `to`): every amount then falls in a tier, and pay is
 *   limited by a `cap`, never by falling off the table;
 * - `scope: 'yearToDate'` needs `basis: 'amount'`: the year-to-date value carried in
 *   (`carriedIn` of `calculateStatement`) is an amount, and a period statement has no
 *   year-to-date quota to turn attainment bounds into amounts;
 * - `split: 'interpolated'`: the rate moves linearly from the tier's rate at its `from` to the
 *   next tier's rate at its `to` (in the spirit of Oracle's interpolated rate tables); the
 *   open-ended last tier pays its own rate flat.
 *
 * The returned plan carries its compiled form (components with their selectors resolved, every
 * decimal parsed) under a non-enumerable symbol property, so `JSON.stringify` gives back the
 * plain plan. Pass the defined plan to `calculateStatement` for many members: a plain plan
 * object is validated again on every call (revops keeps no cache between calls).
 *
 * @param spec - the plan as JSON (decimals as strings or numbers); not modified.
 * @returns the validated plan: a new, deeply frozen object with decimals as canonical strings
 *   and defaults applied.
 * @throws {RevopsError} `INVALID_PLAN` listing the problems with their paths in `error.issues`
 *   (reading stops at the first 1,000; the message names the first five and how many more);
 *   `INVALID_PLAN` naming the field whose read threw (a getter or proxy of the caller's), or, when
 *   the throwing read cannot be found again, `plan` ("it could not be read"), with `cause` set.
 * @example
 * ```ts
 * import { definePlan } from 'revops/commission';
 * const plan = definePlan({
 *   id: 'ae', currency: 'USD', periodLength: 'quarter',
 *   versions: [{ id: '2026', effectiveFrom: '2026-01-01', components: [
 *     { id: 'c', kind: 'tiered', basis: 'attainment', split: 'marginal', scope: 'periodToDate', boundary: 'higher',
 *       tiers: [{ from: 0, to: 1, rate: 0.1 }, { from: 1, rate: 0.15 }] },
 *   ] }],
 * });
 * plan.versions[0].components[0].tiers[1];
 * //=> { from: '1', rate: '0.15' }
 * definePlan({ id: 'bad', currency: 'USD', periodLength: 'month', versions: [{ id: 'v', effectiveFrom: '2026-01-01',
 *   components: [
 *   { id: 'c', kind: 'tiered', basis: 'amount', split: 'marginal', scope: 'periodToDate', boundary: 'higher',
 *     tiers: [{ from: 0, to: 60, rate: 0.03 }, { from: 50, rate: 0.06 }] }] }] });
 * //=> throws INVALID_PLAN
 * ```
 */
export function definePlan(spec: PlanInput | Plan): Plan {
  let read: ReturnType<typeof readPlanShape>;
  try {
    read = readPlanShape(spec);
  } catch (cause) {
    // a getter or proxy of the caller's that throws while the plan is read: named by core's readFailure
    const read = cause instanceof RevopsError ? cause : readFailure(cause, { plan: spec }, 'INVALID_PLAN');
    if (read instanceof RevopsError && read !== cause) throw read;
    const what = `reading it threw ${describeThrown(cause)}`;
    throw new RevopsError('INVALID_PLAN', `Invalid plan: it could not be read (${what})`, { field: 'plan', cause });
  }
  if ('issues' in read) throw planError(read.issues, spec);
  const plan = read.plan;
  const digits = minorUnits(plan.currency);
  const issues: RevopsIssue[] = [];
  const add = (path: Path, message: string): void => {
    if (issues.length < PLAN_ISSUE_LIMIT) issues.push({ path, message, code: 'INVALID_PLAN' });
  };
  const versions = plan.versions;
  // the cheap check first: a list of repeated versions is refused before each is checked in depth
  const ids = new Set<string>();
  for (let i = 0; i < versions.length && issues.length < PLAN_ISSUE_LIMIT; i++) {
    const v = versions[i] as PlanVersion;
    if (ids.has(v.id)) add(['versions', i, 'id'], `duplicate version id ${describeValue(v.id)}`);
    ids.add(v.id);
  }
  for (let i = 0; i < versions.length && issues.length < PLAN_ISSUE_LIMIT; i++)
    checkVersion(versions[i] as PlanVersion, ['versions', i], digits, add);
  const order = (issues.length < PLAN_ISSUE_LIMIT ? versions : [])
    .map((v, i) => ({ v, i }))
    .sort((a, b) =>
      a.v.effectiveFrom < b.v.effectiveFrom ? -1 : a.v.effectiveFrom > b.v.effectiveFrom ? 1 : a.i - b.i,
    );
  for (let k = 1; k < order.length && issues.length < PLAN_ISSUE_LIMIT; k++) {
    const prev = order[k - 1] as { v: PlanVersion; i: number };
    const cur = order[k] as { v: PlanVersion; i: number };
    if (prev.v.effectiveTo === undefined || prev.v.effectiveTo >= cur.v.effectiveFrom) {
      add(
        ['versions', cur.i, 'effectiveFrom'],
        `versions ${describeValue(prev.v.id)} and ${describeValue(cur.v.id)} are both in force on ` +
          cur.v.effectiveFrom,
      );
    }
  }
  if (issues.length > 0) throw planError(issues, spec);
  Object.defineProperty(plan, PLAN_INDEX, { value: buildPlanIndex(plan), enumerable: false });
  return deepFreeze(plan);
}

/** Most issues a plan error's message lists (all of them stay in `error.issues`). */
const MESSAGE_ISSUES = 5;

function planError(issues: readonly RevopsIssue[], spec: unknown): RevopsError {
  // each listed issue cut to 200 characters: a path can hold a key of any length
  const listed = issues.slice(0, MESSAGE_ISSUES).map((i) => {
    const line = `${i.path.join('.') || '(root)'}: ${i.message}`;
    return line.length > 200 ? `${line.slice(0, 197)}...` : line;
  });
  const more = issues.length - listed.length;
  const text = listed.join('; ') + (more > 0 ? `; and ${more} more (see error.issues)` : '');
  const first = issues[0];
  return new RevopsError('INVALID_PLAN', `Invalid plan: ${text}`, {
    field: first ? first.path.join('.').slice(0, 200) : 'plan',
    value: spec,
    issues,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * The version of a plan in force on a date (versions are inclusive date ranges; the last may
 * be open-ended).
 *
 * @param plan - a plan (validated by {@link definePlan} or not).
 * @param date - the as-of date `YYYY-MM-DD`.
 * @returns the one version in force.
 * @throws {RevopsError} `INVALID_INPUT` when no version is in force on `date`, or `plan` is not a
 *   plan with a `versions` array; `INVALID_DATE` for a malformed `date`; `INVALID_PLAN` when two
 *   versions are in force (never a silent pick).
 * @example
 * ```ts
 * import { definePlan, planVersionAsOf } from 'revops/commission';
 * const plan = definePlan({ id: 'p', currency: 'USD', periodLength: 'month', versions: [
 *   { id: 'h1', effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', components: [] },
 *   { id: 'h2', effectiveFrom: '2026-07-01', components: [] },
 * ] });
 * planVersionAsOf(plan, '2026-07-01').id;
 * //=> 'h2'
 * planVersionAsOf(plan, '2025-12-31');
 * //=> throws INVALID_INPUT
 * ```
 */
export function planVersionAsOf(plan: Plan, date: IsoDate): PlanVersion {
  try {
    readObject(plan, 'plan');
    const versions = readArray(plan.versions, 'plan.versions') as readonly PlanVersion[];
    assertIsoDate(date, 'date');
    const matches: PlanVersion[] = [];
    for (let i = 0; i < versions.length; i++) {
      const v = readObject(versions[i], `plan.versions[${i}]`) as unknown as PlanVersion;
      if (v.effectiveFrom <= date && (v.effectiveTo === undefined || date <= v.effectiveTo)) matches.push(v);
    }
    if (matches.length === 0) {
      throw new RevopsError(
        'INVALID_INPUT',
        `asOf: no version of plan ${describeValue(plan.id)} is in force on ${date}`,
        {
          field: 'asOf',
          value: date,
        },
      );
    }
    if (matches.length > 1) {
      throw new RevopsError(
        'INVALID_PLAN',
        `versions ${describeValue(matches[0]?.id)} and ${describeValue(matches[1]?.id)}` +
          `${matches.length > 2 ? ` (and ${matches.length - 2} more)` : ''} of plan ${describeValue(plan.id)} ` +
          `are in force on ${date}`,
        {
          field: 'versions',
          value: date,
          issues: matches.map((v) => ({
            path: ['versions', plan.versions.indexOf(v)],
            message: `in force on ${date}`,
            code: 'INVALID_PLAN',
          })),
        },
      );
    }
    return matches[0] as PlanVersion;
  } catch (thrown) {
    throw readFailure(thrown, { plan, date });
  }
}
