/**
 * The metrics on the embedded sample organisation (data/sample), parsed by the model: the
 * model's types flow into every KPI unchanged, and independent code paths agree.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  activityCounts,
  averageCallDuration,
  averageDealSize,
  funnel,
  quotaAttainment,
  revenuePerRep,
  salesCycleLength,
  territoryBalance,
  winRate,
  wilsonInterval,
} from '../../src/metrics/index.js';
import {
  parseAccount,
  parseActivity,
  parseDeal,
  parseLead,
  parseMember,
  parseQuota,
  parseTerritory,
  type Pipeline,
} from '../../src/model/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (name: string): unknown[] =>
  JSON.parse(readFileSync(join(root, 'data/sample', name), 'utf8')) as unknown[];
const deals = read('deals.json').map(parseDeal);
const leads = read('leads.json').map(parseLead);
const members = read('members.json').map(parseMember);
const quotas = read('quotas.json').map(parseQuota);
const activities = read('activities.json').map(parseActivity);
const accounts = read('accounts.json').map(parseAccount);
const territories = read('territories.json').map(parseTerritory);

const stage = (id: string, kind: 'open' | 'won' | 'lost') => ({
  id,
  name: id,
  kind,
  probability: kind === 'won' ? 1 : 0,
  forecastCategory: 'pipeline' as const,
  requiredFields: [],
});
const dealPipeline: Pipeline = {
  id: 'deal',
  name: 'Deals',
  entity: 'deal',
  stages: [
    stage('discovery', 'open'),
    stage('demo', 'open'),
    stage('proposal', 'open'),
    stage('negotiation', 'open'),
    stage('closed-won', 'won'),
    stage('closed-lost', 'lost'),
  ],
  transitions: [],
  handoffStages: [],
};
const leadPipeline: Pipeline = {
  id: 'lead',
  name: 'Leads',
  entity: 'lead',
  stages: [
    stage('new', 'open'),
    stage('working', 'open'),
    stage('qualified', 'open'),
    stage('converted', 'won'),
    stage('nurture', 'open'),
    stage('disqualified', 'lost'),
  ],
  transitions: [],
  handoffStages: [],
};

describe('metrics on the sample organisation', () => {
  const won = deals.filter((d) => d.stage === 'closed-won').length;
  const lost = deals.filter((d) => d.stage === 'closed-lost').length;

  it('funnel (cohort, whole history) and winRate agree on won and lost', () => {
    const f = funnel(deals, { pipeline: dealPipeline, groupBy: 'teamId' });
    expect([f.won, f.lost, f.entities]).toEqual([won, lost, deals.length]);
    const w = winRate(deals, { pipeline: dealPipeline, groupBy: 'teamId' });
    expect(w.rate).toBe(f.resolvedWinRate);
    for (const [team, g] of Object.entries(w.groups ?? {})) expect(g.rate).toBe(f.groups?.[team]?.resolvedWinRate);
    expect(wilsonInterval(w.won, w.won + w.lost).rate).toBe(w.rate);
  });
  it('lead funnel without the nurture side stage reaches monotonically', () => {
    const f = funnel(leads, { pipeline: leadPipeline, stages: ['new', 'working', 'qualified'] });
    const r = f.rows.map((x) => x.reached);
    expect(r).toEqual([...r].sort((a, b) => b - a));
    expect(f.rows[f.rows.length - 1]?.reached).toBe(
      leads.filter((l) => l.history.some((e) => e.to === 'converted')).length,
    );
  });
  it('deal KPIs count the same won deals', () => {
    expect(averageDealSize(deals).count).toBe(won);
    expect(salesCycleLength(deals).count).toBe(
      deals.filter((d) => d.stage === 'closed-won' && d.closeDate !== undefined).length,
    );
    expect(winRate(deals, { by: 'value' }).wonAmount).toEqual(averageDealSize(deals).total);
  });
  it('quota attainment, revenue per rep, activities and territories run on parsed entities', () => {
    const q = quotaAttainment(deals, quotas, { members, groupBy: 'teamId' });
    expect(q.rows).toHaveLength(quotas.length);
    const reps = members.filter((m) => m.roleId === 'account-executive');
    expect(
      revenuePerRep(deals, reps, { period: { start: '2026-01-01', end: '2026-06-30' }, groupBy: 'ownerId' }).reps,
    ).toBeGreaterThan(0);
    const counts = activityCounts(activities, { groupBy: 'roleId', members });
    expect(counts.total).toBe(activities.length);
    expect(averageCallDuration(activities).count).toBe(activities.filter((a) => a.kind === 'call').length);
    const b = territoryBalance(accounts, territories);
    expect(b.territories.reduce((s, t) => s + t.accounts, 0) + b.unassignedAccounts).toBe(accounts.length);
  });
});
