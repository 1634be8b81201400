/**
 * Laws of every move and every reading of a history:
 * - time order is epoch order at millisecond precision, whatever the offsets (`+09:00` vs `Z`)
 *   and the number of fraction digits: a move is `TIME_TRAVEL` exactly when its instant is
 *   earlier than the last event's, and time in stage is the difference of epoch milliseconds;
 * - no function writes to its arguments: every input is deeply frozen (a write to a frozen
 *   object throws a TypeError in ES modules, which are strict) and compared before and after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageEvent } from '../../src/model/index.js';
import {
  agingDeals,
  availableTransitions,
  convertLead,
  defaultCustomerPipeline,
  defaultDealPipeline,
  definePipeline,
  enterPipeline,
  replayHistory,
  reopen,
  stageDurations,
  stageVisits,
  timeInStage,
  transition,
  type StagedEntity,
} from '../../src/pipeline/index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * An instant written in an offset with 0–9 fraction digits, and its epoch milliseconds computed
 * from the parts (fraction digits beyond the third truncated: millisecond precision).
 */
const instantArb = fc
  .record({
    seconds: fc.integer({ min: 1_767_225_600, max: 1_767_225_600 + 3 * 86_400 }), // 2026-01-01T00:00Z + 3 days
    fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 9 }),
    offsetMinutes: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    utcAsZ: fc.boolean(),
  })
  .map(({ seconds, fraction, offsetMinutes, utcAsZ }) => {
    const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const offset =
      offsetMinutes === 0 && utcAsZ
        ? 'Z'
        : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    const text = `${local}${fraction === '' ? '' : `.${fraction}`}${offset}`;
    return { text, ms: seconds * 1000 + Number(`${fraction}000`.slice(0, 3)) };
  });

const cs = { id: 'm-cy', roleId: 'customer-success' };
const created = (at: string): StageEvent => ({ from: null, to: 'onboarding', at, actorId: cs.id, roleId: cs.roleId });

