/**
 * What a statement's sums read of each credit: `matchesFilter` (every given field of a filter must
 * match; a credit without the field does not match it, except `newLogo: false` and no term), and the
 * shape of a credit's date (`YYYY-MM-DD`, month 01–12, day 01–31), refused with `INVALID_DATE`
 * naming the credit. Cases are chosen by hand at each boundary.
 */
import { describe, expect, it } from 'vitest';
import { finalizeStatement, summarizeStatement } from '../../src/commission/index.js';
import { resolveContext } from '../../src/commission/context.js';
import { type IdStore, matchesFilter, SumsAccumulator } from '../../src/commission/sums.js';
import { RevopsError } from '../../src/core/index.js';
import { credit, JAN_2026, member, planOf, usd } from './helpers.js';

const base = credit('k', '100');

describe('matchesFilter', () => {
  it('no filter, or an empty one, matches', () => {
    expect(matchesFilter(base, undefined)).toBe(true);
    expect(matchesFilter(base, {})).toBe(true);
  });

  it('products: any of them; a credit without products matches none', () => {
    expect(matchesFilter({ ...base, products: ['a', 'b'] }, { products: ['b', 'c'] })).toBe(true);
    expect(matchesFilter({ ...base, products: ['a'] }, { products: ['c'] })).toBe(false);
    expect(matchesFilter(base, { products: ['c'] })).toBe(false);
    // whatever the products are called (StrykerJS's placeholder text included: no default list is matched)
    expect(matchesFilter(base, { products: ['Stryker was here'] })).toBe(false);
  });

  it('dealTypes and segments: one of them; a credit without the field matches none', () => {
    expect(matchesFilter({ ...base, dealType: 'new' }, { dealTypes: ['new'] })).toBe(true);
    expect(matchesFilter({ ...base, dealType: 'renewal' }, { dealTypes: ['new'] })).toBe(false);
    expect(matchesFilter(base, { dealTypes: ['new'] })).toBe(false);
    expect(matchesFilter({ ...base, segment: 'b2b' }, { segments: ['b2b'] })).toBe(true);
    expect(matchesFilter({ ...base, segment: 'enterprise' }, { segments: ['b2b'] })).toBe(false);
    expect(matchesFilter(base, { segments: ['b2b'] })).toBe(false);
  });

  it('newLogo: an absent flag is false', () => {
    expect(matchesFilter({ ...base, newLogo: true }, { newLogo: true })).toBe(true);
    expect(matchesFilter({ ...base, newLogo: false }, { newLogo: true })).toBe(false);
    expect(matchesFilter(base, { newLogo: true })).toBe(false);
    expect(matchesFilter(base, { newLogo: false })).toBe(true);
    expect(matchesFilter({ ...base, newLogo: true }, { newLogo: false })).toBe(false);
  });

  it('minTermMonths: the term itself is enough; no term is 0', () => {
    expect(matchesFilter({ ...base, termMonths: 12 }, { minTermMonths: 12 })).toBe(true);
    expect(matchesFilter({ ...base, termMonths: 11 }, { minTermMonths: 12 })).toBe(false);
    expect(matchesFilter(base, { minTermMonths: 1 })).toBe(false);
  });

  it('activities: one of them; a credit without an activity matches none', () => {
    expect(matchesFilter({ ...base, activity: 'demo' }, { activities: ['demo'] })).toBe(true);
    expect(matchesFilter({ ...base, activity: 'call' }, { activities: ['demo'] })).toBe(false);
    expect(matchesFilter(base, { activities: ['demo'] })).toBe(false);
  });

  it('every given field must match', () => {
    const c = { ...base, dealType: 'new' as const, segment: 'b2b' as const };
    expect(matchesFilter(c, { dealTypes: ['new'], segments: ['b2b'] })).toBe(true);
    expect(matchesFilter(c, { dealTypes: ['new'], segments: ['enterprise'] })).toBe(false);
    expect(matchesFilter(c, { dealTypes: ['renewal'], segments: ['b2b'] })).toBe(false);
  });
});

describe('a credit date must be shaped YYYY-MM-DD', () => {
  const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]);
  const summarize = (date: string) =>
    summarizeStatement([credit('k', '100', date)], { plan, member, period: JAN_2026, quota: usd('1000') });

  it.each([
    '2026-1-15',
    '2026/01/15',
    '2026-01/15',
    '2026-01-155',
    'x026-01-15',
    '2x26-01-15',
    '20x6-01-15',
    '202x-01-15',
    '2026-x1-15',
    '2026-0x-15',
    '2026-01-x5',
    '2026-01-1x',
    '2026-00-15',
    '2026-13-15',
    '2026-01-00',
    '2026-01-32',
    '2026-:1-15',
    '2026-01-/5',
    // not digits, though read as digits they would give month 10 + (41 − 48) = 3 and day 20 − 7 = 13
    '2026-1)-15',
    '2026-01-2)',
    '2026-)1-15',
    '2026-01-)5',
  ])('%s is refused with INVALID_DATE, naming the credit', (date) => {
    let error: unknown;
    try {
      summarize(date);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RevopsError);
    expect((error as RevopsError).code).toBe('INVALID_DATE');
    expect((error as RevopsError).message).toMatch(/^credits\[0\] \(id "k"\)\.date must be a calendar date YYYY-MM-DD/);
  });

  it('the first and last month and day are accepted (out of the period, so not counted)', () => {
    for (const date of ['2025-01-01', '2025-12-31', '2026-10-19', '2029-09-29'])
      expect(summarize(date).creditIds).toEqual([]);
    expect(summarize('2026-01-31').creditIds).toEqual(['k']);
  });
});

