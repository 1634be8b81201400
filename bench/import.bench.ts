/**
 * revops/import over 1,000,000 deal rows (records as a CSV parser gives them: every cell a
 * string), beside a plain loop that copies the same fields into objects (no checks, no
 * conversion) in the same run. The rows are generated once, outside the timed part.
 *
 * Memory of the streaming form: a child process per size (100,000 and 1,000,000 rows) generates
 * each row on the fly, pushes it into `createImporter('deals', { checkDuplicates: false })`,
 * takes a batch every 10,000 rows and reports its peak resident set size
 * (`process.resourceUsage().maxRSS`); the ratio of the two peaks is recorded in the streaming
 * case's details (goal ≤ 1.2). With `checkDuplicates` on, the importer keeps one entry per
 * distinct id, so memory grows with the file by design; that peak is recorded beside it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/index.js';
import { createImporter, importDeals } from '../src/import/index.js';
import { type BenchCase, keep } from './harness.js';

const N = 1_000_000;
const STAGES = ['discovery', 'demo', 'proposal', 'negotiation', 'closed-won', 'closed-lost'];

/** One CSV-like row: every cell a string, as a CSV parser gives it. */
function makeRow(i: number, next: () => number): Record<string, string> {
  const stage = STAGES[Math.floor(next() * STAGES.length)] as string;
  const day = 1 + Math.floor(next() * 28);
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
    probability: '',
  };
}

/** The streaming import of `size` rows made on the fly; prints the peak RSS (KiB) as JSON. */
function memoryChild(size: number, checkDuplicates: boolean): void {
  const next = createRng(11).next;
  const importer = createImporter('deals', { checkDuplicates });
  let records = 0;
  for (let i = 0; i < size; i++) {
    importer.push(makeRow(i, next));
    if (i % 10_000 === 9_999) records += importer.take().records.length;
  }
  records += importer.finish().records.length;
  process.stdout.write(`${JSON.stringify({ size, records, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
}

const CHILD = process.env.REVOPS_IMPORT_MEMORY_ROWS;
if (CHILD !== undefined) {
  memoryChild(Number(CHILD), process.env.REVOPS_IMPORT_MEMORY_DUPLICATES === '1');
  process.exit(0);
}

/** Peak RSS in MiB of the streaming import of `size` rows, in a fresh child process. */
function peakRssMiB(size: number, checkDuplicates: boolean): number {
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      REVOPS_IMPORT_MEMORY_ROWS: String(size),
      REVOPS_IMPORT_MEMORY_DUPLICATES: checkDuplicates ? '1' : '0',
    },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = out.stdout.trim().split('\n').pop() ?? '';
  const parsed = JSON.parse(line) as { records: number; maxRssKiB: number };
  if (parsed.records !== size) throw new Error(`memory child imported ${parsed.records} of ${size} rows`);
  return Math.round((parsed.maxRssKiB / 1024) * 10) / 10;
}

let generated: Record<string, string>[] | undefined;
/** The 1,000,000 rows, generated on first use (not in the memory children). */
function rows(): Record<string, string>[] {
  if (generated === undefined) {
    const next = createRng(11).next;
    generated = Array.from({ length: N }, (_, i) => makeRow(i, next));
  }
  return generated;
}

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
    library: () => keep(importDeals(rows())),
    reference: () => keep(plainCopy(rows())),
  },
  {
    name: 'createImporter: 1,000,000 rows streamed in batches of 10,000 (no duplicate check) vs a plain field copy',
    size: N,
    library: () => {
      const all = rows();
      const importer = createImporter('deals', { checkDuplicates: false });
      for (let i = 0; i < all.length; i++) {
        importer.push(all[i]);
        if (i % 10_000 === 9_999) keep(importer.take());
      }
      keep(importer.finish());
    },
    reference: () => keep(plainCopy(rows())),
    details: () => {
      const small = peakRssMiB(100_000, false);
      const large = peakRssMiB(1_000_000, false);
      const smallDup = peakRssMiB(100_000, true);
      const largeDup = peakRssMiB(1_000_000, true);
      return {
        peakRssMiB100k: small,
        peakRssMiB1M: large,
        peakRssRatio1MTo100k: Math.round((large / small) * 100) / 100,
        peakRssMiB100kCheckDuplicates: smallDup,
        peakRssMiB1MCheckDuplicates: largeDup,
      };
    },
  },
];
