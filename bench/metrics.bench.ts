/**
 * revops/metrics over 1,000,000 deals with stage histories, each beside a plain loop doing
 * the same counting in the same run. The data is generated once, outside the timed part.
 */
import { createRng } from '../src/core/index.js';
import {
  averageDealSize,
  funnel,
  salesCycleLength,
  summarizeFunnel,
  mergeFunnel,
  finalizeFunnel,
  winRate,
} from '../src/metrics/index.js';
import type { Pipeline } from '../src/model/pipeline.js';
import type { StageEvent } from '../src/model/stage-event.js';
import { keep, type BenchCase } from './harness.js';

const OPEN = ['discovery', 'demo', 'proposal', 'negotiation'];
const stage = (id: string, kind: 'open' | 'won' | 'lost') => ({
  id,
  name: id,
  kind,
  probability: kind === 'won' ? 1 : 0,
  forecastCategory: kind === 'won' ? ('closed' as const) : ('pipeline' as const),
  requiredFields: [],
});
const pipeline: Pipeline = {
  id: 'deal',
  name: 'Deals',
  entity: 'deal',
  stages: [...OPEN.map((id) => stage(id, 'open')), stage('closed-won', 'won'), stage('closed-lost', 'lost')],
  transitions: [],
  handoffStages: [],
};

// ── data: 1,000,000 deals, 1–6 stage events each, two years of creation dates ─────────────
const N = 1_000_000;
const next = createRng(7).next;
const DAYS = 730;
const dates: string[] = [];
const instants: string[] = [];
for (let d = 0; d < DAYS + 400; d++) {
  const iso = new Date(Date.UTC(2025, 0, 1 + d, 10)).toISOString();
  dates.push(iso.slice(0, 10));
  instants.push(`${iso.slice(0, 19)}Z`);
}
const OWNERS = Array.from({ length: 200 }, (_, i) => `ae${i}`);
const TEAMS = Array.from({ length: 20 }, (_, i) => `team${i}`);

interface BenchDeal {
  readonly ownerId: string;
  readonly teamId: string;
  readonly stage: string;
  readonly createdAt: string;
  readonly closeDate?: string;
  readonly amount: { readonly amount: string; readonly currency: string };
  readonly history: readonly StageEvent[];
}

const deals: BenchDeal[] = [];
for (let i = 0; i < N; i++) {
  const created = Math.floor(next() * DAYS);
  let day = created;
  let at = OPEN.length === 0 ? 0 : Math.floor(next() * 2);
  const history: StageEvent[] = [
    { from: null, to: OPEN[at] as string, at: instants[day] as string, actorId: 'sys', roleId: 'system' },
  ];
  let current = OPEN[at] as string;
  for (;;) {
    const r = next();
    day += 1 + Math.floor(next() * 20);
    if (r < 0.2) {
      history.push({ from: current, to: 'closed-lost', at: instants[day] as string, actorId: 'sys', roleId: 'system' });
      current = 'closed-lost';
      break;
    }
    if (r < 0.3) break; // still open
    at += r < 0.35 ? 2 : 1; // sometimes skips a stage
    if (at >= OPEN.length) {
      history.push({ from: current, to: 'closed-won', at: instants[day] as string, actorId: 'sys', roleId: 'system' });
      current = 'closed-won';
      break;
    }
    history.push({
      from: current,
      to: OPEN[at] as string,
      at: instants[day] as string,
      actorId: 'sys',
      roleId: 'system',
    });
    current = OPEN[at] as string;
  }
  const cents = Math.floor(next() * 10_000_000) + 100;
  const closed = current === 'closed-won' || current === 'closed-lost';
  deals.push({
    ownerId: OWNERS[i % OWNERS.length] as string,
    teamId: TEAMS[i % TEAMS.length] as string,
    stage: current,
    createdAt: instants[created] as string,
    ...(closed ? { closeDate: dates[day] as string } : {}),
    amount: { amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency: 'USD' },
    history,
  });
}
const STAGE_INDEX = new Map<string, number>([
  ...OPEN.map((s, i) => [s, i] as const),
  ['closed-won', OPEN.length],
  ['closed-lost', -2],
]);

