/**
 * One `RevopsError` class per format: an error thrown by any subpath is `instanceof` the
 * `RevopsError` of every other subpath, under `require` as under `import` (docs/conventions.md,
 * "Errors and refusals"). This needs the subpaths to share one copy of core: the CJS build is
 * code-split like the ESM one (tsup.config.ts, `splitting: true`).
 *
 * For each specifier, the probe calls its exported functions with no argument until one throws a
 * `RevopsError` (every module has a function that refuses a missing argument); then, for every
 * ordered pair of specifiers (A, B), it checks that A's error is an instance of B's error class and
 * of the `RevopsError` that B exports, when B exports it. Node runs in a child process so that
 * neither vitest nor vite resolves anything. Import and require are not compared with each other:
 * they are two copies of the package by design (ESM in .js, CJS in .cjs).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, SPECIFIERS as ALL_SPECIFIERS } from './helpers.js';

/** revops/sheets never throws (its functions return spreadsheet error values), so it has no error to probe. */
const SPECIFIERS = ALL_SPECIFIERS.filter((s) => s !== 'revops/sheets');

interface Probe {
  /** Per specifier: the function that threw, and the error's code. */
  thrower: Record<string, { fn: string; code: string } | null>;
  /** `pairs[a][b]`: a's error is an instance of b's error class (and of b's exported RevopsError). */
  pairs: Record<string, Record<string, boolean>>;
  /** The specifiers that export `RevopsError`. */
  exporters: string[];
}

/** The probe, as a function of the loaded modules, written to be run by Node in both formats. */
const PROBE = `
const probe = (specifiers, modules) => {
  const errors = {};
  const thrower = {};
  specifiers.forEach((s, i) => {
    thrower[s] = null;
    for (const [name, value] of Object.entries(modules[i])) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      try { value(); } catch (e) {
        if (e && e.name === 'RevopsError') { errors[s] = e; thrower[s] = { fn: name, code: e.code }; break; }
      }
    }
  });
  const pairs = {};
  for (const a of specifiers) {
    pairs[a] = {};
    for (const [j, b] of specifiers.entries()) {
      const exported = modules[j].RevopsError;
      pairs[a][b] = Boolean(errors[a] && errors[b]) && errors[a] instanceof errors[b].constructor
        && (exported === undefined || errors[a] instanceof exported);
    }
  }
  const exporters = specifiers.filter((s, i) => typeof modules[i].RevopsError === 'function');
  return { thrower, pairs, exporters };
};
`;

function run(format: 'import' | 'require'): Probe {
  const list = JSON.stringify(SPECIFIERS);
  const load = format === 'require' ? 's.map((x) => require(x))' : 'await Promise.all(s.map((x) => import(x)))';
  const script = `${PROBE}\nconst s = ${list};\nconst m = ${load};\nconsole.log(JSON.stringify(probe(s, m)));`;
  const stdout = execFileSync(
    process.execPath,
    format === 'require' ? ['-e', script] : ['--input-type=module', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(stdout) as Probe;
}

describe.each(['require', 'import'] as const)('RevopsError under %s', (format) => {
  let probe: Probe;

  beforeAll(() => {
    assertBuilt();
    probe = run(format);
  });

  it('is exported by revops and revops/core', () => {
    expect(probe.exporters).toEqual(expect.arrayContaining(['revops', 'revops/core']));
  });

  it.each(SPECIFIERS)('is thrown by a function of %s', (specifier) => {
    const message = `no function of ${specifier} threw a RevopsError when called bare`;
    expect(probe.thrower[specifier], message).not.toBe(null);
  });

  it.each(SPECIFIERS)("from %s is instanceof every other subpath's RevopsError", (specifier) => {
    const row = probe.pairs[specifier] ?? {};
    const not = Object.entries(row)
      .filter(([, ok]) => !ok)
      .map(([other]) => other);
    expect(not, `${specifier}'s error (from ${probe.thrower[specifier]?.fn}) is not instanceof theirs`).toEqual([]);
    expect(Object.keys(row).sort()).toEqual([...SPECIFIERS].sort());
  });
});
