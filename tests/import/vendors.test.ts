/**
 * The same five deals exported by Salesforce (opportunity report, US locale), HubSpot (deal
 * export with property labels) and Pipedrive (deal export, "Deal - …" labels) import to the
 * same deals. Columns follow each vendor's documentation (cited in src/import/presets.ts);
 * the expected deals are written by hand from the rows: stages mapped to the default deal
 * pipeline, probabilities and categories equal to its stage defaults, dates as written.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportOptions, importDeals } from '../../src/import/index.js';
import { parseDeal, parseMember } from '../../src/model/index.js';
import { parseCsv } from '../fixtures/csv.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');
const rows = (file: string): string[][] => parseCsv(readFileSync(join(fixtures, file), 'utf8'));

const members = [
  parseMember({ id: 'ana', name: 'Ana Ortiz', roleId: 'account-executive', startDate: '2025-01-01' }),
  parseMember({ id: 'ben', name: 'Ben Cho', roleId: 'account-executive', startDate: '2025-01-01' }),
];

const VENDORS: readonly { name: string; file: string; options: ImportOptions }[] = [
  {
    name: 'Salesforce',
    file: 'salesforce-opportunities.csv',
    options: {
      preset: 'salesforce',
      dateFormat: 'MM/DD/YYYY',
      // Salesforce has no standard loss-reason field; this org's custom field is labelled "Loss Reason"
      columns: { lostReason: 'Loss Reason' },
      stages: {
        Prospecting: 'discovery',
        'Proposal/Price Quote': 'proposal',
        'Negotiation/Review': 'negotiation',
        'Closed Won': 'closed-won',
        'Closed Lost': 'closed-lost',
      },
      members,
    },
  },
  {
    name: 'HubSpot',
    file: 'hubspot-deals.csv',
    options: {
      preset: 'hubspot',
      stages: {
        'Appointment Scheduled': 'discovery',
        'Presentation Scheduled': 'proposal',
        'Contract Sent': 'negotiation',
        'Closed Won': 'closed-won',
        'Closed Lost': 'closed-lost',
      },
      members,
    },
  },
  {
    name: 'Pipedrive',
    file: 'pipedrive-deals.csv',
    options: {
      preset: 'pipedrive',
      // won and lost are Pipedrive's status, not a stage: only open stages are mapped
      stages: { Qualified: 'discovery', 'Proposal Made': 'proposal', 'Negotiations Started': 'negotiation' },
      members,
    },
  },
];

const usd = (amount: string) => ({ amount, currency: 'USD' });
const base = { type: 'new', probabilitySource: 'stage', history: [] };
const EXPECTED = [
  {
    ...base,
    id: 'D-1',
    name: 'Acme expansion',
    accountId: 'Acme Inc',
    ownerId: 'ana',
    amount: usd('12000.00'),
    stage: 'proposal',
    probability: 0.5,
    forecastCategory: 'bestCase',
    expectedCloseDate: '2026-03-31',
    createdAt: '2026-01-10T09:15:00Z',
  },
  {
    ...base,
    id: 'D-2',
    name: 'Globex platform',
    accountId: 'Globex',
    ownerId: 'ana',
    amount: usd('5000.00'),
    stage: 'closed-won',
    probability: 1,
    forecastCategory: 'closed',
    expectedCloseDate: '2026-02-15',
    closeDate: '2026-02-15',
    createdAt: '2026-01-05T14:30:00Z',
  },
  {
    ...base,
    id: 'D-3',
    name: 'Initech seats',
    accountId: 'Initech',
    ownerId: 'ben',
    amount: usd('8000.00'),
    stage: 'closed-lost',
    probability: 0,
    forecastCategory: 'omitted',
    expectedCloseDate: '2026-02-20',
    closeDate: '2026-02-20',
    createdAt: '2026-01-12T11:00:00Z',
    lostReason: 'Price',
  },
  {
    ...base,
    id: 'D-4',
    name: 'Umbrella rollout',
    accountId: 'Umbrella Corp',
    ownerId: 'ben',
    amount: usd('20000.00'),
    stage: 'negotiation',
    probability: 0.8,
    forecastCategory: 'commit',
    expectedCloseDate: '2026-04-30',
    createdAt: '2026-02-01T08:45:00Z',
  },
  {
    ...base,
    id: 'D-5',
    name: 'Hooli pilot',
    accountId: 'Hooli',
    ownerId: 'ana',
    amount: usd('3000.00'),
    stage: 'discovery',
    probability: 0.1,
    forecastCategory: 'pipeline',
    expectedCloseDate: '2026-05-15',
    createdAt: '2026-02-10T16:05:00Z',
  },
];

describe('vendor exports import to the same deals', () => {
  it.each(VENDORS)('$name', ({ file, options }) => {
    const result = importDeals(rows(file), options);
    expect(result.rejected).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records).toEqual(EXPECTED);
    expect(result.recordRows).toEqual([2, 3, 4, 5, 6]);
    // each record is what parseDeal gives for it
    for (const d of result.records) expect(parseDeal(d)).toEqual(d);
  });
});
