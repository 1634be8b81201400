import { describe, expect, it } from 'vitest';
import type { Deal, Lead, Pipeline, StageEvent } from '../../src/model/index.js';
import {
  convertLead,
  defaultCustomerPipeline,
  defaultDealPipeline,
  defaultLeadPipeline,
  definePipeline,
  enterPipeline,
  reopen,
  transition,
  type PipelineSpec,
  type StagedEntity,
} from '../../src/pipeline/index.js';
import { type Result, RevopsError } from '../../src/core/index.js';

const sdr = { id: 'm-sam', roleId: 'sdr' };
const bdr = { id: 'm-bo', roleId: 'bdr' };
const ae = { id: 'm-ana', roleId: 'account-executive' };
const specialist = { id: 'm-sol', roleId: 'sales-specialist' };
const cs = { id: 'm-cy', roleId: 'customer-success' };
const service = { id: 'm-ser', roleId: 'customer-service' };
const manager = { id: 'm-max', roleId: 'sales-manager' };
const assistant = { id: 'm-asa', roleId: 'assistant-sales-manager' };
const ops = { id: 'm-ops', roleId: 'sales-operations' };

function value<T>(r: Result<T, RevopsError>): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.message}`);
  return r.value;
}
function code<T>(r: Result<T, RevopsError>): string {
  return r.ok ? 'ok' : r.error.code;
}

const newLead: Lead = {
  id: 'l-1',
  name: 'Jo Prospect',
  company: 'Acme',
  source: 'inbound',
  ownerId: 'm-sam',
  accountId: 'a-1',
  stage: 'new',
  createdAt: '2026-01-05T09:00:00Z',
  history: [{ from: null, to: 'new', at: '2026-01-05T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' }],
};

describe('the three phases, end to end, with each role', () => {
  it('SDR works and qualifies a lead, hands it to the AE; specialist demos; AE closes; customer success renews', () => {
    const lead = { pipeline: defaultLeadPipeline };
    let l = value(transition(newLead, 'working', { ...lead, actor: sdr, at: '2026-01-06T10:00:00Z' }));
    l = value(transition(l, 'qualified', { ...lead, actor: sdr, at: '2026-01-09T10:00:00Z' }));
    const conv = value(
      convertLead(l, {
        actor: sdr,
        at: '2026-01-10T15:00:00Z',
        deal: {
          id: 'd-1',
          ownerId: 'm-ana',
          amount: { amount: '24000', currency: 'USD' },
          expectedCloseDate: '2026-03-31',
        },
      }),
    );
    expect(conv.lead.stage).toBe('converted');
    expect(conv.lead.convertedDealId).toBe('d-1');
    expect(conv.lead.history.map((e) => e.to)).toEqual(['new', 'working', 'qualified', 'converted']);
    let d: Deal = conv.deal;
    // The deal starts in the first deal stage, owned by the AE, the SDR recorded as its source.
    expect([d.stage, d.ownerId, d.sourceMemberId, d.leadId, d.accountId]).toEqual([
      'discovery',
      'm-ana',
      'm-sam',
      'l-1',
      'a-1',
    ]);
    // Stage defaults of the default deal pipeline (its documented table): discovery 0.1 / pipeline.
    expect([d.probability, d.probabilitySource, d.forecastCategory]).toEqual([0.1, 'stage', 'pipeline']);
    const deal = { pipeline: defaultDealPipeline };
    d = value(transition(d, 'demo', { ...deal, actor: specialist, at: '2026-01-20T17:00:00Z' }));
    d = value(transition(d, 'proposal', { ...deal, actor: ae, at: '2026-02-03T17:00:00Z' }));
    d = value(transition(d, 'negotiation', { ...deal, actor: specialist, at: '2026-02-20T17:00:00Z' }));
    // the documented table: negotiation 0.8 / commit
    expect([d.probability, d.forecastCategory]).toEqual([0.8, 'commit']);
    d = value(transition(d, 'closed-won', { ...deal, actor: ae, at: '2026-03-02T23:30:00-08:00' }));
    // Won: probability 1, closed; closeDate is the date of `at` in its own offset (-08:00), not UTC's 03-03.
    expect([d.stage, d.probability, d.forecastCategory, d.closeDate]).toEqual([
      'closed-won',
      1,
      'closed',
      '2026-03-02',
    ]);
    expect(d.history.map((e) => [e.to, e.roleId])).toEqual([
      ['discovery', 'sdr'],
      ['demo', 'sales-specialist'],
      ['proposal', 'account-executive'],
      ['negotiation', 'sales-specialist'],
      ['closed-won', 'account-executive'],
    ]);
    const customer = { pipeline: defaultCustomerPipeline };
    let c: StagedEntity = value(
      enterPipeline({ id: 'c-1', stage: '', history: [] }, { ...customer, actor: cs, at: '2026-03-03T09:00:00Z' }),
    );
    c = value(transition(c, 'active', { ...customer, actor: cs, at: '2026-03-20T09:00:00Z' }));
    c = value(transition(c, 'renewal-due', { ...customer, actor: cs, at: '2027-01-31T09:00:00Z' }));
    c = value(transition(c, 'renewed', { ...customer, actor: cs, at: '2027-03-01T09:00:00Z' }));
    expect(c.stage).toBe('renewed');
    expect(c.history).toHaveLength(4);
  });

  it('BDRs and managers may also do the lead work; assistant managers close deals; managers reopen', () => {
    const lead = { pipeline: defaultLeadPipeline };
    const l = value(transition(newLead, 'working', { ...lead, actor: bdr, at: '2026-01-06T10:00:00Z' }));
    const n = value(
      transition(l, 'nurture', { ...lead, actor: manager, at: '2026-01-07T10:00:00Z', reason: 'next fiscal year' }),
    );
    const w = value(transition(n, 'working', { ...lead, actor: assistant, at: '2026-04-07T10:00:00Z' }));
    const dq = value(
      transition(w, 'disqualified', { ...lead, actor: bdr, at: '2026-04-08T10:00:00Z', reason: 'no budget' }),
    );
    expect(dq.disqualifyReason).toBe('no budget');
    const back = value(reopen(dq, { ...lead, actor: manager, at: '2026-05-01T10:00:00Z', reason: 'budget found' }));
    expect([back.stage, back.disqualifyReason]).toEqual(['working', undefined]);

    const deal = { pipeline: defaultDealPipeline };
    const d0 = value(
      convertLead(value(transition(back, 'qualified', { ...lead, actor: bdr, at: '2026-05-02T10:00:00Z' })), {
        actor: bdr,
        at: '2026-05-02T11:00:00Z',
        deal: {
          id: 'd-2',
          ownerId: 'm-ana',
          amount: { amount: 5000, currency: 'EUR' },
          expectedCloseDate: '2026-06-30',
        },
      }),
    ).deal;
    const d1 = value(transition(d0, 'proposal', { ...deal, actor: assistant, at: '2026-05-10T10:00:00Z' }));
    const lost = value(
      transition(d1, 'closed-lost', { ...deal, actor: assistant, at: '2026-05-20T10:00:00Z', reason: 'competitor' }),
    );
    expect([lost.probability, lost.forecastCategory, lost.lostReason, lost.closeDate]).toEqual([
      0,
      'omitted',
      'competitor',
      '2026-05-20',
    ]);
    const re = value(
      reopen(lost, { ...deal, actor: manager, at: '2026-06-01T10:00:00Z', reason: 'competitor withdrew' }),
    );
    // Reopened into discovery with its defaults (0.1, pipeline); close date and lost reason cleared.
    expect([re.stage, re.probability, re.forecastCategory, re.closeDate, re.lostReason]).toEqual([
      'discovery',
      0.1,
      'pipeline',
      undefined,
      undefined,
    ]);

    const customer = { pipeline: defaultCustomerPipeline };
    const c0 = value(
      enterPipeline(
        { id: 'c-2', stage: '', history: [] },
        { ...customer, actor: cs, at: '2026-03-03T09:00:00Z', stage: 'active' },
      ),
    );
    const churned = value(
      transition(c0, 'churned', {
        ...customer,
        actor: manager,
        at: '2026-09-01T09:00:00Z',
        reason: 'went out of business',
      }),
    );
    expect(code(reopen(churned, { ...customer, actor: cs, at: '2026-10-01T09:00:00Z', reason: 'back' }))).toBe(
      'ROLE_NOT_PERMITTED',
    );
    expect(
      value(reopen(churned, { ...customer, actor: manager, at: '2026-10-01T09:00:00Z', reason: 'win-back' })).stage,
    ).toBe('active');
  });
});

const simpleSpec: PipelineSpec = {
  id: 'simple',
  name: 'Simple',
  entity: 'customer',
  transitions: [{ from: 'a', to: 'b', roles: ['customer-success'] }],
  stages: [
    { id: 'a', name: 'A', kind: 'open', probability: 0, forecastCategory: 'omitted' },
    { id: 'b', name: 'B', kind: 'won', probability: 1, forecastCategory: 'closed' },
  ],
};

describe('refusals', () => {
  const deal = {
    id: 'd-9',
    stage: 'negotiation',
    probability: 0.8,
    probabilitySource: 'stage' as const,
    forecastCategory: 'commit' as const,
    amount: { amount: '1000.00', currency: 'USD' },
    expectedCloseDate: '2026-03-31',
    history: [
      {
        from: 'proposal',
        to: 'negotiation',
        at: '2026-03-01T10:00:00Z',
        actorId: 'm-ana',
        roleId: 'account-executive',
      },
    ],
  };
  const opts = { pipeline: defaultDealPipeline, actor: ae, at: '2026-03-10T10:00:00Z' };

  it('TIME_TRAVEL: a move before the last event (equal instants are allowed)', () => {
    const r = transition(deal, 'proposal', { ...opts, at: '2026-03-01T09:59:59Z' });
    expect(code(r)).toBe('TIME_TRAVEL');
    // 11:00+01:00 is 10:00Z, the same instant as the last event: allowed.
    expect(code(transition(deal, 'proposal', { ...opts, at: '2026-03-01T11:00:00+01:00' }))).toBe('ok');
    expect(code(transition(deal, 'proposal', { ...opts, at: '2026-03-01T10:30:00+01:00' }))).toBe('TIME_TRAVEL');
    // +09:00 is compared by epoch, not as text: 18:59:59+09:00 is 09:59:59Z (before),
    // 19:00:01+09:00 is 10:00:01Z (after)
    expect(code(transition(deal, 'proposal', { ...opts, at: '2026-03-01T18:59:59+09:00' }))).toBe('TIME_TRAVEL');
    expect(code(transition(deal, 'proposal', { ...opts, at: '2026-03-01T19:00:01+09:00' }))).toBe('ok');
    // millisecond precision: .0001 and .0009 past 10:00Z are both the last event's millisecond, so not earlier than it
    const fine = { ...deal, history: [{ ...deal.history[0]!, at: '2026-03-01T10:00:00.0009Z' }] };
    expect(code(transition(fine, 'proposal', { ...opts, at: '2026-03-01T10:00:00.0001Z' }))).toBe('ok');
    expect(code(transition(fine, 'proposal', { ...opts, at: '2026-03-01T09:59:59.9999Z' }))).toBe('TIME_TRAVEL');
  });

  it('CLOSED: a won or lost entity moves only by reopen', () => {
    const won = value(transition(deal, 'closed-won', opts));
    const r = transition(won, 'negotiation', { ...opts, actor: manager, at: '2026-03-11T10:00:00Z' });
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: 'RevopsError',
        code: 'CLOSED',
        message: expect.stringContaining('reopen'),
        details: { entityId: 'd-9', from: 'closed-won', to: 'negotiation' },
      }),
    });
    expect(r.ok ? null : r.error).toBeInstanceOf(RevopsError);
  });

  it('TRANSITION_NOT_ALLOWED: no such transition', () => {
    // negotiation → discovery is not in the default deal pipeline (one step back only).
    expect(code(transition(deal, 'discovery', opts))).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      code(
        enterPipeline(
          { id: 'x', stage: '', history: [] },
          { pipeline: defaultDealPipeline, actor: ae, at: opts.at, stage: 'proposal' },
        ),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('ROLE_NOT_PERMITTED: only the AE and managers close; SDRs, specialists and ops cannot', () => {
    // chief-executive is no role of the catalogue: refused like any role the move does not list
    for (const actor of [sdr, bdr, specialist, cs, service, ops, { id: 'm-ceo', roleId: 'chief-executive' }]) {
      const r = transition(deal, 'closed-won', { ...opts, actor });
      expect(r.ok ? null : [r.error.code, r.error.details.roleId, r.error.details.allowedRoles]).toEqual([
        'ROLE_NOT_PERMITTED',
        actor.roleId,
        ['account-executive', 'sales-manager', 'assistant-sales-manager'],
      ]);
    }
    // Customer service supports, but does not renew.
    const c = { id: 'c', stage: 'renewal-due', history: [] };
    expect(code(transition(c, 'renewed', { pipeline: defaultCustomerPipeline, actor: service, at: opts.at }))).toBe(
      'ROLE_NOT_PERMITTED',
    );
    // The AE does not work leads.
    expect(code(transition(newLead, 'working', { pipeline: defaultLeadPipeline, actor: ae, at: opts.at }))).toBe(
      'ROLE_NOT_PERMITTED',
    );
  });

  it('REASON_REQUIRED: closing lost, disqualifying, nurturing, reopening', () => {
    expect(code(transition(deal, 'closed-lost', opts))).toBe('REASON_REQUIRED');
    expect(code(transition(deal, 'closed-lost', { ...opts, reason: '' }))).toBe('REASON_REQUIRED');
    expect(code(transition(newLead, 'disqualified', { pipeline: defaultLeadPipeline, actor: sdr, at: opts.at }))).toBe(
      'REASON_REQUIRED',
    );
    const lost = value(transition(deal, 'closed-lost', { ...opts, reason: 'price' }));
    expect(code(reopen(lost, { ...opts, actor: manager, at: '2026-03-12T10:00:00Z' }))).toBe('REASON_REQUIRED');
  });

  it('GUARD_FAILED lists the missing fields, after changes', () => {
    const { expectedCloseDate: _omit, ...noDate } = deal;
    const r = transition(noDate, 'closed-won', opts);
    expect(r.ok ? null : [r.error.code, r.error.details.missingFields]).toEqual([
      'GUARD_FAILED',
      ['expectedCloseDate'],
    ]);
    // The same move with the field supplied as a change passes, and the change is recorded.
    const ok = value(transition(noDate, 'closed-won', { ...opts, changes: { expectedCloseDate: '2026-03-10' } }));
    const last: StageEvent | undefined = ok.history.at(-1);
    expect(last?.changes).toEqual({ expectedCloseDate: '2026-03-10' });
    // Converting a lead by hand without a deal id fails the stage's guard.
    const q = {
      ...newLead,
      stage: 'qualified',
      accountId: undefined,
      history: [{ ...newLead.history[0]!, to: 'qualified' }],
    };
    const g = transition(q, 'converted', { pipeline: defaultLeadPipeline, actor: sdr, at: opts.at });
    expect(g.ok ? null : g.error.details.missingFields).toEqual(['accountId', 'convertedDealId']);
  });

  it('NOT_CLOSED and REOPEN_NOT_ALLOWED', () => {
    expect(code(reopen(deal, { ...opts, actor: manager, reason: 'x' }))).toBe('NOT_CLOSED');
    const converted = { ...newLead, stage: 'converted', history: [{ ...newLead.history[0]!, to: 'converted' }] };
    // The lead pipeline reopens disqualified leads only.
    expect(code(reopen(converted, { pipeline: defaultLeadPipeline, actor: manager, at: opts.at, reason: 'x' }))).toBe(
      'REOPEN_NOT_ALLOWED',
    );
    // A pipeline without a reopen rule: closed is final.
    const final = definePipeline({ ...simpleSpec });
    const won = { id: 'x', stage: 'b', history: [] };
    expect(code(reopen(won, { pipeline: final, actor: manager, at: opts.at, reason: 'x' }))).toBe('REOPEN_NOT_ALLOWED');
    // A reopen target that requires a field: GUARD_FAILED lists it.
    const guarded = definePipeline({
      ...simpleSpec,
      stages: [{ ...simpleSpec.stages[0]!, requiredFields: ['renewalTerm'] }, simpleSpec.stages[1]!],
      reopen: { roles: ['sales-manager'], toStage: 'a' },
    });
    const g = reopen(won, { pipeline: guarded, actor: manager, at: opts.at, reason: 'x' });
    expect(g.ok ? null : [g.error.code, g.error.details.missingFields]).toEqual(['GUARD_FAILED', ['renewalTerm']]);
  });
});

describe('derived fields and the probability rule', () => {
  const base = {
    id: 'd-5',
    stage: 'discovery',
    probability: 0.1,
    probabilitySource: 'stage' as 'stage' | 'manual' | 'model',
    forecastCategory: 'pipeline' as string,
    amount: { amount: '1.00', currency: 'USD' },
    expectedCloseDate: '2026-09-30',
    history: [
      { from: null, to: 'discovery', at: '2026-07-01T10:00:00Z', actorId: 'm-ana', roleId: 'account-executive' },
    ],
  };
  const opts = { pipeline: defaultDealPipeline, actor: ae, at: '2026-07-02T10:00:00Z' };

  it('a stage-default probability follows the stage; a manual override survives stage changes until closing', () => {
    expect(value(transition(base, 'demo', opts)).probability).toBe(0.2); // the documented table: demo 0.2
    const manual = value(transition(base, 'demo', { ...opts, changes: { probability: 0.35 } }));
    // the override given, marked manual
    expect([manual.probability, manual.probabilitySource]).toEqual([0.35, 'manual']);
    const next = value(transition(manual, 'proposal', { ...opts, at: '2026-07-03T10:00:00Z' }));
    // kept, while the forecast category follows the stage (proposal: bestCase)
    expect([next.probability, next.probabilitySource, next.forecastCategory]).toEqual([0.35, 'manual', 'bestCase']);
    const reset = value(
      transition(next, 'negotiation', { ...opts, at: '2026-07-04T10:00:00Z', changes: { probabilitySource: 'stage' } }),
    );
    expect([reset.probability, reset.probabilitySource]).toEqual([0.8, 'stage']); // back to the table: negotiation 0.8
    const model = value(
      transition(base, 'demo', {
        ...opts,
        changes: { probability: 0.42, probabilitySource: 'model', forecastCategory: 'commit' },
      }),
    );
    // all three as given in changes
    expect([model.probability, model.probabilitySource, model.forecastCategory]).toEqual([0.42, 'model', 'commit']);
    const won = value(transition(value(transition(manual, 'proposal', opts)), 'closed-won', opts));
    expect([won.probability, won.probabilitySource]).toEqual([1, 'stage']);
  });

  it('never mutates its input', () => {
    const frozen = JSON.parse(JSON.stringify(base)) as typeof base;
    const copy = structuredClone(frozen);
    value(transition(frozen, 'closed-lost', { ...opts, reason: 'timing' }));
    expect(frozen).toEqual(copy);
  });

  it('null in changes clears a field; the close date can be chosen', () => {
    const r = value(
      transition({ ...base, stage: 'proposal', history: [{ ...base.history[0]!, to: 'proposal' }] }, 'closed-won', {
        ...opts,
        changes: { closeDate: '2026-06-30', expectedCloseDate: '2026-06-30' },
      }),
    );
    expect((r as { closeDate?: string }).closeDate).toBe('2026-06-30');
    const cleared = value(transition(base, 'demo', { ...opts, changes: { note: null } }));
    expect('note' in cleared).toBe(false);
  });
});

describe('types', () => {
  // only definePipeline output compiles; a defined pipeline is a model Pipeline
  it('a plain definition is not a DefinedPipeline', () => {
    const spec: PipelineSpec = {
      id: 'p',
      name: 'P',
      entity: 'customer',
      stages: [
        { id: 'a', name: 'A', kind: 'open', probability: 0, forecastCategory: 'omitted' },
        { id: 'b', name: 'B', kind: 'won', probability: 1, forecastCategory: 'closed' },
      ],
      transitions: [{ from: 'a', to: 'b', roles: ['cs'] }],
    };
    const e = { id: 'x', stage: 'a', history: [] };
    // @ts-expect-error the spec has not been validated by definePipeline
    expect(() => transition(e, 'b', { pipeline: spec, actor: ae, at: '2026-01-01T00:00:00Z' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_PIPELINE' }),
    );
    const defined = definePipeline(spec);
    expect(() => {
      defined.stages[0]!.probability = 0.5;
    }).toThrow(TypeError); // frozen at run time
    // and usable wherever revops/model's Pipeline is expected
    const asModel: Pipeline = defaultDealPipeline;
    expect(asModel.id).toBe('deal');
  });
});
