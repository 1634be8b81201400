/**
 * `revops demo`: the main jobs on the embedded sample organisation — the pipeline, the
 * forecast for the current quarter, last quarter's commission statements, and the KPIs.
 */
import { addMonths, quarter, quarterOf, sum, type Money, type Period } from '../core/index.js';
import { defaultDealPipeline, stageDurations, agingDeals } from '../pipeline/index.js';
import {
  forecastByCategory,
  pipelineCoverage,
  simulatePipeline,
  stageProbabilities,
  weightedPipeline,
} from '../forecast/index.js';
import { calculateStatement, creditDeals, definePlan, explainStatement } from '../commission/index.js';
import { conversionRate, funnel, quotaAttainment, shrinkRates, wilsonInterval, winRate } from '../metrics/index.js';
import { defaultLeadPipeline } from '../pipeline/index.js';
import { grossRevenueRetention, mrrMovements, netRevenueRetention, quickRatio } from '../retention/index.js';
import type { SampleOrganisation } from './sample.js';

/** A line printer (console.log in the CLI, an array in tests). */
export type Print = (line: string) => void;

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
/** `USD 1,234.50` */
export const fmtMoney = (m: Money): string => {
  const [int = '', frac] = m.amount.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m.currency} ${frac === undefined ? grouped : `${grouped}.${frac}`}`;
};
const fmtNumberMoney = (n: number, currency: string): string => `${currency} ${Math.round(n).toLocaleString('en-US')}`;
const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const days = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(1)} d`);
/** The first day of the twelve-month window that ends on `end` (a month end). */
const yearEndingOn = (end: string): string => addMonths(`${end.slice(0, 8)}01`, -11);
const label = (p: Period): string => {
  const q = quarterOf(p.start);
  return `${q.fiscalYear}-Q${q.quarter}`;
};

