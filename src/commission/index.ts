/**
 * `revops/commission`: incentive plans as data (`definePlan`), crediting deals to members
 * (`creditDeals`), exact statements with an explanation for every line
 * (`calculateStatement`, `explainStatement`), mergeable partial statements for large data,
 * and payout curves for what-if modelling.
 * @module commission
 */
export { definePlan, planVersionAsOf } from './define-plan.js';
export { summarizeStatement, mergeStatement } from './summary.js';
export { calculateStatement, finalizeStatement } from './statement.js';
export { creditDeals, type CreditRules } from './credit-deals.js';
export { explainLine, explainStatement } from './explain.js';
export { payoutCurve, type PayoutCurveOptions, type PayoutPoint } from './payout-curve.js';
export type {
  StatementLineKind,
  LineExplanation,
  LineDetail,
  LimitDetail,
  Proration,
  StatementLine,
  Adjustment,
  AttainmentToDate,
  ClawbackEvent,
  CustomerPayment,
  HeldCommission,
  Balances,
  StatementInput,
  StatementContext,
  Statement,
  TierSummary,
  ComponentSummary,
  StatementSummary,
} from './types.js';
