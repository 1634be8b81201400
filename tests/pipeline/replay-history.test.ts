import { describe, expect, it } from 'vitest';
import {
  defaultCustomerPipeline,
  defaultDealPipeline,
  enterPipeline,
  replayHistory,
} from '../../src/pipeline/index.js';

const ev = (from: string | null, to: string, at: string, roleId = 'account-executive', reason?: string) => ({
  from,
  to,
  at,
  actorId: 'u',
  roleId,
  ...(reason ? { reason } : {}),
});
const base = {
  id: 'd',
  stage: '',
  amount: { amount: '5.00', currency: 'USD' },
  expectedCloseDate: '2026-09-30',
  history: [],
};

describe('replayHistory', () => {
  it('replays creation, moves and reopen', () => {
    const h = [
      ev(null, 'discovery', '2026-01-01T00:00:00Z'),
      ev('discovery', 'closed-lost', '2026-01-05T00:00:00Z', 'account-executive', 'price'),
      ev('closed-lost', 'discovery', '2026-02-01T00:00:00Z', 'sales-manager', 'came back'),
      ev('discovery', 'proposal', '2026-02-03T00:00:00Z'),
      ev('proposal', 'closed-won', '2026-02-10T00:00:00Z'),
    ];
    const r = replayHistory(base, h, { pipeline: defaultDealPipeline });
    expect(r.ok && [r.value.stage, r.value.history, (r.value as { closeDate?: string }).closeDate]).toEqual([
      'closed-won',
      h,
      '2026-02-10',
    ]);
    expect(replayHistory(base, [], { pipeline: defaultDealPipeline })).toEqual({ ok: true, value: base });
  });

  it('refuses the first bad event with its index', () => {
    const first = ev(null, 'discovery', '2026-01-01T00:00:00Z');
    const err = (h: ReturnType<typeof ev>[]) => {
      const r = replayHistory(base, h, { pipeline: defaultDealPipeline });
      return r.ok ? null : [r.error.code, r.error.details.index];
    };
    expect(err([ev('discovery', 'demo', '2026-01-01T00:00:00Z')])).toEqual(['TRANSITION_NOT_ALLOWED', 0]);
    expect(err([ev(null, 'demo', '2026-01-01T00:00:00Z')])).toEqual(['TRANSITION_NOT_ALLOWED', 0]);
    expect(err([first, ev('demo', 'proposal', '2026-01-02T00:00:00Z')])).toEqual(['TRANSITION_NOT_ALLOWED', 1]);
    expect(err([first, ev('discovery', 'demo', '2025-12-31T00:00:00Z')])).toEqual(['TIME_TRAVEL', 1]);
    expect(
      err([
        first,
        ev('discovery', 'closed-lost', '2026-01-02T00:00:00Z', 'account-executive', 'x'),
        ev('closed-lost', 'proposal', '2026-01-03T00:00:00Z', 'sales-manager', 'y'),
      ]),
    ).toEqual(['CLOSED', 2]);
  });

  it('accepts events at the same instant, written in any offset, and throws on a history that is not an array', () => {
    // 09:00+09:00, 00:00Z and 19:00-05:00 (the previous day) are one instant: three moves in one moment are in order
    const h = [
      ev(null, 'discovery', '2026-01-01T09:00:00+09:00'),
      ev('discovery', 'demo', '2026-01-01T00:00:00Z'),
      ev('demo', 'proposal', '2025-12-31T19:00:00-05:00'),
    ];
    const r = replayHistory(base, h, { pipeline: defaultDealPipeline });
    expect(r.ok && r.value.stage).toBe('proposal');
    expect(() => replayHistory(base, null as never, { pipeline: defaultDealPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'history' }),
    );
  });
});

describe('enterPipeline', () => {
  it('starts in any start stage, records the creation and refuses others', () => {
    const actor = { id: 'c', roleId: 'customer-success' };
    const r = enterPipeline(
      { id: 'c1', stage: 'x', history: [] },
      { pipeline: defaultCustomerPipeline, actor, at: '2026-01-01T00:00:00Z', stage: 'active', reason: 'second term' },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'c1',
        stage: 'active',
        history: [
          {
            from: null,
            to: 'active',
            at: '2026-01-01T00:00:00Z',
            actorId: 'c',
            roleId: 'customer-success',
            reason: 'second term',
          },
        ],
      },
    });
    const bad = enterPipeline(
      { id: 'c1', stage: 'x', history: [] },
      { pipeline: defaultCustomerPipeline, actor, at: '2026-01-01T00:00:00Z', stage: 'renewal-due' },
    );
    expect(bad.ok ? null : bad.error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(() =>
      enterPipeline(r.ok ? r.value : base, { pipeline: defaultCustomerPipeline, actor, at: '2026-01-01T00:00:00Z' }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('gives a deal its start stage defaults, keeping a manual probability', () => {
    const actor = { id: 'a', roleId: 'account-executive' };
    const r = enterPipeline(base, { pipeline: defaultDealPipeline, actor, at: '2026-01-01T00:00:00Z' });
    // the documented table: discovery 0.1
    expect(r.ok && [r.value.stage, (r.value as { probability?: number }).probability]).toEqual(['discovery', 0.1]);
    const m = enterPipeline(base, {
      pipeline: defaultDealPipeline,
      actor,
      at: '2026-01-01T00:00:00Z',
      changes: { probability: 0.3 },
    });
    expect(
      m.ok && [
        (m.value as { probability?: number }).probability,
        (m.value as { probabilitySource?: string }).probabilitySource,
      ],
    ).toEqual([0.3, 'manual']); // the probability given at creation is an override (manual), not the stage's 0.1
  });
});
