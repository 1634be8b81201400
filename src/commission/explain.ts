/**
 * Rendering a statement as text a rep can check by hand. Statements carry the data of every
 * line (`explanation`); the words are built here, only when asked.
 * @module
 */
import { describeValue, RevopsError } from '../core/errors.js';
import { fromFixed } from '../core/money.js';
import { readFailure } from '../core/read.js';
import { fixedToString, multiplyFixed, parseFixed } from './exact.js';
import type { LimitDetail, Proration, Statement, StatementLine } from './types.js';

const HUNDRED = { int: 100n, scale: 0 };

/** A rate as text: `"0.06 (6%)"`. */
function pct(rate: string): string {
  const f = parseFixed(rate);
  return `${fixedToString(f)} (${fixedToString(multiplyFixed(f, HUNDRED))}%)`;
}

/** A fraction of quota as percent: `"150%"`. */
function percent(fraction: string): string {
  return `${fixedToString(multiplyFixed(parseFixed(fraction), HUNDRED))}%`;
}

/**
 * A count a statement carries (days, months, units, a tier index), checked to be a safe
 * integer: a number that came back from JSON as a string would be worded differently. The
 * `RevopsError` names the field; `formatting` passes it through.
 */
function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new RevopsError('INVALID_INPUT', `${field} must be an integer, got ${describeValue(value)}`, {
      field,
      value,
    });
  return value;
}

/** A count or `null`. */
function countOrNull(value: unknown, field: string): number | null {
  return value === null ? null : count(value, field);
}

/** A statement's or a draw line's proration, checked: integer counts and a known unit. */
function readProration(p: unknown, field: string): Proration {
  if (typeof p !== 'object' || p === null)
    throw new RevopsError('INVALID_INPUT', `${field} must be a proration, got ${describeValue(p)}`, {
      field,
      value: p,
    });
  const { numerator, denominator, unit } = p as Proration;
  count(numerator, `${field}.numerator`);
  count(denominator, `${field}.denominator`);
  if (unit !== 'days' && unit !== 'months')
    throw new RevopsError('INVALID_INPUT', `${field}.unit must be 'days' or 'months', got ${describeValue(unit)}`, {
      field: `${field}.unit`,
      value: unit,
    });
  return p as Proration;
}

/** The unit of a proration (`days` for one made before proration had a unit). */
function unitOf(p: Proration): string {
  return p.unit === 'months' ? 'whole months' : 'days';
}

const DRAW_WORDS = {
  recoverable: 'recoverable draw',
  nonRecoverable: 'non-recoverable draw',
  recoverableGuarantee: 'recoverable guarantee',
  nonRecoverableGuarantee: 'non-recoverable guarantee',
} as const;

/**
 * The explanation of one statement line in words: the rule, the numbers it used and the
 * amount, e.g. `"1000.00 credited at 0.1 (10%) = 100.00"`.
 *
 * @param line - a line of `statement`.
 * @param statement - the statement the line belongs to (its currency, quota, proration and
 *   range complete the line's data).
 * @returns one line of text, amounts as exact decimal strings.
 * @throws {RevopsError} `INVALID_INPUT` naming `line` for a line or statement that is not one made
 *   by this module (nothing for one that is: it only formats).
 * @example
 * ```ts
 * import { calculateStatement, explainLine } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1',
 *     gate: '0.5' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credits = [{ id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner' as const, measure: 'bookings' as const,
 *   date: '2026-01-10', amount: { amount: '1000', currency: 'USD' } }];
 * const s = calculateStatement({ plan, member, period: { start: '2026-01-01', end: '2026-01-31' },
 *   quota: { amount: '10000', currency: 'USD' }, credits });
 * explainLine(s.lines[0], s);
 * //=> 'gate 0.5 (50%) of quota not met: credited 1000.00 < 5000.00; pays 0.00'
 * ```
 */
export function explainLine(line: StatementLine, statement: Statement): string {
  return formatting('line', line, () => wordLine(line, statement), statement);
}

/**
 * Runs a formatter over a line or statement made by this module; any other value, whose
 * fields are missing or of the wrong type, is refused with `INVALID_INPUT` naming `field`
 * instead of the `TypeError` the formatter would meet.
 */
/** Statement lines rendered per block of text (see wordStatement). */
const LINE_BLOCK = 1024;

function formatting(field: string, value: unknown, format: () => string, statement?: unknown): string {
  try {
    return format();
  } catch (error) {
    // a RevopsError, or a read of the caller's value that threw (a getter, a proxy trap)
    const read = readFailure(error, statement === undefined ? { [field]: value } : { [field]: value, statement });
    if (read instanceof RevopsError) throw read;
    throw new RevopsError(
      'INVALID_INPUT',
      `${field} must be a ${field} made by calculateStatement, got ${describeValue(value)}`,
      { field, value, cause: error },
    );
  }
}

