import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRoles, parseDeal, parseLead, type Permission } from '../../src/model/index.js';
import {
  defaultCustomerPipeline,
  defaultDealPipeline,
  defaultLeadPipeline,
  definePipeline,
  replayHistory,
  type DefinedPipeline,
} from '../../src/pipeline/index.js';

/** Roles of the catalogue holding a permission, in catalogue order. */
function rolesWith(p: Permission): string[] {
  return defaultRoles.filter((r) => r.permissions.includes(p)).map((r) => r.id);
}

/** The permission each default move stands for (the mapping the module documents). */
function permissionOf(pipeline: DefinedPipeline, from: string, to: string): Permission {
  const kind = pipeline.stages.find((s) => s.id === to)!.kind;
  if (pipeline.entity === 'lead') {
    if (to === 'working') return 'lead.work';
    if (to === 'qualified') return 'lead.qualify';
    if (to === 'nurture') return 'lead.nurture';
    if (to === 'converted') return 'lead.convert';
    return 'lead.disqualify';
  }
  if (pipeline.entity === 'deal')
    return kind === 'won' ? 'deal.closeWon' : kind === 'lost' ? 'deal.closeLost' : 'deal.advance';
  if (from === 'onboarding' && to === 'active') return 'customer.onboard';
  return kind === 'lost' ? 'customer.churn' : 'customer.renew';
}

const all = [defaultLeadPipeline, defaultDealPipeline, defaultCustomerPipeline];

describe('default pipelines', () => {
  it('are valid (definePipeline accepts their JSON again) and frozen', () => {
    for (const p of all) {
      expect(Object.isFrozen(p.transitions)).toBe(true);
      expect(() => definePipeline(JSON.parse(JSON.stringify(p)))).not.toThrow();
    }
  });

  it.each(all.map((p) => [p.id, p] as const))(
    '%s: every move is allowed to exactly the roles holding its permission in defaultRoles',
    (_id, p) => {
      for (const t of p.transitions) {
        expect([t.from, t.to, [...t.roles].sort()]).toEqual([
          t.from,
          t.to,
          rolesWith(permissionOf(p, t.from, t.to)).sort(),
        ]);
      }
      // only managers reopen: the roles with deal.reopen
      expect(p.reopen?.roles).toEqual(rolesWith('deal.reopen'));
    },
  );

  // SDRs hand off, AEs and specialists advance, only AEs (and managers) close, customer success renews
  it('follow the phases', () => {
    const movers = (p: DefinedPipeline, to: string) =>
      new Set(p.transitions.filter((t) => t.to === to).flatMap((t) => t.roles));
    expect(movers(defaultLeadPipeline, 'converted').has('sdr')).toBe(true);
    expect(movers(defaultDealPipeline, 'proposal').has('sales-specialist')).toBe(true);
    expect(movers(defaultDealPipeline, 'closed-won')).toEqual(
      new Set(['account-executive', 'sales-manager', 'assistant-sales-manager']),
    );
    expect(movers(defaultCustomerPipeline, 'renewed').has('customer-success')).toBe(true);
    expect(defaultLeadPipeline.handoffStages).toEqual(['converted']);
    expect(defaultDealPipeline.handoffStages).toEqual(['closed-won']);
  });

  it('use the stage ids and default probabilities of the sample organisation (data/sample/constants.ts)', async () => {
    const { DEAL_STAGES, LEAD_STAGES } = await import('../../data/sample/constants.js');
    expect(
      defaultDealPipeline.stages.map((s) => ({
        id: s.id,
        probability: s.probability,
        forecastCategory: s.forecastCategory,
      })),
    ).toEqual(DEAL_STAGES);
    expect(defaultLeadPipeline.stages.map((s) => s.id)).toEqual([...LEAD_STAGES]);
  });

  // Oracle: the sample organisation was generated independently (data/sample/generate.ts walks
  // leads and deals through the stages by its own rules). Every recorded history must be one the
  // default pipelines allow, and replaying it must rebuild the recorded entity exactly.
  it('replay every lead and deal of the sample organisation to the recorded entity', () => {
    const leads = (JSON.parse(readFileSync('data/sample/leads.json', 'utf8')) as unknown[]).map(parseLead);
    const deals = (JSON.parse(readFileSync('data/sample/deals.json', 'utf8')) as unknown[]).map(parseDeal);
    expect(leads.length).toBeGreaterThan(400);
    expect(deals.length).toBeGreaterThan(250);
    for (const lead of leads)
      expect(replayHistory({ ...lead, history: [] }, lead.history, { pipeline: defaultLeadPipeline })).toEqual({
        ok: true,
        value: lead,
      });
    for (const deal of deals)
      expect(replayHistory({ ...deal, history: [] }, deal.history, { pipeline: defaultDealPipeline })).toEqual({
        ok: true,
        value: deal,
      });
  });
});
