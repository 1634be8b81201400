/**
 * Writes the sample organisation (src/cli/sample-organisation.ts, generated from a fixed seed) to
 * data/sample/*.json, which the tests and the guides read (the package does not ship them:
 * `revops demo` generates the organisation in memory).
 * Run: `node scripts/run-ts.mjs data/sample/generate.ts` (deterministic: the same files every run);
 * add `--check` to verify the committed files instead of writing them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from '../../src/cli/sample-organisation.js';

const out = dirname(process.argv[1] ?? fileURLToPath(import.meta.url));
const s = generateSample();

const files: Record<string, unknown> = {
  'organisation.json': s.organisation,
  'members.json': s.members,
  'teams.json': s.teams,
  'territories.json': s.territories,
  'accounts.json': s.accounts,
  'leads.json': s.leads,
  'deals.json': s.deals,
  'activities.json': s.activities,
  'subscriptions.json': s.subscriptions,
  'quotas.json': s.quotas,
  'plans.json': s.plans,
};
/** JSON with one array element per line: compact, yet diffable line by line. */
const toJson = (value: unknown): string =>
  Array.isArray(value)
    ? `[\n${value.map((v) => JSON.stringify(v)).join(',\n')}\n]\n`
    : `${JSON.stringify(value, null, 2)}\n`;
const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [name, value] of Object.entries(files)) {
  const path = join(out, name);
  // plans are read by people: pretty-printed; the long lists one element per line
  const text = name === 'plans.json' ? `${JSON.stringify(value, null, 2)}\n` : toJson(value);
  if (!check) writeFileSync(path, text);
  else if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(name);
}
if (check) {
  if (stale.length > 0) {
    console.error(`data/sample is stale: ${stale.join(', ')} differ from what the generator writes`);
    process.exit(1);
  }
  console.log('data/sample matches its generator');
  process.exit(0);
}
console.log(
  `wrote ${Object.keys(files).length} files: ${s.members.length} members, ${s.accounts.length} accounts, ` +
    `${s.leads.length} leads, ${s.deals.length} deals, ${s.activities.length} activities, ` +
    `${s.subscriptions.length} subscription rows, ${s.quotas.length} quotas, ${s.plans.length} plans`,
);
