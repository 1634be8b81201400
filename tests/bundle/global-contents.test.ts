/**
 * What dist/revops.global.js defines (src/global.ts): every export of the root `revops` but zod's
 * side — revops/model's schemas (`…Schema`) and parsers (`parseX`, `safeParseX`) and revops/import
 * (whose importers validate through them) — and no zod code, so that a spreadsheet script does
 * not carry the validation library it never calls. The examples and the guides use only what is
 * left (tests/bundle/apps-script.test.ts, tests/bundle/global-sheets.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

/** The zod side of the package, what the global bundle leaves out: model's schemas and parsers, and revops/import. */
const isZodSide = (name: string): boolean =>
  (modelNames.has(name) && /Schema$|^(safeP|p)arse[A-Z]/.test(name)) || importNames.has(name);

let code = '';
let globalNames: string[] = [];
let rootNames: string[] = [];
let importNames = new Set<string>();
let modelNames = new Set<string>();

beforeAll(() => {
  assertBuilt();
  code = readFileSync(join(ROOT, 'dist/revops.global.js'), 'utf8');
  const context = createContext({});
  runInContext(code, context, { filename: 'revops.global.js' });
  globalNames = Object.keys((context as { revops: object }).revops).sort();
  const script = `const load = (s) => import(s);
    const [r, m, i] = await Promise.all(['revops', 'revops/model', 'revops/import'].map(load));
    console.log(JSON.stringify({ root: Object.keys(r), model: Object.keys(m), imp: Object.keys(i) }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }),
  ) as { root: string[]; model: string[]; imp: string[] };
  rootNames = out.root.sort();
  importNames = new Set(out.imp);
  modelNames = new Set(out.model);
});

describe('the global bundle', () => {
  it("defines every export of revops but the model's schemas and parsers and revops/import", () => {
    expect(globalNames).toEqual(rootNames.filter((n) => !isZodSide(n)));
    // what the examples and guides call on the global
    for (const name of ['CONVERSION_RATE', 'isSheetError', 'money', 'roundMoney', 'toNumber', 'weightedPipeline']) {
      expect(globalNames).toContain(name);
    }
    for (const name of ['ratio', 'addDays', 'add', 'divide', 'calculateStatement', 'definePlan', 'parseMoney']) {
      expect(globalNames).toContain(name);
    }
  });

  it('leaves out the zod side, and zod itself', () => {
    for (const name of ['DealSchema', 'parseDeal', 'safeParsePlan', 'importDeals']) {
      expect(rootNames, `revops exports ${name}`).toContain(name);
      expect(globalNames).not.toContain(name);
    }
    // zod's error class and its core type names, present in any build that includes zod
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });
});
