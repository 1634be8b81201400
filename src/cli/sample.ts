/**
 * The embedded sample organisation (data/sample), parsed through the model's schemas.
 * The JSON is bundled into the CLI at build time, so `revops demo` needs no files.
 */
import organisation from '../../data/sample/organisation.json';
import membersJson from '../../data/sample/members.json';
import teamsJson from '../../data/sample/teams.json';
import territoriesJson from '../../data/sample/territories.json';
import accountsJson from '../../data/sample/accounts.json';
import leadsJson from '../../data/sample/leads.json';
import dealsJson from '../../data/sample/deals.json';
import activitiesJson from '../../data/sample/activities.json';
import subscriptionsJson from '../../data/sample/subscriptions.json';
import quotasJson from '../../data/sample/quotas.json';
import plansJson from '../../data/sample/plans.json';
import {
  parseAccount,
  parseActivity,
  parseDeal,
  parseLead,
  parseMember,
  parsePlan,
  parseQuota,
  parseSubscription,
  parseTeam,
  parseTerritory,
  type Account,
  type Activity,
  type Deal,
  type Lead,
  type Member,
  type Plan,
  type Quota,
  type Subscription,
  type Team,
  type Territory,
} from '../model/index.js';

/** The sample organisation, validated. */
export interface SampleOrganisation {
  readonly name: string;
  readonly currency: string;
  readonly asOf: string;
  readonly members: readonly Member[];
  readonly teams: readonly Team[];
  readonly territories: readonly Territory[];
  readonly accounts: readonly Account[];
  readonly leads: readonly Lead[];
  readonly deals: readonly Deal[];
  readonly activities: readonly Activity[];
  readonly subscriptions: readonly Subscription[];
  readonly quotas: readonly Quota[];
  readonly plans: readonly Plan[];
}

/** Parses the embedded sample organisation (throws if it does not match the schemas). */
export function loadSample(): SampleOrganisation {
  return {
    name: organisation.name,
    currency: organisation.currency,
    asOf: organisation.asOf,
    members: (membersJson as unknown[]).map(parseMember),
    teams: (teamsJson as unknown[]).map(parseTeam),
    territories: (territoriesJson as unknown[]).map(parseTerritory),
    accounts: (accountsJson as unknown[]).map(parseAccount),
    leads: (leadsJson as unknown[]).map(parseLead),
    deals: (dealsJson as unknown[]).map(parseDeal),
    activities: (activitiesJson as unknown[]).map(parseActivity),
    subscriptions: (subscriptionsJson as unknown[]).map(parseSubscription),
    quotas: (quotasJson as unknown[]).map(parseQuota),
    plans: (plansJson as unknown[]).map(parsePlan),
  };
}
