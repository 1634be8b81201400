/** `revops` command lines: help for every command, usage errors with exit code 2. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/args.js';
import { revops } from './helpers.js';

const sf = 'tests/fixtures/salesforce-opportunities.csv';

describe('revops usage', () => {
  it('prints the general help, with the exit codes, on --help, help and no argument', async () => {
    for (const argv of [['--help'], ['help'], []]) {
      const r = await revops(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('revops report --deals');
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}done/);
      expect(r.stderr).toBe('');
    }
  });

  it('prints each command its own help, for `revops X --help` and `revops help X`', async () => {
    for (const command of COMMANDS) {
      const a = await revops(command, '--help');
      const b = await revops('help', command);
      expect(a.code).toBe(0);
      expect(a.stdout).toContain(`revops ${command} —`);
      expect(a.stdout).toContain('Exit codes:');
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('does not run the sample for `revops demo --help`', async () => {
    const r = await revops('demo', '--help');
    expect(r.stdout).not.toContain('Northwind Cloud (sample organisation) —');
  });

  it.each([
    [['deals.csv'], /unknown command "deals.csv" \(to report on a file: revops report --deals deals.csv\)/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['demo', '--deals', sf], /revops demo does not take --deals: demo runs on the sample organisation/],
    [['demo', '--html'], /--html/],
    [['report'], /revops report needs --deals FILE/],
    [['report', '--deals', sf, '--colour'], /Unknown option '--colour'/],
    [['report', '--deals', sf, 'extra'], /Unexpected argument 'extra'/],
    [['report', '--deals', 'no/such/file.csv'], /--deals no\/such\/file\.csv: no such file/],
    [['report', '--deals', sf, '--period', '2026-Q5'], /--period must be 2026-Q2/],
    [['report', '--deals', sf, '--preset', 'zoho'], /--preset must be salesforce, hubspot or pipedrive/],
    [['report', '--deals', sf, '--stage', 'Won'], /--stage must be LABEL=STAGE/],
    [['statement', '--deals', sf], /revops statement needs --plan FILE/],
    [['retention', '--deals', sf, '--subscriptions', sf], /revops retention does not take --deals/],
  ])('%j is a usage error: exit 2, a message on stderr, nothing on stdout', async (argv, message) => {
    const r = await revops(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Run `revops( \w+)? --help` for usage\./);
    expect(r.stdout).toBe('');
  });

  it('prints the version', async () => {
    const r = await revops('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
