/**
 * Role vocabulary: phases, permissions and the Role type. Plain data: no zod here.
 * @module
 */

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
export interface Role {
  /** Stable id, e.g. `'account-executive'`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The phase of the sales cycle the role works in. */
  readonly phase: Phase;
  /** What the role does, in plain words. */
  readonly responsibilities: readonly string[];
  /** What the role may do; the pipelines enforce the `lead.*`, `deal.*` and `customer.*` ones. */
  readonly permissions: readonly Permission[];
}
