/**
 * The sample organisation (Northwind Cloud), read at run time from the JSON files shipped in
 * the package (`dist/sample/*.json`, copied from data/sample by the build) and parsed through
 * the model's schemas. Nothing of it is bundled into the command.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseActivity,
  parseDeal,
  parseLead,
  parseMember,
  parsePlan,
  parseQuota,
  parseSubscription,
} from '../model/index.js';
import type { Dataset } from './read.js';

/** The files of the sample organisation that the report reads (tsup.config.ts ships these). */
export const SAMPLE_FILES = [
  'organisation',
  'members',
  'leads',
  'deals',
  'activities',
  'subscriptions',
  'quotas',
  'plans',
] as const;

/**
 * The folder holding the sample JSON: `dist/sample/` beside the built command, or the
 * repository's `data/sample/` when run from source.
 */
export function sampleDirectory(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const dir of [join(here, '../sample'), join(here, '../../data/sample')]) {
    if (existsSync(join(dir, 'organisation.json'))) return dir;
  }
  throw new Error(`the sample organisation is missing: no organisation.json in ${join(here, '../sample')}`);
}

/** Which plan pays which role in the sample organisation. */
const SAMPLE_ASSIGNMENTS = { 'account-executive': 'plan-ae-2025', sdr: 'plan-sdr-2025', bdr: 'plan-sdr-2025' };

/** Reads and validates the sample organisation. */
export function loadSample(dir: string = sampleDirectory()): Dataset {
  const read = (name: (typeof SAMPLE_FILES)[number]): unknown =>
    JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  const list = <T>(name: (typeof SAMPLE_FILES)[number], parse: (v: unknown) => T): T[] =>
    (read(name) as unknown[]).map(parse);
  const org = read('organisation') as { name: string; asOf: string };
  const members = list('members', parseMember);
  const deals = list('deals', parseDeal);
  const leads = list('leads', parseLead);
  const activities = list('activities', parseActivity);
  const subscriptions = list('subscriptions', parseSubscription);
  const quotas = list('quotas', parseQuota);
  const plans = list('plans', parsePlan);
  const file = (kind: 'deals' | 'leads' | 'activities' | 'subscriptions' | 'members' | 'quotas', n: number) => ({
    kind,
    file: `sample/${kind}.json`,
    rows: n,
    imported: n,
    rejected: 0,
  });
  return {
    name: `${org.name} (sample organisation)`,
    asOf: org.asOf,
    members,
    deals,
    leads,
    activities,
    subscriptions,
    quotas,
    plans,
    assignments: SAMPLE_ASSIGNMENTS,
    files: [
      file('members', members.length),
      file('deals', deals.length),
      file('leads', leads.length),
      file('activities', activities.length),
      file('subscriptions', subscriptions.length),
      file('quotas', quotas.length),
      { kind: 'plan', file: 'sample/plans.json', rows: plans.length, imported: plans.length, rejected: 0 },
    ],
    rejected: [],
    warnings: [],
  };
}
