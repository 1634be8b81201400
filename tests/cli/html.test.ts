/**
 * The HTML report in headless Chromium (Debian's `chromium`, which .ci/run installs when
 * absent), through playwright-core: one browser launch for the whole file. The page loads with
 * no request but its own file and no console error, every chart is drawn with the expected
 * number of marks (counted from the report's JSON), and a screenshot goes to test-output/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEATMAP, renderHtml } from '../../src/cli/html.js';
import { buildReport, type Report } from '../../src/cli/report.js';
import { loadSample } from '../../src/cli/sample.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('revops demo --html in headless Chromium', () => {
  const report: Report = buildReport(loadSample(), {
    parts: ['pipeline', 'funnel', 'winRates', 'team', 'retention', 'commission'],
    period: '2026-Q3',
  });
  const html = renderHtml(report);
  const requests: string[] = [];
  const errors: string[] = [];
  let marks: Record<string, number> = {};
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'revops-html-')), 'report.html');
    writeFileSync(file, html);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    marks = Object.fromEntries(
      await page.$$eval('svg[data-chart]', (svgs) =>
        svgs.map((s) => [s.getAttribute('data-chart') ?? '', s.querySelectorAll('.mark').length] as [string, number]),
      ),
    );
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: 'test-output/cli-report.png', fullPage: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('needs nothing from the network: no request but the page itself, no URL in the page', () => {
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:/);
    expect(html).not.toMatch(/https?:\/\/|<script|<link|src=|url\(/i);
  });

  it('loads with no console error', () => {
    expect(errors).toEqual([]);
  });

  it('draws each chart with one mark per datum', () => {
    const r = report;
    const cohorts = r.retention?.cohorts.cohorts.slice(-HEATMAP.cohorts) ?? [];
    const cells = cohorts.reduce((n, c) => n + c.cells.slice(0, HEATMAP.ages).filter((x) => x.rate !== null).length, 0);
    const expected: Record<string, number> = {
      funnel: r.funnel?.deals.rows.length ?? -1,
      'win-rate': r.winRates?.byOwner.filter((o) => o.rate !== null).length ?? -1,
      'mrr-waterfall': 7,
      'cohort-heatmap': cells,
      'forecast-simulation': r.pipeline?.simulation.histogram.counts.length ?? -1,
      'trend-fan': r.pipeline?.trend?.forecast.length ?? -1,
    };
    for (const c of r.commission?.curves ?? []) expected[`payout-${c.planId}`] = c.points.length;
    expect(marks).toEqual(expected);
    expect(Object.keys(marks)).toHaveLength(8); // six charts and the two sample plans' payout curves
    expect(cells).toBeGreaterThan(0);
  });
});
