/**
 * Roles: who does what in the sales cycle, and what each may do.
 * @module
 */
import * as z from 'zod';
import { IdSchema } from './common.js';
import { makeParsers } from './parse.js';
import type { Result } from '../core/result.js';
import type { RevopsError } from '../core/errors.js';

/** The phases of the sales cycle (DESIGN.md), plus `management` for the roles over all three. */
export const PHASES = ['leadGeneration', 'salesSolution', 'customerService', 'management'] as const;
/** A phase of the sales cycle. */
export type Phase = (typeof PHASES)[number];

/**
 * Everything a role may be permitted to do. The pipeline module enforces the `lead.*`,
 * `deal.*` and `customer.*` ones on transitions; the rest document the catalogue and are
 * available to applications.
 */
export const PERMISSIONS = [
  'lead.create',
  'lead.work',
  'lead.qualify',
  'lead.disqualify',
  'lead.nurture',
  'lead.convert',
  'deal.create',
  'deal.advance',
  'deal.closeWon',
  'deal.closeLost',
  'deal.reopen',
  'customer.onboard',
  'customer.support',
  'customer.renew',
  'customer.churn',
  'quota.set',
  'plan.manage',
  'territory.manage',
  'routing.manage',
  'forecast.submit',
  'forecast.review',
  'report.view',
  'training.deliver',
  'pipeline.configure',
] as const;
/** One permission. */
export type Permission = (typeof PERMISSIONS)[number];

/** A role: a job in the sales organisation with its responsibilities and permissions. */
export const RoleSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  phase: z.enum(PHASES),
  responsibilities: z.array(z.string().min(1)),
  permissions: z.array(z.enum(PERMISSIONS)),
});
/** A role. */
export type Role = z.output<typeof RoleSchema>;

const roleParsers = makeParsers('Role', RoleSchema);
/**
 * Parses a role, throwing on any problem.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseRole } from 'revops/model';
 * parseRole({ id: 'sdr', name: 'SDR', phase: 'leadGeneration', responsibilities: [], permissions: ['lead.qualify'] }).phase;
 * //=> 'leadGeneration'
 * ```
 */
export function parseRole(input: unknown): Role {
  return roleParsers.parse(input);
}
/**
 * Parses a role, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseRole } from 'revops/model';
 * safeParseRole({ id: 'x' }).ok;
 * //=> false
 * ```
 */
export function safeParseRole(input: unknown): Result<Role, RevopsError> {
  return roleParsers.safeParse(input);
}

/** Ids of the built-in roles. */
export type DefaultRoleId =
  | 'sdr'
  | 'bdr'
  | 'account-executive'
  | 'sales-specialist'
  | 'customer-success'
  | 'customer-service'
  | 'sales-manager'
  | 'assistant-sales-manager'
  | 'sales-operations'
  | 'sales-enablement';

const LEAD_WORK: Permission[] = ['lead.create', 'lead.work', 'lead.qualify', 'lead.disqualify', 'lead.nurture', 'lead.convert', 'report.view'];
const DEAL_WORK: Permission[] = ['deal.create', 'deal.advance', 'deal.closeWon', 'deal.closeLost', 'forecast.submit', 'report.view'];

/**
 * The built-in role catalogue: the roles of the three phases of the sales cycle and those
 * over all three, each with its responsibilities and the permissions the default pipelines
 * enforce. Frozen; copy it to customise.
 *
 * - SDR / BDR (lead generation): research, identify and contact prospects, qualify, hand off.
 *   SDRs mostly work inbound leads, BDRs outbound prospecting; the permissions are the same.
 * - Account executive and sales specialist (sales solution): needs analysis, demo, proposal,
 *   negotiation, close.
 * - Customer success and customer service reps (serving the customer): onboarding, support,
 *   follow-up, renewal and expansion.
 * - Sales manager, assistant sales manager, sales operations and sales enablement (over all
 *   three): targets, quotas, plans, coaching, forecasting, territories, routing, KPIs, training.
 *
 * @example
 * ```ts
 * import { defaultRoles } from 'revops/model';
 * defaultRoles.map((r) => r.id).length;
 * //=> 10
 * defaultRoles.find((r) => r.id === 'sales-manager')?.permissions.includes('deal.reopen');
 * //=> true
 * ```
 */
