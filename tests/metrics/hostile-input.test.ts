/**
 * Regressions of the fuzz suite's findings in revops/metrics (issue 14), each with the exact
 * input it found: a RevopsError naming the field where a TypeError escaped, a number where NaN
 * came out, a short message where a 10,000-character one was built.
 */
import { describe, expect, it } from 'vitest';
import * as M from '../../src/metrics/index.js';
import { thrown } from '../core/helpers.js';

const usd = (amount: string, currency = 'USD') => ({ amount, currency });
/** Money whose amount is a number: money() reads it as its shortest decimal. */
const usdNumber = (amount: number) => ({ amount, currency: 'USD' }) as unknown as { amount: string; currency: string };
const period = { start: '2026-01-01', end: '2026-03-31' };
const won = (id: string, ownerId: string, amount: string, currency = 'USD') => ({
  id,
  ownerId,
  stage: 'closed-won',
  closeDate: '2026-02-20',
  createdAt: '2026-01-05T09:00:00Z',
  amount: usd(amount, currency),
});
const member = (id: string, startDate = '2025-01-01') => ({
  id,
  name: id,
  roleId: 'account-executive',
  territoryIds: [],
  startDate,
});

/** `list` with an own `constructor` key, as JSON `{"constructor": …}` merged into an array gives. */
function withConstructor<T>(list: T[], ctor: unknown = 1): T[] {
  Object.defineProperty(list, 'constructor', { value: ctor, enumerable: false, writable: true, configurable: true });
  return list;
}

describe('options null is refused with INVALID_OPTION naming options', () => {
  const cases: [string, () => unknown][] = [
    ['summarizeWinRate', () => M.summarizeWinRate([], null as never)],
    ['winRate', () => M.winRate([], null as never)],
    ['summarizeAverageDealSize', () => M.summarizeAverageDealSize([], null as never)],
    ['averageDealSize', () => M.averageDealSize([], null as never)],
    ['summarizeActivityCounts', () => M.summarizeActivityCounts([], null as never)],
    ['summarizeAverageCallDuration', () => M.summarizeAverageCallDuration([], null as never)],
    ['summarizeSalesCycleLength', () => M.summarizeSalesCycleLength([won('d1', 'ae1', '10')] as never, null as never)],
    ['summarizeQuotaAttainment', () => M.summarizeQuotaAttainment([], [], null as never)],
    ['territoryBalance', () => M.territoryBalance([], [], null as never)],
    ['shrinkRates', () => M.shrinkRates([], null as never)],
  ];
  for (const [name, call] of cases) {
    it(name, () => {
      expect(thrown(call, 'INVALID_OPTION').field).toBe('options');
    });
  }
});

