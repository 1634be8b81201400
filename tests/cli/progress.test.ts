/** The progress line: on stderr, only when stderr is a terminal and the file is large; never in stdout. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/** A deals file of about 1.2 MB: 16,000 open deals of 100.00 in proposal. */
function bigFile(): string {
  const rows = ['id,name,accountId,ownerId,amount,currency,stage,closeDate,createdAt'];
  for (let i = 0; i < 16_000; i++) {
    const name = `Deal number ${i} with a longer name`;
    rows.push(`D-${i},${name},account-${i % 97},owner-${i % 7},100.00,USD,proposal,2026-03-31,2026-01-10`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'revops-progress-')), 'deals.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

async function run(file: string, tty: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await main(['forecast', '--deals', file, '--json'], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: tty,
  });
  return { code, stdout, stderr };
}

describe('the progress line', () => {
  const file = bigFile();

  it('is drawn on a terminal stderr for a large file, and the JSON on stdout stays clean', async () => {
    const r = await run(file, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\rreading deals\.csv \[[#.]{24}\] +\d+% +[\d,]+ rows/);
    expect(r.stderr.endsWith('\r\x1b[K')).toBe(true); // cleared when done
    const json = JSON.parse(r.stdout);
    // by hand: 16,000 deals × 100.00 at the proposal probability 0.5 (the default deal pipeline)
    expect(json.pipeline.weighted.amount).toEqual({ amount: '1600000.00', currency: 'USD' });
    expect(json.pipeline.weighted.count).toBe(16_000);
    expect(json.pipeline.simulation.runs).toBe(1_250); // 20,000,000 draws ÷ 16,000 deals
  }, 30_000);

  it('is not drawn when stderr is not a terminal', async () => {
    const r = await run(file, false);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }, 30_000);
});