function wordLine(line: StatementLine, statement: Statement): string {
  const cur = statement.currency;
  const money = (amount: string): string => fromFixed(parseFixed(amount), cur).amount;
  const e = line.explanation;
  const d = e.detail;
  const a = line.amount.amount;
  const base = e.base === null ? '' : e.base.amount;
  const rate = e.rate ?? '0';
  const unitAmount = e.unitAmount ?? '0';
  const weight = (w: string | null): string => (w === null ? '' : ` × weight ${w}`);
  const share = (fraction: string): string =>
    money(fixedToString(multiplyFixed(parseFixed(fraction), parseFixed(statement.quota.amount))));
  const proration = (p: Proration | null): string =>
    p === null || readProration(p, 'proration').numerator === p.denominator
      ? ''
      : ` prorated ${p.numerator}/${p.denominator} ${unitOf(p)}`;
  const limit = (l: LimitDetail): string => {
    if (l.periods === null) return l.prorated ? ` (${l.perPeriod}${proration(statement.proration)})` : '';
    const n = count(l.periods, 'line.explanation.detail.periods');
    return ` (${l.perPeriod} per ${l.per} over ${n} ${l.per}${n === 1 ? '' : 's'} to date${
      l.prorated ? `, prorated by active ${unitOf(statement.proration)}` : ''
    })`;
  };
  const total = (scope: string, t: string | null, carriedIn: string | null): string =>
    scope === 'yearToDate' ? `the year-to-date total (${carriedIn} carried in, ${t} now)` : `the period total ${t}`;
  switch (d.rule) {
    case 'rate':
      return d.window === null
        ? `${base} credited at ${pct(rate)}${weight(d.weight)} = ${a}`
        : `${base} of matching credits in ${d.window.start}..${d.window.end} at ${pct(rate)}${weight(d.weight)} = ${a}`;
    case 'perUnit':
      return d.window === null
        ? `${count(e.units, 'line.explanation.units')} units × ${money(unitAmount)}${weight(d.weight)} = ${a}`
        : `${count(e.units, 'line.explanation.units')} matching credits in ${d.window.start}..${d.window.end} × ` +
            `${money(unitAmount)}${weight(d.weight)} = ${a}`;
    case 'override': {
      const t = d.threshold;
      const how =
        t === null
          ? `team credits ${d.teamCredits}`
          : !t.met
            ? `team credits ${d.teamCredits} below threshold ${t.amount}${limit(t.limit)}`
            : t.mode === 'excess'
              ? `team credits ${d.teamCredits} above threshold ${t.amount}${limit(t.limit)}: ${base}`
              : `team credits ${d.teamCredits} (threshold ${t.amount}${limit(t.limit)} reached)`;
      return `${how} at ${pct(rate)}${weight(d.weight)} = ${a}`;
    }
    case 'bonus':
      return (
        `credited ${statement.credited.amount} reached the step at ${pct(d.atLeast)} of quota ` +
        `(${share(d.atLeast)}): bonus ${money(d.stepAmount)}${proration(statement.proration)}${weight(d.weight)} = ` +
        `${a}`
      );
    case 'bonusNotReached':
      return d.firstStep === null
        ? `quota is zero: no bonus step can be reached; pays ${a}`
        : `no bonus step reached (first at ${pct(d.firstStep)} of quota); pays ${a}`;
    case 'gateNotMet': {
      const t = d.toDate;
      if (d.on === 'toDate' && t !== null && t !== undefined) {
        const needed = money(fixedToString(multiplyFixed(parseFixed(d.gate), parseFixed(t.quota))));
        return (
          `gate ${pct(d.gate)} of the quota to date ${t.quota} not met: credited to date ${t.carriedIn} carried in + ` +
          `${t.credited} this period = ${t.total} < ${needed}; pays ${a}`
        );
      }
      return (
        `gate ${pct(d.gate)} of quota not met: credited ${statement.credited.amount} < ` + `${share(d.gate)}; pays ${a}`
      );
    }
    case 'tier': {
      const t = e.tier as NonNullable<typeof e.tier>;
      const to = t.to ?? '∞';
      const bounds = t.boundary === 'higher' ? `[${t.from}, ${to})` : `(${t.from}, ${to}]`;
      const q = d.ofQuota;
      const ofQuota =
        q === null
          ? ''
          : q.to === null
            ? ` (${percent(q.from)} of quota and above)`
            : ` (${percent(q.from)}–${percent(q.to)} of quota)`;
      const i = d.interpolation;
      const rateText =
        i === null
          ? pct(rate)
          : `a rate moving from ${pct(rate)} to ${pct(i.nextRate)} across the tier${
              i.at === null ? ', taken at each credit' : `, taken at ${i.at}`
            }`;
      const how =
        d.how === 'perCreditMarginal'
          ? 'the part of each credit inside this tier (each credit starts from 0)'
          : d.how === 'perCreditWhole'
            ? 'credits whose amount lands in this tier, whole amounts'
            : d.how === 'partOfTotal'
              ? `the part of ${total(d.scope, d.total, d.carriedIn)} inside this tier`
              : `${total(d.scope, d.total, d.carriedIn)} reached this tier, so the whole ` +
                `${d.scope === 'yearToDate' ? "period's amount" : 'amount'} is paid at its rate`;
      const tier = count(t.index, 'line.explanation.tier.index') + 1;
      return `tier ${tier} ${bounds}${ofQuota}: ${how}, ${base} at ${rateText}${weight(d.weight)} = ${a}`;
    }
    case 'noTier':
      return d.reason === 'quotaZero'
        ? `quota is zero: attainment tiers pay nothing; pays ${a}`
        : d.reason === 'belowFirstTierPerCredit'
          ? `credits below the first tier pay nothing: ${a}`
          : `${total(d.scope, d.total, d.carriedIn)} is below the first tier: ${a}`;
    case 'cap':
      return (
        `capped at ${money(unitAmount)}${limit(d.limit)}: ${base} earned, ${a} ` +
        `${d.mode === 'defer' ? 'deferred to later periods' : 'forfeited'}`
      );
    case 'deferredRelease':
      return `released from ${base} deferred by the cap, up to the cap ${money(unitAmount)}: ${a}`;
    case 'floor':
      return `floor ${money(unitAmount)}${limit(d.limit)}: earned ${base}, topped up by ${a}`;
    case 'clawback': {
      const step =
        countOrNull(d.withinDays, 'line.explanation.detail.withinDays') === null
          ? `outside the ${count(d.lastWithinDays, 'line.explanation.detail.lastWithinDays')}-day window`
          : `within ${d.withinDays} days: ${pct(d.share)} reversed`;
      const s = parseFixed(d.share);
      const times = s.int > 0n && !(s.int === 1n && s.scale === 0) ? ` × ${d.share}` : '';
      const limited = d.limited ? `, limited to ${d.paid} actually paid` : '';
      return (
        `deal ${d.dealId} cancelled ${count(d.days, 'line.explanation.detail.days')} days after ${d.creditDate} ` +
        `(${step}): ${base} at the original ` +
        `${pct(rate)}${times}${limited} = ${a}`
      );
    }
    case 'clawbackTerm': {
      const unserved =
        count(d.termMonths, 'line.explanation.detail.termMonths') -
        count(d.servedMonths, 'line.explanation.detail.servedMonths');
      const limited = d.limited ? `, limited to ${d.paid} actually paid` : '';
      return (
        `deal ${d.dealId} cancelled after ${d.servedMonths} of ${d.termMonths} months of its term from ` +
        `${d.termStart}: the unserved ${unserved}/${d.termMonths} of ${base} at the original ${pct(rate)} is ` +
        `reversed${limited} = ${a}`
      );
    }
    case 'hold': {
      const parts = d.deals.map((x) => `${x.dealId} ${x.amount}`).join(', ');
      return `earned ${base} held until the customers pay (paid on payment), by deal: ${parts}; ${a}`;
    }
    case 'release':
      return (
        `deal ${d.dealId}: ${d.collected} of ${d.dealAmount} collected releases that share of the ${d.earned} ` +
        `earned on it, less ${d.releasedBefore} released before: ${a}`
      );
    case 'adjustment':
      return `adjustment ${d.id}: ${d.reason} (${a}; does not count toward attainment)`;
    case 'trueUp':
      return (
        `true-up: year-to-date entitlement ${base} (${statement.range.start}..${statement.range.end}) minus ` +
        `${d.paid} already paid: ${a} on this line`
      );
    case 'priorBalance':
      return `negative balance carried from the previous statement: ${a}`;
    case 'carryForward':
      return `the total is negative: ${a} carried forward to the next statement`;
    case 'draw': {
      const recoverable = d.drawType === 'recoverable' || d.drawType === 'recoverableGuarantee';
      if (d.drawType === 'recoverableGuarantee' || d.drawType === 'nonRecoverableGuarantee') {
        const pro = d.proration === null ? '' : ` (${d.perPeriod}${proration(d.proration)})`;
        return (
          `${DRAW_WORDS[d.drawType]}: guaranteed ${money(unitAmount)}${pro}, earned ${base}, top-up ` +
          `${a}${recoverable ? ' (added to the draw balance)' : ''}`
        );
      }
      return (
        `${DRAW_WORDS[d.drawType]} of ${d.perPeriod}${proration(d.proration)} = ${a}, paid in addition to ` +
        `earnings${recoverable ? ' (added to the draw balance, recovered from later earnings)' : ''}`
      );
    }
    case 'recovery':
      return (
        `recovery of the draw balance ${d.balance}: ${pct(rate)} of ${base} ` +
        `available${d.draw === null ? '' : ` above the ${d.draw} draw`}${
          d.cap === null ? '' : `, at most ${d.cap}`
        }, rounded down = ${a}`
      );
  }
}