describe('arrays with their own constructor key are read element by element', () => {
  it('assignAccountTiers: accounts with constructor 1 (was a TypeError from Array.prototype.map)', () => {
    const accounts = withConstructor([{ id: 'a', annualSpend: usd('250000') }]);
    const r = M.assignAccountTiers(accounts, [{ tier: 'enterprise', minAnnualSpend: usd('100000') }]);
    expect(r.accounts.map((a) => (a as { tier?: string }).tier)).toEqual(['enterprise']);
    expect(r.counts).toEqual({ enterprise: 1 });
  });

  it('shrinkRates: groups with constructor 1; the result is the one of the plain array', () => {
    const groups = [
      { key: 'ann', successes: 2, trials: 2 },
      { key: 'bob', successes: 180, trials: 300 },
    ];
    const prior = { alpha: 6, beta: 4 };
    // the @example of shrinkRates: (2 + 6)/(2 + 10) = 0.6667, (180 + 6)/(300 + 10) = 0.6
    const r = M.shrinkRates(withConstructor([...groups]), { prior });
    expect(r.groups.map((g) => [g.key, g.shrunkRate, g.rank])).toEqual([
      ['ann', 8 / 12, 1],
      ['bob', 186 / 310, 2],
    ]);
  });

  it('finalizeFunnel: steps, wonStages and reached with constructor 1', () => {
    const summary = {
      kind: 'funnel',
      version: 1,
      groupBy: null,
      period: null,
      mode: 'cohort',
      source: 'history',
      steps: withConstructor(['lead', 'demo']),
      wonStages: withConstructor(['won']),
      asOf: null,
      total: {
        entities: 10,
        reached: withConstructor([10, 5, 2]),
        wonAny: 2,
        won: 2,
        lost: 8,
        lostWithoutHistory: 0,
        open: 0,
      },
      groups: {},
    };
    const rows = M.finalizeFunnel(summary as never).rows;
    // 5 of 10 reach demo (0.5); 2 of the 5 at the last step win (0.4), 2 of 10 from the first
    expect(rows.map((r) => [r.stageId, r.reached, r.conversionFromPrevious, r.conversionFromFirst])).toEqual([
      ['lead', 10, null, 1],
      ['demo', 5, 0.5, 0.5],
      ['won', 2, 0.4, 0.2],
    ]);
  });

  it('quota attainment: quotas and summary rows with constructor 1', () => {
    const quota = { memberId: 'ae1', period, amount: usd('100000.00'), measure: 'bookings' as const };
    const s = M.summarizeQuotaAttainment([won('d1', 'ae1', '30000')], withConstructor([quota]));
    expect(s.rows[0]?.attained).toBe('30000');
    const again = { ...s, rows: withConstructor([...s.rows]) };
    // 30,000 of 100,000
    expect(M.finalizeQuotaAttainment(again).attainment).toBe(0.3);
  });

  it('territory balance: territories and summary territories with constructor 1', () => {
    const accounts = [
      { id: 'a1', territoryId: 'east', annualSpend: usd('300') },
      { id: 'a2', territoryId: 'west', annualSpend: usd('100') },
    ];
    const s = M.summarizeTerritoryBalance(accounts, withConstructor([{ id: 'east' }, { id: 'west' }]));
    const merged = M.mergeTerritoryBalance(
      { ...s, territories: withConstructor([...s.territories]) },
      M.summarizeTerritoryBalance([], [{ id: 'east' }, { id: 'west' }]),
    );
    // loads 300 and 100: mean 200, population sd 100, CV 0.5; Gini |300 − 100|·2 / (2·2²·200) = 0.25
    const r = M.finalizeTerritoryBalance(merged);
    expect([r.potential.mean, r.potential.cv, r.potential.gini]).toEqual([200, 0.5, 0.25]);
    expect([r.potential.over, r.potential.under]).toEqual([['east'], ['west']]);
  });
});

describe('assignAccountTiers', () => {
  it('the same account id twice is refused with DUPLICATE_ID (the fuzz suite: counts changed in silence)', () => {
    const x = { id: 'x', annualSpend: usd('25000.00') };
    const accounts = [x, { id: 'y', annualSpend: usd('999.99'), tier: 'A' }, x];
    const tiers = [
      { tier: 'A', minAnnualSpend: usd('100000') },
      { tier: 'B', minAnnualSpend: usd('25000') },
    ];
    const e = thrown(() => M.assignAccountTiers(accounts, tiers, { defaultTier: 'C' }), 'DUPLICATE_ID');
    expect(e.details).toEqual({ id: 'x', first: 0, second: 2 });
  });
});

describe('territoryBalance', () => {
  it('an annualSpend amount given as a number is read like money() reads it (was a.charCodeAt TypeError)', () => {
    const accounts = [
      { id: 'a1', territoryId: 't', annualSpend: usdNumber(5) },
      { id: 'a2', territoryId: 't', annualSpend: usdNumber(5) },
    ];
    expect(M.territoryBalance(accounts as never, [{ id: 't' }]).territories[0]?.potential).toEqual(usd('10.00'));
  });

  it('a negative annualSpend given as a number is refused like a negative string', () => {
    const accounts = [
      { id: 'a1', territoryId: 't', annualSpend: usd('5') },
      { id: 'a2', territoryId: 't', annualSpend: usdNumber(-5) },
    ];
    const e = thrown(() => M.territoryBalance(accounts as never, [{ id: 't' }]), 'INVALID_AMOUNT');
    expect(e.field).toBe('accounts[1] (id "a2").annualSpend.amount');
  });

  it('loads near 1e308 give finite statistics (the sum overflowed to Infinity, then NaN)', () => {
    const big = `1${'0'.repeat(307)}`; // 1e307; the two sum to 2e307, the squares overflow
    const accounts = [
      { id: 'a1', territoryId: 'x', annualSpend: usd(big) },
      { id: 'a2', territoryId: 'y', annualSpend: usd(`3${'0'.repeat(307)}`) },
    ];
    const r = M.territoryBalance(accounts, [{ id: 'x' }, { id: 'y' }]).potential;
    // 1e307 and 3e307: mean 2e307, sd 1e307, CV 0.5, Gini 2·2e307 / (8·2e307) = 0.25
    expect(r.mean).toBeCloseTo(2e307, -300);
    expect(r.cv).toBeCloseTo(0.5, 12);
    expect(r.gini).toBeCloseTo(0.25, 12);
  });
});

