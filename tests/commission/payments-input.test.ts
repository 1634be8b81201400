/**
 * Cash basis (`payableOn: 'payment'`): how a statement reads `priorBalance.held` and `payments`
 * — each refusal names the field and the value (core's message form `<field> <expectation>, got
 * <value>`) — and small release cases worked out by hand (10 % of the deal, released in proportion
 * to what the customer paid).
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement, type StatementInput } from '../../src/commission/index.js';
import { month } from '../../src/core/index.js';
import { credit, member, planOf, usd } from './helpers.js';
import { thrownRevopsError as thrown } from '../thrown.js';

const plan = planOf([{ id: 'c', kind: 'rate', rate: '0.1' }], { version: { payableOn: 'payment' } });
const feb = month(2026, 2);
/** 1,000 earned on deal D-1 (10 % of 10,000), nothing released or collected yet. */
const heldD1 = { earned: usd('1000'), released: usd('0'), collected: usd('0'), dealAmount: null };
const pay = (id: string, dealId = 'D-1', date = '2026-02-10', amount = '5000', dealAmount = '10000') => ({
  id,
  dealId,
  date,
  amount: usd(amount),
  dealAmount: usd(dealAmount),
});

function run(extra: Partial<StatementInput>) {
  return calculateStatement({ plan, member, period: feb, quota: usd('50000'), credits: [], ...extra });
}

const held = (h: unknown) => ({ priorBalance: { held: h } }) as unknown as Partial<StatementInput>;

describe('priorBalance.held', () => {
  it('must be a record', () => {
    for (const h of [null, 5, 'x']) {
      const e = thrown(() => run(held(h)));
      expect([e.code, e.message]).toEqual([
        'INVALID_INPUT',
        expect.stringMatching(/^priorBalance\.held must be a record of held commission per deal id, got /),
      ]);
    }
  });

  it('each entry must be a held commission, named by its deal id', () => {
    for (const h of [null, 7]) {
      const e = thrown(() => run(held({ 'D-1': h })));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^priorBalance\.held\.D-1 must be a held commission, got /);
    }
  });

  it('each amount is named: earned, released, collected, dealAmount', () => {
    const neg = (k: string) => thrown(() => run(held({ 'D-1': { ...heldD1, [k]: usd('-1') } })));
    expect(neg('earned').message).toMatch(/^priorBalance\.held\.D-1\.earned\.amount must be zero or more, got /);
    expect(neg('released').message).toMatch(/^priorBalance\.held\.D-1\.released\.amount must be zero or more, got /);
    expect(neg('collected').message).toMatch(/^priorBalance\.held\.D-1\.collected\.amount must be zero or more, got /);
    expect(neg('dealAmount').message).toMatch(/^priorBalance\.held\.D-1\.dealAmount\.amount must be positive, got /);
    const zeroDeal = thrown(() => run(held({ 'D-1': { ...heldD1, dealAmount: usd('0') } })));
    expect(zeroDeal.code).toBe('INVALID_AMOUNT');
    // zero is allowed for earned, released and collected
    expect(run(held({ 'D-1': { ...heldD1, earned: usd('0') } })).balances.held).toEqual({
      'D-1': { earned: usd('0.00'), released: usd('0.00'), collected: usd('0.00'), dealAmount: null },
    });
  });

  it('an amount in another currency is refused, naming the plan currency', () => {
    const e = thrown(() => run(held({ 'D-1': { ...heldD1, earned: { amount: '1', currency: 'EUR' } } })));
    expect(e.code).toBe('CURRENCY_MISMATCH');
    expect(e.message).toMatch(/^priorBalance\.held\.D-1\.earned\.currency must be the plan currency USD, got /);
  });

  it('released must not exceed earned', () => {
    const e = thrown(() => run(held({ 'D-1': { ...heldD1, released: usd('1000.01') } })));
    expect(e.code).toBe('INVALID_AMOUNT');
    expect(e.message).toMatch(/^priorBalance\.held\.D-1\.released\.amount must not exceed earned 1000, got /);
    // released = earned is allowed
    expect(() => run(held({ 'D-1': { ...heldD1, released: usd('1000') } }))).not.toThrow();
  });
});

