/**
 * The sample organisation that `revops demo` reports on, generated in memory from a fixed seed:
 * the same entities every run, so the package ships this generator instead of their JSON (about
 * 1 MB). `node scripts/run-ts.mjs data/sample/generate.ts` writes them to data/sample/*.json for
 * the tests and the guides (and `--check` verifies the committed files).
 *
 * Northwind Cloud, a B2B SaaS seller: twelve members across the role catalogue, two territories
 * (West, East), 8 quarters of leads, deals, activities, subscriptions and quotas
 * (2025-Q1 … 2026-Q4), observed as of 2026-10-15. Every entity is validated by the model's
 * parsers as it is made.
 */
import {
  addDays,
  allocate,
  createRng,
  fromMinorUnits,
  money,
  monthsOf,
  multiply,
  period,
  quarter,
  roundMoney,
  toMinorUnits,
} from '../core/index.js';
import {
  type Account,
  type Activity,
  type Deal,
  type Lead,
  type Member,
  type Plan,
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
  type Quota,
  type StageEvent,
  type Subscription,
  type Team,
  type Territory,
} from '../model/index.js';

/** The seed of the sample's random draws. */
export const SAMPLE_SEED = 'northwind-cloud-2025';
/** The date the sample is observed at. */
export const SAMPLE_AS_OF = '2026-10-15';
/** The sample's currency. */
export const SAMPLE_CURRENCY = 'USD';
/** Lead stages used in the sample (ids of the default lead pipeline). */
export const LEAD_STAGES = ['new', 'working', 'qualified', 'converted', 'nurture', 'disqualified'] as const;
/** Deal stages used in the sample with their default probability and forecast category. */
export const DEAL_STAGES = [
  { id: 'discovery', probability: 0.1, forecastCategory: 'pipeline' },
  { id: 'demo', probability: 0.2, forecastCategory: 'pipeline' },
  { id: 'proposal', probability: 0.5, forecastCategory: 'bestCase' },
  { id: 'negotiation', probability: 0.8, forecastCategory: 'commit' },
  { id: 'closed-won', probability: 1, forecastCategory: 'closed' },
  { id: 'closed-lost', probability: 0, forecastCategory: 'omitted' },
] as const;

/** The sample organisation: what data/sample/*.json holds, file by file. */
export interface SampleOrganisation {
  readonly organisation: {
    readonly name: string;
    readonly currency: string;
    readonly asOf: string;
    readonly seed: string;
    readonly leadStages: readonly string[];
    readonly dealStages: readonly string[];
  };
  readonly members: Member[];
  readonly teams: Team[];
  readonly territories: Territory[];
  readonly accounts: Account[];
  readonly leads: Lead[];
  readonly deals: Deal[];
  readonly activities: Activity[];
  readonly subscriptions: Subscription[];
  readonly quotas: Quota[];
  readonly plans: Plan[];
}

const CUR = SAMPLE_CURRENCY;
const AS_OF = SAMPLE_AS_OF;
const START = '2025-01-01';

const instant = (date: string, hour: number, minute = 0): string =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

