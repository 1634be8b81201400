/**
 * A rep's forecast category survives stage changes (users of
 * Salesforce and HubSpot complain that moving a deal overwrote the category they had set).
 * Expected values follow from the default deal pipeline's stage table (src/pipeline/default-pipelines.ts):
 * discovery → pipeline, demo → pipeline, proposal → bestCase, negotiation → commit.
 */
import { describe, expect, it } from 'vitest';
import { defaultDealPipeline, reopen, transition } from '../../src/pipeline/index.js';
import type { Deal } from '../../src/model/index.js';

const ae = { id: 'ae1', roleId: 'account-executive' };
const manager = { id: 'mgr', roleId: 'sales-manager' };
const base = {
  id: 'd1',
  stage: 'discovery',
  probability: 0.1,
  probabilitySource: 'stage' as const,
  forecastCategory: 'pipeline' as const,
  amount: { amount: '1000.00', currency: 'USD' },
  expectedCloseDate: '2026-03-31',
  history: [{ from: null, to: 'discovery', at: '2026-01-05T10:00:00Z', actorId: 'ae1', roleId: 'account-executive' }],
};
type D = typeof base & Partial<Pick<Deal, 'forecastCategorySource' | 'closeDate'>>;

function move(d: D, to: string, at: string, changes?: Record<string, string | number | null>): D {
  const r = transition(d, to, { pipeline: defaultDealPipeline, actor: ae, at, ...(changes ? { changes } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as D;
}

describe('forecast category source', () => {
  it('without an override the category follows each stage default', () => {
    const d = move(base, 'demo', '2026-01-10T10:00:00Z');
    expect(move(d, 'proposal', '2026-01-20T10:00:00Z').forecastCategory).toBe('bestCase'); // stage table
    expect(d.forecastCategorySource).toBeUndefined();
  });

  it('a category set by the rep is manual and survives later open-stage moves', () => {
    const d1 = move(base, 'demo', '2026-01-10T10:00:00Z', { forecastCategory: 'commit' });
    expect([d1.forecastCategory, d1.forecastCategorySource]).toEqual(['commit', 'manual']);
    const d2 = move(d1, 'proposal', '2026-01-20T10:00:00Z'); // proposal's default would be bestCase
    expect([d2.forecastCategory, d2.forecastCategorySource]).toEqual(['commit', 'manual']);
  });

  it("changes.forecastCategorySource 'stage' drops the override", () => {
    const d1 = move(base, 'demo', '2026-01-10T10:00:00Z', { forecastCategory: 'commit' });
    const d2 = move(d1, 'proposal', '2026-01-20T10:00:00Z', { forecastCategorySource: 'stage' });
    expect([d2.forecastCategory, d2.forecastCategorySource]).toEqual(['bestCase', 'stage']);
  });

  it('closing sets closed / omitted and the source back to stage; reopening follows the stage', () => {
    const d1 = move(base, 'demo', '2026-01-10T10:00:00Z', { forecastCategory: 'commit' });
    const d2 = move(move(d1, 'proposal', '2026-01-20T10:00:00Z'), 'negotiation', '2026-01-25T10:00:00Z');
    const won = move(d2, 'closed-won', '2026-02-01T10:00:00Z');
    expect([won.forecastCategory, won.forecastCategorySource]).toEqual(['closed', 'stage']);
    const r = reopen(won, {
      pipeline: defaultDealPipeline,
      actor: manager,
      at: '2026-02-02T10:00:00Z',
      reason: 'signed in error',
    });
    const reopened = r.ok ? (r.value as D) : undefined;
    const target = defaultDealPipeline.stages.find((st) => st.id === reopened?.stage);
    expect([reopened?.forecastCategory, reopened?.forecastCategorySource]).toEqual([target?.forecastCategory, 'stage']);
  });

  it('refuses a contradiction and an unknown source, and the category fields when closing', () => {
    expect(() =>
      move(base, 'demo', '2026-01-10T10:00:00Z', { forecastCategory: 'commit', forecastCategorySource: 'stage' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'changes.forecastCategory' }));
    expect(() => move(base, 'demo', '2026-01-10T10:00:00Z', { forecastCategorySource: 'rep' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => move(base, 'closed-lost', '2026-01-10T10:00:00Z', { forecastCategorySource: 'manual' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
