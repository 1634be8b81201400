// `npm run fuzz`: the long run of the fuzz suite (tests/fuzz). Every public function gets
// thousands of calls (REVOPS_FUZZ=long: 6,000 calls or 60 s each, 1e6-element arrays of valid
// elements included), at least 10^6 calls in all; the total is printed at the end.
// Extra arguments go to vitest (e.g. `npm run fuzz -- -t commission`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './modules.mjs';

const report = join(tmpdir(), `revops-fuzz-${process.pid}.jsonl`);
rmSync(report, { force: true });
const vitest = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const run = spawnSync(vitest, ['run', 'tests/fuzz', '--testTimeout=600000', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, REVOPS_FUZZ: 'long', REVOPS_FUZZ_REPORT: report },
});
let calls = 0;
let functions = 0;
let findings = 0;
try {
  for (const line of readFileSync(report, 'utf8').split('\n')) {
    if (line === '') continue;
    const r = JSON.parse(line);
    calls += r.calls;
    functions += 1;
    findings += r.findings.length;
  }
} catch {
  // no report: vitest did not get as far as a fuzz test
}
// the findings with their inputs stay in reports/ (not committed) for the board and the owners
if (findings > 0) {
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  copyFileSync(report, join(ROOT, 'reports', 'fuzz-findings.jsonl'));
}
rmSync(report, { force: true });
console.log(`\nnpm run fuzz: ${calls.toLocaleString('en-US')} calls of ${functions} functions, ${findings} findings`);
if (findings > 0) console.log('findings with their inputs: reports/fuzz-findings.jsonl');
process.exit(run.status ?? 1);
