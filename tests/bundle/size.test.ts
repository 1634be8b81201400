/**
 * A user who imports one function pays only for what it needs: each enforced budget of
 * scripts/bundle-size.mjs (`import { name } from 'specifier'`, bundled from the built package
 * the way an app would: esbuild, minified, tree-shaken, resolved through package.json `exports`)
 * stays under its gzipped limit and contains none of its forbidden dependencies.
 * `npm run check:size` prints every budget, the not yet enforced ones too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, forbiddenIn, type Measured, measure } from '../../scripts/bundle-size.mjs';
import { assertBuilt } from './helpers.js';

const ENFORCED = BUDGETS.filter((b) => b.enforced);

const cases = ENFORCED.map((b) => [`import { ${b.name} } from '${b.specifier}'`, b] as const);

describe.each(cases)('%s, bundled and minified', (_, budget) => {
  let measured: Measured;

  beforeAll(async () => {
    assertBuilt();
    measured = await measure(budget);
  });

  it('comes from dist/', () => {
    expect(measured.inputs.some((i) => i.startsWith('dist/'))).toBe(true);
  });

  it(`is at most ${budget.limit} bytes gzipped`, () => {
    const where = Object.entries(measured.packages)
      .map(([p, n]) => `${p} ${n} B`)
      .join(', ');
    const message = `${measured.gzip} B gzipped (${measured.minified} B minified: ${where})`;
    expect(measured.gzip, message).toBeLessThanOrEqual(budget.limit);
  });

  it.each(budget.forbid)('contains no %s', (dependency) => {
    expect(forbiddenIn({ ...budget, forbid: [dependency] }, measured)).toEqual([]);
  });
});

it('the budgets name distinct imports', () => {
  const keys = BUDGETS.map((b) => `${b.specifier}#${b.name}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(ENFORCED.length).toBeGreaterThan(0);
});
