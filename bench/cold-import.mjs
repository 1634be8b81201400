#!/usr/bin/env node
// `npm run bench:cold-import [-- --all]`: what `import` of the built package costs a fresh Node
// process (a CLI run, a serverless cold start), against the import of its dependencies.
//
// Each target is a fresh `node` process that imports the target from the built package (dist/,
// through package.json `exports`) and prints, on exit, its process CPU time (user + system,
// process.cpuUsage) and its wall time since the process started (performance.now). Every
// target, and a bare `node` that imports nothing, is run REPEATS times, the targets interleaved
// in a rotating order within each repetition so that a busy machine slows them alike. A
// target's cost is its median minus the bare process's median. CPU time is the checked figure
// (a shared machine stretches wall time, not CPU time); wall time is reported beside it.
//
// Checked (issue 10): revops ≤ 0.6 × and revops/metrics ≤ 0.3 × the cost of importing the main
// entries of zod, decimal.js and date-fns in one process. Writes `coldImport` into
// bench/results.json, keeping the file's other entries. Exits 1 when a check fails.
// Options: --all also measures each dependency and each subpath; --root <dir> measures the
// package in <dir> instead of this repository (a what-if on a patched copy) and writes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `--root <dir>`: measure another copy of the package (e.g. a patched dist/); nothing is written. */
const rootArg = process.argv.indexOf('--root');
const ROOT = rootArg > 0 ? resolve(process.argv[rootArg + 1] ?? '.') : HERE;
const OUT = join(HERE, 'bench/results.json');
const REPEATS = 15;

/** The reference: the main entries of the run-time dependencies, imported in one process. */
const DEPENDENCIES = ['zod', 'decimal.js', 'date-fns'];

/** name → the specifiers one process imports, in order. */
const targets = {
  'bare node': [],
  dependencies: DEPENDENCIES,
  revops: ['revops'],
  'revops/metrics': ['revops/metrics'],
};
if (process.argv.includes('--all')) {
  for (const dep of DEPENDENCIES) targets[dep] = [dep];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const key of Object.keys(pkg.exports)) {
    if (key === '.' || key.endsWith('.json')) continue;
    targets[`revops${key.slice(1)}`] = [`revops${key.slice(1)}`];
  }
}

/** The checks: target → the largest allowed fraction of the dependencies' cost. */
const CHECKS = { revops: 0.6, 'revops/metrics': 0.3 };

function child(specifiers) {
  return [
    ...specifiers.map((s) => `await import(${JSON.stringify(s)});`),
    'const c = process.cpuUsage();',
    'console.log(JSON.stringify({ cpu: (c.user + c.system) / 1000, wall: performance.now() }));',
  ].join('\n');
}

function once(specifiers) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', child(specifiers)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round2 = (x) => Math.round(x * 100) / 100;

if (!existsSync(join(ROOT, 'dist/index.js'))) {
  console.error('cold-import: dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const names = Object.keys(targets);
const samples = Object.fromEntries(names.map((n) => [n, { cpu: [], wall: [] }]));
for (const n of names) once(targets[n]); // warm the file system cache; not recorded
for (let r = 0; r < REPEATS; r++) {
  for (let i = 0; i < names.length; i++) {
    const n = names[(i + r) % names.length];
    const { cpu, wall } = once(targets[n]);
    samples[n].cpu.push(cpu);
    samples[n].wall.push(wall);
  }
}

const bare = { cpu: median(samples['bare node'].cpu), wall: median(samples['bare node'].wall) };
const rows = {};
for (const n of names) {
  const cpu = median(samples[n].cpu);
  const wall = median(samples[n].wall);
  rows[n] =
    n === 'bare node'
      ? { cpuMs: round2(cpu), wallMs: round2(wall) }
      : { cpuMs: round2(cpu - bare.cpu), wallMs: round2(wall - bare.wall) };
}
const reference = rows.dependencies;
for (const n of names) {
  if (n === 'bare node' || n === 'dependencies') continue;
  rows[n].cpuRatio = round2(rows[n].cpuMs / reference.cpuMs);
  rows[n].wallRatio = round2(rows[n].wallMs / reference.wallMs);
}

const checks = Object.entries(CHECKS).map(([n, limit]) => ({
  target: n,
  limit,
  cpuRatio: rows[n].cpuRatio,
  wallRatio: rows[n].wallRatio,
  pass: rows[n].cpuRatio <= limit,
}));

console.log(`cold import, median of ${REPEATS} fresh processes, minus bare node (ms):`);
for (const n of names) {
  const r = rows[n];
  const ratio = r.cpuRatio === undefined ? '' : `   ${r.cpuRatio}× CPU, ${r.wallRatio}× wall of dependencies`;
  console.log(`  ${n.padEnd(20)} cpu ${String(r.cpuMs).padStart(7)}  wall ${String(r.wallMs).padStart(7)}${ratio}`);
}
for (const c of checks) {
  console.log(`${c.pass ? 'ok  ' : 'FAIL'} ${c.target}: ${c.cpuRatio}× (limit ${c.limit}×, CPU time)`);
}

if (ROOT !== HERE) {
  console.log(`measured ${ROOT}; bench/results.json left as it was`);
  process.exit(checks.every((c) => c.pass) ? 0 : 1);
}
const report = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) : {};
report.coldImport = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length },
  method:
    `fresh node process per sample importing the built package (ESM); median of ${REPEATS}, targets interleaved; ` +
    'cost = median minus the bare node median; ratio = cost / cost of importing zod + decimal.js + date-fns',
  dependencies: DEPENDENCIES,
  targets: rows,
  checks,
};
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`written to ${OUT} (coldImport)`);
process.exit(checks.every((c) => c.pass) ? 0 : 1);