// ---------------------------------------------------------------- organisation
const MEMBERS = [
  {
    id: 'm-morgan',
    name: 'Morgan Lee',
    roleId: 'sales-manager',
    teamId: 'team-west',
    startDate: '2023-04-03',
    territoryIds: ['west', 'east'],
  },
  {
    id: 'm-alex',
    name: 'Alex Kim',
    roleId: 'assistant-sales-manager',
    teamId: 'team-east',
    managerId: 'm-morgan',
    startDate: '2024-01-08',
    territoryIds: ['east'],
  },
  {
    id: 'm-priya',
    name: 'Priya Shah',
    roleId: 'sales-operations',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-02-05',
    territoryIds: [],
  },
  {
    id: 'm-sam',
    name: 'Sam Ortiz',
    roleId: 'sales-enablement',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-06-03',
    territoryIds: [],
  },
  {
    id: 'm-jamie',
    name: 'Jamie Chen',
    roleId: 'sdr',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-03-04',
    territoryIds: ['west'],
  },
  {
    id: 'm-riley',
    name: 'Riley Brooks',
    roleId: 'bdr',
    teamId: 'team-east',
    managerId: 'm-alex',
    startDate: '2024-09-02',
    territoryIds: ['east'],
  },
  {
    id: 'm-taylor',
    name: 'Taylor Reed',
    roleId: 'account-executive',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2023-05-01',
    territoryIds: ['west'],
  },
  {
    id: 'm-jordan',
    name: 'Jordan Patel',
    roleId: 'account-executive',
    teamId: 'team-east',
    managerId: 'm-alex',
    startDate: '2023-11-06',
    territoryIds: ['east'],
  },
  {
    id: 'm-casey',
    name: 'Casey Nguyen',
    roleId: 'account-executive',
    teamId: 'team-east',
    managerId: 'm-alex',
    startDate: '2025-08-18', // a mid-quarter hire: 2025-Q3 quota and pay are prorated
    territoryIds: ['east'],
    reportingHistory: [{ managerId: 'm-alex', start: '2025-08-18' }],
  },
  {
    id: 'm-drew',
    name: 'Drew Adams',
    roleId: 'sales-specialist',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-01-15',
    territoryIds: ['west', 'east'],
  },
  {
    id: 'm-avery',
    name: 'Avery Walsh',
    roleId: 'customer-success',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-04-01',
    territoryIds: ['west', 'east'],
  },
  {
    id: 'm-quinn',
    name: 'Quinn Foster',
    roleId: 'customer-service',
    teamId: 'team-west',
    managerId: 'm-morgan',
    startDate: '2024-07-01',
    territoryIds: ['west', 'east'],
  },
] as const;

const TERRITORIES = [
  {
    id: 'west',
    name: 'West',
    region: 'Americas West',
    segments: ['b2b', 'saas', 'enterprise'],
    ownerIds: ['m-taylor', 'm-jamie'],
  },
  {
    id: 'east',
    name: 'East',
    region: 'Americas East',
    segments: ['b2b', 'saas', 'enterprise', 'b2c'],
    ownerIds: ['m-jordan', 'm-casey', 'm-riley'],
  },
] as const;

const SDR_OF = { west: 'm-jamie', east: 'm-riley' } as const;
const aesOf = (territory: 'west' | 'east', on: string): string[] =>
  territory === 'west' ? ['m-taylor'] : on >= '2025-08-18' ? ['m-jordan', 'm-casey'] : ['m-jordan'];

// ---------------------------------------------------------------- accounts
const SEGMENT_SPEND = { b2c: 8_000, b2b: 60_000, saas: 45_000, enterprise: 400_000 } as const;
const INDUSTRIES = ['software', 'retail', 'manufacturing', 'healthcare', 'finance', 'logistics', 'education'];
const NAMES_A = [
  'Blue',
  'North',
  'Bright',
  'Iron',
  'Silver',
  'Green',
  'Swift',
  'Clear',
  'Summit',
  'Harbor',
  'Maple',
  'Granite',
];
const NAMES_B = [
  'Labs',
  'Works',
  'Systems',
  'Foods',
  'Health',
  'Logistics',
  'Partners',
  'Retail',
  'Analytics',
  'Studio',
];
const LOST_REASONS = ['price', 'competitor', 'no decision', 'timing', 'missing feature'];
const DISQUALIFY_REASONS = ['no budget', 'not a fit', 'student or job seeker', 'duplicate', 'unreachable'];
const ev = (
  from: string | null,
  to: string,
  at: string,
  actorId: string,
  roleId: string,
  reason?: string,
): StageEvent => (reason === undefined ? { from, to, at, actorId, roleId } : { from, to, at, actorId, roleId, reason });
/** `candidate`, or one minute after `previous` when the candidate is not later (histories never go backwards). */
const after = (previous: StageEvent, candidate: string): string =>
  Date.parse(candidate) > Date.parse(previous.at)
    ? candidate
    : new Date(Date.parse(previous.at) + 60_000).toISOString().replace('.000Z', 'Z');

