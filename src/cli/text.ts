/** The report as text for a terminal: sections of aligned lines, explanations wrapped at spaces. */
import { approxMoney, days, money, pad, padLeft, pct, wrap } from './format.js';
import type { RateWithInterval, Report } from './report.js';

/** Rejected rows listed in the text before "… and N more". */
const MAX_LISTED = 50;
const WIDTH = 100;

const withInterval = (r: RateWithInterval): string =>
  r.rate === null
    ? 'n/a (no closed deals)'
    : `${pct(r.rate)} (${r.successes}/${r.trials}; 95% interval ${pct(r.lower)} – ${pct(r.upper)})`;

/** Renders the report as lines of text. */
export function renderText(report: Report): string[] {
  const out: string[] = [];
  const line = (s = '') => out.push(...wrap(s, WIDTH));
  /** A table row: never wrapped. */
  const row = (s: string) => out.push(s);
  const cur = report.currency;
  line(
    `${report.title} — ${report.period.label} (${report.period.start} … ${report.period.end}), ` +
      `as of ${report.asOf}`,
  );
  line();
  line('Data');
  for (const f of report.data.files) {
    line(
      `  ${pad(f.file, 28)} ${pad(f.kind, 14)} ${padLeft(String(f.imported), 7)} imported` +
        (f.rejected > 0 ? `, ${f.rejected} rejected` : ''),
    );
  }
  const { rejected, warnings } = report.data;
  if (rejected.length > 0) {
    line(`  Rows not imported (${rejected.length}):`);
    for (const r of rejected.slice(0, MAX_LISTED)) {
      line(`    ${r.file}: ${r.message} [${r.code}]`);
    }
    if (rejected.length > MAX_LISTED) line(`    … and ${rejected.length - MAX_LISTED} more (--json lists every row)`);
  }
  if (warnings.length > 0) {
    line(`  Warnings (${warnings.length}):`);
    for (const w of warnings.slice(0, MAX_LISTED)) {
      line(`    ${w.file}: ${w.message} [${w.code}]`);
    }
    if (warnings.length > MAX_LISTED) line(`    … and ${warnings.length - MAX_LISTED} more (--json lists every one)`);
  }

  const p = report.pipeline;
  if (p !== undefined) {
    line();
    line(`Pipeline and forecast for ${report.period.label}`);
    line(`  open pipeline expected to close   ${padLeft(money(p.weighted.amount), 20)}  (${p.weighted.count} deals)`);
    line(`  weighted by stage probability     ${padLeft(money(p.weighted.weighted), 20)}`);
    for (const [stage, s] of Object.entries(p.weighted.byStage)) {
      line(`    ${pad(stage, 30)} ${padLeft(money(s.amount), 20)} ${padLeft(money(s.weighted), 20)}  (${s.count})`);
    }
    const c = p.categories;
    line(`  closed won in the period          ${padLeft(money(c.closed.amount), 20)}  (${c.closed.count} deals)`);
    line(`  commit forecast (closed + commit) ${padLeft(money(c.commitForecast), 20)}`);
    line(`  best case (+ best case deals)     ${padLeft(money(c.bestCaseForecast), 20)}`);
    if (p.quota !== null && p.coverage !== null) {
      const cov = p.coverage.quotaMet
        ? 'quota met'
        : p.coverage.coverage === null
          ? 'n/a'
          : `${p.coverage.coverage.toFixed(2)}×`;
      line(`  quota ${money(p.quota)}; coverage of the remaining ${money(p.coverage.remainingQuota)}: ${cov}`);
    }
    const s = p.simulation;
    line(
      `  Monte Carlo (${s.runs.toLocaleString('en-US')} runs, ${s.deals} deals): ` +
        `P10 ${approxMoney(s.p10, s.currency)}, ` +
        `P50 ${approxMoney(s.p50, s.currency)}, P90 ${approxMoney(s.p90, s.currency)} more to book`,
    );
    if (p.trend !== null) {
      line(`  trend of monthly won bookings (${p.trend.model}):`);
      for (const f of p.trend.forecast) {
        line(
          `    ${f.month}  ${padLeft(approxMoney(f.mean, cur), 16)}   80%: ${approxMoney(f.lower80, cur)} – ` +
            `${approxMoney(f.upper80, cur)}   95%: ${approxMoney(f.lower95, cur)} – ${approxMoney(f.upper95, cur)}`,
        );
      }
    }
  }

  const f = report.funnel;
  if (f !== undefined) {
    line();
    line('Funnel and conversion (all deals in the data)');
    for (const r of f.deals.rows) {
      line(
        `  ${pad(r.stageId, 14)} ${padLeft(String(r.reached), 6)} reached   ` +
          `from previous ${padLeft(pct(r.conversionFromPrevious), 6)}` +
          `   from first ${padLeft(pct(r.conversionFromFirst), 6)}`,
      );
    }
    line(`  won ${f.deals.won}, lost ${f.deals.lost}; overall conversion ${pct(f.deals.overall)}`);
    if (f.leads !== null) {
      line(`  lead funnel: ${f.leads.rows.map((r) => `${r.stageId} ${r.reached}`).join(' → ')}`);
    }
    if (f.leadConversion !== null) line(`  leads converted: ${withInterval(f.leadConversion)}`);
  }

  const w = report.winRates;
  if (w !== undefined) {
    line();
    line(`Win rates, deals closed in ${report.period.label} (95% Wilson intervals)`);
    line(`  all: ${withInterval(w.overall)}; by value ${pct(w.byValue)}`);
    for (const r of w.byOwner) line(`    ${pad(r.name, 24)} ${withInterval(r)}`);
  }

  const t = report.team;
  if (t !== undefined) {
    line();
    line(`Team, ${report.period.label}`);
    row(
      `  ${pad('member', 20)} ${padLeft('won', 4)} ${padLeft('lost', 4)} ${padLeft('won amount', 17)} ` +
        `${padLeft('avg deal', 15)} ${padLeft('cycle', 8)} ${padLeft('quota', 17)} ${padLeft('attained', 8)}`,
    );
    for (const r of t.rows) {
      row(
        `  ${pad(r.name, 20)} ${padLeft(String(r.won), 4)} ${padLeft(String(r.lost), 4)} ` +
          `${padLeft(money(r.wonAmount), 17)} ` +
          `${padLeft(money(r.averageDealSize), 15)} ${padLeft(days(r.cycleDays), 8)} ${padLeft(money(r.quota), 17)} ` +
          `${padLeft(pct(r.attainment), 8)}`,
      );
    }
    if (t.attainment !== null) line(`  team attainment: ${pct(t.attainment)}`);
    if (t.activities) {
      row(
        `  ${pad('activities', 20)} ${padLeft('all', 7)} ${padLeft('calls', 7)} ` +
          `${padLeft('meetings', 9)} ${padLeft('avg call', 9)}`,
      );
      for (const r of t.rows) {
        const minutes = r.callMinutes === null ? 'n/a' : `${r.callMinutes.toFixed(1)} min`;
        row(
          `  ${pad(r.name, 20)} ${padLeft(String(r.activities), 7)} ${padLeft(String(r.calls), 7)} ` +
            `${padLeft(String(r.meetings), 9)} ${padLeft(minutes, 9)}`,
        );
      }
    }
  }

  const r = report.retention;
  if (r !== undefined) {
    const m = r.movements;
    line();
    line(`Recurring revenue, ${r.movementsPeriod.start} … ${r.movementsPeriod.end} (MRR movements)`);
    line(`  starting ${money(m.starting)} + new ${money(m.new)} + expansion ${money(m.expansion)}`);
    line(
      `  + reactivation ${money(m.reactivation)} − contraction ${money(m.contraction)} ` +
        `− churned ${money(m.churned)}`,
    );
    line(`  = ending ${money(m.ending)}`);
    line(
      `  twelve months ${r.trailingYear.start} … ${r.trailingYear.end}: GRR ${pct(r.grr)}, NRR ${pct(r.nrr)}; ` +
        `quick ratio ${r.quickRatio === null ? 'n/a' : r.quickRatio.toFixed(2)}`,
    );
    const recent = r.cohorts.cohorts.slice(-6);
    if (recent.length > 0) {
      line('  revenue retention of the last monthly cohorts (months since start):');
      for (const c of recent) {
        line(
          `    ${pad(c.cohort, 8)} ${c.cells
            .slice(0, 12)
            .map((x) => padLeft(pct(x.rate), 7))
            .join('')}`,
        );
      }
    }
  }

  const k = report.commission;
  if (k !== undefined) {
    line();
    line(`Commission statements, ${report.period.label}`);
    for (const s of k.statements) {
      row(
        `  ${pad(s.name, 20)} ${pad(s.planId, 14)} credited ${padLeft(money(s.statement.credited), 16)}  ` +
          `attained ${padLeft(pct(s.statement.attainment), 7)}  payable ${padLeft(money(s.statement.payable), 14)}`,
      );
    }
    for (const s of k.statements) {
      line();
      line(`  ${s.name}: how the statement was computed`);
      for (const l of s.explanation.split('\n')) line(`    ${l}`);
    }
  }

  if (report.notes.length > 0) {
    line();
    line('Notes');
    for (const n of report.notes) line(`  ${n}`);
  }
  return out;
}
