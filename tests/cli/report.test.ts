/**
 * `revops report` end to end on the Salesforce fixture of the import tests, with members,
 * quotas and a plan: the totals equal the library's functions on the same rows (parsed here by
 * the fixtures' own CSV reader, not csv-parse), and a few are also worked by hand.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculateStatement, creditDeals, definePlan } from '../../src/commission/index.js';
import { forecastByCategory, weightedPipeline } from '../../src/forecast/index.js';
import { importDeals, importMembers, importQuotas } from '../../src/import/index.js';
import { quotaAttainment, winRate } from '../../src/metrics/index.js';
import { parseCsv } from '../fixtures/csv.js';
import { revops } from './helpers.js';

const SF = 'tests/fixtures/salesforce-opportunities.csv';
const DIR = 'tests/fixtures/cli';
const args = [
  'report',
  '--deals',
  SF,
  '--preset',
  'salesforce',
  '--date-format',
  'MM/DD/YYYY',
  '--members',
  `${DIR}/members.csv`,
  '--quotas',
  `${DIR}/quotas.csv`,
  '--plan',
  `${DIR}/plan.json`,
];
const Q1 = { start: '2026-01-01', end: '2026-03-31' };

/** The same data through the library directly. */
function library() {
  const rows = (f: string) => parseCsv(readFileSync(f, 'utf8'));
  const members = importMembers(rows(`${DIR}/members.csv`)).records;
  const deals = importDeals(rows(SF), {
    preset: 'salesforce',
    dateFormat: 'MM/DD/YYYY',
    members,
    stages: {
      Prospecting: 'discovery',
      'Proposal/Price Quote': 'proposal',
      'Negotiation/Review': 'negotiation',
      'Closed Won': 'closed-won',
      'Closed Lost': 'closed-lost',
    },
  }).records;
  const quotas = importQuotas(rows(`${DIR}/quotas.csv`), { members }).records;
  const plan = definePlan(JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')));
  return { members, deals, quotas, plan };
}

describe('revops report on a Salesforce export with members, quotas and a plan', async () => {
  const run = await revops(...args, '--json');
  const json = JSON.parse(run.stdout);
  const lib = library();

  it('exits 0 with JSON on stdout and nothing on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(json.command).toBe('report');
    expect(json.period).toEqual({ ...Q1, label: '2026-Q1' }); // the quarter of the latest close date, 2026-02-20
  });

  it('imports every row and names the one warning', () => {
    expect(json.data.files.map((f: { kind: string; imported: number }) => [f.kind, f.imported])).toEqual([
      ['members', 3],
      ['deals', 5],
      ['quotas', 2],
      ['plan', 1],
    ]);
    expect(json.data.rejected).toEqual([]);
    expect(json.data.warnings).toMatchObject([{ row: 4, code: 'MISSING_LOST_REASON' }]);
  });

  it('forecasts with the library: weighted pipeline and categories of Q1', () => {
    expect(json.pipeline.weighted).toEqual(JSON.parse(JSON.stringify(weightedPipeline(lib.deals, { period: Q1 }))));
    expect(json.pipeline.categories).toEqual(JSON.parse(JSON.stringify(forecastByCategory(lib.deals, { period: Q1 }))));
    // by hand: D-1 is the only open deal expected in Q1, 12,000 × 50 % (Salesforce's probability column)
    expect(json.pipeline.weighted.weighted).toEqual({ amount: '6000.00', currency: 'USD' });
    // quota 4,000 + 10,000; closed won 5,000 (D-2)
    expect(json.pipeline.quota).toEqual({ amount: '14000.00', currency: 'USD' });
  });

  it('gives win rates with the Wilson interval of the library', () => {
    const w = winRate(lib.deals, { period: Q1 });
    expect([json.winRates.overall.successes, json.winRates.overall.trials]).toEqual([w.won, w.won + w.lost]);
    // by hand: 1 won of 2 closed; Wilson 95 % for 1/2 is 0.5 ± 1.96·√(0.25/2 + 1.96²/16)/(1 + 1.96²/2)
    const z = 1.959963984540054;
    const half = (z * Math.sqrt(0.25 / 2 + (z * z) / 16)) / (1 + (z * z) / 2);
    expect(json.winRates.overall.rate).toBe(0.5);
    expect(json.winRates.overall.lower).toBeCloseTo(0.5 - half, 12);
    expect(json.winRates.byOwner.map((r: { name: string }) => r.name)).toEqual(['Ana Ortiz', 'Ben Cho']);
  });

  it('reports attainment as quotaAttainment does', () => {
    const a = quotaAttainment(lib.deals, lib.quotas, { members: lib.members });
    const ana = json.team.rows.find((r: { memberId: string }) => r.memberId === 'ana');
    expect(ana.attained).toEqual(a.rows[0]?.attained);
    expect(ana.attainment).toBe(1.25); // by hand: 5,000 won ÷ 4,000 quota
    expect(json.team.attainment).toBe(a.attainment);
  });

  it('pays the statements of calculateStatement, explained', () => {
    const credits = creditDeals(
      lib.deals.filter((d) => d.stage === 'closed-won'),
      { members: lib.members, rollup: 'manager' },
    );
    for (const s of json.commission.statements) {
      const member = lib.members.find((m) => m.id === s.memberId);
      const quota = lib.quotas.find((q) => q.memberId === s.memberId);
      if (member === undefined || quota === undefined) throw new Error(`no ${s.memberId}`);
      const expected = calculateStatement({ plan: lib.plan, member, period: Q1, quota: quota.amount, credits });
      expect(s.statement).toEqual(JSON.parse(JSON.stringify(expected)));
    }
    // by hand: Ana 4,000 at 10 % + 1,000 above quota at 15 % = 550.00; Ben closed nothing
    const payable = json.commission.statements.map((s: { memberId: string; statement: { payable: unknown } }) => [
      s.memberId,
      s.statement.payable,
    ]);
    expect(payable).toEqual([
      ['ana', { amount: '550.00', currency: 'USD' }],
      ['ben', { amount: '0.00', currency: 'USD' }],
    ]);
    expect(json.commission.statements[0].explanation).toContain('4000.00 at 0.1 (10%) = 400.00');
    expect(json.commission.curves[0].points).toHaveLength(41);
  });

  it('prints every word of each explanation whole in the text report (nothing cut mid-number)', async () => {
    const text = await revops(...args);
    expect(text.code).toBe(0);
    const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
    const printed = new Set(words(text.stdout));
    for (const s of json.commission.statements) for (const w of words(s.explanation)) expect(printed).toContain(w);
    expect(text.stdout).not.toMatch(/\.\.\.|…\s*$/m);
  });

  it('writes the HTML page only when the run succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revops-cli-'));
    const ok = await revops(...args, '--html', join(dir, 'ok.html'));
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'ok.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const bad = await revops('report', '--deals', `${DIR}/bad-deals.csv`, '--strict', '--html', join(dir, 'bad.html'));
    expect(bad.code).toBe(1);
    expect(existsSync(join(dir, 'bad.html'))).toBe(false);
  });
});

