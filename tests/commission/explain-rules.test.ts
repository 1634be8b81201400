/**
 * explainStatement and explainLine, every rule worded: whole statements of worked cases pinned
 * line by line (the amounts worked out by hand in the comments), and the refusals of a line or
 * statement that was not made by calculateStatement.
 */
import { describe, expect, it } from 'vitest';
import {
  calculateStatement,
  explainLine,
  explainStatement,
  type Statement,
  type StatementInput,
  type StatementLine,
} from '../../src/commission/index.js';
import { credit, JAN_2026, member, planOf, tiered, usd } from './helpers.js';

type Components = Parameters<typeof planOf>[0];
type Extra = Parameters<typeof planOf>[1];

/** A January 2026 statement of `components` with a quota of 10,000 USD. */
function january(components: Components, rest: Partial<StatementInput> = {}, extra: Extra = {}): Statement {
  return calculateStatement({
    plan: planOf(components, extra),
    member,
    period: JAN_2026,
    quota: usd('10000'),
    credits: [],
    ...rest,
  });
}

const LATE = { ...member, startDate: '2026-01-17' }; // on the plan Jan 17–31: 15 of 31 days

function pin(text: string, expected: readonly string[]): void {
  expect(text.split('\n')).toEqual(expected);
}

const TWO_CREDITS = [credit('k1', '1000', '2026-01-15'), credit('k2', '500', '2026-01-05')];

describe('explainStatement words each rule', () => {
  it('rate, perUnit, spiff at a rate and per credit, bonus, gate, cap and floor, with weights', () => {
    const s = january(
      [
        { id: 'r', kind: 'rate', rate: '0.1', weight: '0.5' },
        { id: 'u', kind: 'perUnit', amountPerUnit: '25' },
        { id: 'u2', kind: 'perUnit', amountPerUnit: '25', weight: '0.25' },
        { id: 's', kind: 'spiff', window: { start: '2026-01-10', end: '2026-01-20' }, rate: '0.02' },
        { id: 'sp', kind: 'spiff', window: { start: '2026-01-10', end: '2026-01-20' }, amountPerCredit: '100' },
        {
          id: 'b',
          kind: 'bonus',
          steps: [
            { atLeast: '0.1', amount: '200' },
            { atLeast: '2', amount: '999' },
          ],
          weight: '0.25',
        },
        { id: 'bn', kind: 'bonus', steps: [{ atLeast: '0.5', amount: '100' }] },
        { id: 'g', kind: 'rate', rate: '0.1', gate: '0.9' },
        { id: 'cf', kind: 'rate', rate: '0.5', cap: { amount: '100', mode: 'forfeit' } },
        { id: 'fl', kind: 'rate', rate: '0.001', floor: '50' },
      ],
      { credits: [...TWO_CREDITS, credit('n1', '0', '2026-01-07', { measure: 'units', units: 3 })] },
    );
    // by hand: credited 1,000 + 500 = 1,500 of 10,000 (15 %). r: 1,500 × 10 % × 0.5 = 75; u: 3 units × 25 = 75,
    // u2 × 0.25 = 18.75; s: only k1 (Jan 15) is in Jan 10–20: 1,000 × 2 % = 20; sp: 1 credit × 100;
    // b: 15 % ≥ 10 % (step 1,000), 200 × 0.25 = 50; bn: 15 % < 50 %; g: 1,500 < 90 % × 10,000 = 9,000;
    // cf: 750 capped at 100 → −650; fl: 1.50 topped up to 50 → 48.50. Earned 75 + 75 + 18.75 + 20 + 100 + 50 +
    // 750 − 650 + 1.50 + 48.50 = 488.75.
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1500.00 USD; attainment 15.00%',
      'Lines:',
      '  1. commission r: 75.00 USD — 1500.00 credited at 0.1 (10%) × weight 0.5 = 75.00 [rule v1/r; credits k1, ' +
        'k2]',
      '  2. perUnit u: 75.00 USD — 3 units × 25.00 = 75.00 [rule v1/u; credits n1]',
      '  3. perUnit u2: 18.75 USD — 3 units × 25.00 × weight 0.25 = 18.75 [rule v1/u2; credits n1]',
      '  4. spiff s: 20.00 USD — 1000.00 of matching credits in 2026-01-10..2026-01-20 at 0.02 (2%) = 20.00 ' +
        '[rule v1/s; credits k1]',
      '  5. spiff sp: 100.00 USD — 1 matching credits in 2026-01-10..2026-01-20 × 100.00 = 100.00 [rule v1/sp; ' +
        'credits k1]',
      '  6. bonus b: 50.00 USD — credited 1500.00 reached the step at 0.1 (10%) of quota (1000.00): bonus 200.00 ' +
        '× weight 0.25 = 50.00 [rule v1/b; credits k1, k2]',
      '  7. bonus bn: 0.00 USD — no bonus step reached (first at 0.5 (50%) of quota); pays 0.00 [rule v1/bn; ' +
        'credits k1, k2]',
      '  8. gate g: 0.00 USD — gate 0.9 (90%) of quota not met: credited 1500.00 < 9000.00; pays 0.00 [rule ' +
        'v1/g; credits k1, k2]',
      '  9. commission cf: 750.00 USD — 1500.00 credited at 0.5 (50%) = 750.00 [rule v1/cf; credits k1, k2]',
      '  10. cap cf: -650.00 USD — capped at 100.00: 750.00 earned, -650.00 forfeited [rule v1/cf]',
      '  11. commission fl: 1.50 USD — 1500.00 credited at 0.001 (0.1%) = 1.50 [rule v1/fl; credits k1, k2]',
      '  12. floor fl: 48.50 USD — floor 50.00: earned 1.50, topped up by 48.50 [rule v1/fl]',
      'Earned 488.75 USD; payable 488.75 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    const zero = january([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0.1', amount: '200' }] }], {
      quota: usd('0'),
      credits: TWO_CREDITS,
    });
    expect(explainLine(zero.lines[0] as StatementLine, zero)).toBe(
      'quota is zero: no bonus step can be reached; pays 0.00',
    );
  });
});

