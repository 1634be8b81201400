/**
 * computeFile cuts a file into byte ranges that the workers read themselves: for arbitrary files
 * (quoted fields holding commas, quotes and line breaks, CRLF or LF, with or without a final line
 * break, rejected rows) and arbitrary range boundaries (in the middle of a line, on a line break,
 * between CR and LF, inside a quoted field, more ranges than lines), the answer equals the
 * one-call functions on the whole-file import, and the row counts and rejections (numbered in the
 * whole file) equal the whole-file import's — exactly. When no quoted field holds a line break,
 * no range needs the sequential re-read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import { weightedPipeline } from '../../src/forecast/index.js';
import { createImporter, type ImportKind } from '../../src/import/index.js';
import { funnel, winRate } from '../../src/metrics/index.js';
import type { Credit, Subscription } from '../../src/model/index.js';
import { parseCsv } from '../../src/parallel/csv.js';
import { computeFileWith, type FileSplit } from '../../src/parallel/run.js';
import { defaultDealPipeline } from '../../src/pipeline/index.js';
import { cohortRetention, mrrMovements } from '../../src/retention/index.js';
import { PLAN } from '../warehouse/scenarios.js';
import { bundleWorker } from './workers.js';

let worker = { file: '', cleanup: () => {} };
let dir = '';
beforeAll(async () => {
  worker = await bundleWorker();
  dir = mkdtempSync(join(tmpdir(), 'revops-ranges-'));
}, 60_000);
afterAll(() => {
  worker.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(text: string): string {
  const file = join(dir, `f-${n++}.csv`);
  writeFileSync(file, text);
  return file;
}

/** The whole file imported at once (the reference). */
function importWhole(kind: ImportKind, csv: string) {
  const importer = createImporter(kind, { checkDuplicates: false });
  for (const row of parseCsv(csv)) importer.push(row);
  const r = importer.finish();
  return {
    records: r.records as unknown[],
    rows: { read: r.records.length + r.rejected.length, imported: r.records.length, rejected: r.rejected.length },
    rejections: r.rejected.slice(0, 100),
  };
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const DEAL_HEADER = 'id,name,accountId,stage,ownerId,createdAt,amount,currency,closeDate,expectedCloseDate,probability';
const STAGES = ['discovery', 'proposal', 'closed-won', 'closed-lost'];

/** Deal lines; `multiline` allows quoted names with a line break. */
const dealsArb = (multiline: boolean) =>
  fc
    .record({
      rows: fc.array(
        fc.record({
          name: fc.constantFrom(
            'Renewal',
            '"Pilot, phase 2"',
            '"The ""big"" one"',
            'Été',
            ...(multiline ? [q('two\nlines'), q('x\r\ny, "z"')] : []),
          ),
          stage: fc.constantFrom(...STAGES),
          owner: fc.constantFrom('ann', 'bob'),
          cents: fc.integer({ min: 0, max: 5_000_000 }),
          bad: fc.integer({ min: 0, max: 9 }),
          d: fc.integer({ min: 1, max: 28 }),
        }),
        { maxLength: 40 },
      ),
      crlf: fc.boolean(),
      finalBreak: fc.boolean(),
    })
    .map(({ rows, crlf, finalBreak }) => {
      const eol = crlf ? '\r\n' : '\n';
      const lines = rows.map((r, i) => {
        const date = `2026-02-${String(r.d).padStart(2, '0')}`;
        const closed = r.stage.startsWith('closed');
        return [
          `D-${i}`,
          r.name,
          `A-${i % 5}`,
          r.stage,
          r.owner,
          '2026-01-02T09:00:00Z',
          r.bad === 0 ? 'n/a' : (r.cents / 100).toFixed(2), // 1 in 10 rejected
          'USD',
          closed ? date : '',
          closed ? '' : date,
          closed ? '' : '0.5',
        ].join(',');
      });
      return `${DEAL_HEADER}${eol}${lines.join(eol)}${lines.length > 0 && finalBreak ? eol : ''}`;
    });

/**
 * Range boundaries anywhere in a file (some past its end, some repeated), many of them snapped
 * to a line break (on it, just after it, just before it: between CR and LF) or inside a quoted field.
 */
const cutsArb = fc.array(
  fc.record({
    f: fc.double({ min: 0, max: 1.05, noNaN: true }),
    snap: fc.constantFrom<number | 'quote' | null>(null, -1, 0, 1, 'quote'),
  }),
  { maxLength: 8 },
);
function cutsOf(cuts: readonly { f: number; snap: number | 'quote' | null }[], text: string): number[] {
  const bytes = Buffer.from(text);
  return cuts.map(({ f, snap }) => {
    const at = Math.floor(f * bytes.length);
    if (snap === null) return at;
    if (snap === 'quote') {
      const open = bytes.indexOf(',"', at); // an opening quote: the boundary lands inside the quoted field
      return open < 0 ? at : open + 2 + (at % 3);
    }
    const next = bytes.indexOf(0x0a, at);
    return next < 0 ? at : next + snap;
  });
}

const DEALS = {
  funnel: { pipeline: defaultDealPipeline, source: 'snapshot' as const, groupBy: 'ownerId' as const },
  winRate: { groupBy: 'ownerId' as const, by: 'value' as const },
  weightedPipeline: { currency: 'USD' },
};

async function dealsRun(csv: string, split: FileSplit, workers = 0) {
  return computeFileWith(worker.file, write(csv), { kind: 'deals', compute: DEALS, workers, chunkBytes: 64 }, split);
}

function dealsReference(csv: string) {
  const whole = importWhole('deals', csv);
  const deals = whole.records as never[];
  return {
    results: {
      funnel: funnel(deals, DEALS.funnel),
      winRate: winRate(deals, DEALS.winRate),
      weightedPipeline: weightedPipeline(deals, DEALS.weightedPipeline),
    },
    rows: whole.rows,
    rejections: whole.rejections,
  };
}

describe('computeFile in byte ranges = the whole-file import and the one-call functions', () => {
  it('deals: any boundaries, CRLF or LF, quoted line breaks, with or without a final line break', async () => {
    await fc.assert(
      fc.asyncProperty(dealsArb(true), cutsArb, async (csv, fractions) => {
        const ref = dealsReference(csv);
        const run = await dealsRun(csv, { cuts: cutsOf(fractions, csv) });
        expect(run.results).toEqual(ref.results);
        expect(run.rows).toEqual(ref.rows);
        expect(run.rejections).toEqual(ref.rejections);
      }),
      { seed: 12, numRuns: 150 },
    );
  });

  it('without quoted line breaks, every range keeps its guess: no sequential re-read', async () => {
    await fc.assert(
      fc.asyncProperty(dealsArb(false), cutsArb, async (csv, fractions) => {
        let rereads = 0;
        const split = { cuts: cutsOf(fractions, csv), onReread: () => rereads++ };
        const run = await dealsRun(csv, split);
        expect(run.results).toEqual(dealsReference(csv).results);
        expect(rereads).toBe(0);
      }),
      { seed: 13, numRuns: 100 },
    );
  });

  it('a boundary at every byte of a small file, on 2 worker threads', async () => {
    const csv =
      `${DEAL_HEADER}\r\n` +
      'D-1,"a\r\nb",A-1,closed-won,ann,2026-01-02T09:00:00Z,10.50,USD,2026-02-01,,\r\n' +
      'D-2,Été,A-2,closed-lost,bob,2026-01-02T09:00:00Z,4.50,USD,2026-02-02,,\r\n' +
      'D-3,"""q""",A-3,proposal,ann,2026-01-02T09:00:00Z,n/a,USD,,2026-03-01,0.5\r\n' +
      'D-4,x,A-4,proposal,bob,2026-01-02T09:00:00Z,7.00,USD,,2026-03-01,0.25';
    const bytes = Buffer.byteLength(csv);
    const ref = dealsReference(csv);
    const every = Array.from({ length: bytes + 1 }, (_, i) => i);
    // 2 workers, ranges of one byte: far more ranges than lines
    const run = await dealsRun(csv, { cuts: every }, 2);
    expect([run.results, run.rows, run.rejections]).toEqual([ref.results, ref.rows, ref.rejections]);
    expect(run.rows).toEqual({ read: 4, imported: 3, rejected: 1 });
    expect(run.rejections[0]?.row).toBe(4); // D-3: header row 1, D-1 row 2 (over two lines), D-2 row 3
    for (const cut of every) {
      const one = await dealsRun(csv, { cuts: [cut] });
      expect([one.results, one.rows, one.rejections]).toEqual([ref.results, ref.rows, ref.rejections]);
    }
  }, 60_000);

  it('boundaries on a line break, just after it, at the header end; a header alone; 2 workers, 1 line', async () => {
    const lines = [
      'D-1,a,A-1,closed-won,ann,2026-01-02T09:00:00Z,10.00,USD,2026-02-01,,',
      'D-2,b,A-2,closed-won,bob,2026-01-02T09:00:00Z,20.00,USD,2026-02-01,,',
    ];
    const csv = `${DEAL_HEADER}\n${lines.join('\n')}\n`;
    const headerEnd = DEAL_HEADER.length + 1;
    const lf = headerEnd + (lines[0] as string).length; // the line break after D-1
    for (const cuts of [[headerEnd], [lf], [lf + 1], [lf - 1, lf, lf + 1], [csv.length - 1], [csv.length]]) {
      const run = await dealsRun(csv, { cuts });
      // two won deals of 10.00 and 20.00
      expect([run.rows.read, run.results.winRate.won, run.results.winRate.wonAmount]).toEqual([
        2,
        2,
        { amount: '30.00', currency: 'USD' },
      ]);
    }
    for (const text of [DEAL_HEADER, `${DEAL_HEADER}\n`, `${DEAL_HEADER}\r\n`]) {
      const run = await dealsRun(text, {}, 2);
      expect(run.rows).toEqual({ read: 0, imported: 0, rejected: 0 });
    }
    const one = await dealsRun(`${DEAL_HEADER}\n${lines[0]}`, {}, 2); // one line, no final line break, 2 ranges
    expect([one.rows.read, one.results.winRate.won]).toEqual([1, 1]);
  }, 60_000);
});

const SUB_HEADER = 'customerId,subscriptionId,periodStart,periodEnd,mrr,currency';
const DAYS = [31, 28, 31, 30, 31, 30];
/** Subscription lines sorted by customer, several months each. */
const subsArb = fc
  .array(fc.record({ c: fc.integer({ min: 0, max: 6 }), m: fc.integer({ min: 0, max: 5 }), cents: fc.nat(500_000) }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((rs) =>
    rs
      .map(({ c, m, cents }, i) => {
        const mm = String(m + 1).padStart(2, '0');
        return `c${c},s${i},2026-${mm}-01,2026-${mm}-${DAYS[m]},${(cents / 100).toFixed(2)},EUR`;
      })
      .sort((a, b) => (a.split(',')[0] as string).localeCompare(b.split(',')[0] as string)),
  )
  .map((lines) => `${SUB_HEADER}\n${lines.join('\n')}\n`);

describe('computeFile in byte ranges: customers cut between ranges, credits of many members', () => {
  it('subscriptions sorted by customer: MRR movements and cohorts for any boundaries', async () => {
    const compute = {
      mrrMovements: { period: { start: '2026-03-01', end: '2026-05-31' }, currency: 'EUR' },
      cohortRetention: { basis: 'revenue' as const },
    };
    await fc.assert(
      fc.asyncProperty(subsArb, cutsArb, async (csv, fractions) => {
        const subs = importWhole('subscriptions', csv).records as Subscription[];
        const run = await computeFileWith(
          worker.file,
          write(csv),
          { kind: 'subscriptions', compute, workers: 0, chunkBytes: 48 },
          { cuts: cutsOf(fractions, csv) },
        );
        expect(run.results.mrrMovements).toEqual(mrrMovements(subs, compute.mrrMovements));
        expect(run.results.cohortRetention).toEqual(cohortRetention(subs, compute.cohortRetention));
      }),
      { seed: 14, numRuns: 100 },
    );
  });

  it('credits: every member statement = calculateStatement, for any boundaries', async () => {
    const plan = {
      id: 'p',
      currency: 'USD',
      periodLength: 'month' as const,
      versions: [
        { id: 'v', effectiveFrom: '2020-01-01', components: [{ id: 'c', kind: 'rate' as const, rate: '0.08' }] },
      ],
    };
    const members = ['m1', 'm2', 'm3'].map((id) => ({
      id,
      name: id,
      roleId: 'ae',
      territoryIds: [],
      startDate: '2020-01-01',
    }));
    const quotas = Object.fromEntries(members.map((m) => [m.id, { amount: '1000.00', currency: 'USD' }]));
    const period = { start: '2026-01-01', end: '2026-01-31' };
    const creditsArb = fc
      .array(
        fc.record({ m: fc.integer({ min: 1, max: 4 }), cents: fc.nat(100_000), d: fc.integer({ min: 1, max: 31 }) }),
        {
          maxLength: 40,
        },
      )
      .map((rs) =>
        ['id,dealId,memberId,kind,amount,currency,date']
          .concat(
            rs.map(
              (r, i) =>
                `K-${i},D-${i},m${r.m},owner,${(r.cents / 100).toFixed(2)},USD,2026-01-${String(r.d).padStart(2, '0')}`,
            ),
          )
          .join('\n'),
      );
    await fc.assert(
      fc.asyncProperty(creditsArb, cutsArb, async (csv, fractions) => {
        const credits = importWhole('credits', csv).records as Credit[];
        const run = await computeFileWith(
          worker.file,
          write(csv),
          { kind: 'credits', compute: { statements: { plan, period, members, quotas } }, workers: 0, chunkBytes: 50 },
          { cuts: cutsOf(fractions, csv) },
        );
        for (const member of members) {
          const mine = credits.filter((c) => c.memberId === member.id);
          const single = calculateStatement({ plan, member, period, quota: quotas[member.id] as never, credits: mine });
          expect(run.results.statements[member.id]).toEqual(single);
        }
      }),
      { seed: 15, numRuns: 60 },
    );
  });
  it('credits, a plan with every kind of sum: statements = calculateStatement or its error, any cuts', async () => {
    // tests/warehouse/scenarios.ts's PLAN: rate, interpolated tiers on attainment, marginal per-credit tiers, a bonus,
    // units, a spiff with a window and a filter, a multiplier; credits with units, deal types and new logos, some
    // outside the period, some of a member not listed, and (sometimes) an id given twice to one member
    const members = ['m1', 'm2'].map((id) => ({
      id,
      name: id,
      roleId: 'ae',
      territoryIds: [],
      startDate: '2020-01-01',
    }));
    const quotas = { m1: { amount: '3000.00', currency: 'USD' }, m2: { amount: '800.00', currency: 'USD' } };
    const period = { start: '2026-01-01', end: '2026-01-31' };
    const row = fc.record({
      m: fc.integer({ min: 1, max: 3 }),
      cents: fc.integer({ min: -20_000, max: 150_000 }),
      d: fc.integer({ min: 1, max: 31 }),
      feb: fc.boolean(),
      measure: fc.constantFrom('bookings', 'units'),
      units: fc.option(fc.integer({ min: -3, max: 9 })),
      dealType: fc.constantFrom('', 'new', 'renewal'),
      newLogo: fc.constantFrom('', 'true', 'false'),
    });
    const creditsArb = fc
      .record({ rows: fc.array(row, { maxLength: 40 }), twice: fc.option(fc.nat(39)) })
      .map(({ rows, twice }) => {
        const k = twice === null || twice >= rows.length - 1 ? null : twice;
        if (k !== null) {
          // the last row repeats row k's id, for the same member in the period (the other fields its own)
          const m = 1 + (k % 2);
          rows[k] = { ...(rows[k] as (typeof rows)[number]), m, feb: false };
          rows[rows.length - 1] = { ...(rows[rows.length - 1] as (typeof rows)[number]), m, feb: false };
        }
        const lines = rows.map((r, i) => {
          const id = k !== null && i === rows.length - 1 ? `K-${k}` : `K-${i}`;
          const date = `2026-${r.feb ? '02' : '01'}-${String(r.feb ? Math.min(r.d, 28) : r.d).padStart(2, '0')}`;
          const amount = (r.cents / 100).toFixed(2);
          return [
            id,
            `D-${i}`,
            `m${r.m}`,
            'owner',
            amount,
            'USD',
            date,
            r.measure,
            r.units ?? '',
            r.dealType,
            r.newLogo,
          ];
        });
        return ['id,dealId,memberId,kind,amount,currency,date,measure,units,dealType,newLogo']
          .concat(lines.map((l) => l.join(',')))
          .join('\n');
      });
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(creditsArb, cutsArb, async (csv, fractions) => {
        const credits = importWhole('credits', csv).records as Credit[];
        let single: Record<string, unknown>;
        try {
          single = Object.fromEntries(
            members.map((member) => [
              member.id,
              calculateStatement({ plan: PLAN, member, period, quota: quotas[member.id as 'm1'], credits }),
            ]),
          );
        } catch (e) {
          single = { code: (e as { code?: string }).code };
        }
        const run = computeFileWith(
          worker.file,
          write(csv),
          {
            kind: 'credits',
            compute: { statements: { plan: PLAN, period, members, quotas } },
            workers: 0,
            chunkBytes: 64,
            checkDuplicates: false,
          },
          { cuts: cutsOf(fractions, csv) },
        );
        seen[String(single['code'] ?? 'ok')] = (seen[String(single['code'] ?? 'ok')] ?? 0) + 1;
        if ('code' in single) await expect(run).rejects.toMatchObject({ code: single['code'] });
        else expect((await run).results.statements).toEqual(single);
      }),
      { seed: 16, numRuns: 80 },
    );
    // both outcomes were met
    expect([(seen['ok'] ?? 0) > 20, (seen['DUPLICATE_ID'] ?? 0) > 5]).toEqual([true, true]);
  });
});
