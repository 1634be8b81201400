import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  defaultDealPipeline,
  defaultLeadPipeline,
  transition,
} from '../../src/pipeline/index.js';

const at = '2026-05-01T10:00:00Z';
const deal = {
  id: 'd',
  stage: 'negotiation',
  amount: { amount: '10.00', currency: 'USD' },
  expectedCloseDate: '2026-06-30',
  history: [],
};

describe('availableTransitions', () => {
  // (reason and fields supplied)
  it('lists, in stage order, exactly the moves transition would accept for the role', () => {
    const roles = ['sdr', 'account-executive', 'sales-specialist', 'sales-manager', 'customer-success'];
    for (const roleId of roles) {
      for (const stage of defaultDealPipeline.stages.filter((s) => s.kind === 'open')) {
        const e = { ...deal, stage: stage.id };
        const actor = { id: 'u', roleId };
        const listed = availableTransitions(e, { pipeline: defaultDealPipeline, actor }).map((a) => a.to);
        const accepted = defaultDealPipeline.stages
          .map((s) => s.id)
          .filter((to) => transition(e, to, { pipeline: defaultDealPipeline, actor, at, reason: 'r' }).ok);
        expect([roleId, stage.id, listed]).toEqual([roleId, stage.id, accepted]);
      }
    }
  });

  it('says when a reason is required and which fields are missing', () => {
    const { expectedCloseDate: _d, ...bare } = deal;
    expect(
      availableTransitions(bare, { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: 'account-executive' } }),
    ).toEqual([
      { to: 'proposal', via: 'transition', requiresReason: false, missingFields: [] },
      { to: 'closed-won', via: 'transition', requiresReason: false, missingFields: ['expectedCloseDate'] },
      { to: 'closed-lost', via: 'transition', requiresReason: true, missingFields: [] },
    ]);
  });

  it('offers reopen on a closed entity to managers only, and nothing else', () => {
    const lost = { ...deal, stage: 'closed-lost' };
    expect(
      availableTransitions(lost, { pipeline: defaultDealPipeline, actor: { id: 'm', roleId: 'sales-manager' } }),
    ).toEqual([{ to: 'discovery', via: 'reopen', requiresReason: true, missingFields: [] }]);
    expect(
      availableTransitions(lost, { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: 'account-executive' } }),
    ).toEqual([]);
    const converted = { id: 'l', stage: 'converted', history: [] };
    expect(
      availableTransitions(converted, { pipeline: defaultLeadPipeline, actor: { id: 'm', roleId: 'sales-manager' } }),
    ).toEqual([]);
  });

  it('throws on an unknown stage or a malformed actor', () => {
    expect(() =>
      availableTransitions(
        { ...deal, stage: 'x' },
        { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: 'sdr' } },
      ),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => availableTransitions(deal, { pipeline: defaultDealPipeline, actor: null as never })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    // the same checks as transition: a stage that disagrees with the last event, an empty role, no entity, no options
    const ev = { from: null, to: 'proposal', at, actorId: 'a', roleId: 'account-executive' };
    expect(() =>
      availableTransitions(
        { ...deal, history: [ev] },
        { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: 'sdr' } },
      ),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'entity.stage' }));
    expect(() =>
      availableTransitions(deal, { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: '' } }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'actor' }));
    expect(() =>
      availableTransitions(null as never, { pipeline: defaultDealPipeline, actor: { id: 'a', roleId: 'sdr' } }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'entity' }));
    expect(() => availableTransitions(deal, undefined as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options' }),
    );
  });

  it('a role the pipeline does not know is simply offered nothing', () => {
    expect(
      availableTransitions(deal, { pipeline: defaultDealPipeline, actor: { id: 'c', roleId: 'chief-executive' } }),
    ).toEqual([]);
  });
});