// ---------------------------------------------------------------- quotas
function sampleQuotas(): Quota[] {
  const quotas: Quota[] = [];
  for (const [y, q] of [
    [2025, 1],
    [2025, 2],
    [2025, 3],
    [2025, 4],
    [2026, 1],
    [2026, 2],
    [2026, 3],
    [2026, 4],
  ] as const) {
    const p = quarter(y, q);
    for (const ae of ['m-taylor', 'm-jordan', 'm-casey']) {
      if (ae === 'm-casey' && p.end < '2025-08-18') continue;
      quotas.push(
        parseQuota({
          id: `q-${ae}-${y}q${q}`,
          memberId: ae,
          period: p,
          amount: { amount: ae === 'm-taylor' ? 150_000 : 240_000, currency: CUR },
        }),
      );
    }
    for (const sdr of ['m-jamie', 'm-riley']) {
      quotas.push(
        parseQuota({
          id: `q-${sdr}-${y}q${q}`,
          memberId: sdr,
          period: p,
          amount: { amount: sdr === 'm-jamie' ? 120_000 : 300_000, currency: CUR },
          measure: 'bookings',
        }),
      );
    }
    quotas.push(
      parseQuota({
        id: `q-team-west-${y}q${q}`,
        teamId: 'team-west',
        period: p,
        amount: { amount: 150_000, currency: CUR },
      }),
    );
    quotas.push(
      parseQuota({
        id: `q-team-east-${y}q${q}`,
        teamId: 'team-east',
        period: p,
        amount: { amount: 480_000, currency: CUR },
      }),
    );
  }

  return quotas;
}

// ---------------------------------------------------------------- incentive plans
const PLANS = [
  {
    id: 'plan-ae-2025',
    name: 'Account executive plan',
    currency: CUR,
    periodLength: 'quarter',
    versions: [
      {
        id: 'ae-v1',
        effectiveFrom: '2025-01-01',
        components: [
          {
            id: 'ae-commission',
            name: 'Commission on bookings, accelerated above quota',
            kind: 'tiered',
            basis: 'attainment',
            split: 'marginal',
            scope: 'periodToDate',
            boundary: 'higher',
            kinds: ['owner', 'split'],
            tiers: [
              { from: '0', to: '1', rate: '0.08' },
              { from: '1', to: '1.5', rate: '0.12' },
              { from: '1.5', rate: '0.15' },
            ],
          },
          {
            id: 'ae-quota-bonus',
            name: 'Quota bonus',
            kind: 'bonus',
            kinds: ['owner', 'split'],
            steps: [{ atLeast: '1', amount: '2000' }],
          },
          { id: 'ae-overlay', name: 'Specialist overlay', kind: 'rate', kinds: ['overlay'], rate: '0.02' },
        ],
        clawback: {
          schedule: [
            { withinDays: 90, share: '1' },
            { withinDays: 180, share: '0.5' },
          ],
        },
      },
    ],
  },
  {
    id: 'plan-sdr-2025',
    name: 'Sales development plan',
    currency: CUR,
    periodLength: 'quarter',
    versions: [
      {
        id: 'sdr-v1',
        effectiveFrom: '2025-01-01',
        attainment: { kinds: ['source'] },
        components: [
          {
            id: 'sdr-per-opportunity',
            name: 'Per sourced opportunity won',
            kind: 'perUnit',
            kinds: ['source'],
            measure: 'bookings',
            amountPerUnit: '150',
          },
          {
            id: 'sdr-sourced-bookings',
            name: 'Share of sourced bookings',
            kind: 'rate',
            kinds: ['source'],
            rate: '0.01',
          },
          {
            id: 'sdr-quota-bonus',
            name: 'Quota bonus',
            kind: 'bonus',
            kinds: ['source'],
            steps: [{ atLeast: '1', amount: '1000' }],
          },
        ],
      },
    ],
  },
] as const;

