/**
 * The documented-fields check of tests/model/entity-docs.test.ts (over the source) and
 * tests/bundle/model-docs.test.ts (over the built `.d.ts`): the TypeScript compiler over an entry
 * point; for each exported type (the `…Input` forms included), every property, and every property
 * of the object types it reaches (arrays, unions, nested interfaces and type literals, types
 * inferred by zod; not the standard library's), must be declared by a property signature of an
 * interface or type literal with a doc comment — what an editor shows on hover.
 */
import ts from 'typescript';

/**
 * `Type.field` for every field reachable from the model's exported types that lacks a doc comment,
 * and every field checked.
 */
export function undocumentedFields(entry: string): { checked: string[]; undocumented: string[] } {
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
  if (moduleSymbol === undefined) throw new Error(`${entry} has no exports`);
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
    visit(checker.getDeclaredTypeOfSymbol(symbol), exported.getName());
  }
  return { checked, undocumented };
}
