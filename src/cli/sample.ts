/**
 * The sample organisation (Northwind Cloud) for `revops demo`, generated in memory from its fixed
 * seed (./sample-organisation.ts): every run the same entities as the JSON files in the
 * repository's data/sample/, which the package does not ship.
 */
import type { Dataset } from './read.js';
import { generateSample } from './sample-organisation.js';

/** Which plan pays which role in the sample organisation. */
const SAMPLE_ASSIGNMENTS = { 'account-executive': 'plan-ae-2025', sdr: 'plan-sdr-2025', bdr: 'plan-sdr-2025' };

/**
 * The sample organisation as the report's data set. Its files are named after the repository's
 * data/sample/*.json, where the generator writes the same entities.
 */
export function loadSample(): Dataset {
  const { organisation: org, members, deals, leads, activities, subscriptions, quotas, plans } = generateSample();
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
