/**
 * computeFile at the edges: an empty file, a header alone, CRLF line ends and a semicolon
 * delimiter, a file that does not exist, and a refusal raised inside a worker thread (its code
 * survives the trip back).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import type { Credit } from '../../src/model/index.js';
import { computeFileWith } from '../../src/parallel/run.js';
import { bundleWorker } from './workers.js';

let worker = { file: '', cleanup: () => {} };
let dir = '';
beforeAll(async () => {
  worker = await bundleWorker();
  dir = mkdtempSync(join(tmpdir(), 'revops-files-'));
}, 60_000);
afterAll(() => {
  worker.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEADER = 'id;name;accountId;stage;ownerId;createdAt;amount;currency;closeDate';

describe('computeFile', () => {
  it('an empty file and a header alone: no rows, the empty results', async () => {
    for (const [name, text] of [
      ['empty.csv', ''],
      ['header.csv', `${HEADER}\r\n`],
    ] as const) {
      const run = await computeFileWith(worker.file, file(name, text), {
        kind: 'deals',
        compute: { winRate: {} },
        delimiter: ';',
        workers: 0,
      });
      expect(run.rows).toEqual({ read: 0, imported: 0, rejected: 0 });
      expect(run.results.winRate.rate).toBeNull();
    }
  });

  it('reads CRLF and a semicolon delimiter, a quoted field holding both, on a worker thread', async () => {
    const text =
      `${HEADER}\r\n` +
      'D-1;"Big; ""new""\r\nlogo";A-1;closed-won;ann;2026-01-02T09:00:00Z;10.50;EUR;2026-02-01\r\n' +
      'D-2;Small;A-2;closed-lost;ann;2026-01-02T09:00:00Z;4.50;EUR;2026-02-02\r\n';
    const run = await computeFileWith(worker.file, file('crlf.csv', text), {
      kind: 'deals',
      compute: { winRate: { by: 'value' } },
      delimiter: ';',
      chunkBytes: 16,
      workers: 1,
    });
    // 10.50 won of 10.50 + 4.50 closed = 0.7
    expect([run.results.winRate.rate, run.results.winRate.closedAmount]).toEqual([
      0.7,
      { amount: '15.00', currency: 'EUR' },
    ]);
    expect(run.rows).toEqual({ read: 2, imported: 2, rejected: 0 });
  });

  it('a refusal inside a worker keeps its code (CURRENCY_MISMATCH across the two chunks)', async () => {
    const text =
      `${HEADER}\n` +
      'D-1;A;A-1;closed-won;ann;2026-01-02T09:00:00Z;10.00;EUR;2026-02-01\n' +
      'D-2;B;A-2;closed-won;ann;2026-01-02T09:00:00Z;10.00;USD;2026-02-01\n';
    const o = { kind: 'deals', compute: { winRate: { by: 'value' } }, delimiter: ';', chunkBytes: 16 } as const;
    await expect(computeFileWith(worker.file, file('fx.csv', text), { ...o, workers: 1 })).rejects.toMatchObject({
      code: 'CURRENCY_MISMATCH',
    });
    await expect(computeFileWith(worker.file, file('fx.csv', text), { ...o, workers: 0 })).rejects.toMatchObject({
      code: 'CURRENCY_MISMATCH',
    });
  });

  it('cuts a file into chunks of 128 KiB by default, statements too', async () => {
    // 4,000 deal rows of 74 bytes: 296,000 bytes after the header, more than 2 × 128 KiB: three chunks
    const deal = (i: number) =>
      `D-${String(i).padStart(5, '0')},Deal,A-1,closed-won,ann,2026-01-02T09:00:00Z,10.00,USD,2026-02-01`;
    const rows = Array.from({ length: 4_000 }, (_, i) => `${deal(i)}\n`).join('');
    expect(rows.length).toBeGreaterThan(2 * 128 * 1024);
    expect(rows.length).toBeLessThan(3 * 128 * 1024);
    const deals = `id,name,accountId,stage,ownerId,createdAt,amount,currency,closeDate\n${rows}`;
    const d = await computeFileWith(worker.file, file('big-deals.csv', deals), {
      kind: 'deals',
      compute: { winRate: {} },
      workers: 0,
    });
    expect([d.chunks, d.rows.read, d.results.winRate.won]).toEqual([3, 4_000, 4_000]);
    // 40,000 credits of 46 bytes for one member, 1,840,000 bytes: 15 chunks of 128 KiB;
    // 40,000 × 10.00 × 0.08 = 32,000.00
    const credit = (i: number) =>
      `K-${String(i).padStart(5, '0')},D-${String(i).padStart(5, '0')},m1,owner,10.00,USD,2026-01-05`;
    const credits = ['id,dealId,memberId,kind,amount,currency,date\n']
      .concat(Array.from({ length: 40_000 }, (_, i) => `${credit(i)}\n`))
      .join('');
    expect(credits.length).toBeGreaterThan(1024 * 1024);
    const member = { id: 'm1', name: 'M', roleId: 'ae', territoryIds: [], startDate: '2020-01-01' };
    const plan = {
      id: 'p',
      currency: 'USD',
      periodLength: 'month' as const,
      versions: [
        { id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.08' }] },
      ],
    };
    const c = await computeFileWith(worker.file, file('big-credits.csv', credits), {
      kind: 'credits',
      compute: {
        statements: {
          plan,
          period: { start: '2026-01-01', end: '2026-01-31' },
          members: [member],
          quotas: { m1: { amount: '50000.00', currency: 'USD' } },
        },
      },
      workers: 0,
      checkDuplicates: false,
    });
    const body = credits.length - credits.indexOf('\n') - 1;
    expect(Math.ceil(body / (128 * 1024))).toBe(15);
    expect([body, c.chunks, c.rows.read]).toEqual([1_840_000, 15, 40_000]);
    expect(c.results.statements['m1']?.payable).toEqual({ amount: '32000.00', currency: 'USD' });
  }, 60_000);

  it('statements on 2 worker threads: each range summed in its thread, readied and merged here', async () => {
    // 3,000 credits of 3 members, amounts 1.00 … 30.00 (cycling): each member's statement = calculateStatement.
    // Every member's credits span both ranges; ids of mixed lengths (K-10 sorts before K-2), Latin-1 ids past ASCII
    // (é, and U+0085, which WHATWG's "latin1" decoder would read as windows-1252's …), and one past 255 (€, m3's)
    const members = ['m1', 'm2', 'm3'].map((id) => ({
      id,
      name: id,
      roleId: 'ae',
      territoryIds: [],
      startDate: '2020-01-01',
    }));
    const quotas = Object.fromEntries(members.map((m) => [m.id, { amount: '10000.00', currency: 'USD' }]));
    const plan = {
      id: 'p',
      currency: 'USD',
      periodLength: 'month' as const,
      versions: [
        { id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.08' }] },
      ],
    };
    const period = { start: '2026-01-01', end: '2026-01-31' };
    const lines = Array.from(
      { length: 3_000 },
      (_, i) =>
        `${i === 2 ? '€' : i % 7 === 0 ? 'é' : i % 11 === 0 ? '\u0085' : 'K'}-${i},D-${i},m${1 + (i % 3)},owner,` +
        `${1 + (i % 30)}.00,USD,2026-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    );
    const csv = ['id,dealId,memberId,kind,amount,currency,date', ...lines].join('\n');
    const run = await computeFileWith(worker.file, file('credits-2.csv', csv), {
      kind: 'credits',
      compute: { statements: { plan, period, members, quotas } },
      workers: 2,
      chunkBytes: 4096,
    });
    const credits = lines.map((l) => {
      const [id, dealId, memberId, kind, amount, currency, date] = l.split(',') as string[];
      return { id, dealId, memberId, kind, amount: { amount, currency }, date } as Credit;
    });
    for (const member of members) {
      const quota = quotas[member.id] as { amount: string; currency: string };
      expect(run.results.statements[member.id]).toEqual(calculateStatement({ plan, member, period, quota, credits }));
    }
    expect(run.rows.read).toBe(3_000);
  }, 60_000);

  it('a file that cannot be read: INVALID_INPUT naming the path', async () => {
    await expect(
      computeFileWith(worker.file, join(dir, 'missing.csv'), { kind: 'deals', compute: { winRate: {} }, workers: 0 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'path' });
    expect(() =>
      computeFileWith(worker.file, join(dir, 'x.csv'), {
        kind: 'deals',
        compute: { winRate: {} },
        delimiter: '"',
        workers: 0,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.delimiter' }));
  });
});