/**
 * Renders a statement as plain text: header (member, plan version, period, proration),
 * quota, credited amount and attainment (percent, for reading), then one numbered line per
 * statement line with its amount, explanation ({@link explainLine}), rule id and the credits it
 * used, then earned, payable and the balances carried forward.
 *
 * @param statement - from `calculateStatement` or `finalizeStatement`.
 * @returns multi-line text: amounts as exact decimal strings with the currency code, attainment
 *   as a percent with two decimals (display only).
 * @throws {RevopsError} `INVALID_INPUT` naming `statement` for a statement not made by this
 *   module (nothing for one that is: it only formats).
 * @example
 * ```ts
 * import { calculateStatement, explainStatement } from 'revops/commission';
 * const plan = { id: 'p', currency: 'USD', periodLength: 'month',
 *   versions: [{ id: 'v', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate', rate: '0.1' }] }] };
 * const member = { id: 'ae', name: 'Ana', roleId: 'ae', startDate: '2025-01-01', territoryIds: [] };
 * const credits = [{ id: 'k1', dealId: 'd1', memberId: 'ae', kind: 'owner' as const, measure: 'bookings' as const,
 *   date: '2026-01-10', amount: { amount: '1000', currency: 'USD' } }];
 * const text = explainStatement(calculateStatement({ plan, member, period: { start: '2026-01-01', end: '2026-01-31' },
 *   quota: { amount: '10000', currency: 'USD' }, credits }));
 * text.split('\n')[3];
 * //=> '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v/c; credits k1]'
 * ```
 */