/** Prints the demo report for an organisation. */
export function runDemo(org: SampleOrganisation, print: Print): void {
  const current = quarterOf(org.asOf);
  const name = (id: string): string => org.members.find((m) => m.id === id)?.name ?? id;
  const previous =
    current.quarter === 1 ? quarter(current.fiscalYear - 1, 4) : quarter(current.fiscalYear, current.quarter - 1);

  print(`${org.name} — sample organisation, observed as of ${org.asOf} (${org.currency})`);
  print('');
  print('Members by role');
  const byRole = new Map<string, string[]>();
  for (const m of org.members) byRole.set(m.roleId, [...(byRole.get(m.roleId) ?? []), m.name]);
  for (const [role, names] of byRole) print(`  ${pad(role, 26)} ${names.join(', ')}`);
  const accountsIn = (id: string) => org.accounts.filter((a) => a.territoryId === id).length;
  print(`Territories: ${org.territories.map((t) => `${t.name} (${accountsIn(t.id)} accounts)`).join(', ')}`);
  print(
    `Leads: ${org.leads.length}   Deals: ${org.deals.length}   Activities: ${org.activities.length}   ` +
      `Subscription rows: ${org.subscriptions.length}   Quotas: ${org.quotas.length}`,
  );

  // ── pipeline ──────────────────────────────────────────────────────────────
  print('');
  print("Deal pipeline: deals per stage, and days spent in each stage (closed deals' completed stays)");
  const durations = stageDurations(org.deals, { pipeline: defaultDealPipeline });
  for (const stage of defaultDealPipeline.stages) {
    const inStage = org.deals.filter((d) => d.stage === stage.id);
    const d = durations.find((x) => x.stage === stage.id);
    print(
      `  ${pad(stage.id, 13)} ${padLeft(String(inStage.length), 4)} deals ${padLeft(
        fmtMoney(
          sum(
            inStage.map((x) => x.amount),
            org.currency,
          ),
        ),
        18,
      )}` +
        (stage.kind === 'open' && d
          ? `   median ${padLeft(days(d.medianDays), 7)}, p90 ${padLeft(days(d.p90Days), 7)} (${d.count} stays)`
          : ''),
    );
  }
  const stale = agingDeals(
    org.deals.filter((d) => d.closeDate === undefined),
    { pipeline: defaultDealPipeline, asOf: `${org.asOf}T23:59:59Z`, thresholdDays: 21 },
  );
  print(
    `  open deals stuck more than 21 days in their stage: ${stale.length}${
      stale.length
        ? ` (${stale
            .slice(0, 5)
            .map((s) => s.id)
            .join(', ')}${stale.length > 5 ? ', …' : ''})`
        : ''
    }`,
  );

  // ── metrics ───────────────────────────────────────────────────────────────
  print('');
  print('Conversion and win rates (all history)');
  const converted = org.leads.filter((l) => l.stage === 'converted').length;
  const resolvedLeads = org.leads.filter((l) => ['converted', 'disqualified'].includes(l.stage)).length;
  const leadRate = conversionRate(converted, resolvedLeads);
  const leadCi = wilsonInterval(converted, resolvedLeads, { confidence: 0.95 });
  print(
    `  leads converted: ${converted} of ${resolvedLeads} resolved = ${pct(leadRate)} ` +
      `(95% Wilson interval ${pct(leadCi.lower)} – ${pct(leadCi.upper)})`,
  );
  const leadFunnel = funnel(org.leads, { pipeline: defaultLeadPipeline, stages: ['new', 'working', 'qualified'] });
  print(`  lead funnel: ${leadFunnel.rows.map((r) => `${r.stageId} ${r.reached}`).join(' → ')}`);
  const byCount = winRate(org.deals, { by: 'count', groupBy: 'ownerId' });
  const byValue = winRate(org.deals, { by: 'value' });
  print(
    `  deal win rate: ${pct(byCount.rate)} by count (${byCount.won} won, ${byCount.lost} lost), ${pct(byValue.rate)} by value`,
  );
  const reps = Object.entries(byCount.groups ?? {}).map(([key, w]) => ({
    key,
    successes: w.won,
    trials: w.won + w.lost,
  }));
  const shrunk = shrinkRates(reps);
  print(`  win-rate leaderboard (empirical-Bayes shrinkage, ${shrunk.method}):`);
  for (const r of [...shrunk.groups].sort((a, b) => a.rank - b.rank)) {
    print(
      `    ${r.rank}. ${pad(name(r.key), 14)} ${padLeft(`${r.successes}/${r.trials}`, 7)} raw ${padLeft(pct(r.rate), 6)}  shrunk ${padLeft(pct(r.shrunkRate), 6)}`,
    );
  }
  const attainment = quotaAttainment(
    org.deals,
    // AE and team quotas are on closed bookings; SDR quotas are on sourced bookings (see the commission section)
    org.quotas.filter(
      (q) =>
        q.period.start === previous.start &&
        (q.teamId !== undefined || org.members.find((m) => m.id === q.memberId)?.roleId === 'account-executive'),
    ),
    { members: org.members },
  );
  print(
    `  quota attainment on bookings ${label(previous)}: ${attainment.rows.map((r) => `${r.memberId !== undefined ? name(r.memberId) : r.teamId} ${pct(r.attainment)}`).join(', ')}`,
  );

  // ── retention ─────────────────────────────────────────────────────────────
  print('');
  const movements = mrrMovements(org.subscriptions, { period: previous });
  print(`Recurring revenue, ${label(previous)} (MRR movements, ChartMogul conventions)`);
  print(
    `  starting ${fmtMoney(movements.starting)} + new ${fmtMoney(movements.new)} + expansion ${fmtMoney(movements.expansion)} + reactivation ${fmtMoney(movements.reactivation)}`,
  );
  print(
    `  − contraction ${fmtMoney(movements.contraction)} − churned ${fmtMoney(movements.churned)} = ending ${fmtMoney(movements.ending)}`,
  );
  const year = mrrMovements(org.subscriptions, { period: { start: yearEndingOn(previous.end), end: previous.end } });
  const grr = grossRevenueRetention(year);
  const nrr = netRevenueRetention(year);
  const qr = quickRatio(movements);
  print(
    `  trailing twelve months to ${previous.end}: GRR ${pct(grr.rate)}, NRR ${pct(nrr.rate)} (start cohort of ${fmtMoney(grr.denominator)}); quick ratio ${label(previous)}: ${qr.rate === null ? 'n/a' : qr.rate.toFixed(2)}`,
  );

  // ── forecast ──────────────────────────────────────────────────────────────
  print('');
  print(`Forecast for ${label(current)} (${current.start} … ${current.end})`);
  const learned = stageProbabilities(org.deals, { pipeline: defaultDealPipeline, halfLifeQuarters: 4, asOf: org.asOf });
  const weighted = weightedPipeline(org.deals, { period: current });
  const weightedLearned = weightedPipeline(org.deals, { period: current, probabilities: learned.probabilities });
  const categories = forecastByCategory(org.deals, { period: current });
  print(`  open pipeline expected to close   ${padLeft(fmtMoney(weighted.amount), 18)}  (${weighted.count} deals)`);
  print(`  weighted, stage defaults          ${padLeft(fmtMoney(weighted.weighted), 18)}`);
  print(
    `  weighted, learned stage odds      ${padLeft(fmtMoney(weightedLearned.weighted), 18)}  (${Object.entries(
      learned.probabilities,
    )
      .map(([s, p]) => `${s} ${pct(p)}`)
      .join(', ')})`,
  );
  print(`  closed so far                     ${padLeft(fmtMoney(categories.closed.amount), 18)}`);
  print(`  commit forecast (closed + commit) ${padLeft(fmtMoney(categories.commitForecast), 18)}`);
  print(`  best case (+ best case deals)     ${padLeft(fmtMoney(categories.bestCaseForecast), 18)}`);
  const teamQuota = sum(
    org.quotas.filter((q) => q.teamId !== undefined && q.period.start === current.start).map((q) => q.amount),
    org.currency,
  );
  const coverage = pipelineCoverage(categories.openPipeline, teamQuota, categories.closed.amount);
  print(
    `  quota ${fmtMoney(teamQuota)}; coverage of the remaining quota by open pipeline: ${coverage.coverage === null ? 'quota met' : `${coverage.coverage.toFixed(2)}×`}`,
  );
  const sim = simulatePipeline(org.deals, {
    runs: 10_000,
    seed: 'revops-demo',
    period: current,
    probabilities: learned.probabilities,
    slip: 0.15,
  });
  print(
    `  Monte Carlo (10,000 runs, 15% slip, learned odds): P10 ${fmtNumberMoney(sim.p10, sim.currency)}, P50 ${fmtNumberMoney(sim.p50, sim.currency)}, P90 ${fmtNumberMoney(sim.p90, sim.currency)} more to book`,
  );

  // ── commission ────────────────────────────────────────────────────────────
  print('');
  print(`Commission statements for ${label(previous)} (${previous.start} … ${previous.end})`);
  const won = org.deals.filter((d) => d.stage === 'closed-won');
  const credits = creditDeals(won, { members: org.members, rollup: 'manager', source: true });
  const plans = new Map(org.plans.map((p) => [p.id, definePlan(p)]));
  const planFor = (roleId: string): string | undefined =>
    roleId === 'account-executive'
      ? 'plan-ae-2025'
      : roleId === 'sdr' || roleId === 'bdr'
        ? 'plan-sdr-2025'
        : undefined;
  let explained = '';
  let best = -1;
  for (const member of org.members) {
    const planId = planFor(member.roleId);
    const quota = org.quotas.find((q) => q.memberId === member.id && q.period.start === previous.start);
    if (planId === undefined || quota === undefined) continue;
    const statement = calculateStatement({
      plan: plans.get(planId)!,
      member,
      period: previous,
      quota: quota.amount,
      credits,
    });
    print(
      `  ${pad(member.name, 14)} ${pad(member.roleId, 18)} credited ${padLeft(fmtMoney(statement.credited), 16)}  attainment ${padLeft(pct(statement.attainment), 7)}  payable ${padLeft(fmtMoney(statement.payable), 14)}`,
    );
    // explain the AE statement that crosses the most tiers
    if (member.roleId === 'account-executive' && (statement.attainment ?? 0) > best) {
      best = statement.attainment ?? 0;
      explained = explainStatement(statement);
    }
  }
  print('');
  print('  How one statement was computed (explainStatement):');
  for (const line of explained.split('\n')) print(`    ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`);
}
