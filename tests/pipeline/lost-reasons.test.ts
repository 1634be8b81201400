import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RevopsError, Result } from '../../src/core/index.js';
import { DealSchema, LeadSchema, PipelineSchema } from '../../src/model/index.js';
import {
  defaultDealPipeline,
  definePipeline,
  lossReasons,
  reopen,
  transition,
  type PipelineSpec,
  type StagedEntity,
} from '../../src/pipeline/index.js';
import { dealPipelineSpec } from './fixtures-lost-reasons.js';

const ae = { id: 'm-ana', roleId: 'account-executive' };
const manager = { id: 'm-max', roleId: 'sales-manager' };
const pipeline = definePipeline(dealPipelineSpec);
const code = <T>(r: Result<T, RevopsError>): string => (r.ok ? 'ok' : r.error.code);
function value<T>(r: Result<T, RevopsError>): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const deal: StagedEntity & Record<string, unknown> = {
  id: 'D-7',
  name: 'Acme renewal',
  accountId: 'acc-1',
  ownerId: 'm-ana',
  type: 'new',
  amount: { amount: '24000.00', currency: 'USD' },
  stage: 'negotiation',
  probability: 0.8,
  probabilitySource: 'stage',
  forecastCategory: 'commit',
  expectedCloseDate: '2026-03-31',
  createdAt: '2026-01-05T09:00:00Z',
  history: [
    { from: null, to: 'negotiation', at: '2026-01-05T09:00:00Z', actorId: 'm-ana', roleId: 'account-executive' },
  ],
};
const at = '2026-03-20T16:00:00Z';

describe('lost reasons as a catalogue in the pipeline definition', () => {
  it('a lost move names a code of the catalogue; the free-text note stays; both are recorded', () => {
    const lost = value(
      transition(deal, 'closed-lost', {
        pipeline,
        actor: ae,
        at,
        reasonCode: 'price',
        reason: 'Chose the competitor at 20 % less',
      }),
    );
    expect([lost['lostReasonCode'], lost['lostReason']]).toEqual(['price', 'Chose the competitor at 20 % less']);
    expect(lost.history[1]).toMatchObject({ reasonCode: 'price', reason: 'Chose the competitor at 20 % less' });
    // The deal is a valid Deal of revops/model, code included.
    expect(DealSchema.safeParse(lost).success).toBe(true);
    // The code alone satisfies the lost transition's reason requirement; no note, no lostReason field.
    const coded = value(transition(deal, 'closed-lost', { pipeline, actor: ae, at, reasonCode: 'no-budget' }));
    expect(coded['lostReasonCode']).toBe('no-budget');
    expect('lostReason' in coded).toBe(false);
    // Reopening clears both.
    const back = value(reopen(lost, { pipeline, actor: manager, at: '2026-03-21T09:00:00Z', reason: 'budget back' }));
    expect(['lostReasonCode' in back, 'lostReason' in back]).toEqual([false, false]);
  });

  it('with a catalogue a lost move without a code is refused and lists the codes', () => {
    const r = transition(deal, 'closed-lost', { pipeline, actor: ae, at, reason: 'too expensive' });
    expect(code(r)).toBe('REASON_REQUIRED');
    expect(r.ok ? null : r.error.details).toMatchObject({
      reasonCodes: ['price', 'no-budget', 'competitor', 'timing'],
    });
  });

  it('a code outside the catalogue, on a non-lost move, or without a catalogue is misuse (INVALID_INPUT)', () => {
    const unknown = () => transition(deal, 'closed-lost', { pipeline, actor: ae, at, reasonCode: 'weather' });
    expect(unknown).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'reasonCode' }));
    const onWin = () => transition(deal, 'closed-won', { pipeline, actor: ae, at, reasonCode: 'price' });
    expect(onWin).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'reasonCode' }));
    const noCatalogue = () =>
      transition(deal, 'closed-lost', { pipeline: defaultDealPipeline, actor: ae, at, reasonCode: 'price' });
    expect(noCatalogue).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'reasonCode' }));
    // Derived fields cannot be set through changes.
    const viaChanges = () =>
      transition(deal, 'closed-lost', {
        pipeline,
        actor: ae,
        at,
        reasonCode: 'price',
        changes: { lostReasonCode: 'x' },
      });
    expect(viaChanges).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'changes.lostReasonCode' }));
  });

  it('the catalogue is validated: codes unique, labels non-empty, the model schema agrees', () => {
    const twice = {
      ...dealPipelineSpec,
      lostReasons: [...(dealPipelineSpec.lostReasons ?? []), { code: 'price', label: 'Again' }],
    };
    expect(() => definePipeline(twice)).toThrow(
      expect.objectContaining({ code: 'INVALID_PIPELINE', field: 'lostReasons.4.code' }),
    );
    const noLabel = { ...dealPipelineSpec, lostReasons: [{ code: 'price', label: '' }] };
    expect(() => definePipeline(noLabel)).toThrow(
      expect.objectContaining({ code: 'INVALID_PIPELINE', field: 'lostReasons.0.label' }),
    );
    expect(PipelineSchema.safeParse(dealPipelineSpec).success).toBe(true);
    expect(PipelineSchema.safeParse(noLabel).success).toBe(false);
  });

  it('a lead disqualified with a code carries disqualifyReasonCode', () => {
    const leadSpec: PipelineSpec = {
      id: 'leads',
      name: 'Leads',
      entity: 'lead',
      lostReasons: [{ code: 'not-icp', label: 'Not our customer profile' }],
      stages: [
        { id: 'new', name: 'New', kind: 'open', probability: 0.05, forecastCategory: 'pipeline' },
        { id: 'qualified', name: 'Qualified', kind: 'won', probability: 1, forecastCategory: 'closed' },
        { id: 'disqualified', name: 'Disqualified', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
      ],
      transitions: [
        { from: 'new', to: 'qualified', roles: ['sdr'] },
        { from: 'new', to: 'disqualified', roles: ['sdr'], requiresReason: true },
      ],
    };
    const lead = {
      id: 'L-1',
      name: 'Jo',
      company: 'Acme',
      source: 'inbound',
      ownerId: 'm-sam',
      stage: 'new',
      createdAt: '2026-01-05T09:00:00Z',
      history: [{ from: null, to: 'new', at: '2026-01-05T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' }],
    };
    const out = value(
      transition(lead, 'disqualified', {
        pipeline: definePipeline(leadSpec),
        actor: { id: 'm-sam', roleId: 'sdr' },
        at,
        reasonCode: 'not-icp',
      }),
    );
    expect(out).toMatchObject({ disqualifyReasonCode: 'not-icp' });
    expect(LeadSchema.safeParse(out).success).toBe(true);
  });
});