describe('shrinkRates', () => {
  it('a prior beta of 1e308 is refused (logLikelihood was NaN)', () => {
    const groups = [
      { key: 'ann', successes: 2, trials: 2 },
      { key: 'bob', successes: 180, trials: 300 },
    ];
    const e = thrown(() => M.shrinkRates(groups, { prior: { alpha: 6, beta: 1e308 } }), 'INVALID_OPTION');
    expect(e.field).toBe('prior.beta');
  });

  it('a prior of 1e9 (the largest) gives a finite log-likelihood', () => {
    const groups = [
      { key: 'ann', successes: 2, trials: 2 },
      { key: 'bob', successes: 180, trials: 300 },
    ];
    const r = M.shrinkRates(groups, { prior: { alpha: 1e9, beta: 1e9 } });
    expect(Number.isFinite(r.logLikelihood)).toBe(true);
    // the prior mean 1/2 weighs 2e9 pseudo-trials: (180 + 1e9)/(300 + 2e9)
    expect(r.groups[1]?.shrunkRate).toBe((180 + 1e9) / (300 + 2e9));
  });
});

describe('revenuePerRep', () => {
  it('a member startDate that is a Symbol is refused with INVALID_DATE (was a TypeError)', () => {
    const members = [member('a'), member('b', Symbol('hostile') as never)];
    const e = thrown(() => M.revenuePerRep([], members as never, { period }), 'INVALID_DATE');
    expect(e.field).toBe('members[1] (id "b").startDate');
  });

  it('a closeDate that is a Symbol or an object is refused with INVALID_DATE (was a TypeError)', () => {
    for (const closeDate of [Symbol('hostile'), Object.create(null)]) {
      const deals = [won('d1', 'a', '200000'), { ...won('d2', 'b', '100000'), closeDate }];
      const e = thrown(() => M.revenuePerRep(deals as never, [member('a'), member('b')], { period }), 'INVALID_DATE');
      expect(e.field).toBe('deals[1] (id "d2").closeDate');
    }
  });

  it('an amount of 5e-324 next to 200000 gives a perRep number, not NaN', () => {
    const members = [{ ...member('a'), roleId: '' }];
    const deals = [won('d1', 'a', '200000'), { ...won('d2', 'a', '0'), amount: usdNumber(5e-324) }];
    const r = M.revenuePerRep(deals as never, members as never, { period });
    // 200000 + 5e-324 exactly; one rep in role the whole quarter: 200000 (the double nearest)
    expect(r.revenue?.amount).toBe(`200000.${'0'.repeat(323)}5`);
    expect(r.perRep).toBe(200000);
  });

  it('summarize writes a revenue of 324 decimals that finalize reads back', () => {
    const deals = [won('d1', 'a', `0.${'0'.repeat(400)}5`)];
    const s = M.summarizeRevenuePerRep(deals as never, [member('a')] as never, { period });
    expect(M.finalizeRevenuePerRep(JSON.parse(JSON.stringify(s))).revenue?.amount).toBe(`0.${'0'.repeat(400)}5`);
  });

  it('a CURRENCY_MISMATCH of a 10,002-character currency has a short message', () => {
    const deals = [won('d1', 'a', '200000'), won('d2', 'b', '100000', 'USD'.repeat(3334))];
    const e = thrown(
      () => M.revenuePerRep(deals as never, [member('a'), member('b')] as never, { period }),
      'CURRENCY_MISMATCH',
    );
    expect(e.field).toBe('deals[1] (id "d2").amount.currency');
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('quota attainment', () => {
  const quota = { memberId: 'ae1', period, amount: usd('100000.00'), measure: 'bookings' as const };

  it('a memberId NaN is refused, not echoed as null', () => {
    const e = thrown(
      () => M.summarizeQuotaAttainment([], [{ ...quota, memberId: Number.NaN }] as never),
      'INVALID_INPUT',
    );
    expect(e.field).toBe('quotas[0].memberId');
  });

  it('a member startDate that is a Symbol is refused with INVALID_DATE', () => {
    const members = [member('ae1', Symbol('hostile') as never)];
    const e = thrown(() => M.summarizeQuotaAttainment([], [quota], { members } as never), 'INVALID_DATE');
    expect(e.field).toBe('options.members[0] (id "ae1").startDate');
  });

  it('members that are not an array are refused', () => {
    const e = thrown(() => M.summarizeQuotaAttainment([], [quota], { members: 7 } as never), 'INVALID_OPTION');
    expect(e.field).toBe('options.members');
  });

  it('a CURRENCY_MISMATCH of a 10,002-character currency has a short message', () => {
    const deals = [won('d1', 'ae1', '100', 'USD'.repeat(3334))];
    const e = thrown(() => M.summarizeQuotaAttainment(deals, [quota]), 'CURRENCY_MISMATCH');
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('CURRENCY_MISMATCH messages are bounded', () => {
  const long = 'USD'.repeat(3334);

  it('averageDealSize (MoneyTotal)', () => {
    const deals = [won('d1', 'a', '1'), won('d2', 'a', '1', long)];
    const e = thrown(() => M.averageDealSize(deals as never), 'CURRENCY_MISMATCH');
    expect(e.field).toBe('deals[1] (id "d2").amount.currency');
    expect(e.message.length).toBeLessThan(200);
  });

  it('winRate by value', () => {
    const lost = { ...won('d2', 'a', '1', long), stage: 'closed-lost' };
    const e = thrown(() => M.winRate([won('d1', 'a', '1'), lost] as never, { by: 'value' }), 'CURRENCY_MISMATCH');
    expect(e.message.length).toBeLessThan(200);
  });

  it('assignAccountTiers', () => {
    const accounts = [{ id: 'a', annualSpend: usd('1', long) }];
    const tiers = [{ tier: 'smb', minAnnualSpend: usd('0') }];
    const e = thrown(() => M.assignAccountTiers(accounts, tiers), 'UNKNOWN_CURRENCY');
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('funnel: a pipeline not made by definePipeline (long fuzz run, 19:18)', () => {
  const stages = [
    { id: 'a', name: 'A', kind: 'open' },
    { id: 'won', name: 'Won', kind: 'won' },
  ];
  const entity = {
    createdAt: '2026-01-05T10:00:00Z',
    stage: 'won',
    ownerId: 'ae1',
    history: [
      { from: null, to: 'a', at: '2026-01-05T10:00:00Z', actorId: 'ae1', roleId: 'account-executive' },
      { from: 'a', to: 'won', at: '2026-02-01T10:00:00Z', actorId: 'ae1', roleId: 'account-executive' },
    ],
  };

  it('a stage that is null or undefined is refused with INVALID_PIPELINE naming it (was a TypeError)', () => {
    for (const bad of [null, undefined]) {
      const pipeline = { id: 'p', stages: [bad, ...stages] };
      const e = thrown(() => M.funnel([entity] as never, { pipeline } as never), 'INVALID_PIPELINE');
      expect(e.field).toBe('options.pipeline.stages[0]');
    }
  });

  it('stages with their own constructor key are read element by element', () => {
    const pipeline = { id: 'p', stages: withConstructor([...stages]) };
    const rows = M.funnel([entity] as never, { pipeline } as never).rows;
    // one entity reaches a and wins
    expect(rows.map((r) => [r.stageId, r.reached])).toEqual([
      ['a', 1],
      ['won', 1],
    ]);
  });
});

describe('DUPLICATE_ID messages stay bounded (an id of 10,000 characters)', () => {
  it('winRate given one deal twice names the id cut to 60 characters', () => {
    const deal = { id: 'd'.repeat(10_000), stage: 'closed-won', closeDate: '2026-01-15', ownerId: 'ae' };
    const e = thrown(() => M.winRate([deal, deal] as never), 'DUPLICATE_ID');
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toContain(`"${'d'.repeat(57)}..." again`);
  });
});