describe('revops report on files with bad rows', () => {
  it('lists each rejected row with its row number, column and code, and still reports', async () => {
    const r = await revops('report', '--deals', `${DIR}/bad-deals.csv`, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(
      json.data.rejected.map((x: { row: number; column: string; code: string }) => [x.row, x.column, x.code]),
    ).toEqual([
      [3, 'amount', 'INVALID_AMOUNT'],
      [4, 'stage', 'UNKNOWN_STAGE'],
    ]);
    expect(json.data.files[0]).toMatchObject({ rows: 4, imported: 2, rejected: 2 });
    const text = await revops('report', '--deals', `${DIR}/bad-deals.csv`);
    expect(text.stdout).toContain('Rows not imported (2):');
    expect(text.stdout).toMatch(/bad-deals\.csv: row 3, column "amount"[\s\S]*?\[INVALID_AMOUNT\]/);
  });

  it('exits 1 under --strict, naming the rows on stderr, with nothing on stdout', async () => {
    const r = await revops('report', '--deals', `${DIR}/bad-deals.csv`, '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 rows rejected \(--strict\)/);
    expect(r.stderr).toMatch(/row 4, column "stage"/);
  });

  it('exits 1 for a file that is not CSV, and for a plan that does not validate', async () => {
    const csv = await revops('report', '--deals', `${DIR}/broken.csv`);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/broken\.csv: not readable as CSV/);
    const plan = await revops('statement', '--deals', `${DIR}/bad-deals.csv`, '--plan', `${DIR}/members.csv`);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/members\.csv: not valid JSON/);
  });

  it('exits 1 when every row is rejected, listing the rows and the flag that fixes them', async () => {
    const r = await revops('report', '--deals', SF, '--preset', 'salesforce');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/5 rows were rejected/);
    expect(r.stderr).toMatch(/row 2, column "Close Date".*got "3\/31\/2026" \[INVALID_DATE\]/);
    expect(r.stderr).toContain('--date-format');
  });
});

describe('revops report with a Salesforce lead export', () => {
  it('maps the standard lead statuses and sources of the preset, and converts 1 of 2 resolved leads', async () => {
    const leads = `${DIR}/salesforce-leads.csv`;
    const r = await revops(
      'report',
      '--deals',
      SF,
      '--leads',
      leads,
      '--preset',
      'salesforce',
      '--date-format',
      'MM/DD/YYYY',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.data.files.find((f: { kind: string }) => f.kind === 'leads')).toMatchObject({
      imported: 4,
      rejected: 0,
    });
    // by hand: "Closed - Converted" (L-3) converted, "Closed - Not Converted" (L-4) disqualified
    expect(json.funnel.leadConversion).toMatchObject({ successes: 1, trials: 2, rate: 0.5 });
  });
});