describe('lossReasons: loss analysis by code', () => {
  it('counts lost deals per catalogue code, in catalogue order, with the uncoded ones apart', () => {
    // By hand: 3 lost at "price", 1 at "timing", 1 lost without a code; the won and open deals are skipped.
    const d = (id: string, stage: string, lostReasonCode?: string) => ({
      id,
      stage,
      ...(lostReasonCode === undefined ? {} : { lostReasonCode }),
    });
    const deals = [
      d('a', 'closed-lost', 'price'),
      d('b', 'closed-lost', 'timing'),
      d('c', 'closed-lost', 'price'),
      d('d', 'closed-lost'),
      d('e', 'closed-won'),
      d('f', 'proposal'),
      d('g', 'closed-lost', 'price'),
    ];
    expect(lossReasons(deals, { pipeline })).toEqual({
      reasons: [
        { code: 'price', label: 'Price too high', count: 3 },
        { code: 'no-budget', label: 'No budget', count: 0 },
        { code: 'competitor', label: 'Lost to a competitor', count: 0 },
        { code: 'timing', label: 'Bad timing', count: 1 },
      ],
      uncoded: 1,
      lost: 5,
    });
  });

  it('refuses a code outside the catalogue and a pipeline without one', () => {
    expect(() => lossReasons([{ id: 'x', stage: 'closed-lost', lostReasonCode: 'weather' }], { pipeline })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'entities[0] (id "x").lostReasonCode' }),
    );
    expect(() => lossReasons([], { pipeline: defaultDealPipeline })).toThrow(
      expect.objectContaining({ code: 'INVALID_PIPELINE' }),
    );
  });

  it('law: the counts and the uncoded add up to the lost deals, whatever the mix', () => {
    const codes = ['price', 'no-budget', 'competitor', 'timing', undefined];
    const stages = ['closed-lost', 'closed-won', 'proposal', 'discovery'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...stages), fc.constantFrom(...codes)), { maxLength: 50 }),
        (rows) => {
          const deals = rows.map(([stage, code], i) => ({
            id: `d${i}`,
            stage,
            ...(stage === 'closed-lost' && code !== undefined ? { lostReasonCode: code } : {}),
          }));
          const r = lossReasons(deals, { pipeline });
          const lost = rows.filter(([stage]) => stage === 'closed-lost').length;
          expect(r.lost).toBe(lost);
          expect(r.reasons.reduce((s, x) => s + x.count, 0) + r.uncoded).toBe(lost);
        },
      ),
    );
  });
});
