/**
 * The sample organisation of `revops demo` is generated in memory (src/cli/sample-organisation.ts)
 * instead of read from JSON files shipped in the package. It must be exactly the organisation those
 * files held: the entities equal the repository's data/sample/*.json read through the model's
 * parsers (what `revops demo` did before), and the demo prints byte for byte the same report, as
 * text and as JSON, from either. (tests/data/sample.test.ts checks that the generator writes
 * exactly the committed files.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/cli/read.js';
import { loadSample } from '../../src/cli/sample.js';
import {
  parseActivity,
  parseDeal,
  parseLead,
  parseMember,
  parsePlan,
  parseQuota,
  parseSubscription,
} from '../../src/model/index.js';
import { revops, revopsWith } from './helpers.js';

const root = join(import.meta.dirname, '../..');

/** The sample as `revops demo` read it from dist/sample/*.json until it was generated in memory. */
function sampleFromJson(): Dataset {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(root, 'data/sample', `${name}.json`), 'utf8'));
  const list = <T>(name: string, parse: (v: unknown) => T): T[] => (read(name) as unknown[]).map(parse);
  const generated = loadSample();
  const org = read('organisation') as { name: string; asOf: string };
  return {
    ...generated,
    name: `${org.name} (sample organisation)`,
    asOf: org.asOf,
    members: list('members', parseMember),
    deals: list('deals', parseDeal),
    leads: list('leads', parseLead),
    activities: list('activities', parseActivity),
    subscriptions: list('subscriptions', parseSubscription),
    quotas: list('quotas', parseQuota),
    plans: list('plans', parsePlan),
  };
}

describe('the sample organisation, generated in memory', () => {
  const fromJson = sampleFromJson();

  it('is the organisation of data/sample/*.json, entity for entity', () => {
    const generated = loadSample();
    expect(generated).toEqual(fromJson);
    expect(generated.deals).toHaveLength(280); // data/sample/deals.json: one deal per line, 282 lines with the brackets
    // key order too (JSON output follows it)
    expect(JSON.stringify(generated)).toBe(JSON.stringify(fromJson));
  });

  it.each([[['demo']], [['demo', '--json']], [['demo', '--period', '2025-Q3', '--member', 'm-casey']]])(
    'revops %j prints the same bytes as from the JSON files',
    async (argv) => {
      const generated = await revops(...argv);
      const json = await revopsWith({ sample: () => fromJson }, ...argv);
      expect(generated.code).toBe(0);
      expect(generated.stdout).toBe(json.stdout);
    },
  );
});