describe('payments', () => {
  const withHeld = (payments: unknown) =>
    ({ priorBalance: { held: { 'D-1': heldD1 } }, payments }) as unknown as Partial<StatementInput>;

  it('must be an array', () => {
    const e = thrown(() => run(withHeld({ length: 0 })));
    expect([e.code, e.message]).toEqual([
      'INVALID_INPUT',
      expect.stringMatching(/^payments must be an array of payments, got /),
    ]);
  });

  it('each must be a payment with a non-empty id, named by position', () => {
    for (const p of [null, 3]) {
      const e = thrown(() => run(withHeld([pay('a'), p])));
      expect([e.code, e.field, e.message]).toEqual([
        'INVALID_INPUT',
        'payments[1]',
        expect.stringMatching(/^payments\[1\] must be a payment, got /),
      ]);
    }
    for (const id of ['', 5]) {
      const e = thrown(() => run(withHeld([{ ...pay('a'), id }])));
      expect([e.code, e.message]).toEqual([
        'INVALID_INPUT',
        expect.stringMatching(/^payments\[0\]\.id must be a non-empty string, got /),
      ]);
    }
  });

  it('a repeated id is refused with both positions', () => {
    const e = thrown(() => run(withHeld([pay('a'), pay('b'), pay('a')])));
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.message).toBe('payments[2].id "a" repeats payments[0]: a payment is counted once');
    expect(e.field).toBe('payments[2].id');
    expect(e.value).toBe('a');
    expect(e.details).toEqual({ id: 'a', first: 0, second: 2 });
  });

  it('the deal must be one whose commission is held', () => {
    for (const dealId of ['D-2', 5]) {
      const e = thrown(() => run(withHeld([{ ...pay('a'), dealId }])));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(/^payments\[0\]\.dealId must be a deal whose commission is held \(booked now or /);
    }
  });

  it('the date must fall in the period (its first and last day are in)', () => {
    for (const date of ['2026-01-31', '2026-03-01']) {
      const e = thrown(() => run(withHeld([pay('a', 'D-1', date)])));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toMatch(
        /^payments\[0\]\.date must fall in the statement's period 2026-02-01\.\.2026-02-28, got /,
      );
    }
    // 2,500 of 10,000 paid on the first and on the last day: 1,000 × 5,000 / 10,000 = 500.00 released
    const s = run(withHeld([pay('a', 'D-1', '2026-02-01', '2500'), pay('b', 'D-1', '2026-02-28', '2500')]));
    expect(s.payable.amount).toBe('500.00');
  });

  it('the date must be a calendar date, named', () => {
    const e = thrown(() => run(withHeld([pay('a', 'D-1', '2026-02-30')])));
    expect([e.code, e.field]).toEqual(['INVALID_DATE', 'payments[0].date']);
    expect(e.message).toMatch(/^payments\[0\]\.date /);
  });

  it('amount and dealAmount must be positive, named', () => {
    expect(thrown(() => run(withHeld([pay('a', 'D-1', '2026-02-10', '0')]))).message).toMatch(
      /^payments\[0\]\.amount\.amount must be positive, got /,
    );
    expect(thrown(() => run(withHeld([pay('a', 'D-1', '2026-02-10', '5', '0')]))).message).toMatch(
      /^payments\[0\]\.dealAmount\.amount must be positive, got /,
    );
  });

  it('a second payment must give the same deal amount as the first', () => {
    const e = thrown(() => run(withHeld([pay('a'), pay('b', 'D-1', '2026-02-11', '100', '12000')])));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^payments\[1\]\.dealAmount must be the deal's amount 10000\.00, as before, got /);
  });

  it('payments of one deal add up; the release line lists their ids sorted', () => {
    // 1,000 earned; 2,000 + 3,000 of 10,000 paid → 1,000 × 5,000 / 10,000 = 500.00
    const s = run(withHeld([pay('z', 'D-1', '2026-02-10', '2000'), pay('a', 'D-1', '2026-02-11', '3000')]));
    const release = s.lines.find((l) => l.kind === 'release');
    expect(release?.amount.amount).toBe('500.00');
    expect(release?.explanation.ruleId).toBe('release/D-1');
    expect(release?.explanation.detail).toEqual({
      rule: 'release',
      dealId: 'D-1',
      earned: '1000.00',
      collected: '5000.00',
      dealAmount: '10000.00',
      releasedBefore: '0.00',
      paymentIds: ['a', 'z'],
    });
  });
});