export function explainStatement(statement: Statement): string {
  return formatting('statement', statement, () => wordStatement(statement));
}

function wordStatement(statement: Statement): string {
  const s = statement;
  const cur = s.currency;
  if (s.attainment !== null && (typeof s.attainment !== 'number' || !Number.isFinite(s.attainment)))
    throw new RevopsError(
      'INVALID_INPUT',
      `statement.attainment must be a finite number or null, got ${describeValue(s.attainment)}`,
      { field: 'statement.attainment', value: s.attainment },
    );
  const att = s.attainment === null ? 'n/a (zero quota)' : `${(s.attainment * 100).toFixed(2)}%`;
  const pr =
    readProration(s.proration, 'statement.proration').numerator === s.proration.denominator
      ? ''
      : ` (prorated: active ${s.proration.numerator} of ${s.proration.denominator} ${unitOf(s.proration)})`;
  const evaluated =
    s.range.start !== s.period.start || s.range.end !== s.period.end
      ? ` (evaluated ${s.range.start}..${s.range.end})`
      : '';
  const out = [
    `Statement for ${s.memberId} — plan ${s.planId}, version ${s.versionId}, period ` +
      `${s.period.start}..${s.period.end}${evaluated}`,
    `Quota ${s.quota.amount} ${cur}${pr}; credited ${s.credited.amount} ${cur}; attainment ${att}`,
    'Lines:',
  ];
  // the numbered lines joined a block at a time: a million lines held as separate strings until the
  // end cost three quarters of the time in garbage collection
  let block: string[] = [];
  s.lines.forEach((l, i) => {
    const ids = l.explanation.creditIds.length === 0 ? '' : `; credits ${l.explanation.creditIds.join(', ')}`;
    block.push(
      `  ${i + 1}. ${l.kind}${l.componentId === null ? '' : ` ${l.componentId}`}: ${l.amount.amount} ${cur} — ` +
        `${explainLine(l, s)} [rule ${l.explanation.ruleId}${ids}]`,
    );
    if (block.length === LINE_BLOCK) {
      out.push(block.join('\n'));
      block = [];
    }
  });
  if (block.length > 0) out.push(block.join('\n'));
  out.push(`Earned ${s.earned.amount} ${cur}; payable ${s.payable.amount} ${cur}`);
  const deferred = Object.entries(s.balances.deferred).map(([k, v]) => `${k} ${v.amount}`);
  const held = Object.entries(s.balances.held ?? {}).map(([k, v]) => `${k} ${v.earned.amount} − ${v.released.amount}`);
  if (s.balances.held !== undefined)
    out.push(`Held until customers pay (earned − released): ${held.length === 0 ? 'none' : held.join(', ')}`);
  out.push(
    `Carried forward: draw balance ${s.balances.draw.amount} ${cur}; deferred ` +
      `${deferred.length === 0 ? 'none' : deferred.join(', ')}; negative balance ${s.balances.carried.amount} ${cur}`,
  );
  return out.join('\n');
}
