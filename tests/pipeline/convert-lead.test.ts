import { describe, expect, it } from 'vitest';
import { parseDeal, parseLead, type Lead } from '../../src/model/index.js';
import { convertLead, defaultCustomerPipeline, defaultDealPipeline, definePipeline } from '../../src/pipeline/index.js';

const sdr = { id: 'm-sam', roleId: 'sdr' };
const qualified: Lead = parseLead({
  id: 'l-7',
  name: 'Jo Prospect',
  company: 'Globex',
  source: 'outbound',
  ownerId: 'm-sam',
  segment: 'enterprise',
  stage: 'qualified',
  createdAt: '2026-01-05T09:00:00Z',
  history: [
    { from: null, to: 'new', at: '2026-01-05T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' },
    { from: 'new', to: 'working', at: '2026-01-06T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' },
    { from: 'working', to: 'qualified', at: '2026-01-09T09:00:00Z', actorId: 'm-sam', roleId: 'sdr' },
  ],
});
const deal = {
  id: 'd-7',
  ownerId: 'm-ana',
  accountId: 'a-9',
  amount: { amount: '48000.5', currency: 'USD' },
  expectedCloseDate: '2026-06-30',
};
const at = '2026-01-12T14:00:00+01:00';

describe('convertLead', () => {
  it('converts the lead and creates a valid deal owned by the AE, sourced by the SDR', () => {
    const r = convertLead(qualified, { actor: sdr, at, deal });
    if (!r.ok) throw new Error(r.error.message);
    const { lead, deal: d } = r.value;
    expect(lead).toEqual({
      ...qualified,
      stage: 'converted',
      accountId: 'a-9',
      convertedDealId: 'd-7',
      history: [
        ...qualified.history,
        {
          from: 'qualified',
          to: 'converted',
          at,
          actorId: 'm-sam',
          roleId: 'sdr',
          changes: { convertedDealId: 'd-7', accountId: 'a-9' },
        },
      ],
    });
    // The deal parses with the model's schema, unchanged (it is a complete, valid Deal).
    expect(parseDeal(d)).toEqual(d);
    expect(d).toEqual({
      id: 'd-7',
      name: 'Globex',
      accountId: 'a-9',
      ownerId: 'm-ana',
      sourceMemberId: 'm-sam',
      leadId: 'l-7',
      type: 'new',
      amount: { amount: '48000.50', currency: 'USD' },
      stage: 'discovery',
      probability: 0.1,
      probabilitySource: 'stage',
      forecastCategory: 'pipeline',
      expectedCloseDate: '2026-06-30',
      createdAt: at,
      segment: 'enterprise',
      history: [{ from: null, to: 'discovery', at, actorId: 'm-sam', roleId: 'sdr' }],
    });
    expect(qualified.stage).toBe('qualified'); // not mutated
  });

  it('uses the lead account when the deal names none, and takes name and type when given', () => {
    const r = convertLead(
      { ...qualified, accountId: 'a-1' },
      {
        actor: sdr,
        at,
        deal: {
          id: 'd-7',
          ownerId: 'm-ana',
          amount: deal.amount,
          expectedCloseDate: deal.expectedCloseDate,
          name: 'Globex expansion',
          type: 'expansion',
        },
      },
    );
    expect(
      r.ok && [r.value.deal.accountId, r.value.deal.name, r.value.deal.type, r.value.lead.history.at(-1)?.changes],
    ).toEqual(['a-1', 'Globex expansion', 'expansion', { convertedDealId: 'd-7' }]);
  });

  it('refuses without a qualified lead, an owner or an account', () => {
    const working = { ...qualified, stage: 'working', history: qualified.history.slice(0, 2) };
    const code = (r: ReturnType<typeof convertLead>) => (r.ok ? 'ok' : r.error.code);
    expect(code(convertLead(working, { actor: sdr, at, deal }))).toBe('LEAD_NOT_QUALIFIED');
    const { ownerId: _o, ...noOwner } = deal;
    expect(code(convertLead(qualified, { actor: sdr, at, deal: noOwner }))).toBe('OWNER_REQUIRED');
    // a lead without an owner has no SDR to credit as the deal's source
    // (a Deal's sourceMemberId must be a non-empty id)
    expect(code(convertLead({ ...qualified, ownerId: '' }, { actor: sdr, at, deal }))).toBe('OWNER_REQUIRED');
    const { accountId: _a, ...noAccount } = deal;
    expect(code(convertLead(qualified, { actor: sdr, at, deal: noAccount }))).toBe('ACCOUNT_REQUIRED');
    // the lead's own move is checked too: an AE may not convert, and time never goes backwards
    expect(code(convertLead(qualified, { actor: { id: 'm-ana', roleId: 'account-executive' }, at, deal }))).toBe(
      'ROLE_NOT_PERMITTED',
    );
    expect(code(convertLead(qualified, { actor: sdr, at: '2026-01-01T00:00:00Z', deal }))).toBe('TIME_TRAVEL');
    // a converted lead is no longer qualified
    const done = convertLead(qualified, { actor: sdr, at, deal });
    expect(done.ok && code(convertLead(done.value.lead, { actor: sdr, at, deal }))).toBe('LEAD_NOT_QUALIFIED');
  });

  it('refuses when the deal pipeline guards its start stage', () => {
    const strict = definePipeline({
      ...JSON.parse(JSON.stringify(defaultDealPipeline)),
      id: 'strict',
      stages: defaultDealPipeline.stages.map((s) =>
        s.id === 'discovery' ? { ...s, requiredFields: ['territoryId'] } : s,
      ),
    });
    const r = convertLead(qualified, { actor: sdr, at, deal, dealPipeline: strict });
    expect(r.ok ? null : [r.error.code, r.error.details.missingFields]).toEqual(['GUARD_FAILED', ['territoryId']]);
  });

  it('throws on a malformed amount or date', () => {
    expect(() =>
      convertLead(qualified, { actor: sdr, at, deal: { ...deal, amount: { amount: 'lots', currency: 'USD' } } }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() =>
      convertLead(qualified, { actor: sdr, at, deal: { ...deal, amount: { amount: 1, currency: 'XXX' } } }),
    ).toThrowError(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
    expect(() =>
      convertLead(qualified, { actor: sdr, at, deal: { ...deal, expectedCloseDate: '2026-02-30' } }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => convertLead({ ...qualified, stage: 'mql' }, { actor: sdr, at, deal })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'lead.stage' }),
    );
    // misuse throws even when the lead would be refused
    const stillNew = { ...qualified, stage: 'new', history: qualified.history.slice(0, 1) };
    expect(() =>
      convertLead(stillNew, { actor: sdr, at, deal: { ...deal, amount: { amount: 'x', currency: 'USD' } } }),
    ).toThrowError(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    // a lead whose stage disagrees with its last event, or missing options/deal: a RevopsError, not a TypeError
    expect(() => convertLead({ ...qualified, stage: 'new' }, { actor: sdr, at, deal })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'lead.stage' }),
    );
    expect(() => convertLead(qualified, undefined as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options' }),
    );
    expect(() => convertLead(qualified, { actor: sdr, at } as never)).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deal' }),
    );
    expect(() => convertLead(qualified, { actor: sdr, at, deal: { ...deal, id: '' } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deal.id' }),
    );
    expect(() => convertLead(qualified, { actor: sdr, at, deal: { ...deal, amount: null as never } })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'deal.amount' }),
    );
    // pipelines of the wrong kind: the deal would get no stage probability, the lead no hand-off
    expect(() => convertLead(qualified, { actor: sdr, at, deal, dealPipeline: defaultCustomerPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'dealPipeline' }),
    );
    expect(() => convertLead(qualified, { actor: sdr, at, deal, leadPipeline: defaultDealPipeline })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'leadPipeline' }),
    );
  });
});