describe('a component counting other credits than attainment is summed on its own', () => {
  const context = (components: Parameters<typeof planOf>[0]) => ({
    plan: planOf(components),
    member,
    period: JAN_2026,
    quota: usd('10000'),
  });
  // attainment counts owner, split and overlay bookings:
  // 1,000 (new, owner) + 500 (renewal, split) + 200 (overlay)
  const credits = [
    credit('o', '200', '2026-01-12', { dealType: 'renewal', kind: 'overlay' }),
    credit('n', '1000', '2026-01-10', { dealType: 'new' }),
    credit('r', '500', '2026-01-11', { dealType: 'renewal', kind: 'split' }),
  ];
  const earned = (components: Parameters<typeof planOf>[0]) =>
    finalizeStatement(summarizeStatement(credits, context(components)), context(components)).earned.amount;

  it('the same credits as attainment: 10 % of 1,700', () => {
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1' }])).toBe('170.00');
  });
  it('a filter: 10 % of the 1,000 new', () => {
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1', filter: { dealTypes: ['new'] } }])).toBe('100.00');
  });
  it('other kinds: owner only, 10 % of 1,000; owner, split and source (not overlay), 10 % of 1,500', () => {
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['owner'] }])).toBe('100.00');
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['owner', 'split', 'source'] }])).toBe('150.00');
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['owner', 'split', 'rollup'] }])).toBe('150.00');
  });
  it('a multiplier: 10 % of 1,000 × 2 + 500 + 200', () => {
    expect(
      earned([
        { id: 'c', kind: 'rate', rate: '0.1', multipliers: [{ id: 'm', factor: '2', when: { dealTypes: ['new'] } }] },
      ]),
    ).toBe('270.00');
  });
  it('another measure: no acv credits, nothing', () => {
    expect(earned([{ id: 'c', kind: 'rate', rate: '0.1', measure: 'acv' }])).toBe('0.00');
  });
});

describe('SumsAccumulator, the running sum behind collectSums', () => {
  const context = {
    plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1' }]),
    member,
    period: JAN_2026,
    quota: usd('1000'),
  };
  const duplicate = (id: string) => new RevopsError('DUPLICATE_ID', `credit ${id} twice`);

  it('counts the member’s credits in the range as they are added', () => {
    const acc = new SumsAccumulator(resolveContext(context), 'ae');
    acc.add(credit('a', '100'), 0);
    acc.add(credit('b', '50', '2026-02-01'), 1); // after the period: not counted
    acc.add(credit('c', '25', '2026-01-20', { memberId: 'bo' }), 2); // another member's
    acc.add(credit('d', '25'), 3);
    // by hand: a and d
    expect([acc.count, acc.sums(duplicate).attainment.amount]).toEqual([2, { int: 125n, scale: 0 }]);
  });

  it('is ended by sums: adding afterwards, or summing twice, is a programming error', () => {
    const acc = new SumsAccumulator(resolveContext(context), 'ae');
    acc.add(credit('a', '100'), 0);
    acc.sums(duplicate);
    expect(() => acc.add(credit('b', '100'), 1)).toThrow('SumsAccumulator: add after sums');
    expect(() => acc.sums(duplicate)).toThrow('SumsAccumulator: sums twice');
  });

  it('with an IdStore (as src/parallel gives it) the sums, ids included, are those without one', () => {
    // a tiny IdStore: an id's number is its place in a list; an unknown number is a programming error
    const store = (): IdStore => {
      const list: string[] = [];
      return {
        put: (id) => list.push(id) - 1,
        get: (key) => {
          const id = list[key];
          if (typeof key !== 'number' || id === undefined) throw new Error(`no id ${String(key)}`);
          return id;
        },
      };
    };
    // a 10 % rate on new business only, so its ids are not attainment's; an acv credit counts for neither
    const ctx = resolveContext({
      ...context,
      plan: planOf([{ id: 'c', kind: 'rate', rate: '0.1', filter: { dealTypes: ['new'] } }]),
    });
    const sumsOf = (idStore?: IdStore) => {
      const acc = new SumsAccumulator(ctx, 'ae', idStore);
      acc.add(credit('z', '100', '2026-01-10', { dealType: 'new' }), 0);
      acc.add(credit('b', '50', '2026-01-11', { dealType: 'renewal', kind: 'split' }), 1);
      acc.add(credit('m', '25', '2026-01-12', { measure: 'acv' }), 2);
      return acc.sums(duplicate);
    };
    const stored = sumsOf(store());
    // by hand: all three ids sorted; attainment 100 + 50 bookings (z, b); the component z's 100 alone
    expect([stored.creditIds, stored.attainment.creditIds, stored.attainment.amount]).toEqual([
      ['b', 'm', 'z'],
      ['b', 'z'],
      { int: 150n, scale: 0 },
    ]);
    expect(stored.components.map((c) => c.creditIds)).toEqual([['z']]);
    expect(stored).toEqual(sumsOf());
  });

  it('an id given twice is refused with an IdStore as without one', () => {
    const acc = new SumsAccumulator(resolveContext(context), 'ae', {
      put: (id) => (id === 'a' ? 0 : 1),
      get: (key) => (key === 0 ? 'a' : 'b'),
    });
    acc.add(credit('a', '100'), 0);
    acc.add(credit('a', '100'), 1);
    expect(() => acc.sums(duplicate)).toThrow('credit a twice');
  });
});
