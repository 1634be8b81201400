/**
 * The built-in role catalogue. Plain data: this file does not load zod.
 * @module
 */
import { RevopsError, describeValue } from '../core/errors.js';
import { PERMISSIONS, type Permission, type Role } from './role-types.js';

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

const LEAD_WORK: Permission[] = [
  'lead.create',
  'lead.work',
  'lead.qualify',
  'lead.disqualify',
  'lead.nurture',
  'lead.convert',
  'report.view',
];
const DEAL_WORK: Permission[] = [
  'deal.create',
  'deal.advance',
  'deal.closeWon',
  'deal.closeLost',
  'forecast.submit',
  'report.view',
];

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
    permissions: [
      'customer.onboard',
      'customer.support',
      'customer.renew',
      'customer.churn',
      'deal.create',
      'forecast.submit',
      'report.view',
    ],
  },
  {
    id: 'customer-service',
    name: 'Customer service representative',
    phase: 'customerService',
    responsibilities: [
      'Answer customer questions and resolve problems',
      'Log issues and escalate',
      'Keep customers satisfied between renewals',
    ],
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
    responsibilities: [
      'Support the sales manager in coaching and pipeline reviews',
      'Track KPIs and team activity',
      'Review the forecast',
    ],
    permissions: [
      ...new Set<Permission>([...LEAD_WORK, ...DEAL_WORK, 'customer.renew', 'customer.onboard', 'forecast.review']),
    ],
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
    permissions: [
      'territory.manage',
      'routing.manage',
      'pipeline.configure',
      'plan.manage',
      'quota.set',
      'report.view',
      'forecast.review',
    ],
  },
  {
    id: 'sales-enablement',
    name: 'Sales enablement',
    phase: 'management',
    responsibilities: [
      'Train and onboard reps',
      'Maintain playbooks, content and tools',
      'Measure the effect of training',
    ],
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
 * @throws {RevopsError} `INVALID_INPUT` for a role without a list of permissions.
 * @example
 * ```ts
 * import { defaultRoles, roleHasPermission } from 'revops/model';
 * const sdr = defaultRoles.find((r) => r.id === 'sdr')!;
 * [roleHasPermission(sdr, 'lead.qualify'), roleHasPermission(sdr, 'deal.closeWon')];
 * //=> [true, false]
 * ```
 */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  let permissions: unknown;
  try {
    permissions = typeof role === 'object' && role !== null ? role.permissions : undefined;
  } catch {
    permissions = undefined;
  }
  if (!Array.isArray(permissions)) {
    throw new RevopsError(
      'INVALID_INPUT',
      `role must be a role with a list of permissions, got ${describeValue(role)}`,
      {
        field: 'role',
        value: role,
      },
    );
  }
  return permissions.includes(permission);
}
