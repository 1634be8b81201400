/**
 * The argument checks every move shares (apply-move.ts): misuse throws a RevopsError with a
 * stable code, never a TypeError, whichever function is called.
 */
import { describe, expect, it } from 'vitest';
import { defaultDealPipeline, defaultLeadPipeline, reopen, transition } from '../../src/pipeline/index.js';

const ae = { id: 'm-ana', roleId: 'account-executive' };
const sdr = { id: 'm-sam', roleId: 'sdr' };
const newLead = {
  id: 'l-1',
  stage: 'new',
  history: [{ from: null, to: 'new', at: '2026-01-05T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' }],
};

describe('misuse throws RevopsError', () => {
  const d = { id: 'd', stage: 'discovery', history: [] };
  const opts = { pipeline: defaultDealPipeline, actor: ae, at: '2026-07-02T10:00:00Z' };
  it.each([
    ['unknown target stage', () => transition(d, 'won', opts), 'INVALID_INPUT'],
    ['unknown current stage', () => transition({ ...d, stage: 'x' }, 'demo', opts), 'INVALID_INPUT'],
    [
      'stage differs from the last event',
      () =>
        transition(
          { ...d, history: [{ from: null, to: 'demo', at: opts.at, actorId: 'a', roleId: 'r' }] },
          'proposal',
          opts,
        ),
      'INVALID_INPUT',
    ],
    ['instant without offset', () => transition(d, 'demo', { ...opts, at: '2026-07-02T10:00:00' }), 'INVALID_DATE'],
    ['actor without a role', () => transition(d, 'demo', { ...opts, actor: { id: 'x', roleId: '' } }), 'INVALID_INPUT'],
    [
      'changing the stage through changes',
      () => transition(d, 'demo', { ...opts, changes: { stage: 'won' } }),
      'INVALID_INPUT',
    ],
    ['a non-scalar change', () => transition(d, 'demo', { ...opts, changes: { x: [1] as never } }), 'INVALID_INPUT'],
    [
      'a close date that is not a calendar date',
      () => transition(d, 'demo', { ...opts, changes: { expectedCloseDate: '31/03/2026' } }),
      'INVALID_DATE',
    ],
    ['probability in percent', () => transition(d, 'demo', { ...opts, changes: { probability: 35 } }), 'INVALID_RATE'],
    [
      'probability when closing',
      () => transition({ ...d, stage: 'proposal' }, 'closed-won', { ...opts, changes: { probability: 0.9 } }),
      'INVALID_INPUT',
    ],
    [
      'contradictory source',
      () => transition(d, 'demo', { ...opts, changes: { probability: 0.3, probabilitySource: 'stage' } }),
      'INVALID_INPUT',
    ],
    [
      'a lost reason through changes (it comes from reason)',
      () => transition(d, 'closed-lost', { ...opts, reason: 'price', changes: { lostReason: 'other' } }),
      'INVALID_INPUT',
    ],
    [
      'a disqualify reason through changes',
      () =>
        transition(newLead, 'working', {
          pipeline: defaultLeadPipeline,
          actor: sdr,
          at: '2026-07-02T10:00:00Z',
          changes: { disqualifyReason: 'x' },
        }),
      'INVALID_INPUT',
    ],
    [
      'clearing the close date when closing',
      () =>
        transition({ ...d, stage: 'proposal' }, 'closed-won', {
          ...opts,
          changes: { closeDate: null, expectedCloseDate: '2026-07-31' },
        }),
      'INVALID_INPUT',
    ],
    ['no entity', () => transition(null as never, 'demo', opts), 'INVALID_INPUT'],
    ['no options', () => transition(d, 'demo', undefined as never), 'INVALID_INPUT'],
    ['reopen without options', () => reopen(d, undefined as never), 'INVALID_INPUT'],
    [
      'raw definition instead of a defined pipeline',
      () => transition(d, 'demo', { ...opts, pipeline: JSON.parse(JSON.stringify(defaultDealPipeline)) }),
      'INVALID_PIPELINE',
    ],
  ])('%s', (_name, f, c) => {
    expect(f).toThrowError(expect.objectContaining({ code: c }));
  });
});