describe('holding what is earned', () => {
  it('attributes the earned commission to deals by credited amount, in deal-id order', () => {
    // 10 % of 3,000 (D-2) + 1,000 (D-1) = 400 held: 100.00 on D-1, 300.00 on D-2
    const s = calculateStatement({
      plan,
      member,
      period: month(2026, 1),
      quota: usd('50000'),
      credits: [
        credit('k2', '3000', '2026-01-10', { dealId: 'D-2' }),
        credit('k1', '1000', '2026-01-11', { dealId: 'D-1' }),
      ],
    });
    expect(s.lines.find((l) => l.kind === 'hold')?.explanation.detail).toEqual({
      rule: 'hold',
      deals: [
        { dealId: 'D-1', amount: '100.00' },
        { dealId: 'D-2', amount: '300.00' },
      ],
    });
  });

  it('holds on the deals credited more than nothing, only', () => {
    // D-2 is credited 1,000 and refunded 1,000 (nothing), D-3 only refunded 500: attainment 1,000 + 0 − 500 = 500,
    // 10 % = 50.00 earned, all of it held on D-1, the one deal with a positive credited amount
    const s = calculateStatement({
      plan,
      member,
      period: month(2026, 1),
      quota: usd('50000'),
      credits: [
        credit('k1', '1000', '2026-01-10', { dealId: 'D-1' }),
        credit('k2', '1000', '2026-01-11', { dealId: 'D-2' }),
        credit('k3', '-1000', '2026-01-12', { dealId: 'D-2' }),
        credit('k4', '-500', '2026-01-13', { dealId: 'D-3' }),
      ],
    });
    const hold = s.lines.find((l) => l.kind === 'hold');
    expect([hold?.amount.amount, hold?.explanation.ruleId, hold?.explanation.detail]).toEqual([
      '-50.00',
      'hold',
      { rule: 'hold', deals: [{ dealId: 'D-1', amount: '50.00' }] },
    ]);
    expect(s.balances.held).toEqual({
      'D-1': { earned: usd('50.00'), released: usd('0.00'), collected: usd('0.00'), dealAmount: null },
    });
  });

  it('holds nothing when a deal is credited but nothing is earned', () => {
    // the component pays on rollup credits only; the owner credit of D-1 counts for attainment alone: 0 earned
    const rollupOnly = planOf([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['rollup'] }], {
      version: { payableOn: 'payment' },
    });
    const s = calculateStatement({
      plan: rollupOnly,
      member,
      period: month(2026, 1),
      quota: usd('50000'),
      credits: [credit('k1', '1000', '2026-01-10', { dealId: 'D-1' })],
    });
    expect([s.lines.map((l) => l.kind), s.earned.amount, s.balances.held]).toEqual([['commission'], '0.00', {}]);
  });

  it('pays at once what is earned on no deal attainment counts (nothing to hold it on)', () => {
    // 10 % of a 1,000 rollup credit = 100.00 earned; attainment counts no rollup credit, so no deal holds it
    const rollupOnly = planOf([{ id: 'c', kind: 'rate', rate: '0.1', kinds: ['rollup'] }], {
      version: { payableOn: 'payment' },
    });
    const s = calculateStatement({
      plan: rollupOnly,
      member,
      period: month(2026, 1),
      quota: usd('50000'),
      credits: [credit('r1', '1000', '2026-01-10', { dealId: 'D-9', kind: 'rollup' })],
    });
    expect([s.lines.map((l) => l.kind), s.earned.amount, s.payable.amount, s.balances.held]).toEqual([
      ['commission'],
      '100.00',
      '100.00',
      {},
    ]);
  });

  it('holds nothing (no hold line) when nothing is earned', () => {
    const s = calculateStatement({ plan, member, period: month(2026, 1), quota: usd('50000'), credits: [] });
    expect(s.lines.map((l) => l.kind)).toEqual(['commission']);
    expect(s.balances.held).toEqual({});
  });
});

