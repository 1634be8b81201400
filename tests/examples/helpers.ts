/**
 * Shared by the example tests: esbuild bundles an example with `revops` pointed at src/ (as a
 * user's bundler points it at the package), and the requests the API examples answer.
 */
import { join } from 'node:path';
import { build, type Platform } from 'esbuild';
import { ROOT } from '../../scripts/modules.mjs';

/** Bundles `entry` (relative to the repository) into one ESM or IIFE text. */
export async function bundleExample(
  entry: string,
  platform: Platform,
  format: 'esm' | 'iife' = 'esm',
): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format,
    platform,
    target: 'es2022',
    // `revops` → src/index.ts, `revops/forecast` → src/forecast/index.ts
    alias: { revops: join(ROOT, 'src') },
    resolveExtensions: ['.ts', '.js'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const usd = (amount: string) => ({ amount, currency: 'USD' });

/**
 * The README's statement: 45,000 credited in January on 5 % up to 10,000 and 7 % above:
 * 500 + 2,450 = 2,950 (computed by hand), attainment 45,000 / 40,000 = 1.125.
 */
export const statementRequest = {
  plan: {
    id: 'ae',
    currency: 'USD',
    periodLength: 'month',
    versions: [
      {
        id: 'v1',
        effectiveFrom: '2026-01-01',
        components: [
          {
            id: 'c',
            kind: 'tiered',
            basis: 'amount',
            split: 'marginal',
            scope: 'periodToDate',
            boundary: 'higher',
            tiers: [
              { from: '0', to: '10000', rate: '0.05' },
              { from: '10000', rate: '0.07' },
            ],
          },
        ],
      },
    ],
  },
  member: { id: 'ae1', name: 'Ana', roleId: 'account-executive', startDate: '2025-01-01', territoryIds: [] },
  period: { start: '2026-01-01', end: '2026-01-31' },
  quota: usd('40000'),
  credits: [
    {
      id: 'k1',
      dealId: 'd1',
      memberId: 'ae1',
      kind: 'owner',
      measure: 'bookings',
      date: '2026-01-15',
      amount: usd('45000'),
    },
  ],
};

const deal = (id: string, amount: string, probability: number) => ({
  id,
  name: `Deal ${id}`,
  accountId: 'acme',
  ownerId: 'ae1',
  type: 'new',
  amount: usd(amount),
  stage: 'proposal',
  probability,
  forecastCategory: 'pipeline',
  expectedCloseDate: '2026-03-31',
  createdAt: '2026-01-05T09:00:00Z',
});

/**
 * Three open deals: weighted 100,000 × 0.5 + 50,000 × 0.8 + 20,000 × 0.3 = 96,000 (by hand);
 * with 0.5/0.8/0.3 the simulated P90 is 170,000 (P(total ≥ 170,000) = 0.5 × 0.8 × 0.3 = 0.12 > 0.1).
 */
export const forecastRequest = {
  deals: [deal('d1', '100000', 0.5), deal('d2', '50000', 0.8), deal('d3', '20000', 0.3)],
  runs: 20000,
  seed: 7,
};
