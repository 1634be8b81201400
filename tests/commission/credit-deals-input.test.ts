/**
 * `creditDeals`: how it reads its rules and deals — each refusal names the field and the value
 * (core's message form `<field> <expectation>, got <value>`) — and what each credit carries.
 * Amounts are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { creditDeals } from '../../src/commission/index.js';
import { managerAsOf } from '../../src/commission/credit-deals.js';
import type { Deal } from '../../src/model/deal.js';
import type { Member } from '../../src/model/member.js';
import { thrownRevopsError as thrown } from '../thrown.js';

function deal(id: string, amount: string, extra: Partial<Deal> = {}): Deal {
  return {
    id,
    name: id,
    accountId: 'acc',
    ownerId: 'ae1',
    type: 'new',
    amount: { amount, currency: 'USD' },
    stage: 'closed-won',
    probability: 1,
    probabilitySource: 'stage',
    forecastCategory: 'closed',
    expectedCloseDate: '2026-01-20',
    closeDate: '2026-01-20',
    createdAt: '2026-01-01T00:00:00Z',
    history: [],
    ...extra,
  };
}

const m = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  roleId: 'ae',
  startDate: '2020-01-01',
  territoryIds: [],
  ...extra,
});

const loose = (x: unknown) => x as never;

describe('managerAsOf', () => {
  const history = [
    { managerId: 'm1', start: '2025-01-01', end: '2025-12-31' },
    { managerId: 'm2', start: '2026-01-01' },
  ];
  it('the line in force on the date, its first and last day included', () => {
    const ae = m('ae', { managerId: 'old', reportingHistory: history });
    expect(managerAsOf(ae, '2025-01-01')).toBe('m1');
    expect(managerAsOf(ae, '2025-12-31')).toBe('m1');
    expect(managerAsOf(ae, '2026-01-01')).toBe('m2');
    expect(managerAsOf(ae, '2024-12-31')).toBeUndefined();
  });
  it('managerId without a history', () => {
    expect(managerAsOf(m('ae', { managerId: 'boss' }), '2026-01-01')).toBe('boss');
  });
});

describe('creditDeals rules', () => {
  it('deals must be an array', () => {
    const e = thrown(() => creditDeals(loose('d')));
    expect([e.code, e.message]).toEqual([
      'INVALID_INPUT',
      expect.stringMatching(/^deals must be an array of deals, got /),
    ]);
  });

  it('a roll-up needs members', () => {
    const e = thrown(() => creditDeals([deal('d', '100')], { rollup: 'manager' }));
    expect([e.code, e.message]).toEqual([
      'INVALID_INPUT',
      expect.stringMatching(/^rules\.members are required to roll credit up to managers, got /),
    ]);
  });

  it('members are read with INVALID_OPTION, each field named', () => {
    const bad = (members: unknown) => thrown(() => creditDeals([], loose({ rollup: 'manager', members })));
    expect(bad('x').message).toMatch(/^rules\.members /);
    expect(bad('x').code).toBe('INVALID_OPTION');
    expect(bad([5]).message).toMatch(/^rules\.members\[0\] /);
    expect(bad([5]).code).toBe('INVALID_OPTION');
    const e1 = bad([{ ...m('a'), id: 5 }]);
    expect([e1.code, e1.message]).toEqual(['INVALID_OPTION', expect.stringMatching(/^rules\.members\[0\]\.id /)]);
    const e2 = bad([m('a', { managerId: loose(5) })]);
    expect([e2.code, e2.message]).toEqual([
      'INVALID_OPTION',
      expect.stringMatching(/^rules\.members\[0\] \(id "a"\)\.managerId /),
    ]);
    const e3 = bad([m('a', { reportingHistory: loose('x') })]);
    expect([e3.code, e3.message]).toEqual([
      'INVALID_OPTION',
      expect.stringMatching(/^rules\.members\[0\] \(id "a"\)\.reportingHistory /),
    ]);
    const e4 = bad([m('a', { reportingHistory: loose([{ managerId: 'b', start: '2026-01-01' }, 5]) })]);
    expect([e4.code, e4.message]).toEqual([
      'INVALID_OPTION',
      expect.stringMatching(/^rules\.members\[0\] \(id "a"\)\.reportingHistory\[1\] /),
    ]);
    const e5 = bad([m('a', { reportingHistory: loose([{ managerId: 5, start: '2026-01-01' }]) })]);
    expect([e5.code, e5.message]).toEqual([
      'INVALID_OPTION',
      expect.stringMatching(/^rules\.members\[0\] \(id "a"\)\.reportingHistory\[0\]\.managerId /),
    ]);
    const e6 = bad([m('a', { reportingHistory: loose([{ managerId: 'b', start: 'x' }]) })]);
    expect(e6.message).toMatch(/^rules\.members\[0\] \(id "a"\)\.reportingHistory\[0\]\.start /);
    const e7 = bad([m('a', { reportingHistory: loose([{ managerId: 'b', start: '2026-01-01', end: 'x' }]) })]);
    expect(e7.message).toMatch(/^rules\.members\[0\] \(id "a"\)\.reportingHistory\[0\]\.end /);
  });

  it('rollup, measure and source must be known values', () => {
    expect(thrown(() => creditDeals([], loose({ rollup: 'boss' }))).message).toMatch(/^rules\.rollup /);
    expect(thrown(() => creditDeals([], loose({ measure: 'x' }))).message).toMatch(/^rules\.measure /);
    expect(thrown(() => creditDeals([], loose({ source: 'yes' }))).message).toMatch(/^rules\.source /);
  });
});

describe('creditDeals deals', () => {
  it('a won deal without closeDate is refused, named', () => {
    const { closeDate: _, ...open } = deal('d', '100');
    const e = thrown(() => creditDeals([open as Deal]));
    expect([e.code, e.message]).toEqual([
      'INVALID_INPUT',
      expect.stringMatching(/^deals\[0\] \(id "d"\)\.closeDate is required to date the credits of a won deal, got /),
    ]);
  });

  it('a repeated deal id names both positions', () => {
    const e = thrown(() => creditDeals([deal('d', '100'), deal('e', '1'), deal('d', '5')]));
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.message).toBe('deals[2] (id "d") repeats deals[0]: a deal is credited once, never twice');
    expect(e.details).toEqual({ id: 'd', first: 0, second: 2 });
  });

  it('each field is named: ownerId, type, segment, products[k], termMonths, splits', () => {
    const bad = (extra: Record<string, unknown>) => thrown(() => creditDeals([deal('d', '100', loose(extra))])).message;
    expect(bad({ ownerId: 5 })).toMatch(/^deals\[0\] \(id "d"\)\.ownerId /);
    expect(bad({ type: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.type /);
    expect(bad({ segment: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.segment /);
    expect(bad({ products: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.products /);
    expect(bad({ products: ['a', 5] })).toMatch(/^deals\[0\] \(id "d"\)\.products\[1\] /);
    expect(bad({ termMonths: 0 })).toMatch(/^deals\[0\] \(id "d"\)\.termMonths /);
    expect(bad({ sourceMemberId: 5 })).toMatch(/^deals\[0\] \(id "d"\)\.sourceMemberId /);
    expect(bad({ splits: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.splits /);
    const split = (s: Record<string, unknown>) =>
      bad({ splits: [{ memberId: 'b', share: '0.1', kind: 'revenue', ...s }] });
    expect(split({ memberId: 5 })).toMatch(/^deals\[0\] \(id "d"\)\.splits\[0\]\.memberId /);
    expect(split({ kind: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.splits\[0\]\.kind /);
    expect(split({ share: 'x' })).toMatch(/^deals\[0\] \(id "d"\)\.splits\[0\]\.share /);
    expect(split({ share: '-0.1' })).toMatch(/^deals\[0\] \(id "d"\)\.splits\[0\]\.share must not be negative, got /);
  });

  it('each refusal of a deal’s fields has its code: INVALID_INPUT, INVALID_RATE for a negative share', () => {
    const bad = (extra: Record<string, unknown>) => {
      const e = thrown(() => creditDeals([deal('d', '100', loose(extra))]));
      return [e.code, e.field, e.message];
    };
    const split = (s: Record<string, unknown>) =>
      bad({ splits: [{ memberId: 'b', share: '0.1', kind: 'revenue', ...s }] });
    expect([
      bad({ type: 'x' }),
      bad({ segment: 'x' }),
      bad({ termMonths: 0 }),
      bad({ amount: { amount: 'x', currency: 'USD' } }),
      split({ kind: 'x' }),
      split({ share: '-0.1' }),
      bad({
        splits: [
          { memberId: 'b', share: '0.1', kind: 'revenue' },
          { memberId: 'b', share: '0.2', kind: 'revenue' },
        ],
      }),
    ]).toEqual([
      [
        'INVALID_INPUT',
        'deals[0] (id "d").type',
        expect.stringMatching(/^deals\[0\] \(id "d"\)\.type must be one of /),
      ],
      ['INVALID_INPUT', 'deals[0] (id "d").segment', expect.stringMatching(/\.segment must be one of /)],
      ['INVALID_INPUT', 'deals[0] (id "d").termMonths', expect.stringMatching(/\.termMonths /)],
      [
        'INVALID_AMOUNT',
        'deals[0] (id "d").amount.amount',
        expect.stringMatching(/\.amount\.amount must be a decimal /),
      ],
      ['INVALID_INPUT', 'deals[0] (id "d").splits[0].kind', expect.stringMatching(/\.kind must be one of /)],
      [
        'INVALID_RATE',
        'deals[0] (id "d").splits[0].share',
        'deals[0] (id "d").splits[0].share must not be negative, got "-0.1"',
      ],
      [
        'INVALID_INPUT',
        'deals[0] (id "d").splits',
        expect.stringMatching(/ must not give a member two revenue credits /),
      ],
    ]);
  });

  it('revenue shares over 1 and a member credited twice are refused, named', () => {
    const over = thrown(() =>
      creditDeals([
        deal('d', '100', {
          splits: [
            { memberId: 'b', share: '0.6', kind: 'revenue' },
            { memberId: 'c', share: '0.5', kind: 'revenue' },
          ],
        }),
      ]),
    );
    expect([over.code, over.message]).toEqual([
      'INVALID_INPUT',
      'deals[0] (id "d").splits revenue split shares must not total more than 1 (100%), got "1.1"',
    ]);
    const twice = (kind: 'revenue' | 'overlay') =>
      thrown(() =>
        creditDeals([
          deal('d', '100', {
            splits: [
              { memberId: 'b', share: '0.1', kind },
              { memberId: 'b', share: '0.2', kind },
            ],
          }),
        ]),
      );
    expect(twice('revenue').message).toBe(
      'deals[0] (id "d").splits must not give a member two revenue credits on one deal (the owner counts as a ' +
        'revenue credit): merge the shares, got "b"',
    );
    expect(twice('overlay').message).toBe(
      'deals[0] (id "d").splits must not give a member two overlay credits on one deal (the owner counts as a ' +
        'revenue credit): merge the shares, got "b"',
    );
  });

  it('shares of exactly 1: the owner gets nothing and no credit; a zero split gets no credit', () => {
    const credits = creditDeals([
      deal('d', '100', {
        splits: [
          { memberId: 'b', share: '1', kind: 'revenue' },
          { memberId: 'c', share: '0', kind: 'revenue' },
        ],
      }),
    ]);
    expect(credits.map((c) => [c.memberId, c.kind, c.amount.amount, c.share])).toEqual([['b', 'split', '100.00', '1']]);
  });

  it('an owner and an overlay for the same member are both credited (revenue and overlay are apart)', () => {
    const credits = creditDeals([deal('d', '100', { splits: [{ memberId: 'ae1', share: '0.1', kind: 'overlay' }] })]);
    // owner 100.00, overlay 10 % of 100 = 10.00
    expect(credits.map((c) => [c.id, c.amount.amount])).toEqual([
      ['d/owner/ae1', '100.00'],
      ['d/overlay/ae1', '10.00'],
    ]);
  });

  it('each credit carries the deal’s segment, products (a copy) and term only when the deal has them', () => {
    const products = ['p1', 'p2'];
    const [c] = creditDeals([deal('d', '100', { segment: 'enterprise', products, termMonths: 24 })]);
    expect(c).toMatchObject({ segment: 'enterprise', products: ['p1', 'p2'], termMonths: 24, share: '1' });
    expect(c?.products).not.toBe(products);
    const [plain] = creditDeals([deal('d', '100')]);
    expect(plain !== undefined && ('segment' in plain || 'products' in plain || 'termMonths' in plain)).toBe(false);
  });

  it('a source credit: units 1, or 0 on a credit note; none with source: false', () => {
    const withSrc = creditDeals([
      deal('d', '100', { sourceMemberId: 'sdr' }),
      deal('n', '-40', { sourceMemberId: 'sdr' }),
    ]);
    expect(withSrc.filter((c) => c.kind === 'source').map((c) => [c.id, c.amount.amount, c.units, c.share])).toEqual([
      ['d/source/sdr', '100.00', 1, '1'],
      ['n/source/sdr', '-40.00', 0, '1'],
    ]);
    expect(creditDeals([deal('d', '100', { sourceMemberId: 'sdr' })], { source: false }).map((c) => c.kind)).toEqual([
      'owner',
    ]);
  });
});

describe('roll-up', () => {
  it('stops at a manager already seen (a cycle) and never credits a direct seller', () => {
    // ae1 → m1 → ae1 (a cycle): m1 gets the roll-up once, ae1 (the owner) none
    const members = [m('ae1', { managerId: 'm1' }), m('m1', { managerId: 'ae1' })];
    const credits = creditDeals([deal('d', '100')], { rollup: 'allManagers', members });
    expect(credits.map((c) => [c.id, c.amount.amount])).toEqual([
      ['d/owner/ae1', '100.00'],
      ['d/rollup/m1', '100.00'],
    ]);
  });

  it('none without a rollup rule, even with members given', () => {
    const members = [m('ae1', { managerId: 'm1' }), m('m1')];
    expect(creditDeals([deal('d', '100')], { members }).map((c) => c.id)).toEqual(['d/owner/ae1']);
    expect(creditDeals([deal('d', '100')], { rollup: 'none', members }).map((c) => c.id)).toEqual(['d/owner/ae1']);
  });

  it('a roll-up credit carries no share (it is a sum of credits, not a share of the deal)', () => {
    const members = [m('ae1', { managerId: 'm1' }), m('m1')];
    const credits = creditDeals([deal('d', '100')], { rollup: 'manager', members });
    expect(credits.map((c) => [c.id, Object.hasOwn(c, 'share')])).toEqual([
      ['d/owner/ae1', true],
      ['d/rollup/m1', false],
    ]);
  });

  it('a manager who is also a split on the deal gets no roll-up', () => {
    const members = [m('ae1', { managerId: 'm1' }), m('m1')];
    const credits = creditDeals([deal('d', '100', { splits: [{ memberId: 'm1', share: '0.5', kind: 'revenue' }] })], {
      rollup: 'manager',
      members,
    });
    expect(credits.map((c) => [c.id, c.amount.amount])).toEqual([
      ['d/owner/ae1', '50.00'],
      ['d/split/m1', '50.00'],
    ]);
  });
});
