/**
 * `revops retention` on a small subscriptions file: four customers, monthly rows January to
 * June 2026 (tests/fixtures/cli/subscriptions.csv). c1 100 flat; c2 200, then 300 from April;
 * c3 50 until April, then gone; c4 new in May at 80.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSubscriptions } from '../../src/import/index.js';
import { mrrMovements } from '../../src/retention/index.js';
import { parseCsv } from '../fixtures/csv.js';
import { revops } from './helpers.js';

const FILE = 'tests/fixtures/cli/subscriptions.csv';

describe('revops retention', async () => {
  const r = await revops('retention', '--subscriptions', FILE, '--period', '2026-Q2', '--json');
  const json = JSON.parse(r.stdout);

  it('reports only retention, for the quarter, as of the end of the last subscription period', () => {
    expect(r.code).toBe(0);
    expect(json.asOf).toBe('2026-06-30');
    expect(json.retention.movementsPeriod).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(json.pipeline).toBeUndefined();
    expect(json.commission).toBeUndefined();
  });

  it('gives the MRR movements of the library, which are the by-hand ones', () => {
    const subs = importSubscriptions(parseCsv(readFileSync(FILE, 'utf8'))).records;
    const period = { start: '2026-04-01', end: '2026-06-30' };
    expect(json.retention.movements).toEqual(JSON.parse(JSON.stringify(mrrMovements(subs, { period }))));
    // by hand: starting = March MRR 100 + 200 + 50; + new 80 (c4) + expansion 100 (c2) − churned 50 (c3) = 480
    const m = json.retention.movements;
    const amounts = ['starting', 'new', 'expansion', 'contraction', 'churned', 'ending'].map((k) => m[k].amount);
    expect(amounts).toEqual(['350.00', '80.00', '100.00', '0.00', '50.00', '480.00']);
    expect(json.retention.quickRatio).toBe(3.6); // (new + expansion) ÷ (contraction + churned) = 180 ÷ 50
  });

  it('builds the cohort table: the January cohort is at 450 of 350 in April, 400 in May', () => {
    const jan = json.retention.cohorts.cohorts[0];
    expect(jan.cohort).toBe('2026-01');
    expect(jan.cells[3].rate).toBeCloseTo(450 / 350, 12);
    expect(jan.cells[4].rate).toBeCloseTo(400 / 350, 12);
  });

  it('prints the movements as text', async () => {
    const text = await revops('retention', '--subscriptions', FILE, '--period', '2026-Q2');
    expect(text.stdout).toContain('starting USD 350.00 + new USD 80.00 + expansion USD 100.00');
    expect(text.stdout).toContain('= ending USD 480.00');
  });
});
