/**
 * Every field of every entity `revops/model` exports is documented where an editor shows it on
 * hover, in the published `.d.ts` too. A type inferred from a zod schema (`z.output<typeof
 * DealSchema>`) loses its field comments in the built declarations, so each entity is an
 * interface whose every property signature carries a doc comment; its schema must agree with it
 * exactly (the type assertions below, checked by `tsc`).
 *
 * The check runs the TypeScript compiler over `src/model/index.ts`: for each exported type (the
 * `…Input` forms too: the schemas' input types, mapped over the interfaces so that each field keeps
 * its doc comment), every property, and every property of the object types it reaches (arrays, unions, nested
 * object types but the standard library's), must be declared by a property signature of
 * an interface or type literal with a doc comment.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { undocumentedFields } from './doc-check.js';
import type * as z from 'zod';
import type {
  Account,
  AccountInput,
  AccountSchema,
  Activity,
  ActivityInput,
  ActivitySchema,
  ClawbackPolicy,
  ClawbackPolicySchema,
  Credit,
  CreditInput,
  CreditFilter,
  CreditFilterSchema,
  CreditSchema,
  Deal,
  DealInput,
  DealSchema,
  DealSplit,
  DealSplitSchema,
  Draw,
  DrawSchema,
  Lead,
  LeadInput,
  LeadSchema,
  Member,
  MemberInput,
  MemberSchema,
  Pipeline,
  PipelineInput,
  PipelineSchema,
  PipelineStage,
  PipelineStageSchema,
  PipelineTransition,
  PipelineTransitionSchema,
  Plan,
  PlanInput,
  PlanComponent,
  PlanComponentSchema,
  PlanSchema,
  PlanVersion,
  PlanVersionSchema,
  Quota,
  QuotaInput,
  QuotaSchema,
  Role,
  RoleSchema,
  StageEvent,
  StageEventSchema,
  Subscription,
  SubscriptionInput,
  SubscriptionSchema,
  Team,
  TeamInput,
  TeamSchema,
  Territory,
  TerritoryInput,
  TerritorySchema,
  Tier,
  TierSchema,
} from '../../src/model/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The schemas' outputs are exactly the documented interfaces (compile-time: `tsc` fails otherwise).
expectTypeOf<z.output<typeof AccountSchema>>().toEqualTypeOf<Account>();
expectTypeOf<z.output<typeof ActivitySchema>>().toEqualTypeOf<Activity>();
expectTypeOf<z.output<typeof ClawbackPolicySchema>>().toEqualTypeOf<ClawbackPolicy>();
expectTypeOf<z.output<typeof CreditSchema>>().toEqualTypeOf<Credit>();
expectTypeOf<z.output<typeof CreditFilterSchema>>().toEqualTypeOf<CreditFilter>();
expectTypeOf<z.output<typeof DealSchema>>().toEqualTypeOf<Deal>();
expectTypeOf<z.output<typeof DealSplitSchema>>().toEqualTypeOf<DealSplit>();
expectTypeOf<z.output<typeof DrawSchema>>().toEqualTypeOf<Draw>();
expectTypeOf<z.output<typeof LeadSchema>>().toEqualTypeOf<Lead>();
expectTypeOf<z.output<typeof MemberSchema>>().toEqualTypeOf<Member>();
expectTypeOf<z.output<typeof PipelineSchema>>().toEqualTypeOf<Pipeline>();
expectTypeOf<z.output<typeof PipelineStageSchema>>().toEqualTypeOf<PipelineStage>();
expectTypeOf<z.output<typeof PipelineTransitionSchema>>().toEqualTypeOf<PipelineTransition>();
expectTypeOf<z.output<typeof PlanSchema>>().toEqualTypeOf<Plan>();
expectTypeOf<z.output<typeof PlanComponentSchema>>().toEqualTypeOf<PlanComponent>();
expectTypeOf<z.output<typeof PlanVersionSchema>>().toEqualTypeOf<PlanVersion>();
expectTypeOf<z.output<typeof QuotaSchema>>().toEqualTypeOf<Quota>();
expectTypeOf<z.output<typeof RoleSchema>>().toEqualTypeOf<Role>();
expectTypeOf<z.output<typeof StageEventSchema>>().toEqualTypeOf<StageEvent>();
expectTypeOf<z.output<typeof SubscriptionSchema>>().toEqualTypeOf<Subscription>();
expectTypeOf<z.output<typeof TeamSchema>>().toEqualTypeOf<Team>();
expectTypeOf<z.output<typeof TerritorySchema>>().toEqualTypeOf<Territory>();
expectTypeOf<z.output<typeof TierSchema>>().toEqualTypeOf<Tier>();

// The input forms are the schemas' input types exactly, with the interfaces' field docs (src/model/input-form.ts).
expectTypeOf<AccountInput>().toEqualTypeOf<z.input<typeof AccountSchema>>();
expectTypeOf<ActivityInput>().toEqualTypeOf<z.input<typeof ActivitySchema>>();
expectTypeOf<CreditInput>().toEqualTypeOf<z.input<typeof CreditSchema>>();
expectTypeOf<DealInput>().toEqualTypeOf<z.input<typeof DealSchema>>();
expectTypeOf<LeadInput>().toEqualTypeOf<z.input<typeof LeadSchema>>();
expectTypeOf<MemberInput>().toEqualTypeOf<z.input<typeof MemberSchema>>();
expectTypeOf<PipelineInput>().toEqualTypeOf<z.input<typeof PipelineSchema>>();
expectTypeOf<PlanInput>().toEqualTypeOf<z.input<typeof PlanSchema>>();
expectTypeOf<QuotaInput>().toEqualTypeOf<z.input<typeof QuotaSchema>>();
expectTypeOf<SubscriptionInput>().toEqualTypeOf<z.input<typeof SubscriptionSchema>>();
expectTypeOf<TeamInput>().toEqualTypeOf<z.input<typeof TeamSchema>>();
expectTypeOf<TerritoryInput>().toEqualTypeOf<z.input<typeof TerritorySchema>>();

describe('revops/model: documented entity fields', () => {
  it('every field of every exported entity type has a doc comment on an interface property', () => {
    const { checked, undocumented } = undocumentedFields(resolve(root, 'src/model/index.ts'));
    // Deal alone has 25 fields; the count guards against a check that silently visits nothing
    expect(checked.length).toBeGreaterThan(150);
    expect(checked).toContain('Deal.amount');
    expect(checked).toContain('Money.amount');
    expect(checked).toContain('DealInput.amount');
    expect(checked).toContain('DealInput.splits.share');
    expect(checked).toContain('PlanInput.versions');
    expect(undocumented).toEqual([]);
  }, 60_000);
});
