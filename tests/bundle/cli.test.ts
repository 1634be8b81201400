/**
 * dist/cli/index.js, the `revops` bin, as a user runs it: an ESM Node script with a shebang
 * that imports the built library (no second copy of it) and generates the sample organisation in
 * memory (no sample data shipped); exit codes 0, 1 and 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revops } from '../cli/helpers.js';
import { assertBuilt, ROOT } from './helpers.js';

const hasCli = existsSync(join(ROOT, 'src/cli/index.ts'));
const bin = join(ROOT, 'dist/cli/index.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });

describe.skipIf(!hasCli)('the revops bin', () => {
  it('is built with a shebang, small, without the sample data or a copy of the library', () => {
    assertBuilt();
    const text = readFileSync(bin, 'utf8');
    expect(text.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(statSync(bin).size).toBeLessThan(150_000);
    expect(text).not.toContain('"d-0109"'); // a sample deal id
    expect(text).toMatch(/from "\.\.\/commission\/index\.js"/);
    expect(existsSync(join(ROOT, 'dist/sample'))).toBe(false);
  });

  it('runs: revops --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('revops report --deals');
  });

  it('runs the demo, with the output of the sources, and a report on a Salesforce export', async () => {
    const demo = run('demo', '--json');
    expect(demo.status).toBe(0);
    expect(JSON.parse(demo.stdout).title).toContain('Northwind Cloud');
    const text = run('demo');
    expect(text.stdout).toBe((await revops('demo')).stdout);
    const sf = ['--preset', 'salesforce', '--date-format', 'MM/DD/YYYY'];
    const report = run('report', '--deals', 'tests/fixtures/salesforce-opportunities.csv', ...sf);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('weighted by stage probability');
  });

  it('exits 2 on a usage error and 1 on a data problem', () => {
    expect(run('deals.csv').status).toBe(2);
    expect(run('demo', '--deals', 'x.csv').status).toBe(2);
    expect(run('report', '--deals', 'tests/fixtures/cli/bad-deals.csv', '--strict').status).toBe(1);
  });
});