export const defaultRoles: readonly Role[] = deepFreeze([
  {
    id: 'sdr',
    name: 'Sales development representative (SDR)',
    phase: 'leadGeneration',
    responsibilities: [
      'Research and identify prospects, mostly from inbound leads',
      'Contact prospects by call, email and social outreach',
      'Qualify leads against the ideal customer profile and budget, authority, need, timing',
      'Book discovery meetings and hand qualified leads off to account executives',
    ],
    permissions: LEAD_WORK,
  },
  {
    id: 'bdr',
    name: 'Business development representative (BDR)',
    phase: 'leadGeneration',
    responsibilities: [
      'Prospect outbound into target accounts',
      'Contact and qualify prospects',
      'Book meetings and hand qualified leads off to account executives',
    ],
    permissions: LEAD_WORK,
  },
  {
    id: 'account-executive',
    name: 'Account executive (account manager)',
    phase: 'salesSolution',
    responsibilities: [
      'Run needs analysis (discovery) with qualified prospects',
      'Present and demonstrate the solution',
      'Write proposals, negotiate and close deals',
      'Keep the pipeline and forecast of their deals current',
    ],
    permissions: DEAL_WORK,
  },
  {
    id: 'sales-specialist',
    name: 'Sales specialist (solutions expert)',
    phase: 'salesSolution',
    responsibilities: [
      'Support account executives with product and technical expertise',
      'Deliver specialist demos and solution designs',
      'Help shape proposals for complex deals',
    ],
    permissions: ['deal.advance', 'forecast.submit', 'report.view'],
  },
  {
    id: 'customer-success',
    name: 'Customer success representative',
    phase: 'customerService',
    responsibilities: [
      'Onboard new customers',
      'Follow up to drive adoption and value',
      'Renew subscriptions and find expansion opportunities',
      'Flag churn risk early',
    ],
    permissions: ['customer.onboard', 'customer.support', 'customer.renew', 'customer.churn', 'deal.create', 'forecast.submit', 'report.view'],
  },
  {
    id: 'customer-service',
    name: 'Customer service representative',
    phase: 'customerService',
    responsibilities: ['Answer customer questions and resolve problems', 'Log issues and escalate', 'Keep customers satisfied between renewals'],
    permissions: ['customer.support', 'report.view'],
  },
  {
    id: 'sales-manager',
    name: 'Sales manager',
    phase: 'management',
    responsibilities: [
      'Set targets and quotas',
      'Design incentive plans that reward the whole team',
      'Coach reps and review their pipelines',
      'Own the forecast',
      'Approve exceptions and reopen closed deals',
    ],
    permissions: PERMISSIONS.filter((p): p is Permission => p !== 'training.deliver'),
  },
  {
    id: 'assistant-sales-manager',
    name: 'Assistant sales manager',
    phase: 'management',
    responsibilities: ['Support the sales manager in coaching and pipeline reviews', 'Track KPIs and team activity', 'Review the forecast'],
    permissions: [...new Set<Permission>([...LEAD_WORK, ...DEAL_WORK, 'customer.renew', 'customer.onboard', 'forecast.review'])],
  },
  {
    id: 'sales-operations',
    name: 'Sales operations',
    phase: 'management',
    responsibilities: [
      'Design territories and balance them',
      'Route leads',
      'Define and report KPIs',
      'Administer pipelines, quotas and incentive-plan data',
    ],
    permissions: ['territory.manage', 'routing.manage', 'pipeline.configure', 'plan.manage', 'quota.set', 'report.view', 'forecast.review'],
  },
  {
    id: 'sales-enablement',
    name: 'Sales enablement',
    phase: 'management',
    responsibilities: ['Train and onboard reps', 'Maintain playbooks, content and tools', 'Measure the effect of training'],
    permissions: ['training.deliver', 'report.view'],
  },
] satisfies (Role & { id: DefaultRoleId })[]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Whether a role grants a permission.
 *
 * @example
 * ```ts
 * import { defaultRoles, roleHasPermission } from 'revops/model';
 * const sdr = defaultRoles.find((r) => r.id === 'sdr')!;
 * [roleHasPermission(sdr, 'lead.qualify'), roleHasPermission(sdr, 'deal.closeWon')];
 * //=> [true, false]
 * ```
 */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return role.permissions.includes(permission);
}
