/**
 * revops/import over 1,000,000 deal rows (records as a CSV parser gives them: every cell a
 * string), beside a plain loop that copies the same fields into objects (no checks, no
 * conversion) in the same run. The rows are generated once, outside the timed part.
 */
import { createRng } from '../src/core/index.js';
import { createImporter, importDeals } from '../src/import/index.js';
import { type BenchCase, keep } from './harness.js';

const N = 1_000_000;
const STAGES = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'];
const next = createRng(11).next;

/** One CSV-like row: every cell a string, as a CSV parser gives it. */
function makeRow(i: number): Record<string, string> {
  const stage = STAGES[Math.floor(next() * STAGES.length)] as string;
  const day = 1 + Math.floor(next() * 28);
  const closed = stage.startsWith('closed');
  return {
    id: `D-${i}`,
    name: `Deal ${i}`,
    accountId: `acct-${i % 5000}`,
    ownerId: `ae${i % 200}`,
    amount: String(Math.floor(next() * 100_000_00) / 100),
    currency: 'USD',
    stage,
    closeDate: `2026-03-${String(day).padStart(2, '0')}`,
    createdAt: `2026-01-${String(day).padStart(2, '0')}`,
    lostReason: stage === 'closed-lost' ? 'Price' : '',
    probability: closed ? '' : '',
  };
}

const rows = Array.from({ length: N }, (_, i) => makeRow(i));

/** The baseline: copy the same fields into new objects, with no conversion or check. */
function plainCopy(input: readonly Record<string, string>[]): unknown[] {
  const out: unknown[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const r = input[i] as Record<string, string>;
    out[i] = {
      id: r.id,
      name: r.name,
      accountId: r.accountId,
      ownerId: r.ownerId,
      amount: { amount: r.amount, currency: r.currency },
      stage: r.stage,
      expectedCloseDate: r.closeDate,
      createdAt: r.createdAt,
      lostReason: r.lostReason,
    };
  }
  return out;
}

export const cases: readonly BenchCase[] = [
  {
    name: 'importDeals: 1,000,000 CSV rows → deals (stage defaults, every check) vs a plain field copy',
    size: N,
    library: () => keep(importDeals(rows)),
    reference: () => keep(plainCopy(rows)),
  },
  {
    name: 'createImporter: 1,000,000 rows streamed in batches of 10,000 (no duplicate check) vs a plain field copy',
    size: N,
    library: () => {
      const importer = createImporter('deals', { checkDuplicates: false });
      for (let i = 0; i < rows.length; i++) {
        importer.push(rows[i]);
        if (i % 10_000 === 9_999) keep(importer.take());
      }
      keep(importer.finish());
    },
    reference: () => keep(plainCopy(rows)),
  },
];
