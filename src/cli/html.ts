/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts (svg.ts), no
 * script and no external URL, so it opens offline and prints as it shows.
 */
import { approxMoney, days, money, pct } from './format.js';
import type { Report } from './report.js';
import {
  compact,
  esc,
  fanChart,
  funnelChart,
  heatMap,
  histogramChart,
  intervalChart,
  lineChart,
  waterfallChart,
} from './svg.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2733;margin:0;background:#f5f7fa}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dde6;padding-bottom:4px}
h3{font-size:15px;margin:16px 0 6px}.sub{color:#5a6b7b;margin:0 0 12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{background:#fff;border:1px solid #d5dde6;border-radius:6px;padding:8px 12px;min-width:150px}
.card b{display:block;font-size:17px}.card span{color:#5a6b7b;font-size:12px}
table{border-collapse:collapse;background:#fff;margin:6px 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d5dde6;padding:3px 8px;text-align:right}
th{background:#eef2f6}td:first-child,th:first-child{text-align:left}
figure{background:#fff;border:1px solid #d5dde6;border-radius:6px;margin:10px 0;padding:8px;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:4px}svg{max-width:100%;height:auto;font-size:11px}
svg .grid{stroke:#e3e8ee}svg .tick{fill:#5a6b7b}svg .label{fill:#1b2733}svg .value{fill:#1b2733}
svg rect.mark{fill:#3f7cc0}svg rect.mark.up{fill:#2e9d62}
svg rect.mark.down{fill:#cc4b4b}svg rect.mark.total{fill:#3f7cc0}
svg .interval{stroke:#3f7cc0;stroke-width:3;stroke-linecap:round;opacity:.5}svg .dot{fill:#1c4f8a}
svg .line{fill:none;stroke:#1c4f8a;stroke-width:2}svg .line.forecast{stroke-dasharray:5 3}
svg circle.mark{fill:#1c4f8a}svg .band95{fill:#3f7cc0;opacity:.15}svg .band80{fill:#3f7cc0;opacity:.3}
svg .quantile{stroke:#cc4b4b;stroke-dasharray:3 2}svg .cell{font-size:10px}
pre{white-space:pre-wrap;background:#fff;border:1px solid #d5dde6;border-radius:6px;padding:8px;font-size:12px}
.note{color:#5a6b7b}.bad{color:#a12a2a}
@media print{body{background:#fff}figure,.card,table,pre{break-inside:avoid}}
`;

const interval95 = (r: { lower: number | null; upper: number | null }): string =>
  `95% interval ${pct(r.lower)} – ${pct(r.upper)}`;

const card = (label: string, value: string) => `<div class="card"><span>${esc(label)}</span><b>${esc(value)}</b></div>`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return (
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

/** The cohorts and ages the heat map shows: the last 12 cohorts, ages 0–12. */
export const HEATMAP = { cohorts: 12, ages: 13 } as const;

/** Renders the report as a self-contained HTML page. */
export function renderHtml(report: Report): string {
  const parts: string[] = [];
  const cur = report.currency;
  parts.push(
    `<h1>${esc(report.title)}</h1><p class="sub">${esc(
      `${report.period.label} (${report.period.start} … ${report.period.end}), as of ${report.asOf}`,
    )}</p>`,
  );

  const { files, rejected, warnings } = report.data;
  parts.push('<h2>Data</h2>');
  parts.push(
    table(
      ['file', 'kind', 'rows', 'imported', 'rejected'],
      files.map((f) => [f.file, f.kind, String(f.rows), String(f.imported), String(f.rejected)]),
    ),
  );
  if (rejected.length > 0) {
    parts.push(`<h3 class="bad">Rows not imported (${rejected.length})</h3>`);
    parts.push(
      table(
        ['file', 'row', 'column', 'code', 'reason'],
        rejected.map((r) => [r.file, String(r.row), r.column ?? '', r.code, r.message]),
      ),
    );
  }
  if (warnings.length > 0) {
    parts.push(`<h3>Warnings (${warnings.length})</h3>`);
    parts.push(
      table(
        ['file', 'row', 'code', 'message'],
        warnings.map((w) => [w.file, String(w.row), w.code, w.message]),
      ),
    );
  }

  const p = report.pipeline;
  if (p !== undefined) {
    parts.push(`<h2>Pipeline and forecast, ${esc(report.period.label)}</h2><div class="cards">`);
    parts.push(card(`open pipeline (${p.weighted.count} deals)`, money(p.weighted.amount)));
    parts.push(card('weighted', money(p.weighted.weighted)));
    parts.push(card(`closed won (${p.categories.closed.count})`, money(p.categories.closed.amount)));
    parts.push(card('commit forecast', money(p.categories.commitForecast)));
    parts.push(card('best case', money(p.categories.bestCaseForecast)));
    if (p.coverage !== null && p.quota !== null) {
      parts.push(card('quota', money(p.quota)));
      parts.push(
        card(
          'coverage of remaining quota',
          p.coverage.quotaMet
            ? 'quota met'
            : p.coverage.coverage === null
              ? 'n/a'
              : `${p.coverage.coverage.toFixed(2)}×`,
        ),
      );
    }
    parts.push('</div>');
    const s = p.simulation;
    if (s.deals > 0) {
      parts.push(
        histogramChart(s.histogram.edges, s.histogram.counts, [
          { label: 'P10', value: s.p10 },
          { label: 'P50', value: s.p50 },
          { label: 'P90', value: s.p90 },
        ]),
      );
    }
    parts.push(
      `<p class="note">${esc(
        `Monte Carlo, ${s.runs} runs (seed "${s.seed}"), ${s.deals} open deals: ` +
          `P10 ${approxMoney(s.p10, s.currency)}, ` +
          `P50 ${approxMoney(s.p50, s.currency)}, P90 ${approxMoney(s.p90, s.currency)} more to book.`,
      )}</p>`,
    );
    if (p.trend !== null) {
      const t = p.trend;
      const history = t.months
        .slice(-24)
        .map((m, i, a) => ({ label: m, value: t.actual[t.actual.length - a.length + i] as number }));
      parts.push(
        fanChart(
          history,
          t.forecast.map((x) => ({
            label: x.month,
            mean: x.mean,
            l80: x.lower80,
            u80: x.upper80,
            l95: x.lower95,
            u95: x.upper95,
          })),
        ),
      );
      parts.push(`<p class="note">${esc(t.model)}.</p>`);
    }
  }

  const fu = report.funnel;
  if (fu !== undefined) {
    parts.push('<h2>Funnel and conversion</h2>');
    parts.push(
      funnelChart(
        fu.deals.rows.map((r) => ({
          label: r.stageId,
          value: r.reached,
          note: r.conversionFromPrevious === null ? '' : `${pct(r.conversionFromPrevious)} of previous`,
        })),
      ),
    );
    parts.push(
      `<p class="note">${esc(`won ${fu.deals.won}, lost ${fu.deals.lost}; overall ${pct(fu.deals.overall)}`)}</p>`,
    );
    if (fu.leadConversion !== null) {
      const l = fu.leadConversion;
      parts.push(`<p>${esc(`Leads converted: ${pct(l.rate)} (${l.successes}/${l.trials}; ${interval95(l)})`)}</p>`);
    }
  }

  const w = report.winRates;
  if (w !== undefined) {
    parts.push(`<h2>Win rates, deals closed in ${esc(report.period.label)}</h2>`);
    parts.push(
      `<p>${esc(
        `All: ${pct(w.overall.rate)} (${w.overall.successes}/${w.overall.trials}; ${interval95(w.overall)}); ` +
          `by value ${pct(w.byValue)}`,
      )}</p>`,
    );
    if (w.byOwner.length > 0) {
      parts.push(
        intervalChart(
          w.byOwner.map((r) => ({
            label: r.name,
            rate: r.rate,
            lower: r.lower,
            upper: r.upper,
            n: `${r.successes}/${r.trials}`,
          })),
        ),
      );
    }
  }

  const t = report.team;
  if (t !== undefined) {
    parts.push(`<h2>Team, ${esc(report.period.label)}</h2>`);
    parts.push(
      table(
        [
          'member',
          'won',
          'lost',
          'won amount',
          'avg deal',
          'cycle',
          'quota',
          'attained',
          'attainment',
          ...(t.activities ? ['activities', 'calls', 'meetings', 'avg call'] : []),
        ],
        t.rows.map((r) => [
          r.name,
          String(r.won),
          String(r.lost),
          money(r.wonAmount),
          money(r.averageDealSize),
          days(r.cycleDays),
          money(r.quota),
          money(r.attained),
          pct(r.attainment),
          ...(t.activities
            ? [
                String(r.activities),
                String(r.calls),
                String(r.meetings),
                r.callMinutes === null ? 'n/a' : `${r.callMinutes.toFixed(1)} min`,
              ]
            : []),
        ]),
      ),
    );
    if (t.attainment !== null) parts.push(`<p>Team attainment: ${esc(pct(t.attainment))}</p>`);
  }

  const r = report.retention;
  if (r !== undefined) {
    const m = r.movements;
    const n = (x: { amount: string }) => Number(x.amount);
    parts.push(
      `<h2>Recurring revenue, ${esc(`${r.movementsPeriod.start} … ${r.movementsPeriod.end}`)}</h2>` +
        '<div class="cards">',
    );
    parts.push(card('ending MRR', money(m.ending)));
    parts.push(card('GRR, twelve months', pct(r.grr)));
    parts.push(card('NRR, twelve months', pct(r.nrr)));
    parts.push(card('quick ratio', r.quickRatio === null ? 'n/a' : r.quickRatio.toFixed(2)));
    parts.push('</div>');
    parts.push(
      waterfallChart([
        { label: 'starting', value: n(m.starting), kind: 'total' },
        { label: 'new', value: n(m.new), kind: 'up' },
        { label: 'expansion', value: n(m.expansion), kind: 'up' },
        { label: 'reactivation', value: n(m.reactivation), kind: 'up' },
        { label: 'contraction', value: n(m.contraction), kind: 'down' },
        { label: 'churned', value: n(m.churned), kind: 'down' },
        { label: 'ending', value: n(m.ending), kind: 'total' },
      ]),
    );
    const cohorts = r.cohorts.cohorts.slice(-HEATMAP.cohorts);
    if (cohorts.length > 0) {
      parts.push(
        heatMap(
          cohorts.map((c) => ({ label: c.cohort, cells: c.cells.map((x) => x.rate) })),
          HEATMAP.ages,
        ),
      );
    }
  }

  const k = report.commission;
  if (k !== undefined) {
    parts.push(`<h2>Commission, ${esc(report.period.label)}</h2>`);
    parts.push(
      table(
        ['member', 'plan', 'quota', 'credited', 'attainment', 'earned', 'payable'],
        k.statements.map((s) => [
          s.name,
          s.planId,
          money(s.statement.quota),
          money(s.statement.credited),
          pct(s.statement.attainment),
          money(s.statement.earned),
          money(s.statement.payable),
        ]),
      ),
    );
    for (const c of k.curves) {
      parts.push(
        lineChart(
          `payout-${c.planId}`,
          `Payout curve of ${c.name} at a quota of ${money(c.quota)}`,
          c.points.map((pt) => ({
            x: pt.attainment,
            y: pt.payout,
            tip: `${pct(pt.attainment)} of quota: ${approxMoney(pt.payout, c.quota.currency)}`,
          })),
          (x) => `${Math.round(x * 100)}%`,
          compact,
        ),
      );
    }
    for (const s of k.statements) {
      parts.push(`<h3>${esc(s.name)}: how the statement was computed</h3><pre>${esc(s.explanation)}</pre>`);
    }
  }

  if (report.notes.length > 0) {
    parts.push(`<h2>Notes</h2><ul>${report.notes.map((n) => `<li class="note">${esc(n)}</li>`).join('')}</ul>`);
  }
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(`${report.title} — ${report.period.label}`)}</title><style>${CSS}</style></head>` +
    `<body><main>${parts.join('\n')}` +
    `<p class="note">${esc(`Made by revops; currency ${cur ?? 'n/a'}.`)}</p></main></body></html>\n`
  );
}