/** Generates the sample organisation (deterministic: the seed is fixed; no clock, no I/O). */
export function generateSample(): SampleOrganisation {
  const rng = createRng(SAMPLE_SEED);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const chance = (p: number): boolean => rng.next() < p;
  const between = (lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
  /** Log-normal-ish amount rounded to a multiple of `step`. */
  const amount = (median: number, spread: number, step: number): number =>
    Math.max(step, Math.round((median * Math.exp(spread * rng.normal())) / step) * step);

  const members = MEMBERS.map((m) => parseMember(m));
  const territories = TERRITORIES.map((t) => parseTerritory(t));
  const teams = [
    {
      id: 'team-west',
      name: 'West',
      managerId: 'm-morgan',
      memberIds: members.filter((m) => m.teamId === 'team-west').map((m) => m.id),
    },
    {
      id: 'team-east',
      name: 'East',
      managerId: 'm-alex',
      memberIds: members.filter((m) => m.teamId === 'team-east').map((m) => m.id),
    },
  ].map((t) => parseTeam(t));

  // ---------------------------------------------------------------- accounts
  const accounts: Account[] = [];
  for (let i = 1; i <= 120; i++) {
    const segment = pick(['b2b', 'b2b', 'saas', 'saas', 'enterprise', 'b2c'] as const);
    const territoryId = i % 2 === 0 ? 'west' : 'east';
    accounts.push(
      parseAccount({
        id: `a-${String(i).padStart(3, '0')}`,
        name: `${pick(NAMES_A)} ${pick(NAMES_B)} ${i}`,
        segment,
        annualSpend: { amount: amount(SEGMENT_SPEND[segment], 0.6, 500), currency: CUR },
        territoryId,
        industry: pick(INDUSTRIES),
        createdAt: addDays('2024-06-01', rng.int(200)),
      }),
    );
  }

  // ---------------------------------------------------------------- leads and deals
  const leads: Lead[] = [];
  const deals: Deal[] = [];
  const activities: Activity[] = [];
  let activityId = 0;
  let dealSeq = 0;

  const roleOf = (id: string): string => members.find((m) => m.id === id)!.roleId;

  function logActivities(
    memberId: string,
    from: string,
    to: string,
    refs: { leadId?: string; dealId?: string; accountId?: string },
    n: number,
  ): void {
    for (let k = 0; k < n; k++) {
      const span = Math.max(
        0,
        Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000),
      );
      const day = addDays(from, rng.int(span + 1));
      if (day > AS_OF) continue;
      const kind = pick(['call', 'call', 'call', 'email', 'email', 'meeting', 'demo'] as const);
      const durationSeconds =
        kind === 'email'
          ? 0
          : kind === 'call'
            ? amount(300, 0.7, 1)
            : kind === 'meeting'
              ? 60 * pick([30, 30, 45, 60])
              : 60 * pick([45, 60, 90]);
      activities.push(
        parseActivity({
          id: `act-${String(++activityId).padStart(5, '0')}`,
          kind,
          memberId,
          at: instant(day, between(14, 22), rng.int(60)),
          durationSeconds,
          ...refs,
          ...(kind === 'call'
            ? { completed: chance(0.45) }
            : kind === 'meeting' || kind === 'demo'
              ? { completed: chance(0.85) }
              : {}),
        }),
      );
    }
  }

  /** Walks a deal through the deal pipeline from `created`, returning it (open if the walk passes AS_OF). */
  function makeDeal(input: {
    account: Account;
    ownerId: string;
    created: string;
    type: 'new' | 'renewal' | 'expansion';
    sourceMemberId?: string;
    leadId?: string;
    winBias: number;
  }): Deal {
    const { account, ownerId, created, type } = input;
    const id = `d-${String(++dealSeq).padStart(4, '0')}`;
    const median = type === 'new' ? SEGMENT_SPEND[account.segment] * 0.35 : SEGMENT_SPEND[account.segment] * 0.2;
    const amt = money(amount(median, 0.5, 50), CUR);
    const history: StageEvent[] = [ev(null, 'discovery', instant(created, 15), ownerId, roleOf(ownerId))];
    let stage = 'discovery';
    let day = created;
    const order = ['discovery', 'demo', 'proposal', 'negotiation'];
    let closeDate: string | undefined;
    let lostReason: string | undefined;
    // Each open stage: chance to lose there, else advance; a few deals skip the demo.
    for (let s = 0; s < order.length; s++) {
      const dwell = between(4, type === 'new' ? 24 : 12) + (account.segment === 'enterprise' ? between(5, 25) : 0);
      const next = addDays(day, dwell);
      if (next > AS_OF) break;
      day = next;
      const lose = chance([0.22, 0.18, 0.2, 0.15][s]! * (1 - input.winBias));
      if (lose) {
        lostReason = pick(LOST_REASONS);
        history.push(
          ev(
            stage,
            'closed-lost',
            after(history[history.length - 1]!, instant(day, 18)),
            ownerId,
            roleOf(ownerId),
            lostReason,
          ),
        );
        stage = 'closed-lost';
        closeDate = day;
        break;
      }
      let to = s + 1 < order.length ? order[s + 1]! : 'closed-won';
      if (s === 0 && chance(0.1)) {
        to = 'proposal'; // skipped the demo: funnels must still count it as having passed 'demo'
        s++;
      }
      const actor = to === 'demo' && chance(0.4) ? 'm-drew' : ownerId;
      history.push(
        ev(stage, to, after(history[history.length - 1]!, instant(day, 17, rng.int(60))), actor, roleOf(actor)),
      );
      stage = to;
      if (to === 'closed-won') closeDate = day;
    }
    const spec = DEAL_STAGES.find((x) => x.id === stage)!;
    const expected = closeDate ?? addDays(day, between(10, 60));
    const splits =
      stage === 'closed-won' && account.segment === 'enterprise'
        ? [{ memberId: 'm-drew', share: '0.1', kind: 'overlay' as const }]
        : undefined;
    logActivities(ownerId, created, closeDate ?? AS_OF, { dealId: id, accountId: account.id }, between(2, 6));
    return parseDeal({
      id,
      name: `${account.name} — ${type}`,
      accountId: account.id,
      ownerId,
      ...(input.sourceMemberId ? { sourceMemberId: input.sourceMemberId } : {}),
      ...(input.leadId ? { leadId: input.leadId } : {}),
      type,
      amount: amt,
      stage,
      probability: spec.probability,
      forecastCategory: spec.forecastCategory,
      expectedCloseDate: expected,
      ...(closeDate ? { closeDate } : {}),
      createdAt: instant(created, 15),
      ...(lostReason ? { lostReason } : {}),
      segment: account.segment,
      territoryId: account.territoryId,
      teamId: account.territoryId === 'west' ? 'team-west' : 'team-east',
      products: [pick(['core', 'core', 'analytics', 'integrations'])],
      termMonths: pick([12, 12, 12, 24, 36]),
      ...(splits ? { splits } : {}),
      history,
    });
  }

  for (let i = 1; i <= 440; i++) {
    // the last 40 leads arrive in the six weeks before AS_OF, so some are still new or being worked
    const created = i > 400 ? addDays(AS_OF, -rng.int(45)) : addDays(START, rng.int(640));
    if (created > AS_OF) continue;
    const account = pick(accounts);
    const territory = account.territoryId as 'west' | 'east';
    const sdr = SDR_OF[territory];
    const id = `l-${String(i).padStart(4, '0')}`;
    const history: StageEvent[] = [ev(null, 'new', instant(created, 14), sdr, roleOf(sdr))];
    let stage = 'new';
    let day = created;
    let disqualifyReason: string | undefined;
    let convertedDealId: string | undefined;
    const step = (to: string, days: number, reason?: string): boolean => {
      const next = addDays(day, days);
      if (next > AS_OF) return false;
      day = next;
      history.push(
        ev(stage, to, after(history[history.length - 1]!, instant(day, 16, rng.int(60))), sdr, roleOf(sdr), reason),
      );
      stage = to;
      return true;
    };
    if (step('working', between(0, 3))) {
      if (chance(0.3)) {
        disqualifyReason = pick(DISQUALIFY_REASONS);
        step('disqualified', between(2, 14), disqualifyReason);
      } else if (chance(0.2)) {
        step('nurture', between(3, 20), 'not ready this quarter');
      } else if (step('qualified', between(3, 15)) && chance(0.85)) {
        const wait = between(0, 4);
        if (addDays(day, wait) <= AS_OF) {
          const handoff = addDays(day, wait);
          const ae = pick(aesOf(territory, handoff));
          const deal = makeDeal({
            account,
            ownerId: ae,
            created: handoff,
            type: 'new',
            sourceMemberId: sdr,
            leadId: id,
            winBias: 0.1,
          });
          deals.push(deal);
          convertedDealId = deal.id;
          step('converted', wait);
        }
      }
    }
    logActivities(sdr, created, day, { leadId: id, accountId: account.id }, between(2, 6));
    leads.push(
      parseLead({
        id,
        name: `Prospect ${i}`,
        company: account.name,
        source:
          territory === 'west'
            ? pick(['inbound', 'inbound', 'referral', 'event'])
            : pick(['outbound', 'outbound', 'partner', 'event']),
        ownerId: sdr,
        accountId: account.id,
        segment: account.segment,
        stage,
        createdAt: instant(created, 14),
        history,
        ...(disqualifyReason ? { disqualifyReason } : {}),
        ...(convertedDealId ? { convertedDealId } : {}),
        score: between(5, 95),
      }),
    );
  }

  // AE-sourced new business and expansions; the last 25 are recent, so the current quarter has an open pipeline
  for (let i = 0; i < 95; i++) {
    const created = i >= 70 ? addDays(AS_OF, -rng.int(50)) : addDays(START, rng.int(640));
    if (created > AS_OF) continue;
    const account = pick(accounts);
    const territory = account.territoryId as 'west' | 'east';
    deals.push(
      makeDeal({
        account,
        ownerId: pick(aesOf(territory, created)),
        created,
        type: chance(0.7) ? 'new' : 'expansion',
        winBias: 0,
      }),
    );
  }

  // ---------------------------------------------------------------- subscriptions (MRR rows per customer per month)
  const subscriptions: Subscription[] = [];
  const months = monthsOf(period(START, '2026-09-30'));
  const won = deals.filter((d) => d.stage === 'closed-won' && d.type === 'new' && d.segment !== 'b2c');
  const firstWin = new Map<string, Deal>();
  for (const d of [...won].sort((a, b) => (a.closeDate! < b.closeDate! ? -1 : 1)))
    if (!firstWin.has(d.accountId)) firstWin.set(d.accountId, d);
  for (const [customerId, deal] of firstWin) {
    // MRR = annual contract value / 12, in cents, allocated exactly
    let mrrCents = toMinorUnits(
      allocate(
        roundMoney(multiply(deal.amount, 1)),
        Array.from({ length: 12 }, () => 1),
      )[0]!,
    );
    let active = true;
    let pausedUntil = '';
    for (const m of months) {
      if (m.end <= deal.closeDate!) continue;
      if (!active) break;
      if (pausedUntil && m.start <= pausedUntil) continue;
      subscriptions.push(
        parseSubscription({
          customerId,
          subscriptionId: `s-${customerId}`,
          planId: deal.products?.[0] ?? 'core',
          period: m,
          mrr: fromMinorUnits(mrrCents, CUR),
        }),
      );
      const r = rng.next();
      if (r < 0.018)
        active = false; // churn
      else if (r < 0.024)
        pausedUntil = addDays(m.end, 31 * between(1, 3)); // churn then reactivate 1–3 months later
      else if (r < 0.06)
        mrrCents += BigInt(Math.round(Number(mrrCents) * (0.1 + rng.next() * 0.3))); // expansion
      else if (r < 0.075) mrrCents -= BigInt(Math.round(Number(mrrCents) * (0.1 + rng.next() * 0.2))); // contraction
    }
  }

  return {
    organisation: {
      name: 'Northwind Cloud',
      currency: CUR,
      asOf: AS_OF,
      seed: SAMPLE_SEED,
      leadStages: LEAD_STAGES,
      dealStages: DEAL_STAGES.map((s) => s.id),
    },
    members,
    teams,
    territories,
    accounts,
    leads,
    deals,
    activities,
    subscriptions,
    quotas: sampleQuotas(),
    plans: PLANS.map((p) => parsePlan(p)),
  };
}
