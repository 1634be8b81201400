/**
 * `revops demo`: the main job on the embedded sample organisation.
 */
import { sum, type Money } from '../core/index.js';
import type { SampleOrganisation } from './sample.js';

/** A line printer (console.log in the CLI, an array in tests). */
export type Print = (line: string) => void;

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const usd = (m: Money): string => `${m.currency} ${m.amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** Prints the demo report for an organisation. */
export function runDemo(org: SampleOrganisation, print: Print): void {
  print(`${org.name} — sample organisation, observed as of ${org.asOf} (${org.currency})`);
  print('');
  print('Members by role');
  const byRole = new Map<string, string[]>();
  for (const m of org.members) byRole.set(m.roleId, [...(byRole.get(m.roleId) ?? []), m.name]);
  for (const [role, names] of byRole) print(`  ${pad(role, 26)} ${names.join(', ')}`);
  print('');
  print(`Territories: ${org.territories.map((t) => `${t.name} (${org.accounts.filter((a) => a.territoryId === t.id).length} accounts)`).join(', ')}`);
  print(`Leads: ${org.leads.length}   Deals: ${org.deals.length}   Activities: ${org.activities.length}   Subscription rows: ${org.subscriptions.length}   Quotas: ${org.quotas.length}`);
  print('');
  print('Deals by stage');
  const stages = [...new Set(org.deals.map((d) => d.stage))];
  for (const stage of stages) {
    const inStage = org.deals.filter((d) => d.stage === stage);
    print(`  ${pad(stage, 14)} ${padLeft(String(inStage.length), 4)}  ${padLeft(usd(sum(inStage.map((d) => d.amount), org.currency)), 18)}`);
  }
}
