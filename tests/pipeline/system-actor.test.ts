import { describe, expect, it } from 'vitest';
import type { RevopsError, Result } from '../../src/core/index.js';
import { StageEventSchema } from '../../src/model/index.js';
import {
  availableTransitions,
  definePipeline,
  enterPipeline,
  reopen,
  replayHistory,
  transition,
  type PipelineSpec,
  type StagedEntity,
} from '../../src/pipeline/index.js';

// A deal pipeline where an e-signature integration may close won (the signed contract is the fact), imports may
// create deals, and nothing else is open to system actors: the explicit alternative to CRMs whose stage rules are
// simply bypassed by workflows and API calls made without a user (HubSpot's pipeline rules, for one).
const spec: PipelineSpec = {
  id: 'deals',
  name: 'Deals',
  entity: 'deal',
  allowSystemStart: true,
  stages: [
    { id: 'discovery', name: 'Discovery', kind: 'open', probability: 0.1, forecastCategory: 'pipeline' },
    { id: 'proposal', name: 'Proposal', kind: 'open', probability: 0.5, forecastCategory: 'bestCase' },
    { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed' },
    { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
  ],
  transitions: [
    { from: 'discovery', to: 'proposal', roles: ['account-executive'] },
    { from: 'proposal', to: 'won', roles: ['account-executive'], allowSystem: true },
    { from: 'proposal', to: 'lost', roles: ['account-executive'], requiresReason: true },
    { from: 'discovery', to: 'lost', roles: ['account-executive'], requiresReason: true },
  ],
  reopen: { roles: ['sales-manager'], toStage: 'proposal' },
};
const pipeline = definePipeline(spec);
const docusign = { id: 'docusign-sync', roleId: 'integration', system: true };
const importer = { id: 'csv-import', roleId: 'integration', system: true };
const ae = { id: 'm-ana', roleId: 'account-executive' };
const manager = { id: 'm-max', roleId: 'sales-manager' };

function value<T>(r: Result<T, RevopsError>): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const code = <T>(r: Result<T, RevopsError>): string => (r.ok ? 'ok' : r.error.code);

const blank: StagedEntity & Record<string, unknown> = {
  id: 'D-1',
  stage: 'discovery',
  history: [],
  amount: { amount: '1000.00', currency: 'USD' },
};

describe('system actor', () => {
  it('moves only where the pipeline says so, and is recorded as such', () => {
    const created = value(enterPipeline(blank, { pipeline, actor: importer, at: '2026-03-01T09:00:00Z' }));
    expect(created.history[0]).toEqual({
      from: null,
      to: 'discovery',
      at: '2026-03-01T09:00:00Z',
      actorId: 'csv-import',
      roleId: 'integration',
      system: true,
    });
    // discovery → proposal has no allowSystem: the integration is refused, whatever role it names.
    const asAe = { ...docusign, roleId: 'account-executive' };
    const refused = transition(created, 'proposal', { pipeline, actor: asAe, at: '2026-03-02T09:00:00Z' });
    expect(code(refused)).toBe('SYSTEM_NOT_PERMITTED');
    expect(refused.ok ? null : refused.error.details).toEqual({ entityId: 'D-1', from: 'discovery', to: 'proposal' });
    const proposal = value(transition(created, 'proposal', { pipeline, actor: ae, at: '2026-03-02T09:00:00Z' }));
    expect(proposal.history[1]?.system).toBeUndefined();
    // proposal → won allows system actors: the e-signature integration closes it; roles are not checked.
    const won = value(transition(proposal, 'won', { pipeline, actor: docusign, at: '2026-03-03T09:00:00Z' }));
    expect(won.history[2]).toMatchObject({ actorId: 'docusign-sync', roleId: 'integration', system: true });
    expect([won.stage, won['probability'], won['closeDate']]).toEqual(['won', 1, '2026-03-03']);
    // The recorded events are valid StageEvents of revops/model.
    for (const e of won.history) expect(StageEventSchema.safeParse(e).success).toBe(true);
    // Reopening has no allowSystem: refused for the integration, allowed for the manager.
    expect(code(reopen(won, { pipeline, actor: docusign, at: '2026-03-04T09:00:00Z', reason: 'x' }))).toBe(
      'SYSTEM_NOT_PERMITTED',
    );
    expect(code(reopen(won, { pipeline, actor: manager, at: '2026-03-04T09:00:00Z', reason: 'x' }))).toBe('ok');
    // A replay of the history reproduces the entity, system moves included.
    expect(value(replayHistory(blank, won.history, { pipeline }))).toEqual(won);
  });

  it('creation by a system actor needs allowSystemStart', () => {
    const closedDoor = definePipeline({ ...spec, allowSystemStart: undefined });
    expect(code(enterPipeline(blank, { pipeline: closedDoor, actor: importer, at: '2026-03-01T09:00:00Z' }))).toBe(
      'SYSTEM_NOT_PERMITTED',
    );
    expect(code(enterPipeline(blank, { pipeline: closedDoor, actor: ae, at: '2026-03-01T09:00:00Z' }))).toBe('ok');
  });

  it('availableTransitions offers a system actor only the moves open to it', () => {
    const inProposal = { ...blank, stage: 'proposal' };
    expect(availableTransitions(inProposal, { pipeline, actor: docusign }).map((a) => a.to)).toEqual(['won']);
    expect(availableTransitions(inProposal, { pipeline, actor: ae }).map((a) => a.to)).toEqual(['won', 'lost']);
    expect(availableTransitions(blank, { pipeline, actor: docusign })).toEqual([]);
  });

  it('refuses a malformed system flag and a non-boolean allowSystem', () => {
    const bad = { ...docusign, system: 'yes' as never };
    expect(() =>
      transition({ ...blank, stage: 'proposal' }, 'won', { pipeline, actor: bad, at: '2026-03-03T09:00:00Z' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'actor.system' }));
    const t = [{ ...spec.transitions[0]!, allowSystem: 'true' as never }, ...spec.transitions.slice(1)];
    expect(() => definePipeline({ ...spec, transitions: t })).toThrow(
      expect.objectContaining({ code: 'INVALID_PIPELINE', field: 'transitions.0.allowSystem' }),
    );
  });
});
