/**
 * The embedded sample organisation (data/sample) is valid against the schemas, consistent
 * (ids resolve), and exactly what its committed generator writes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definePlan } from '../../src/commission/index.js';
import {
  parseAccount,
  parseActivity,
  parseDeal,
  parseLead,
  parseMember,
  parsePlan,
  parseQuota,
  parseSubscription,
  parseTeam,
  parseTerritory,
  defaultRoles,
} from '../../src/model/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (name: string): unknown[] =>
  JSON.parse(readFileSync(join(root, 'data/sample', name), 'utf8')) as unknown[];

describe('data/sample', () => {
  const members = read('members.json').map(parseMember);
  const accounts = read('accounts.json').map(parseAccount);
  const leads = read('leads.json').map(parseLead);
  const deals = read('deals.json').map(parseDeal);

  it('parses every entity against its schema and round-trips unchanged', () => {
    for (const [file, parse] of [
      ['members.json', parseMember],
      ['teams.json', parseTeam],
      ['territories.json', parseTerritory],
      ['accounts.json', parseAccount],
      ['leads.json', parseLead],
      ['deals.json', parseDeal],
      ['activities.json', parseActivity],
      ['subscriptions.json', parseSubscription],
      ['quotas.json', parseQuota],
      ['plans.json', parsePlan],
    ] as const) {
      for (const raw of read(file)) expect((parse as (x: unknown) => unknown)(raw)).toEqual(raw);
    }
  });

  it('is a small but realistic organisation: a dozen members, two territories, hundreds of leads and deals', () => {
    expect(members.length).toBe(12);
    expect(new Set(members.map((m) => m.roleId)).size).toBeGreaterThanOrEqual(9);
    for (const m of members) expect(defaultRoles.some((r) => r.id === m.roleId)).toBe(true);
    expect(read('territories.json').length).toBe(2);
    expect(leads.length).toBeGreaterThan(300);
    expect(deals.length).toBeGreaterThan(200);
    const quarters = new Set(deals.map((d) => d.createdAt.slice(0, 7)));
    expect(quarters.size).toBeGreaterThanOrEqual(20); // months spanned: 8 quarters of activity
  });

  it('has one AE plan and one SDR plan that definePlan accepts', () => {
    const plans = read('plans.json').map(parsePlan);
    expect(plans.map((p) => p.id)).toEqual(['plan-ae-2025', 'plan-sdr-2025']);
    for (const p of plans) expect(() => definePlan(p)).not.toThrow();
  });

  it('links resolve: owners are members, deals point at accounts, converted leads at their deals', () => {
    const memberIds = new Set(members.map((m) => m.id));
    const accountIds = new Set(accounts.map((a) => a.id));
    const dealIds = new Set(deals.map((d) => d.id));
    for (const d of deals) {
      expect(memberIds.has(d.ownerId)).toBe(true);
      expect(accountIds.has(d.accountId)).toBe(true);
      if (d.sourceMemberId) expect(memberIds.has(d.sourceMemberId)).toBe(true);
    }
    for (const l of leads) if (l.convertedDealId) expect(dealIds.has(l.convertedDealId)).toBe(true);
    // histories never go backwards in time
    for (const e of [...deals, ...leads]) {
      const times = e.history.map((h) => Date.parse(h.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });

  it('is exactly what data/sample/generate.ts writes (fixed seed)', () => {
    const out = execFileSync(
      process.execPath,
      [join(root, 'scripts/run-ts.mjs'), join(root, 'data/sample/generate.ts'), '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out).toContain('matches');
  });
});