describe('explainStatement words tiers', () => {
  const t = (id: string, c: ReturnType<typeof tiered>) => ({ ...c, id });
  const low = (to: string, next: string, r1 = '0.01', r2 = '0.02') => [
    { from: '0', to, rate: r1 },
    { from: next, rate: r2 },
  ];
  const components = [
    t('ta', tiered('marginal', 'periodToDate', 'higher', low('0.1', '0.1', '0.01', '0.05'), 'attainment')),
    t('tr', tiered('retroactive', 'periodToDate', 'lower', low('1000', '1000'))),
    t('ti', tiered('interpolated', 'periodToDate', 'higher', low('2000', '2000', '0.01', '0.03'))),
    t('pm', tiered('marginal', 'perCredit', 'higher', low('800', '800'))),
    t('pw', tiered('retroactive', 'perCredit', 'higher', low('800', '800'))),
    t('pi', tiered('interpolated', 'perCredit', 'higher', low('2000', '2000', '0.01', '0.03'))),
    t('pn', tiered('marginal', 'perCredit', 'higher', [{ from: '2000', rate: '0.01' }])),
    t('tn', tiered('marginal', 'periodToDate', 'higher', [{ from: '2000', rate: '0.01' }])),
    t('ym', tiered('marginal', 'yearToDate', 'higher', low('4000', '4000'))),
    t('yr', tiered('retroactive', 'yearToDate', 'higher', low('4000', '4000'))),
    t('yn', tiered('marginal', 'yearToDate', 'higher', [{ from: '9000', rate: '0.01' }])),
  ];
  const carriedIn = { ym: '3000', yr: '3000', yn: '3000' };

  it('marginal, retroactive and interpolated; per credit, period and year to date; below the first tier', () => {
    const s = january(components, { credits: TWO_CREDITS, carriedIn });
    // by hand, credits 1,000 (k1) and 500 (k2), total 1,500:
    // ta (attainment, quota 10,000): 1,000 × 1 % = 10 below 10 %, 500 × 5 % = 25 above;
    // tr: 1,500 is in (1,000, ∞]: 1,500 × 2 % = 30; ti: 1 % + 2 % × 1,500/2,000 = 2.5 % → 37.50;
    // pm: k1 800 + k2 500 = 1,300 × 1 % = 13 and k1's 200 × 2 % = 4; pw: k2 500 × 1 % = 5, k1 1,000 × 2 % = 20;
    // pi: k1 at 1 % + 2 % × 1,000/2,000 = 2 % → 20, k2 at 1.5 % → 7.50, 27.50 in all; pn, tn: nothing below 2,000;
    // ym: 3,000 → 4,500: 1,000 × 1 % = 10 and 500 × 2 % = 10; yr: 4,500 ≥ 4,000: 1,500 × 2 % = 30;
    // yn: 4,500 < 9,000. Earned 222.
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1500.00 USD; attainment 15.00%',
      'Lines:',
      '  1. tier ta: 10.00 USD — tier 1 [0.00, 1000.00) (0%–10% of quota): the part of the period total 1500.00 ' +
        'inside this tier, 1000.00 at 0.01 (1%) = 10.00 [rule v1/ta; credits k1, k2]',
      '  2. tier ta: 25.00 USD — tier 2 [1000.00, ∞) (10% of quota and above): the part of the period total ' +
        '1500.00 inside this tier, 500.00 at 0.05 (5%) = 25.00 [rule v1/ta; credits k1, k2]',
      '  3. tier tr: 30.00 USD — tier 2 (1000.00, ∞]: the period total 1500.00 reached this tier, so the whole ' +
        'amount is paid at its rate, 1500.00 at 0.02 (2%) = 30.00 [rule v1/tr; credits k1, k2]',
      '  4. tier ti: 37.50 USD — tier 1 [0.00, 2000.00): the period total 1500.00 reached this tier, so the ' +
        'whole amount is paid at its rate, 1500.00 at a rate moving from 0.01 (1%) to 0.03 (3%) across the tier, ' +
        'taken at 1500.00 = 37.50 [rule v1/ti; credits k1, k2]',
      '  5. tier pm: 13.00 USD — tier 1 [0.00, 800.00): the part of each credit inside this tier (each credit ' +
        'starts from 0), 1300.00 at 0.01 (1%) = 13.00 [rule v1/pm; credits k1, k2]',
      '  6. tier pm: 4.00 USD — tier 2 [800.00, ∞): the part of each credit inside this tier (each credit starts ' +
        'from 0), 200.00 at 0.02 (2%) = 4.00 [rule v1/pm; credits k1]',
      '  7. tier pw: 5.00 USD — tier 1 [0.00, 800.00): credits whose amount lands in this tier, whole amounts, ' +
        '500.00 at 0.01 (1%) = 5.00 [rule v1/pw; credits k2]',
      '  8. tier pw: 20.00 USD — tier 2 [800.00, ∞): credits whose amount lands in this tier, whole amounts, ' +
        '1000.00 at 0.02 (2%) = 20.00 [rule v1/pw; credits k1]',
      '  9. tier pi: 27.50 USD — tier 1 [0.00, 2000.00): credits whose amount lands in this tier, whole amounts, ' +
        '1500.00 at a rate moving from 0.01 (1%) to 0.03 (3%) across the tier, taken at each credit = 27.50 [rule ' +
        'v1/pi; credits k1, k2]',
      '  10. tier pn: 0.00 USD — credits below the first tier pay nothing: 0.00 [rule v1/pn; credits k1, k2]',
      '  11. tier tn: 0.00 USD — the period total 1500.00 is below the first tier: 0.00 [rule v1/tn; credits k1, ' +
        'k2]',
      '  12. tier ym: 10.00 USD — tier 1 [0.00, 4000.00): the part of the year-to-date total (3000.00 carried ' +
        'in, 4500.00 now) inside this tier, 1000.00 at 0.01 (1%) = 10.00 [rule v1/ym; credits k1, k2]',
      '  13. tier ym: 10.00 USD — tier 2 [4000.00, ∞): the part of the year-to-date total (3000.00 carried in, ' +
        '4500.00 now) inside this tier, 500.00 at 0.02 (2%) = 10.00 [rule v1/ym; credits k1, k2]',
      '  14. tier yr: 30.00 USD — tier 2 [4000.00, ∞): the year-to-date total (3000.00 carried in, 4500.00 now) ' +
        "reached this tier, so the whole period's amount is paid at its rate, 1500.00 at 0.02 (2%) = 30.00 [rule " +
        'v1/yr; credits k1, k2]',
      '  15. tier yn: 0.00 USD — the year-to-date total (3000.00 carried in, 4500.00 now) is below the first ' +
        'tier: 0.00 [rule v1/yn; credits k1, k2]',
      'Earned 222.00 USD; payable 222.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('an attainment table with a zero quota pays nothing', () => {
    const s = january(components.slice(0, 1), { quota: usd('0'), credits: TWO_CREDITS });
    expect(explainLine(s.lines[0] as StatementLine, s)).toBe('quota is zero: attainment tiers pay nothing; pays 0.00');
  });
});

