/**
 * The warehouse functions against the single-thread library, through the harness's faithful
 * BigQuery UDAF and Snowflake UDTF contracts (harness.ts cites the contract documents): for
 * random tables, random parts, JSON-serialised states, random merge trees, rows in random order
 * and random buffer sizes, each engine's answer equals the library's, exactly (2,000 tables).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigQueryAggregate } from '../../src/warehouse/bigquery.js';
import { statementComputation } from '../../src/warehouse/commission.js';
import type { WarehouseComputation } from '../../src/warehouse/computation.js';
import { mrrMovementsComputation } from '../../src/warehouse/mrr-movements.js';
import { snowflakeFinal, snowflakeHandler, snowflakePartial } from '../../src/warehouse/snowflake.js';
import { winRateComputation } from '../../src/warehouse/win-rate.js';
import { onBigQuery, onSnowflake, SCENARIOS } from './scenarios.js';

const COMPUTATIONS = {
  'win-rate': winRateComputation,
  'mrr-movements': mrrMovementsComputation,
  commission: statementComputation,
} as unknown as Record<string, WarehouseComputation<unknown, unknown, unknown, unknown>>;
const RUNS: Record<string, number> = { 'win-rate': 1000, 'mrr-movements': 500, commission: 500 };

describe('warehouse functions = the single-thread library', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: BigQuery UDAF and Snowflake UDTFs, any parts, orders, merge trees and buffer sizes`, () => {
      const c = COMPUTATIONS[s.name] as WarehouseComputation<unknown, unknown, unknown, unknown>;
      fc.assert(
        fc.property(s.cases, fc.nat(), fc.integer({ min: 1, max: 8 }), (kase, seed, flushRows) => {
          expect(onBigQuery(bigQueryAggregate(c, flushRows), s, kase, seed)).toEqual(kase.expected);
          const partial = () => snowflakeHandler(snowflakePartial(c, flushRows));
          const final = () => snowflakeHandler(snowflakeFinal(c));
          expect(onSnowflake(partial, final, s, kase, seed)).toEqual(kase.expected);
        }),
        { seed: 20261203, numRuns: RUNS[s.name] as number },
      );
    });
  }
});
