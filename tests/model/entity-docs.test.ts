/**
 * Every field of every entity `revops/model` exports is documented where an editor shows it on
 * hover, in the published `.d.ts` too. A type inferred from a zod schema (`z.output<typeof
 * DealSchema>`) loses its field comments in the built declarations, so each entity is an
 * interface whose every property signature carries a doc comment; its schema must agree with it
 * exactly (the type assertions below, checked by `tsc`).
 *
 * The check runs the TypeScript compiler over `src/model/index.ts`: for each exported type (the
 * `…Input` forms excepted: they are the schemas' input types, documented by their entity), every
 * property, and every property of the object types it reaches (arrays, unions, nested
 * object types but the standard library's), must be declared by a property signature of
 * an interface or type literal with a doc comment.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type {
  Account,
  AccountSchema,
  Activity,
  ActivitySchema,
  ClawbackPolicy,
  ClawbackPolicySchema,
  Credit,
  CreditFilter,
  CreditFilterSchema,
  CreditSchema,
  Deal,
  DealSchema,
  DealSplit,
  DealSplitSchema,
  Draw,
  DrawSchema,
  Lead,
  LeadSchema,
  Member,
  MemberSchema,
  Pipeline,
  PipelineSchema,
  PipelineStage,
  PipelineStageSchema,
  PipelineTransition,
  PipelineTransitionSchema,
  Plan,
  PlanComponent,
  PlanComponentSchema,
  PlanSchema,
  PlanVersion,
  PlanVersionSchema,
  Quota,
  QuotaSchema,
  Role,
  RoleSchema,
  StageEvent,
  StageEventSchema,
  Subscription,
  SubscriptionSchema,
  Team,
  TeamSchema,
  Territory,
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

/** `Type.field` for every field reachable from the model's exported types that lacks a doc comment. */
function undocumentedFields(): { checked: string[]; undocumented: string[] } {
  const entry = resolve(root, 'src/model/index.ts');
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error('src/model/index.ts has no exports');
  const isStandardLibrary = (decl: ts.Node): boolean => program.isSourceFileDefaultLibrary(decl.getSourceFile());
  const checked: string[] = [];
  const undocumented: string[] = [];
  const seen = new Set<ts.Type>();

  const visit = (type: ts.Type, name: string): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.isUnion() || type.isIntersection()) {
      for (const t of type.types) visit(t, name);
      return;
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) visit(t, name);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length > 0) return;
    // every object type but the standard library's (Date, Map…): the repository's interfaces and
    // type literals, and types inferred by zod (whose fields have no declaration of their own)
    if ((type.getSymbol()?.getDeclarations() ?? []).some(isStandardLibrary)) return;
    const typeName = type.getSymbol()?.getName() ?? name;
    const label = typeName === '__type' || typeName === '__object' ? name : typeName;
    for (const prop of type.getProperties()) {
      const field = `${label}.${prop.getName()}`;
      checked.push(field);
      const propDecls = prop.getDeclarations() ?? [];
      const documented =
        propDecls.length > 0 &&
        propDecls.every(
          (d) =>
            ts.isPropertySignature(d) &&
            (ts.isInterfaceDeclaration(d.parent) || ts.isTypeLiteralNode(d.parent)) &&
            ts.getJSDocCommentsAndTags(d).length > 0,
        ) &&
        ts.displayPartsToString(prop.getDocumentationComment(checker)).trim() !== '';
      if (!documented) undocumented.push(field);
      const declaration = propDecls[0];
      if (declaration !== undefined) visit(checker.getTypeOfSymbolAtLocation(prop, declaration), field);
    }
  };

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    if (exported.getName().endsWith('Input')) continue;
    visit(checker.getDeclaredTypeOfSymbol(symbol), exported.getName());
  }
  return { checked, undocumented };
}

describe('revops/model: documented entity fields', () => {
  it('every field of every exported entity type has a doc comment on an interface property', () => {
    const { checked, undocumented } = undocumentedFields();
    // Deal alone has 25 fields; the count guards against a check that silently visits nothing
    expect(checked.length).toBeGreaterThan(150);
    expect(checked).toContain('Deal.amount');
    expect(checked).toContain('Money.amount');
    expect(undocumented).toEqual([]);
  }, 60_000);
});
