/**
 * Declares the fuzz tests: one test per public function (and per function a public function
 * returns), split over shards so that vitest runs them on several workers.
 *
 * Budgets: `npm test` runs a short pass (a few hundred calls per function, a fixed seed);
 * `npm run fuzz` (scripts/fuzz.mjs, REVOPS_FUZZ=long) runs at least 10^6 calls in all and
 * prints the count. REVOPS_FUZZ_REPORT=<file> writes every finding as JSON.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectSeeds, loadTargets, type Target } from './corpus.js';
import { type Budget, FunctionFuzzer, type Finding } from './harness.js';
import { NOT_YET } from './not-yet.js';

const LONG = process.env['REVOPS_FUZZ'] === 'long';
const REPORT = process.env['REVOPS_FUZZ_REPORT'];
/** Whether to fuzz the functions of NOT_YET too (to write the report of what still leaks). */
const ALL = process.env['REVOPS_FUZZ_ALL'] === '1';
/** Only these modules or functions (comma-separated `module` or `module.name`), when set. */
const ONLY = process.env['REVOPS_FUZZ_ONLY']?.split(',');
/** Not these functions (comma-separated `module.name`), when set: for exploring past a crash. */
const SKIP = new Set(process.env['REVOPS_FUZZ_SKIP']?.split(',') ?? []);
/** A file to write the function and call under way to (a fatal crash leaves it behind). */
const TRACE = process.env['REVOPS_FUZZ_TRACE'];

/** The budget of one function. */
const DEFAULT_BUDGET: Budget = LONG
  ? { calls: 6000, ms: 60_000, seed: 20261203, million: 'all' }
  : { calls: 60, ms: 10_000, seed: 20261203, million: 'none' };
const MILLION = process.env['REVOPS_FUZZ_MILLION'] as Budget['million'] | undefined;
const SEED = process.env['REVOPS_FUZZ_SEED'];
/** Only these phases (comma-separated, see Budget.phases), when set. */
const PHASES = process.env['REVOPS_FUZZ_PHASES']?.split(',');
/**
 * The budget of one function (REVOPS_FUZZ_MILLION=none|cheap|all overrides the 1e6 phase,
 * REVOPS_FUZZ_SEED the seed, REVOPS_FUZZ_PHASES=fields,targeted,… the phases).
 */
export const BUDGET: Budget = {
  ...DEFAULT_BUDGET,
  ...(MILLION === undefined ? {} : { million: MILLION }),
  ...(SEED === undefined ? {} : { seed: Number(SEED) }),
  ...(PHASES === undefined ? {} : { phases: PHASES }),
};

/** Declares the tests of shard `k` of `n`. */
export async function fuzzShard(k: number, n: number): Promise<void> {
  const { targets, namespaces } = await loadTargets();
  const { seeds, returned, blocks, failedBlocks } = await collectSeeds(namespaces, targets);
  const all: Target[] = [...targets, ...returned];
  const mine = all.filter((_t, i) => i % n === k);
  const counts: number[] = [];

  describe(`fuzz shard ${k + 1}/${n}`, () => {
    it('finds the public functions and the worked examples', () => {
      expect(targets.length).toBeGreaterThan(150);
      expect(blocks).toBeGreaterThan(100);
      expect(failedBlocks).toBeLessThan(blocks / 4);
    });

    it('NOT_YET names only functions that exist', () => {
      const keys = new Set(all.map((t) => `${t.module}.${t.name}`));
      expect(Object.keys(NOT_YET).filter((key) => !keys.has(key))).toEqual([]);
    });

    for (const t of mine) {
      const key = `${t.module}.${t.name}`;
      if (!ALL && key in NOT_YET) continue;
      if (ONLY !== undefined && !ONLY.some((o) => o === t.module || o === key)) continue;
      if (SKIP.has(key)) continue;
      it(key, () => {
        const fuzzer = new FunctionFuzzer(t, seeds.get(key) ?? [], BUDGET);
        if (TRACE !== undefined) fuzzer.trace = (label) => writeFileSync(TRACE, `${key}\t${label}\n`);
        const report = fuzzer.run();
        counts.push(report.calls);
        if (REPORT !== undefined) {
          appendFileSync(
            REPORT,
            `${JSON.stringify({ target: key, calls: report.calls, findings: report.findings })}\n`,
          );
        }
        // a run of phase 0 alone makes no call for a function whose worked examples have no entity in an array
        if (PHASES === undefined) expect(report.calls).toBeGreaterThan(0);
        expect(report.findings.map(format)).toEqual([]);
      });
    }

    it('reports its call count', () => {
      const total = counts.reduce((a, b) => a + b, 0);
      console.log(`fuzz shard ${k + 1}/${n}: ${counts.length} functions, ${total} calls`);
      expect(total).toBeGreaterThan(0);
    });
  });
}

function format(f: Finding): string {
  return `${f.kind}: ${f.detail}\n    input: ${f.input}`;
}
