/**
 * Stage transitions at scale: 250,000 deals, each taken discovery → demo (sales specialist)
 * → proposal → negotiation → closed won (account executive): 1,000,000 transitions.
 *
 * The library checks every move through `transition` (time order, closed stage, allowed move,
 * role, reason, guard fields), applies the probability rule and the won-stage fields, and
 * appends the event. The reference is a plain object update with a hand-written table of allowed
 * moves and roles: the same new entity, with none of the argument checks or refusals.
 */
import { defaultDealPipeline, transition } from '../src/pipeline/index.js';
import { keep, type BenchCase } from './harness.js';

const DEALS = 250_000;
const STEPS: { to: string; roleId: string; at: string }[] = [
  { to: 'demo', roleId: 'sales-specialist', at: '2026-02-01T10:00:00Z' },
  { to: 'proposal', roleId: 'account-executive', at: '2026-02-10T10:00:00Z' },
  { to: 'negotiation', roleId: 'account-executive', at: '2026-02-20T10:00:00Z' },
  { to: 'closed-won', roleId: 'account-executive', at: '2026-03-02T10:00:00Z' },
];

interface BenchDeal {
  readonly id: string;
  readonly stage: string;
  readonly probability: number;
  readonly probabilitySource: 'stage' | 'manual' | 'model';
  readonly forecastCategory: string;
  readonly amount: { readonly amount: string; readonly currency: string };
  readonly expectedCloseDate: string;
  readonly closeDate?: string;
  readonly history: readonly { from: string | null; to: string; at: string; actorId: string; roleId: string }[];
}

const deals: BenchDeal[] = Array.from({ length: DEALS }, (_, i) => ({
  id: `d${i}`,
  stage: 'discovery',
  probability: 0.1,
  probabilitySource: 'stage',
  forecastCategory: 'pipeline',
  amount: { amount: `${1000 + (i % 5000)}.00`, currency: 'USD' },
  expectedCloseDate: '2026-03-31',
  history: [{ from: null, to: 'discovery', at: '2026-01-15T10:00:00Z', actorId: 'ae', roleId: 'account-executive' }],
}));
const actors = STEPS.map((s) => ({ id: `m-${s.roleId}`, roleId: s.roleId }));

function library(): void {
  let won = 0;
  for (let i = 0; i < DEALS; i++) {
    let d = deals[i]!;
    for (let s = 0; s < STEPS.length; s++) {
      const r = transition(d, STEPS[s]!.to, { pipeline: defaultDealPipeline, actor: actors[s]!, at: STEPS[s]!.at });
      if (!r.ok) throw new Error(r.error.message);
      d = r.value;
    }
    if (d.probability === 1) won++;
  }
  keep(won);
}

// The reference: allowed moves and roles as a plain table, defaults per stage, object spread.
const ALLOWED: Record<string, Record<string, readonly string[]>> = {
  discovery: { demo: ['account-executive', 'sales-specialist', 'sales-manager', 'assistant-sales-manager'] },
  demo: { proposal: ['account-executive', 'sales-specialist', 'sales-manager', 'assistant-sales-manager'] },
  proposal: { negotiation: ['account-executive', 'sales-specialist', 'sales-manager', 'assistant-sales-manager'] },
  negotiation: { 'closed-won': ['account-executive', 'sales-manager', 'assistant-sales-manager'] },
};
const DEFAULTS: Record<string, { p: number; c: string }> = {
  demo: { p: 0.2, c: 'pipeline' },
  proposal: { p: 0.5, c: 'bestCase' },
  negotiation: { p: 0.8, c: 'commit' },
  'closed-won': { p: 1, c: 'closed' },
};

function reference(): void {
  let won = 0;
  for (let i = 0; i < DEALS; i++) {
    let d = deals[i]!;
    for (let s = 0; s < STEPS.length; s++) {
      const step = STEPS[s]!;
      const roles = ALLOWED[d.stage]?.[step.to];
      if (roles === undefined || !roles.includes(step.roleId)) throw new Error('not allowed');
      const def = DEFAULTS[step.to]!;
      const event = { from: d.stage, to: step.to, at: step.at, actorId: actors[s]!.id, roleId: step.roleId };
      d =
        step.to === 'closed-won'
          ? {
              ...d,
              stage: step.to,
              probability: 1,
              probabilitySource: 'stage',
              forecastCategory: 'closed',
              closeDate: step.at.slice(0, 10),
              history: [...d.history, event],
            }
          : { ...d, stage: step.to, probability: def.p, forecastCategory: def.c, history: [...d.history, event] };
    }
    if (d.probability === 1) won++;
  }
  keep(won);
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 transitions (250,000 deals × 4 moves, checked) vs plain object updates',
    size: DEALS * STEPS.length,
    library,
    reference,
  },
];
