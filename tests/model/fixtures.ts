/**
 * One valid input per entity, the output each must parse to (written by hand from the schema
 * documentation: money canonical at the currency's minor unit, exact decimals without trailing
 * zeros, documented defaults applied), and an input with several problems and their paths.
 */
import type { RevopsError, Result } from '../../src/core/index.js';
import * as model from '../../src/model/index.js';

export interface EntityCase {
  readonly name: string;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse: (input: unknown) => Result<unknown, RevopsError>;
  readonly valid: Record<string, unknown>;
  readonly parsed: Record<string, unknown>;
  /** Changes to `valid` that make several problems at once, and the path of each. */
  readonly problems: { readonly patch: Record<string, unknown>; readonly paths: readonly (string | number)[][] };
  /** A field holding a nested object, to check strictness inside it. */
  readonly nested?: { readonly key: string; readonly value: Record<string, unknown> };
}

const stageEvents = [
  { from: null, to: 'new', at: '2026-01-05T10:00:00Z', actorId: 'm1', roleId: 'sdr' },
  {
    from: 'new',
    to: 'working',
    at: '2026-01-06T09:00:00+01:00',
    actorId: 'm1',
    roleId: 'sdr',
    reason: 'replied',
    changes: { priority: 'high' },
  },
];

const stages = [
  { id: 'open', name: 'Open', kind: 'open', probability: 0.2, forecastCategory: 'pipeline' },
  { id: 'won', name: 'Won', kind: 'won', probability: 1, forecastCategory: 'closed', requiredFields: ['closeDate'] },
  { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted' },
];

export const CASES: readonly EntityCase[] = [
  {
    name: 'Role',
    parse: model.parseRole,
    safeParse: model.safeParseRole,
    valid: {
      id: 'sdr',
      name: 'SDR',
      phase: 'leadGeneration',
      responsibilities: ['Qualify leads'],
      permissions: ['lead.qualify', 'lead.work'],
    },
    parsed: {
      id: 'sdr',
      name: 'SDR',
      phase: 'leadGeneration',
      responsibilities: ['Qualify leads'],
      permissions: ['lead.qualify', 'lead.work'],
    },
    problems: { patch: { name: '', permissions: ['lead.qualify', 'fly'] }, paths: [['name'], ['permissions', 1]] },
  },
  {
    name: 'Member',
    parse: model.parseMember,
    safeParse: model.safeParseMember,
    valid: {
      id: 'm1',
      name: 'Ana',
      email: 'ana@example.com',
      roleId: 'sdr',
      teamId: 't1',
      managerId: 'm0',
      reportingHistory: [
        { managerId: 'm9', start: '2024-01-01', end: '2025-01-05' },
        { managerId: 'm0', start: '2025-01-06' },
      ],
      startDate: '2024-01-01',
      endDate: '2026-06-30',
    },
    // territoryIds defaults to []
    parsed: {
      id: 'm1',
      name: 'Ana',
      email: 'ana@example.com',
      roleId: 'sdr',
      teamId: 't1',
      managerId: 'm0',
      reportingHistory: [
        { managerId: 'm9', start: '2024-01-01', end: '2025-01-05' },
        { managerId: 'm0', start: '2025-01-06' },
      ],
      territoryIds: [],
      startDate: '2024-01-01',
      endDate: '2026-06-30',
    },
    problems: {
      patch: { email: 'not-an-email', startDate: '2025-02-30', roleId: '' },
      paths: [['email'], ['startDate'], ['roleId']],
    },
    nested: { key: 'reportingHistory', value: { managerId: 'm0', start: '2025-01-06' } },
  },
  {
    name: 'Team',
    parse: model.parseTeam,
    safeParse: model.safeParseTeam,
    valid: { id: 't1', name: 'West', managerId: 'm0', memberIds: ['m1', 'm2'], segment: 'b2b' },
    parsed: { id: 't1', name: 'West', managerId: 'm0', memberIds: ['m1', 'm2'], segment: 'b2b' },
    problems: { patch: { memberIds: ['m1', ''], segment: 'b2x' }, paths: [['memberIds', 1], ['segment']] },
  },
  {
    name: 'Territory',
    parse: model.parseTerritory,
    safeParse: model.safeParseTerritory,
    valid: { id: 'emea', name: 'EMEA', region: 'Europe', segments: ['b2b', 'enterprise'] },
    // ownerIds defaults to []
    parsed: { id: 'emea', name: 'EMEA', region: 'Europe', segments: ['b2b', 'enterprise'], ownerIds: [] },
    problems: { patch: { name: '', segments: ['mars'] }, paths: [['name'], ['segments', 0]] },
  },
  {
    name: 'Account',
    parse: model.parseAccount,
    safeParse: model.safeParseAccount,
    valid: {
      id: 'a1',
      name: 'Acme',
      segment: 'enterprise',
      annualSpend: { amount: '120000', currency: 'USD' },
      tier: 'A',
      territoryId: 'emea',
      ownerId: 'm2',
      industry: 'Manufacturing',
      createdAt: '2024-05-01',
    },
    // ISO 4217: USD has 2 minor digits → "120000.00"
    parsed: {
      id: 'a1',
      name: 'Acme',
      segment: 'enterprise',
      annualSpend: { amount: '120000.00', currency: 'USD' },
      tier: 'A',
      territoryId: 'emea',
      ownerId: 'm2',
      industry: 'Manufacturing',
      createdAt: '2024-05-01',
    },
    problems: {
      patch: { segment: 'smb', annualSpend: { amount: 'lots', currency: 'usd' } },
      paths: [['segment'], ['annualSpend', 'amount'], ['annualSpend', 'currency']],
    },
    nested: { key: 'annualSpend', value: { amount: '1', currency: 'USD' } },
  },
  {
    name: 'Lead',
    parse: model.parseLead,
    safeParse: model.safeParseLead,
    valid: {
      id: 'l1',
      name: 'Jo',
      company: 'Acme',
      email: 'jo@acme.example',
      source: 'inbound',
      ownerId: 'm1',
      accountId: 'a1',
      segment: 'b2b',
      stage: 'working',
      createdAt: '2026-01-05T10:00:00Z',
      history: stageEvents,
      score: 72.5,
      fields: { campaign: 'spring', budget: 5000, decisionMaker: true, notes: null },
    },
    parsed: {
      id: 'l1',
      name: 'Jo',
      company: 'Acme',
      email: 'jo@acme.example',
      source: 'inbound',
      ownerId: 'm1',
      accountId: 'a1',
      segment: 'b2b',
      stage: 'working',
      createdAt: '2026-01-05T10:00:00Z',
      history: stageEvents,
      score: 72.5,
      fields: { campaign: 'spring', budget: 5000, decisionMaker: true, notes: null },
    },
    problems: {
      patch: { source: 'tv', createdAt: '2026-01-05T10:00:00', score: Number.NaN },
      paths: [['source'], ['createdAt'], ['score']],
    },
    nested: { key: 'history', value: stageEvents[0]! },
  },
  {
    name: 'Deal',
    parse: model.parseDeal,
    safeParse: model.safeParseDeal,
    valid: {
      id: 'd1',
      name: 'Acme expansion',
      accountId: 'a1',
      ownerId: 'ae1',
      sourceMemberId: 'sdr1',
      leadId: 'l1',
      type: 'expansion',
      amount: { amount: 24000, currency: 'USD' },
      stage: 'proposal',
      probability: 0.5,
      forecastCategory: 'bestCase',
      expectedCloseDate: '2026-03-31',
      createdAt: '2026-01-10T09:00:00Z',
      segment: 'enterprise',
      territoryId: 'emea',
      teamId: 't1',
      products: ['core', 'analytics'],
      termMonths: 24,
      splits: [
        { memberId: 'ae1', share: '0.60', kind: 'revenue' },
        { memberId: 'ae2', share: 0.4, kind: 'revenue' },
        { memberId: 'se1', share: '1e-1', kind: 'overlay' },
      ],
      history: stageEvents,
      fields: { competitor: 'Globex' },
    },
    // computed by hand: amount "24000.00" (USD 2 digits); shares canonical "0.6", "0.4", "0.1";
    // probabilitySource defaults to 'stage'
    parsed: {
      id: 'd1',
      name: 'Acme expansion',
      accountId: 'a1',
      ownerId: 'ae1',
      sourceMemberId: 'sdr1',
      leadId: 'l1',
      type: 'expansion',
      amount: { amount: '24000.00', currency: 'USD' },
      stage: 'proposal',
      probability: 0.5,
      probabilitySource: 'stage',
      forecastCategory: 'bestCase',
      expectedCloseDate: '2026-03-31',
      createdAt: '2026-01-10T09:00:00Z',
      segment: 'enterprise',
      territoryId: 'emea',
      teamId: 't1',
      products: ['core', 'analytics'],
      termMonths: 24,
      splits: [
        { memberId: 'ae1', share: '0.6', kind: 'revenue' },
        { memberId: 'ae2', share: '0.4', kind: 'revenue' },
        { memberId: 'se1', share: '0.1', kind: 'overlay' },
      ],
      history: stageEvents,
      fields: { competitor: 'Globex' },
    },
    problems: {
      patch: { probability: 40, expectedCloseDate: '2026-13-01', history: [{ ...stageEvents[0]!, at: 'yesterday' }] },
      paths: [['probability'], ['expectedCloseDate'], ['history', 0, 'at']],
    },
    nested: { key: 'amount', value: { amount: '1', currency: 'USD' } },
  },
  {
    name: 'Activity',
    parse: model.parseActivity,
    safeParse: model.safeParseActivity,
    valid: {
      id: 'c1',
      kind: 'call',
      memberId: 'm1',
      at: '2026-03-02T09:15:00Z',
      durationSeconds: 420,
      leadId: 'l1',
      dealId: 'd1',
      accountId: 'a1',
      completed: true,
    },
    parsed: {
      id: 'c1',
      kind: 'call',
      memberId: 'm1',
      at: '2026-03-02T09:15:00Z',
      durationSeconds: 420,
      leadId: 'l1',
      dealId: 'd1',
      accountId: 'a1',
      completed: true,
    },
    problems: {
      patch: { kind: 'fax', durationSeconds: -1.5, completed: 'yes' },
      paths: [['kind'], ['durationSeconds'], ['completed']],
    },
  },
  {
    name: 'Quota',
    parse: model.parseQuota,
    safeParse: model.safeParseQuota,
    valid: {
      id: 'q1',
      memberId: 'm2',
      period: { start: '2026-01-01', end: '2026-03-31' },
      amount: { amount: 150000, currency: 'USD' },
    },
    // measure defaults to 'bookings'; USD 2 digits
    parsed: {
      id: 'q1',
      memberId: 'm2',
      period: { start: '2026-01-01', end: '2026-03-31' },
      amount: { amount: '150000.00', currency: 'USD' },
      measure: 'bookings',
    },
    problems: {
      patch: { period: { start: '2026-01-01', end: '2026-1-31' }, measure: 'hugs' },
      paths: [['period', 'end'], ['measure']],
    },
    nested: { key: 'period', value: { start: '2026-01-01', end: '2026-03-31' } },
  },
  {
    name: 'Credit',
    parse: model.parseCredit,
    safeParse: model.safeParseCredit,
    valid: {
      id: 'cr1',
      dealId: 'd1',
      memberId: 'm2',
      kind: 'split',
      amount: { amount: '-3000.5', currency: 'USD' },
      date: '2026-02-14',
      share: '0.60',
      measure: 'acv',
      dealType: 'new',
      segment: 'b2b',
      products: ['core'],
      termMonths: 12,
      newLogo: true,
      units: 1,
    },
    // computed by hand: "-3000.50" (a credit note), share "0.6"
    parsed: {
      id: 'cr1',
      dealId: 'd1',
      memberId: 'm2',
      kind: 'split',
      amount: { amount: '-3000.50', currency: 'USD' },
      date: '2026-02-14',
      share: '0.6',
      measure: 'acv',
      dealType: 'new',
      segment: 'b2b',
      products: ['core'],
      termMonths: 12,
      newLogo: true,
      units: 1,
    },
    problems: { patch: { kind: 'bonus', share: 'half', termMonths: 0 }, paths: [['kind'], ['share'], ['termMonths']] },
    nested: { key: 'amount', value: { amount: '1', currency: 'USD' } },
  },
  {
    name: 'Subscription',
    parse: model.parseSubscription,
    safeParse: model.safeParseSubscription,
    valid: {
      customerId: 'c1',
      subscriptionId: 's1',
      planId: 'pro',
      period: { start: '2026-01-01', end: '2026-01-31' },
      mrr: { amount: 99, currency: 'EUR' },
      listMrr: { amount: '120', currency: 'EUR' },
      quantity: 3,
      free: false,
    },
    // EUR 2 digits
    parsed: {
      customerId: 'c1',
      subscriptionId: 's1',
      planId: 'pro',
      period: { start: '2026-01-01', end: '2026-01-31' },
      mrr: { amount: '99.00', currency: 'EUR' },
      listMrr: { amount: '120.00', currency: 'EUR' },
      quantity: 3,
      free: false,
    },
    problems: {
      patch: { quantity: -1, mrr: { amount: 1, currency: 'EUR', cents: 100 } },
      paths: [['quantity'], ['mrr']],
    },
    nested: { key: 'mrr', value: { amount: '1', currency: 'EUR' } },
  },
  {
    name: 'Pipeline',
    parse: model.parsePipeline,
    safeParse: model.safeParsePipeline,
    valid: {
      id: 'p',
      name: 'Simple',
      entity: 'deal',
      stages,
      transitions: [
        { from: 'open', to: 'won', roles: ['account-executive'] },
        { from: 'open', to: 'lost', roles: ['account-executive', 'sales-manager'], requiresReason: true },
      ],
      startStages: ['open'],
      reopen: { roles: ['sales-manager'], toStage: 'open' },
    },
    // defaults: stage/transition requiredFields [], requiresReason false, handoffStages [], reopen.requiresReason true
    parsed: {
      id: 'p',
      name: 'Simple',
      entity: 'deal',
      stages: [
        { id: 'open', name: 'Open', kind: 'open', probability: 0.2, forecastCategory: 'pipeline', requiredFields: [] },
        {
          id: 'won',
          name: 'Won',
          kind: 'won',
          probability: 1,
          forecastCategory: 'closed',
          requiredFields: ['closeDate'],
        },
        { id: 'lost', name: 'Lost', kind: 'lost', probability: 0, forecastCategory: 'omitted', requiredFields: [] },
      ],
      transitions: [
        { from: 'open', to: 'won', roles: ['account-executive'], requiredFields: [], requiresReason: false },
        {
          from: 'open',
          to: 'lost',
          roles: ['account-executive', 'sales-manager'],
          requiredFields: [],
          requiresReason: true,
        },
      ],
      startStages: ['open'],
      handoffStages: [],
      reopen: { roles: ['sales-manager'], toStage: 'open', requiresReason: true },
    },
    problems: {
      patch: {
        entity: 'ticket',
        stages: [{ ...stages[0]!, probability: 2 }],
        transitions: [{ from: 'open', to: 'won', roles: [] }],
      },
      paths: [['entity'], ['stages', 0, 'probability'], ['transitions', 0, 'roles']],
    },
    nested: { key: 'reopen', value: { roles: ['sales-manager'], toStage: 'open' } },
  },
  {
    name: 'Plan',
    parse: model.parsePlan,
    safeParse: model.safeParsePlan,
    valid: {
      id: 'ae-2026',
      name: 'AE plan',
      currency: 'USD',
      periodLength: 'quarter',
      versions: [
        {
          id: 'v1',
          effectiveFrom: '2026-01-01',
          components: [
            {
              id: 'base',
              kind: 'rate',
              rate: 0.1,
              kinds: ['owner', 'split'],
              measure: 'bookings',
              cap: { amount: '50000', mode: 'forfeit' },
              multipliers: [{ id: 'multi-year', factor: '1.20', when: { minTermMonths: 24 } }],
            },
            {
              id: 'accelerator',
              kind: 'tiered',
              basis: 'attainment',
              split: 'marginal',
              scope: 'periodToDate',
              boundary: 'lower',
              tiers: [
                { from: 0, to: '1', rate: '0.08' },
                { from: 1, rate: 0.12 },
              ],
            },
          ],
          draw: { type: 'recoverable', amount: '2000', start: '2026-01-01' },
          clawback: { schedule: [{ withinDays: 90, share: '1' }] },
        },
      ],
    },
    // exact decimals canonical ("1.20" → "1.2", 0.1 → "0.1"); defaults: fiscalYearStartMonth 1,
    // rounding 'halfAwayFromZero', version prorate true, clawback reducesAttainment false
    parsed: {
      id: 'ae-2026',
      name: 'AE plan',
      currency: 'USD',
      periodLength: 'quarter',
      fiscalYearStartMonth: 1,
      rounding: 'halfAwayFromZero',
      versions: [
        {
          id: 'v1',
          effectiveFrom: '2026-01-01',
          components: [
            {
              id: 'base',
              kind: 'rate',
              rate: '0.1',
              kinds: ['owner', 'split'],
              measure: 'bookings',
              cap: { amount: '50000', mode: 'forfeit' },
              multipliers: [{ id: 'multi-year', factor: '1.2', when: { minTermMonths: 24 } }],
            },
            {
              id: 'accelerator',
              kind: 'tiered',
              basis: 'attainment',
              split: 'marginal',
              scope: 'periodToDate',
              boundary: 'lower',
              tiers: [
                { from: '0', to: '1', rate: '0.08' },
                { from: '1', rate: '0.12' },
              ],
            },
          ],
          draw: { type: 'recoverable', amount: '2000', start: '2026-01-01' },
          clawback: { schedule: [{ withinDays: 90, share: '1' }], reducesAttainment: false },
          prorate: true,
        },
      ],
    },
    problems: {
      patch: {
        currency: 'usd',
        periodLength: 'week',
        versions: [{ id: 'v1', effectiveFrom: '2026-01-01', components: [{ id: 'c', kind: 'rate' }] }],
      },
      paths: [['currency'], ['periodLength'], ['versions', 0, 'components', 0, 'rate']],
    },
    nested: { key: 'versions', value: { id: 'v1', effectiveFrom: '2026-01-01', components: [] } },
  },
];

/** `"history[0].at"` — the way RevopsError messages write a path. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