// ── (a) funnel, cohort mode, whole data ───────────────────────────────────────────────────
function funnelReference(): number[] {
  const reached = [0, 0, 0, 0, 0];
  for (let i = 0; i < N; i++) {
    const h = (deals[i] as BenchDeal).history;
    let max = -1;
    for (let j = 0; j < h.length; j++) {
      const k = STAGE_INDEX.get((h[j] as StageEvent).to) as number;
      if (k > max) max = k;
    }
    const top = max >= OPEN.length ? OPEN.length - 1 : max;
    for (let k = 0; k <= top; k++) reached[k] = (reached[k] as number) + 1;
    if (max === OPEN.length) reached[4] = (reached[4] as number) + 1;
  }
  return reached;
}

// ── (b) funnel grouped by team, split in 8 chunks, summarised and merged (map-reduce) ───────
/** The same counting per team and in total, in one plain pass (a chunked split changes nothing for a plain loop). */
function funnelByTeamReference(): Map<string, number[]> {
  const byTeam = new Map<string, number[]>();
  const total = [0, 0, 0, 0, 0];
  for (let i = 0; i < N; i++) {
    const d = deals[i] as BenchDeal;
    let reached = byTeam.get(d.teamId);
    if (reached === undefined) {
      reached = [0, 0, 0, 0, 0];
      byTeam.set(d.teamId, reached);
    }
    const h = d.history;
    let max = -1;
    for (let j = 0; j < h.length; j++) {
      const k = STAGE_INDEX.get((h[j] as StageEvent).to) as number;
      if (k > max) max = k;
    }
    const top = max >= OPEN.length ? OPEN.length - 1 : max;
    for (let k = 0; k <= top; k++) {
      reached[k] = (reached[k] as number) + 1;
      total[k] = (total[k] as number) + 1;
    }
    if (max === OPEN.length) {
      reached[4] = (reached[4] as number) + 1;
      total[4] = (total[4] as number) + 1;
    }
  }
  byTeam.set('(total)', total);
  return byTeam;
}

const CHUNKS = 8;
function funnelMergedLibrary(): unknown {
  const size = Math.ceil(N / CHUNKS);
  let acc = summarizeFunnel(deals.slice(0, size), { pipeline, groupBy: 'teamId' });
  for (let c = 1; c < CHUNKS; c++)
    acc = mergeFunnel(acc, summarizeFunnel(deals.slice(c * size, (c + 1) * size), { pipeline, groupBy: 'teamId' }));
  return finalizeFunnel(acc);
}

// ── (c) KPIs: win rate by value (exact), average deal size (exact), cycle length ─────────────
function kpisLibrary(): unknown {
  return [winRate(deals, { by: 'value' }), averageDealSize(deals), salesCycleLength(deals)];
}
/** The same three KPIs with floats and Date.parse: what a plain loop would do. */
function kpisReference(): number[] {
  let wonCents = 0;
  let lostCents = 0;
  let wonCount = 0;
  let cycleTotal = 0;
  let cycleCount = 0;
  const histogram = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const d = deals[i] as BenchDeal;
    if (d.stage === 'closed-won') {
      wonCents += Math.round(Number(d.amount.amount) * 100);
      wonCount++;
      const days = (Date.parse(d.closeDate as string) - Date.parse(d.createdAt.slice(0, 10))) / 86_400_000;
      cycleTotal += days;
      cycleCount++;
      histogram.set(days, (histogram.get(days) ?? 0) + 1);
    } else if (d.stage === 'closed-lost') lostCents += Math.round(Number(d.amount.amount) * 100);
  }
  return [wonCents / (wonCents + lostCents), wonCents / wonCount / 100, cycleTotal / cycleCount, histogram.size];
}

export const cases: BenchCase[] = [
  {
    name: '1,000,000 deals with histories: funnel (cohort, skips count as passed)',
    size: N,
    library: () => keep(funnel(deals, { pipeline })),
    reference: () => keep(funnelReference()),
  },
  {
    name: '1,000,000 deals: funnel by team, 8 chunks summarised + merged',
    size: N,
    library: () => keep(funnelMergedLibrary()),
    reference: () => keep(funnelByTeamReference()),
  },
  {
    name: '1,000,000 deals: winRate by value + averageDealSize + salesCycleLength (exact money)',
    size: N,
    library: () => keep(kpisLibrary()),
    reference: () => keep(kpisReference()),
  },
];