describe('releases and what stays held', () => {
  it('a deal amount with cents: half of 10,000.50 paid releases half of the 1,000 earned', () => {
    // 1,000 × 5,000.25 / 10,000.50 = 500.00 exactly
    const s = run({
      priorBalance: { held: { 'D-1': heldD1 } },
      payments: [pay('a', 'D-1', '2026-02-10', '5000.25', '10000.50')],
    });
    expect(s.payable.amount).toBe('500.00');
  });

  it('release lines come in deal-id order, whatever the payments’ order', () => {
    const s = run({
      priorBalance: { held: { 'D-1': heldD1, 'D-2': heldD1 } },
      payments: [pay('a', 'D-2', '2026-02-10', '1000'), pay('b', 'D-1', '2026-02-11', '2000')],
    });
    // D-1: 1,000 × 2,000 / 10,000 = 200.00; D-2: 1,000 × 1,000 / 10,000 = 100.00
    expect(s.lines.filter((l) => l.kind === 'release').map((l) => [l.explanation.ruleId, l.amount.amount])).toEqual([
      ['release/D-1', '200.00'],
      ['release/D-2', '100.00'],
    ]);
  });

  it('held deals are listed in deal-id order, as a plain record one can change', () => {
    const s = run({ priorBalance: { held: { 'D-2': heldD1, 'D-1': heldD1 } } });
    expect(Object.keys(s.balances.held ?? {})).toEqual(['D-1', 'D-2']);
    const held = s.balances.held as Record<string, unknown>;
    held['D-1'] = 1;
    delete held['D-2'];
    expect(held).toEqual({ 'D-1': 1 });
  });

  it('a deal paid in full but with commission still to release stays held, with its deal amount', () => {
    // e.g. earned grew after the customer had paid: 400 of 1,000 released, 10,000 of 10,000 collected
    const h = { earned: usd('1000'), released: usd('400'), collected: usd('10000'), dealAmount: usd('10000') };
    const s = run({ priorBalance: { held: { 'D-1': h } } });
    expect(s.balances.held).toEqual({
      'D-1': {
        earned: usd('1000.00'),
        released: usd('400.00'),
        collected: usd('10000.00'),
        dealAmount: usd('10000.00'),
      },
    });
  });

  it('commission earned on a deal already held adds to what it holds', () => {
    // 1,000 held on D-1; 10 % of a 2,000 credit on D-1 in February adds 200 → 1,200
    const s = run({
      priorBalance: { held: { 'D-1': heldD1 } },
      credits: [credit('k', '2000', '2026-02-05', { dealId: 'D-1' })],
    });
    expect(s.balances.held).toEqual({
      'D-1': { earned: usd('1200.00'), released: usd('0.00'), collected: usd('0.00'), dealAmount: null },
    });
  });
});

describe('a deal paid exactly in full', () => {
  it('releases all it holds, to the fraction of a cent, and leaves', () => {
    // 1,000.004 held (an amount below the cent carried in); 10,000 of 10,000 paid: the whole 1,000.004 is
    // released (a line of 1,000.00 after rounding) and nothing stays held
    const h = { earned: usd('1000.004'), released: usd('0'), collected: usd('0'), dealAmount: null };
    const s = run({ priorBalance: { held: { 'D-1': h } }, payments: [pay('a', 'D-1', '2026-02-10', '10000')] });
    expect([s.payable.amount, s.balances.held]).toEqual(['1000.00', {}]);
  });
});

describe('an overpaid deal', () => {
  it('releases all it earned and never more: 12,000 paid on a 10,000 deal releases the 1,000', () => {
    const s = run({ priorBalance: { held: { 'D-1': heldD1 } }, payments: [pay('a', 'D-1', '2026-02-10', '12000')] });
    // collected ≥ the deal amount: the whole 1,000 earned, not 1,000 × 12,000 / 10,000 = 1,200
    expect(s.payable.amount).toBe('1000.00');
    expect(s.balances.held).toEqual({});
  });
});
