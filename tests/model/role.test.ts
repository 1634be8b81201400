/**
 * RoleSchema and defaultRoles: the role catalogue of DESIGN.md ("The domain, in one page"):
 * lead generation — SDR / BDR; sales solution — account executive, sales specialist; serving
 * the customer — customer success rep, customer service rep; over all three — sales manager,
 * assistant sales manager, sales operations, sales enablement. Ten roles (SDR and BDR apart).
 */
import { describe, expect, it } from 'vitest';
import {
  defaultRoles,
  parseRole,
  PERMISSIONS,
  PHASES,
  roleHasPermission,
  RoleSchema,
  type Role,
} from '../../src/model/index.js';

const byId = (id: string): Role => {
  const r = defaultRoles.find((x) => x.id === id);
  if (!r) throw new Error(`no role ${id}`);
  return r;
};

describe('defaultRoles', () => {
  it('has the ten roles of the DESIGN.md catalogue, each in its phase', () => {
    expect(defaultRoles).toHaveLength(10);
    // DESIGN.md, "The domain, in one page": phase → roles
    const expected: Record<string, { phase: string; name: RegExp }> = {
      sdr: { phase: 'leadGeneration', name: /SDR|sales development/i },
      bdr: { phase: 'leadGeneration', name: /BDR|business development/i },
      'account-executive': { phase: 'salesSolution', name: /account executive/i },
      'sales-specialist': { phase: 'salesSolution', name: /sales specialist/i },
      'customer-success': { phase: 'customerService', name: /customer success/i },
      'customer-service': { phase: 'customerService', name: /customer service/i },
      'sales-manager': { phase: 'management', name: /^sales manager/i },
      'assistant-sales-manager': { phase: 'management', name: /assistant sales manager/i },
      'sales-operations': { phase: 'management', name: /sales operations/i },
      'sales-enablement': { phase: 'management', name: /sales enablement/i },
    };
    expect(defaultRoles.map((r) => r.id).sort()).toEqual(Object.keys(expected).sort());
    for (const r of defaultRoles) {
      expect(r.phase).toBe(expected[r.id]!.phase);
      expect(r.name).toMatch(expected[r.id]!.name);
    }
  });

  it('every role is valid per RoleSchema, with responsibilities and known, unique permissions', () => {
    for (const r of defaultRoles) {
      expect(RoleSchema.safeParse(r).success).toBe(true);
      expect(parseRole(r)).toEqual(r);
      expect(r.responsibilities.length).toBeGreaterThan(0);
      expect(r.permissions.length).toBeGreaterThan(0);
      expect(new Set(r.permissions).size).toBe(r.permissions.length);
      for (const p of r.permissions) expect(PERMISSIONS).toContain(p);
      expect(PHASES).toContain(r.phase);
    }
    expect(new Set(defaultRoles.map((r) => r.id)).size).toBe(10);
  });

  it('is deeply frozen: the catalogue, each role and its lists', () => {
    expect(Object.isFrozen(defaultRoles)).toBe(true);
    for (const r of defaultRoles) {
      expect(Object.isFrozen(r)).toBe(true);
      expect(Object.isFrozen(r.responsibilities)).toBe(true);
      expect(Object.isFrozen(r.permissions)).toBe(true);
    }
    // ES modules are strict: writing to a frozen object throws
    expect(() => (defaultRoles as Role[]).push(byId('sdr'))).toThrow(TypeError);
    expect(() => {
      (byId('sdr') as { name: string }).name = 'x';
    }).toThrow(TypeError);
    expect(() => (byId('sdr').permissions as string[]).push('deal.closeWon')).toThrow(TypeError);
  });

  it('grants what each phase does (the permissions the pipelines enforce)', () => {
    // lead generation works and qualifies leads, and does not close deals
    for (const id of ['sdr', 'bdr']) {
      for (const p of ['lead.create', 'lead.work', 'lead.qualify', 'lead.disqualify', 'lead.convert'] as const)
        expect(roleHasPermission(byId(id), p)).toBe(true);
      expect(roleHasPermission(byId(id), 'deal.closeWon')).toBe(false);
    }
    // the account executive runs and closes deals, but does not reopen them
    for (const p of ['deal.create', 'deal.advance', 'deal.closeWon', 'deal.closeLost', 'forecast.submit'] as const) {
      expect(roleHasPermission(byId('account-executive'), p)).toBe(true);
    }
    expect(roleHasPermission(byId('account-executive'), 'deal.reopen')).toBe(false);
    // customer success onboards, renews and flags churn; customer service supports
    for (const p of ['customer.onboard', 'customer.renew', 'customer.churn'] as const)
      expect(roleHasPermission(byId('customer-success'), p)).toBe(true);
    expect(roleHasPermission(byId('customer-service'), 'customer.support')).toBe(true);
    expect(roleHasPermission(byId('customer-service'), 'customer.renew')).toBe(false);
    // the sales manager sets quotas, manages plans and reopens closed deals
    for (const p of ['quota.set', 'plan.manage', 'deal.reopen', 'forecast.review'] as const)
      expect(roleHasPermission(byId('sales-manager'), p)).toBe(true);
    // sales operations: territories, routing, KPIs
    for (const p of ['territory.manage', 'routing.manage', 'report.view'] as const)
      expect(roleHasPermission(byId('sales-operations'), p)).toBe(true);
    // sales enablement trains
    expect(roleHasPermission(byId('sales-enablement'), 'training.deliver')).toBe(true);
    expect(roleHasPermission(byId('sales-enablement'), 'deal.closeWon')).toBe(false);
  });
});

describe('RoleSchema', () => {
  it('rejects an unknown phase or permission', () => {
    const base = { id: 'x', name: 'X', phase: 'leadGeneration', responsibilities: [], permissions: [] };
    expect(RoleSchema.safeParse(base).success).toBe(true);
    expect(RoleSchema.safeParse({ ...base, phase: 'closing' }).success).toBe(false);
    expect(RoleSchema.safeParse({ ...base, permissions: ['deal.delete'] }).success).toBe(false);
    expect(RoleSchema.safeParse({ ...base, responsibilities: [''] }).success).toBe(false);
  });
});