describe('explainStatement words overrides', () => {
  const components: Components = [
    { id: 'o1', kind: 'override', rate: '0.05' },
    { id: 'o2', kind: 'override', rate: '0.05', teamThreshold: '1000' },
    { id: 'o3', kind: 'override', rate: '0.05', teamThreshold: '1000', thresholdMode: 'all' },
    { id: 'o4', kind: 'override', rate: '0.05', teamThreshold: '5000' },
  ];
  const team = [credit('m1', '2000', '2026-01-20', { kind: 'rollup' })];

  it('no threshold, above it (excess and all) and below it', () => {
    // by hand: 2,000 × 5 % = 100; (2,000 − 1,000) × 5 % = 50; all of it once 1,000 is reached: 100; below 5,000: 0
    pin(explainStatement(january(components, { credits: team })), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 0.00 USD; attainment 0.00%',
      'Lines:',
      '  1. override o1: 100.00 USD — team credits 2000.00 at 0.05 (5%) = 100.00 [rule v1/o1; credits m1]',
      '  2. override o2: 50.00 USD — team credits 2000.00 above threshold 1000.00: 1000.00 at 0.05 (5%) = 50.00 ' +
        '[rule v1/o2; credits m1]',
      '  3. override o3: 100.00 USD — team credits 2000.00 (threshold 1000.00 reached) at 0.05 (5%) = 100.00 ' +
        '[rule v1/o3; credits m1]',
      '  4. override o4: 0.00 USD — team credits 2000.00 below threshold 5000.00 at 0.05 (5%) = 0.00 [rule ' +
        'v1/o4; credits m1]',
      'Earned 250.00 USD; payable 250.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('a threshold prorated for a member who joined on January 17', () => {
    // by hand: 15/31 of 1,000 = 483.87, of 5,000 = 2,419.35, of the quota 4,838.71;
    // (2,000 − 483.87) × 5 % = 75.8065 → 75.81
    pin(explainStatement(january(components, { credits: team, member: LATE })), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 4838.71 USD (prorated: active 15 of 31 days); credited 0.00 USD; attainment 0.00%',
      'Lines:',
      '  1. override o1: 100.00 USD — team credits 2000.00 at 0.05 (5%) = 100.00 [rule v1/o1; credits m1]',
      '  2. override o2: 75.81 USD — team credits 2000.00 above threshold 483.87 (1000.00 prorated 15/31 days): ' +
        '1516.13 at 0.05 (5%) = 75.81 [rule v1/o2; credits m1]',
      '  3. override o3: 100.00 USD — team credits 2000.00 (threshold 483.87 (1000.00 prorated 15/31 days) ' +
        'reached) at 0.05 (5%) = 100.00 [rule v1/o3; credits m1]',
      '  4. override o4: 0.00 USD — team credits 2000.00 below threshold 2419.35 (5000.00 prorated 15/31 days) ' +
        'at 0.05 (5%) = 0.00 [rule v1/o4; credits m1]',
      'Earned 275.81 USD; payable 275.81 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });
});

describe('explainStatement words draws and recovery', () => {
  type Draw = NonNullable<NonNullable<Extra>['version']>['draw'];
  const withDraw = (draw: Draw, rest: Partial<StatementInput>) =>
    explainStatement(
      january(
        [{ id: 'c', kind: 'rate', rate: '0.1' }],
        { credits: [credit('k1', '1000', '2026-01-20')], ...rest },
        {
          version: { draw },
        },
      ),
    );
  const prior = { priorBalance: { draw: usd('800') } };

  it('a recoverable draw with a recovery share and cap, in full and prorated', () => {
    const draw: Draw = { type: 'recoverable', amount: '1000', start: '2026-01-01', recoveryShare: '0.5' };
    // by hand: earned 100; recovery min(800, 300, ⌊0.5 × 100⌋) = 50; balance 800 + 1,000 − 50 = 1,750
    pin(withDraw({ ...draw, recoveryCap: '300' }, prior), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 1000.00 USD — recoverable draw of 1000.00 = 1000.00, paid in addition to earnings (added to ' +
        'the draw balance, recovered from later earnings) [rule draw]',
      '  3. recovery: -50.00 USD — recovery of the draw balance 800.00: 0.5 (50%) of 100.00 available above the ' +
        '1000.00 draw, at most 300.00, rounded down = -50.00 [rule draw/recovery]',
      'Earned 100.00 USD; payable 1050.00 USD',
      'Carried forward: draw balance 1750.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    // by hand: 1,000 × 15/31 = 483.87; nothing owed before, so no recovery
    pin(withDraw(draw, { member: LATE }), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 4838.71 USD (prorated: active 15 of 31 days); credited 1000.00 USD; attainment 20.67%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 483.87 USD — recoverable draw of 1000.00 prorated 15/31 days = 483.87, paid in addition to ' +
        'earnings (added to the draw balance, recovered from later earnings) [rule draw]',
      'Earned 100.00 USD; payable 583.87 USD',
      'Carried forward: draw balance 483.87 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('a non-recoverable draw', () => {
    const draw: Draw = { type: 'nonRecoverable', amount: '1000', start: '2026-01-01' };
    pin(withDraw(draw, prior), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 1000.00 USD — non-recoverable draw of 1000.00 = 1000.00, paid in addition to earnings [rule ' +
        'draw]',
      'Earned 100.00 USD; payable 1100.00 USD',
      'Carried forward: draw balance 800.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    pin(withDraw(draw, { member: LATE }), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 4838.71 USD (prorated: active 15 of 31 days); credited 1000.00 USD; attainment 20.67%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 483.87 USD — non-recoverable draw of 1000.00 prorated 15/31 days = 483.87, paid in addition to ' +
        'earnings [rule draw]',
      'Earned 100.00 USD; payable 583.87 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('guarantees: a top-up to the guaranteed amount, in full and prorated', () => {
    // by hand: 500 − 100 earned = 400; prorated 500 × 15/31 = 241.94, top-up 141.94
    const recoverable: Draw = { type: 'recoverableGuarantee', amount: '500', start: '2026-01-01' };
    pin(withDraw(recoverable, prior), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 400.00 USD — recoverable guarantee: guaranteed 500.00, earned 100.00, top-up 400.00 (added to ' +
        'the draw balance) [rule draw]',
      'Earned 100.00 USD; payable 500.00 USD',
      'Carried forward: draw balance 1200.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    pin(withDraw(recoverable, { member: LATE }), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 4838.71 USD (prorated: active 15 of 31 days); credited 1000.00 USD; attainment 20.67%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 141.94 USD — recoverable guarantee: guaranteed 241.94 (500.00 prorated 15/31 days), earned ' +
        '100.00, top-up 141.94 (added to the draw balance) [rule draw]',
      'Earned 100.00 USD; payable 241.94 USD',
      'Carried forward: draw balance 141.94 USD; deferred none; negative balance 0.00 USD',
    ]);
    const non: Draw = { type: 'nonRecoverableGuarantee', amount: '500', start: '2026-01-01' };
    pin(withDraw(non, prior), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 400.00 USD — non-recoverable guarantee: guaranteed 500.00, earned 100.00, top-up 400.00 [rule ' +
        'draw]',
      'Earned 100.00 USD; payable 500.00 USD',
      'Carried forward: draw balance 800.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    pin(withDraw(non, { member: LATE }), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 4838.71 USD (prorated: active 15 of 31 days); credited 1000.00 USD; attainment 20.67%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. draw: 141.94 USD — non-recoverable guarantee: guaranteed 241.94 (500.00 prorated 15/31 days), earned ' +
        '100.00, top-up 141.94 [rule draw]',
      'Earned 100.00 USD; payable 241.94 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('recovery after the draw ended: the whole of what was earned, up to the balance', () => {
    // by hand: recovery share 1 (default) of 100 earned, balance 800 → 700 left
    const ended: Draw = { type: 'recoverable', amount: '1000', start: '2025-01-01', end: '2025-12-31' };
    pin(withDraw(ended, prior), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. recovery: -100.00 USD — recovery of the draw balance 800.00: 1 (100%) of 100.00 available, rounded ' +
        'down = -100.00 [rule draw/recovery]',
      'Earned 100.00 USD; payable 0.00 USD',
      'Carried forward: draw balance 700.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });
});

describe('explainStatement words clawbacks, adjustments and balances', () => {
  const event = (id: string, creditDate: string, paid: string, extra = {}) => ({
    id,
    dealId: `D-${id}`,
    creditDate,
    knownDate: '2026-01-20',
    base: usd('10000'),
    rate: '0.08',
    paid: usd(paid),
    creditIds: [`c-${id}`],
    ...extra,
  });

  it('a schedule: inside each step, limited to what was paid, outside the window; a negative total', () => {
    const schedule = [
      { withinDays: 30, share: '1' },
      { withinDays: 90, share: '0.5' },
    ];
    const s = january(
      [{ id: 'c', kind: 'rate', rate: '0.1' }],
      {
        credits: [credit('k1', '1000', '2026-01-20')],
        clawbacks: [
          event('a', '2026-01-05', '800'),
          event('b', '2025-12-01', '800'),
          event('c', '2025-12-01', '300'),
          event('d', '2025-06-01', '800'),
        ],
        adjustments: [{ id: 'adj1', amount: usd('-50'), reason: 'duplicate payout' }],
        priorBalance: { carried: usd('-2000') },
      },
      { version: { clawback: { schedule } } },
    );
    // by hand: 10,000 × 8 % = 800. a: Jan 5 → 20 = 15 days, share 1: −800; b: Dec 1 → Jan 20 = 50 days, share
    // 0.5: −400; c: the same, limited to the 300 paid; d: Jun 1 → Jan 20 = 233 days, past 90: 0.
    // Total 100 − 800 − 400 − 300 − 50 − 2,000 = −3,450, carried forward.
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. clawback: -800.00 USD — deal D-a cancelled 15 days after 2026-01-05 (within 30 days: 1 (100%) ' +
        'reversed): 10000.00 at the original 0.08 (8%) = -800.00 [rule clawback/a; credits c-a]',
      '  3. clawback: -400.00 USD — deal D-b cancelled 50 days after 2025-12-01 (within 90 days: 0.5 (50%) ' +
        'reversed): 10000.00 at the original 0.08 (8%) × 0.5 = -400.00 [rule clawback/b; credits c-b]',
      '  4. clawback: -300.00 USD — deal D-c cancelled 50 days after 2025-12-01 (within 90 days: 0.5 (50%) ' +
        'reversed): 10000.00 at the original 0.08 (8%) × 0.5, limited to 300.00 actually paid = -300.00 [rule ' +
        'clawback/c; credits c-c]',
      '  5. clawback: 0.00 USD — deal D-d cancelled 233 days after 2025-06-01 (outside the 90-day window): ' +
        '10000.00 at the original 0.08 (8%) = 0.00 [rule clawback/d; credits c-d]',
      '  6. adjustment: -50.00 USD — adjustment adj1: duplicate payout (-50.00; does not count toward ' +
        'attainment) [rule adjustment/adj1]',
      '  7. priorBalance: -2000.00 USD — negative balance carried from the previous statement: -2000.00 [rule ' +
        'carried]',
      '  8. carryForward: 3450.00 USD — the total is negative: 3450.00 carried forward to the next statement ' +
        '[rule carried]',
      'Earned 100.00 USD; payable 0.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance -3450.00 USD',
    ]);
  });

  it('the unserved part of a term, from the credit date and from a later term start', () => {
    const s = january(
      [{ id: 'c', kind: 'rate', rate: '0.1' }],
      {
        clawbacks: [
          event('t', '2025-03-10', '800', { termMonths: 12 }),
          event('u', '2025-03-10', '100', { termMonths: 12, termStart: '2025-04-01' }),
        ],
      },
      { version: { clawback: { basis: 'unservedTerm' } } },
    );
    // by hand: Mar 10 → Jan 20 is 10 whole months: 800 × 2/12 = 133.33; Apr 1 → Jan 20 is 9: 800 × 3/12 = 200,
    // limited to the 100 paid
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 0.00 USD; attainment 0.00%',
      'Lines:',
      '  1. commission c: 0.00 USD — 0.00 credited at 0.1 (10%) = 0.00 [rule v1/c]',
      '  2. clawback: -133.33 USD — deal D-t cancelled after 10 of 12 months of its term from 2025-03-10: the ' +
        'unserved 2/12 of 10000.00 at the original 0.08 (8%) is reversed = -133.33 [rule clawback/t; credits c-t]',
      '  3. clawback: -100.00 USD — deal D-u cancelled after 9 of 12 months of its term from 2025-04-01: the ' +
        'unserved 3/12 of 10000.00 at the original 0.08 (8%) is reversed, limited to 100.00 actually paid = ' +
        '-100.00 [rule clawback/u; credits c-u]',
      '  4. carryForward: 233.33 USD — the total is negative: 233.33 carried forward to the next statement [rule ' +
        'carried]',
      'Earned 0.00 USD; payable 0.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance -233.33 USD',
    ]);
  });

  it('a deferred cap: the excess deferred, and released in a later month up to the cap', () => {
    const components: Components = [{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '300', mode: 'defer' } }];
    // by hand: 5,000 × 10 % = 500 capped at 300: 200 deferred
    pin(explainStatement(january(components, { credits: [credit('k1', '5000', '2026-01-20')] })), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 5000.00 USD; attainment 50.00%',
      'Lines:',
      '  1. commission c: 500.00 USD — 5000.00 credited at 0.1 (10%) = 500.00 [rule v1/c; credits k1]',
      '  2. cap c: -200.00 USD — capped at 300.00: 500.00 earned, -200.00 deferred to later periods [rule v1/c]',
      'Earned 300.00 USD; payable 300.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred c 200.00; negative balance 0.00 USD',
    ]);
    // by hand: 100 earned, 500 deferred before: 200 released (up to 300), 300 still deferred
    const later = january(components, {
      credits: [credit('k1', '1000', '2026-01-20')],
      priorBalance: { deferred: { c: usd('500') } },
    });
    pin(explainStatement(later), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. deferredRelease c: 200.00 USD — released from 500.00 deferred by the cap, up to the cap 300.00: ' +
        '200.00 [rule v1/c]',
      'Earned 300.00 USD; payable 300.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred c 300.00; negative balance 0.00 USD',
    ]);
  });

  it('a true-up of January alone: one month to date', () => {
    const s = january([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '30', mode: 'forfeit' } }], {
      credits: [credit('k1', '1000', '2026-01-20')],
      paidToDate: usd('10'),
    });
    // by hand: 100 earned, capped at 30 (one month); the true-up line takes off the 10 paid: 20 payable
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. commission c: 100.00 USD — 1000.00 credited at 0.1 (10%) = 100.00 [rule v1/c; credits k1]',
      '  2. cap c: -70.00 USD — capped at 30.00 (30.00 per month over 1 month to date): 100.00 earned, -70.00 ' +
        'forfeited [rule v1/c]',
      '  3. trueUp: -10.00 USD — true-up: year-to-date entitlement 30.00 (2026-01-01..2026-01-31) minus 10.00 ' +
        'already paid: -10.00 on this line [rule trueUp]',
      'Earned 30.00 USD; payable 20.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('a gate judged to date', () => {
    const s = january([{ id: 'g', kind: 'rate', rate: '0.1', gate: '0.5', gateOn: 'toDate' }], {
      credits: [credit('k1', '1000', '2026-01-20')],
      attainmentToDate: { carriedIn: usd('20000'), quota: usd('120000') },
    });
    // by hand: 20,000 + 1,000 = 21,000 < 50 % × 120,000 = 60,000
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      '  1. gate g: 0.00 USD — gate 0.5 (50%) of the quota to date 120000.00 not met: credited to date 20000.00 ' +
        'carried in + 1000.00 this period = 21000.00 < 60000.00; pays 0.00 [rule v1/g; credits k1]',
      'Earned 0.00 USD; payable 0.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('a gate line words the figures to date only when it is judged to date and carries them', () => {
    const s = january([{ id: 'g', kind: 'rate', rate: '0.1', gate: '0.5', gateOn: 'toDate' }], {
      credits: [credit('k1', '1000', '2026-01-20')],
      attainmentToDate: { carriedIn: usd('20000'), quota: usd('120000') },
    });
    const line = s.lines[0] as StatementLine;
    const detail = line.explanation.detail as { on: string; toDate?: unknown };
    const variant = (d: object): StatementLine =>
      ({ ...line, explanation: { ...line.explanation, detail: { ...detail, ...d } } }) as StatementLine;
    // by hand, the period's own figures: credited 1,000 < 50 % × the quota 10,000 = 5,000
    const period = 'gate 0.5 (50%) of quota not met: credited 1000.00 < 5000.00; pays 0.00';
    expect([
      explainLine(variant({ on: 'period' }), s),
      explainLine(variant({ toDate: null }), s),
      explainLine(variant({ toDate: undefined }), s),
    ]).toEqual([period, period, period]);
  });

  it('a statement without lines: the list is empty, with no blank line', () => {
    const s = january([], { credits: [credit('k1', '1000', '2026-01-20')] });
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 1000.00 USD; attainment 10.00%',
      'Lines:',
      'Earned 0.00 USD; payable 0.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('a bonus prorated by whole months', () => {
    const s = calculateStatement({
      plan: planOf([{ id: 'b', kind: 'bonus', steps: [{ atLeast: '0', amount: '300' }] }], {
        periodLength: 'quarter',
        version: { proration: 'months' },
      }),
      member: { ...member, startDate: '2026-02-01' },
      period: { start: '2026-01-01', end: '2026-03-31' },
      quota: usd('30000'),
      credits: [credit('k1', '1000', '2026-02-20')],
    });
    // by hand: February and March of the quarter: quota 30,000 × 2/3 = 20,000, bonus 300 × 2/3 = 200
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-03-31',
      'Quota 20000.00 USD (prorated: active 2 of 3 whole months); credited 1000.00 USD; attainment 5.00%',
      'Lines:',
      '  1. bonus b: 200.00 USD — credited 1000.00 reached the step at 0 (0%) of quota (0.00): bonus 300.00 ' +
        'prorated 2/3 whole months = 200.00 [rule v1/b; credits k1]',
      'Earned 200.00 USD; payable 200.00 USD',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });

  it('cash basis: what is held per deal, what a payment releases, and no deal held', () => {
    const extra: Extra = { version: { payableOn: 'payment' } };
    const s = january(
      [{ id: 'c', kind: 'rate', rate: '0.1' }],
      {
        credits: [credit('k1', '1000', '2026-01-20'), credit('k2', '3000', '2026-01-21')],
        payments: [{ id: 'pay1', dealId: 'd-k1', date: '2026-01-25', amount: usd('250'), dealAmount: usd('1000') }],
      },
      extra,
    );
    // by hand: 400 earned and held (d-k1 100, d-k2 300); 250 of 1,000 paid on d-k1 releases 100 × 1/4 = 25
    pin(explainStatement(s), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 4000.00 USD; attainment 40.00%',
      'Lines:',
      '  1. commission c: 400.00 USD — 4000.00 credited at 0.1 (10%) = 400.00 [rule v1/c; credits k1, k2]',
      '  2. hold: -400.00 USD — earned 400.00 held until the customers pay (paid on payment), by deal: d-k1 ' +
        '100.00, d-k2 300.00; -400.00 [rule hold]',
      '  3. release: 25.00 USD — deal d-k1: 250.00 of 1000.00 collected releases that share of the 100.00 earned ' +
        'on it, less 0.00 released before: 25.00 [rule release/d-k1]',
      'Earned 400.00 USD; payable 25.00 USD',
      'Held until customers pay (earned − released): d-k1 100.00 − 25.00, d-k2 300.00 − 0.00',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
    pin(explainStatement(january([{ id: 'c', kind: 'rate', rate: '0.1' }], {}, extra)), [
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31',
      'Quota 10000.00 USD; credited 0.00 USD; attainment 0.00%',
      'Lines:',
      '  1. commission c: 0.00 USD — 0.00 credited at 0.1 (10%) = 0.00 [rule v1/c]',
      'Earned 0.00 USD; payable 0.00 USD',
      'Held until customers pay (earned − released): none',
      'Carried forward: draw balance 0.00 USD; deferred none; negative balance 0.00 USD',
    ]);
  });
});

describe('explainLine and explainStatement refuse what calculateStatement did not make', () => {
  const s = january([{ id: 'u', kind: 'perUnit', amountPerUnit: '25' }], {
    credits: [credit('n1', '0', '2026-01-07', { measure: 'units', units: 3 })],
  });
  const line = s.lines[0] as StatementLine;
  /** `line` with its explanation's fields replaced. */
  const withExplanation = (fields: object): StatementLine =>
    ({ ...line, explanation: { ...line.explanation, ...fields } }) as StatementLine;
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      const e = error as { code: string; message: string; field: string; value: unknown; cause?: unknown };
      return { code: e.code, message: e.message, field: e.field, value: e.value, cause: e.cause };
    }
    return 'no error';
  };

  it('a count that came back from JSON as a string, or is not an integer', () => {
    expect(refusal(() => explainLine(withExplanation({ units: '3' }), s))).toEqual({
      code: 'INVALID_INPUT',
      message: 'line.explanation.units must be an integer, got "3"',
      field: 'line.explanation.units',
      value: '3',
    });
    expect(refusal(() => explainLine(withExplanation({ units: 2.5 }), s))).toMatchObject({
      message: 'line.explanation.units must be an integer, got 2.5',
    });
  });

  it('a line whose fields are missing: named as a line, with the TypeError as its cause', () => {
    const bad = { kind: 'perUnit' } as unknown as StatementLine;
    expect(refusal(() => explainLine(bad, s))).toEqual({
      code: 'INVALID_INPUT',
      message: 'line must be a line made by calculateStatement, got {"kind":"perUnit"}',
      field: 'line',
      value: bad,
      cause: expect.any(TypeError),
    });
    const broken = { ...s, lines: [bad] } as Statement;
    expect(refusal(() => explainStatement(broken))).toMatchObject({ code: 'INVALID_INPUT', field: 'statement' });
    expect(refusal(() => explainStatement(null as unknown as Statement))).toEqual({
      code: 'INVALID_INPUT',
      message: 'statement must be a statement made by calculateStatement, got null',
      field: 'statement',
      value: null,
      cause: expect.any(TypeError),
    });
  });

  it('a proration that is not one, in the statement and in a draw line', () => {
    expect(refusal(() => explainStatement({ ...s, proration: null } as unknown as Statement))).toEqual({
      code: 'INVALID_INPUT',
      message: 'statement.proration must be a proration, got null',
      field: 'statement.proration',
      value: null,
    });
    expect(refusal(() => explainStatement({ ...s, proration: 'all' } as unknown as Statement))).toMatchObject({
      message: 'statement.proration must be a proration, got "all"',
    });
    const odd = { ...s.proration, numerator: '31' };
    expect(refusal(() => explainStatement({ ...s, proration: odd } as unknown as Statement))).toMatchObject({
      message: 'statement.proration.numerator must be an integer, got "31"',
      field: 'statement.proration.numerator',
    });
    const odd2 = { ...s.proration, denominator: 31.5 };
    expect(refusal(() => explainStatement({ ...s, proration: odd2 } as unknown as Statement))).toMatchObject({
      field: 'statement.proration.denominator',
    });
    const weeks = { ...s.proration, unit: 'weeks' };
    expect(refusal(() => explainStatement({ ...s, proration: weeks } as unknown as Statement))).toEqual({
      code: 'INVALID_INPUT',
      message: "statement.proration.unit must be 'days' or 'months', got \"weeks\"",
      field: 'statement.proration.unit',
      value: 'weeks',
    });
    const drawn = january(
      [],
      {
        member: LATE,
      },
      { version: { draw: { type: 'nonRecoverable', amount: '1000', start: '2026-01-01' } } },
    );
    const draw = drawn.lines[0] as StatementLine;
    const detail = { ...draw.explanation.detail, proration: { numerator: 15, denominator: '31', unit: 'days' } };
    const corrupted = { ...draw, explanation: { ...draw.explanation, detail } } as StatementLine;
    expect(refusal(() => explainLine(corrupted, drawn))).toMatchObject({
      message: 'proration.denominator must be an integer, got "31"',
      field: 'proration.denominator',
    });
  });

  it('an attainment that is not a finite number or null', () => {
    for (const attainment of ['0.1', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refusal(() => explainStatement({ ...s, attainment } as unknown as Statement))).toEqual({
        code: 'INVALID_INPUT',
        message: `statement.attainment must be a finite number or null, got ${
          typeof attainment === 'string' ? `"${attainment}"` : String(attainment)
        }`,
        field: 'statement.attainment',
        value: attainment,
      });
    }
  });
});

describe('explainStatement header', () => {
  it('a version that ends inside the period: the evaluated range ends on its last day', () => {
    const s = january(
      [{ id: 'c', kind: 'rate', rate: '0.1' }],
      { credits: [credit('k1', '1000', '2026-01-15')], asOf: '2026-01-10' },
      { version: { effectiveTo: '2026-01-20' } },
    );
    // by hand: the plan covers Jan 1–20, 20 of January's 31 days: quota 10,000 × 20/31 = 6,451.61;
    // 1,000 / 6,451.61 = 15.50 %
    expect(explainStatement(s).split('\n').slice(0, 2)).toEqual([
      'Statement for ae — plan plan, version v1, period 2026-01-01..2026-01-31 (evaluated 2026-01-01..2026-01-20)',
      'Quota 6451.61 USD (prorated: active 20 of 31 days); credited 1000.00 USD; attainment 15.50%',
    ]);
  });
});

describe('explainStatement: a tenth reversed, two deferred balances', () => {
  it('a clawback share of 0.1 is shown as a factor; deferred balances are listed with commas', () => {
    const s = january(
      [
        { id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '10', mode: 'defer' } },
        { id: 'd', kind: 'rate', rate: '0.2', cap: { amount: '10', mode: 'defer' } },
      ],
      {
        credits: [credit('k1', '1000', '2026-01-20')],
        clawbacks: [
          {
            id: 'e',
            dealId: 'D',
            creditDate: '2025-12-21',
            knownDate: '2026-01-20',
            base: usd('1000'),
            rate: '0.1',
            paid: usd('100'),
          },
        ],
      },
      { version: { clawback: { schedule: [{ withinDays: 30, share: '0.1' }] } } },
    );
    // by hand: c earns 100, capped at 10: 90 deferred; d earns 200: 190 deferred; Dec 21 → Jan 20 is 30 days:
    // 1,000 × 10 % × 0.1 = 10 reversed
    const text = explainStatement(s).split('\n');
    expect(text[7]).toBe(
      '  5. clawback: -10.00 USD — deal D cancelled 30 days after 2025-12-21 (within 30 days: 0.1 (10%) reversed): ' +
        '1000.00 at the original 0.1 (10%) × 0.1 = -10.00 [rule clawback/e]',
    );
    expect(text.at(-1)).toBe(
      'Carried forward: draw balance 0.00 USD; deferred c 90.00, d 190.00; negative balance 0.00 USD',
    );
  });
});

describe('explainLine names each count it cannot read', () => {
  /** The field named when `edit` corrupts a line of `s` (the first line of `kind`). */
  const field = (s: Statement, kind: string, edit: (l: StatementLine) => object): unknown => {
    const line = s.lines.find((l) => l.kind === kind) as StatementLine;
    try {
      explainLine(edit(line) as StatementLine, s);
    } catch (e) {
      return (e as { field?: string }).field;
    }
    return 'no error';
  };
  const detail = (l: StatementLine, d: object) => ({
    ...l,
    explanation: { ...l.explanation, detail: { ...l.explanation.detail, ...d } },
  });
  const window = { start: '2026-01-10', end: '2026-01-20' };

  it('units, periods, a tier index, days, steps and months', () => {
    const spiff = january([{ id: 'sp', kind: 'spiff', window, amountPerCredit: '100' }], { credits: TWO_CREDITS });
    const trueUp = january([{ id: 'c', kind: 'rate', rate: '0.1', cap: { amount: '1', mode: 'forfeit' } }], {
      credits: TWO_CREDITS,
      paidToDate: usd('0'),
    });
    const tier = january([tiered('marginal', 'periodToDate', 'higher', [{ from: '0', rate: '0.1' }])], {
      credits: TWO_CREDITS,
    });
    const claw = (policy: object, extra: object) =>
      january(
        [{ id: 'c', kind: 'rate', rate: '0.1' }],
        {
          clawbacks: [
            {
              id: 'e',
              dealId: 'D',
              creditDate: '2025-12-21',
              knownDate: '2026-01-20',
              base: usd('1000'),
              rate: '0.1',
              paid: usd('100'),
              ...extra,
            },
          ],
        },
        { version: { clawback: policy } },
      );
    const schedule = claw({ schedule: [{ withinDays: 30, share: '1' }] }, {});
    const outside = claw({ schedule: [{ withinDays: 10, share: '1' }] }, {});
    const term = claw({ basis: 'unservedTerm' }, { termMonths: 12 });
    expect([
      field(spiff, 'spiff', (l) => ({ ...l, explanation: { ...l.explanation, units: '1' } })),
      field(trueUp, 'cap', (l) =>
        detail(l, { limit: { perPeriod: '1.00', per: 'month', periods: '1', prorated: false } }),
      ),
      field(tier, 'tier', (l) => ({
        ...l,
        explanation: { ...l.explanation, tier: { ...l.explanation.tier, index: '0' } },
      })),
      field(schedule, 'clawback', (l) => detail(l, { withinDays: '30' })),
      field(schedule, 'clawback', (l) => detail(l, { days: '30' })),
      field(outside, 'clawback', (l) => detail(l, { lastWithinDays: '10' })),
      field(term, 'clawback', (l) => detail(l, { termMonths: '12' })),
      field(term, 'clawback', (l) => detail(l, { servedMonths: '0' })),
    ]).toEqual([
      'line.explanation.units',
      'line.explanation.detail.periods',
      'line.explanation.tier.index',
      'line.explanation.detail.withinDays',
      'line.explanation.detail.days',
      'line.explanation.detail.lastWithinDays',
      'line.explanation.detail.termMonths',
      'line.explanation.detail.servedMonths',
    ]);
  });
});