describe('time order is epoch order', () => {
  it('a move is TIME_TRAVEL exactly when it is earlier than the last event, in any offsets', () => {
    fc.assert(
      fc.property(instantArb, instantArb, (last, at) => {
        const customer = { id: 'c', stage: 'onboarding', history: [created(last.text)] };
        const r = transition(customer, 'active', { pipeline: defaultCustomerPipeline, actor: cs, at: at.text });
        expect(r.ok ? 'ok' : r.error.code).toBe(at.ms < last.ms ? 'TIME_TRAVEL' : 'ok');
        if (r.ok) {
          // the stay in onboarding is the difference of the epoch milliseconds
          expect(stageVisits(r.value.history)[0]!.ms).toBe(at.ms - last.ms);
          expect(timeInStage(r.value.history, { asOf: at.text })).toEqual({
            onboarding: (at.ms - last.ms) / 86_400_000,
            active: 0,
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A random walk through the deal pipeline: each step a move the definition has, by one of its roles. */
const walkArb = fc.array(
  fc.record({
    pick: fc.nat(1000),
    dtMinutes: fc.integer({ min: 0, max: 10 * 24 * 60 }),
    offset: fc.constantFrom('Z', '+09:00', '-07:00'),
  }),
  { maxLength: 12 },
);

function walk(
  steps: readonly { pick: number; dtMinutes: number; offset: string }[],
): StagedEntity & Record<string, unknown> {
  const p = defaultDealPipeline;
  const start = enterPipeline(
    { id: 'd', stage: '', history: [], amount: { amount: '10.00', currency: 'USD' }, expectedCloseDate: '2026-12-31' },
    { pipeline: p, actor: { id: 'a', roleId: 'account-executive' }, at: '2026-01-01T00:00:00Z' },
  );
  if (!start.ok) throw new Error(start.error.message);
  let e: StagedEntity & Record<string, unknown> = start.value;
  let ms = Date.parse('2026-01-01T00:00:00Z');
  for (const s of steps) {
    ms += s.dtMinutes * 60_000;
    const shift = s.offset === 'Z' ? 0 : s.offset === '+09:00' ? 9 * 60 : -7 * 60;
    const at = new Date(ms + shift * 60_000).toISOString().slice(0, 19) + s.offset;
    const closed = p.stages.find((x) => x.id === e.stage)!.kind !== 'open';
    let r: ReturnType<typeof reopen<typeof e>>;
    if (closed) {
      r = reopen(e, { pipeline: p, actor: { id: 'm', roleId: 'sales-manager' }, at, reason: 'back' });
    } else {
      const out = p.transitions.filter((t) => t.from === e.stage);
      const t = out[s.pick % out.length]!;
      r = transition(e, t.to, {
        pipeline: p,
        actor: { id: 'u', roleId: t.roles[s.pick % t.roles.length]! },
        at,
        reason: 'because',
      });
    }
    if (!r.ok) throw new Error(r.error.message);
    e = r.value;
  }
  return e;
}

describe('inputs are never mutated', () => {
  it('every function reads deeply frozen arguments without writing to them', () => {
    fc.assert(
      fc.property(walkArb, fc.constantFrom(...defaultDealPipeline.stages.map((s) => s.id)), (steps, to) => {
        const e = deepFreeze(walk(steps));
        const before = JSON.stringify(e);
        const at = '2026-12-31T00:00:00+14:00';
        const move = deepFreeze({
          pipeline: defaultDealPipeline,
          actor: { id: 'm', roleId: 'sales-manager' },
          at,
          reason: 'r',
          changes: { note: 'x', expectedCloseDate: '2026-11-30' },
        });
        transition(e, to, move);
        reopen(e, move);
        availableTransitions(e, deepFreeze({ pipeline: defaultDealPipeline, actor: move.actor }));
        const base = deepFreeze({
          id: 'd',
          stage: '',
          history: [],
          amount: { amount: '10.00', currency: 'USD' },
          expectedCloseDate: '2026-12-31',
        });
        expect(replayHistory(base, e.history, deepFreeze({ pipeline: defaultDealPipeline }))).toEqual({
          ok: true,
          value: e,
        });
        timeInStage(e.history, { asOf: at });
        stageVisits(e.history, deepFreeze({ asOf: at }));
        stageDurations(deepFreeze([e, e]), { pipeline: defaultDealPipeline, ...deepFreeze({ mode: 'visit' }) });
        agingDeals(
          deepFreeze([e]),
          deepFreeze({ pipeline: defaultDealPipeline, asOf: at, thresholdDays: deepFreeze({ discovery: 1 }) }),
        );
        expect(JSON.stringify(e)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('convertLead, enterPipeline and definePipeline too', () => {
    const lead = deepFreeze({
      id: 'l',
      name: 'Jo',
      ownerId: 's',
      accountId: 'a',
      stage: 'qualified',
      history: [{ from: null, to: 'qualified', at: '2026-01-01T00:00:00Z', actorId: 's', roleId: 'sdr' }],
    });
    const options = deepFreeze({
      actor: { id: 's', roleId: 'sdr' },
      at: '2026-01-02T00:00:00+09:00',
      deal: { id: 'd', ownerId: 'ae', amount: { amount: '5', currency: 'USD' }, expectedCloseDate: '2026-03-31' },
    });
    expect(convertLead(lead, options).ok).toBe(true);
    const fresh = deepFreeze({ id: 'c', stage: '', history: [] });
    expect(
      enterPipeline(
        fresh,
        deepFreeze({
          pipeline: defaultCustomerPipeline,
          actor: cs,
          at: '2026-01-01T00:00:00Z',
          changes: { plan: 'pro' },
        }),
      ).ok,
    ).toBe(true);
    const spec = deepFreeze(JSON.parse(JSON.stringify(defaultDealPipeline)) as Parameters<typeof definePipeline>[0]);
    expect(definePipeline(spec)).toEqual(defaultDealPipeline);
  });
});
