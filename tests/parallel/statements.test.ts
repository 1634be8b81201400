/**
 * The `statements` computation's partials (internal to revops/parallel): credits summed member by
 * member, chunk after chunk (`StatementsAccumulator`), merged member by member, finalised to
 * exactly `calculateStatement` on all the credits; a credit in two partials is refused with
 * DUPLICATE_ID, as `calculateStatement` refuses it in one array; id lists travel packed and each
 * distinct list once. The id-list helpers: pack/unpack round trip, merge of sorted lists.
 */
import { describe, expect, it } from 'vitest';
import { calculateStatement } from '../../src/commission/index.js';
import type { Credit } from '../../src/model/index.js';
import { mergeSortedIds, packIds, unpackIds } from '../../src/parallel/id-lists.js';
import { ByteIdStore } from '../../src/parallel/id-store.js';
import {
  finalizeStatements,
  mergeStatements,
  prepareStatements,
  StatementsAccumulator,
  summarizeStatements,
} from '../../src/parallel/statements.js';

const plan = {
  id: 'p',
  currency: 'USD',
  periodLength: 'month' as const,
  versions: [
    {
      id: 'v',
      effectiveFrom: '2020-01-01',
      components: [
        { id: 'c', kind: 'rate' as const, rate: '0.08' },
        // per unit, measure 'bookings': its own sums (units), but every credit counts, so attainment's id list
        { id: 'u', kind: 'perUnit' as const, amountPerUnit: '5.00', measure: 'bookings' as const },
        // only 'new' deals: a list of its own
        { id: 'n', kind: 'rate' as const, rate: '0.01', filter: { dealTypes: ['new' as const] } },
      ],
    },
  ],
};
const members = ['m1', 'm2'].map((id) => ({ id, name: id, roleId: 'ae', territoryIds: [], startDate: '2020-01-01' }));
const quotas = { m1: { amount: '1000.00', currency: 'USD' }, m2: { amount: '500.00', currency: 'USD' } };
const period = { start: '2026-01-01', end: '2026-01-31' };
const options = { plan, period, members, quotas };
const credit = (id: string, memberId: string, amount: string, dealType?: 'new'): Credit =>
  ({
    id,
    dealId: `d-${id}`,
    memberId,
    kind: 'owner',
    measure: 'bookings',
    date: '2026-01-10',
    amount: { amount, currency: 'USD' },
    ...(dealType === undefined ? {} : { dealType }),
  }) as Credit;

const all = [
  credit('k1', 'm1', '100.00', 'new'),
  credit('k3', 'm1', '50.00'),
  credit('k2', 'm1', '25.00', 'new'),
  credit('k4', 'm2', '10.00'),
  credit('k5', 'm9', '99.00'), // not a listed member: skipped
];
const single = (memberId: 'm1' | 'm2') =>
  calculateStatement({
    plan,
    member: members.find((m) => m.id === memberId) as (typeof members)[number],
    period,
    quota: quotas[memberId],
    credits: all,
  });

describe('statements partials', () => {
  it('any split, merged in any order, finalises to calculateStatement on all the credits', () => {
    const whole = { m1: single('m1'), m2: single('m2') };
    // m1 by hand: commission 0.08 × 175.00 = 14.00; 3 units × 5.00 = 15.00; 0.01 × (100 + 25) = 1.25
    expect(whole.m1.payable).toEqual({ amount: '30.25', currency: 'USD' });
    for (let cut = 0; cut <= all.length; cut++) {
      const a = summarizeStatements(all.slice(0, cut), options);
      const b = summarizeStatements(all.slice(cut), options);
      expect(finalizeStatements(mergeStatements(a, b), options)).toEqual(whole);
      expect(finalizeStatements(mergeStatements(b, a), options)).toEqual(whole);
    }
    // a partial readied on arrival (contexts resolved, lists left packed as bytes until the merge) merges and
    // finalises alike
    const a = prepareStatements(summarizeStatements(all.slice(0, 2), options), options);
    expect([...a.values()].every((m) => m.lists.every((l) => l instanceof Uint8Array))).toBe(true);
    expect(finalizeStatements(mergeStatements(a, summarizeStatements(all.slice(2), options)), options)).toEqual(whole);
    // a running summary, chunk after chunk, is the summary of all the chunks
    const acc = new StatementsAccumulator(options);
    for (const c of all) acc.add([c]);
    expect(finalizeStatements(acc.result(), options)).toEqual(whole);
  });

  it('keeps each distinct id list once, packed for the trip to another thread', () => {
    const m1 = summarizeStatements(all, options).get('m1');
    // every credit (shared by attainment, c and u, which count every credit), and n's own list
    expect(m1?.lists.map((l) => unpackIds(l))).toEqual([
      ['k1', 'k2', 'k3'],
      ['k1', 'k2'],
    ]);
    expect([m1?.attainment.ids, ...(m1?.components.map((c) => c.ids) ?? [])]).toEqual([0, 0, 0, 1]);
    expect(m1?.lists.every((l) => !Array.isArray(l))).toBe(true);
  });

  it('refuses a credit in two partials of a member, or twice in one, with DUPLICATE_ID', () => {
    const a = summarizeStatements([credit('k1', 'm1', '1.00')], options);
    const b = summarizeStatements([credit('k1', 'm1', '2.00')], options);
    expect(() => mergeStatements(a, b)).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID', field: 'credits.id' }));
    // as calculateStatement refuses the two in one array
    expect(() =>
      calculateStatement({
        plan,
        member: members[0] as (typeof members)[number],
        period,
        quota: quotas.m1,
        credits: [credit('k1', 'm1', '1.00'), credit('k1', 'm1', '2.00')],
      }),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(() => summarizeStatements([credit('k1', 'm1', '1.00'), credit('k1', 'm1', '2.00')], options)).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID' }),
    );
    // the same id for two members is two credits
    expect(() => mergeStatements(a, summarizeStatements([credit('k1', 'm2', '2.00')], options))).not.toThrow();
  });

  it('refuses a row that is not a credit object with INVALID_INPUT naming its index', () => {
    expect(() => summarizeStatements([credit('k1', 'm1', '1.00'), null as unknown as Credit], options)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'credits[1]' }),
    );
  });
});

describe('statements partials: ids of mixed lengths and past ASCII', () => {
  // ids of mixed lengths and Latin-1 characters past ASCII (U+0085 and U+00FF are bytes 0x85 and 0xff: windows-1252
  // would read 0x85 as "…"); the order is JavaScript's `<` on the strings (UTF-16 code units), as calculateStatement
  // sorts them: "k" < "k1" < "k10" < "k2" < "kz" < "k\u0085" < "ké" < "kÿ"
  const ids = ['k2', 'kÿ', 'k10', 'k', 'ké', 'k\u0085', 'kz', 'k1', 'K9'];
  const sorted = ['K9', 'k', 'k1', 'k10', 'k2', 'kz', 'k\u0085', 'ké', 'kÿ'];

  it('sorts every list as calculateStatement does, a member split into two partials alike', () => {
    const credits = [
      ...ids.map((id, i) => credit(id, 'm1', `${i + 1}.00`, i % 2 === 0 ? 'new' : undefined)),
      ...['k€', 'kÿ', 'k10', 'k😀', 'k2'].map((id) => credit(id, 'm2', '1.00')),
    ];
    const acc = new StatementsAccumulator(options);
    acc.add(credits.slice(0, 4));
    acc.add(credits.slice(4));
    const summary = acc.result();
    const m1 = summary.get('m1');
    expect(unpackIds(m1?.lists[0] ?? [])).toEqual(sorted);
    // n counts the 'new' deals: the ids at even positions, k2, k10, ké, kz, K9
    expect(unpackIds(m1?.lists[1] ?? [])).toEqual(['K9', 'k10', 'k2', 'kz', 'ké']);
    expect(unpackIds(summary.get('m2')?.lists[0] ?? [])).toEqual(['k10', 'k2', 'kÿ', 'k€', 'k😀']);
    const one = (memberId: 'm1' | 'm2') =>
      calculateStatement({
        plan,
        member: members.find((m) => m.id === memberId) as (typeof members)[number],
        period,
        quota: quotas[memberId],
        credits,
      });
    expect(finalizeStatements(summary, options)).toEqual({ m1: one('m1'), m2: one('m2') });
    // a member's ids in two partials (two ranges), merged on this thread: the same statements
    for (const cut of [3, 7, 11]) {
      const a = new StatementsAccumulator(options);
      a.add(credits.slice(0, cut));
      const b = new StatementsAccumulator(options);
      b.add(credits.slice(cut));
      const merged = mergeStatements(prepareStatements(b.result(), options), a.result());
      expect(finalizeStatements(merged, options)).toEqual({ m1: one('m1'), m2: one('m2') });
    }
  });

  it('refuses an id past ASCII given twice in one member, naming the id', () => {
    const acc = new StatementsAccumulator(options);
    acc.add([credit('ké', 'm1', '1.00'), credit('k1', 'm1', '1.00'), credit('ké', 'm1', '2.00')]);
    expect(() => acc.result()).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID', value: 'ké' }));
  });
});

describe('id lists', () => {
  it('pack and unpack give the ids back, whatever characters they hold', () => {
    const ids = ['', 'a', 'a\nb', 'é€😀', 'K-1', 'x'.repeat(70_000)];
    expect(unpackIds(packIds(ids))).toEqual(ids);
    expect(unpackIds(packIds([]))).toEqual([]);
  });

  it('merges sorted lists; an id in both is kept once, or refused when the caller says so', () => {
    expect(mergeSortedIds(['a', 'c', 'e'], ['b', 'd'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mergeSortedIds(['a', 'c'], ['c', 'd'])).toEqual(['a', 'c', 'd']);
    expect(mergeSortedIds([], ['a'])).toEqual(['a']);
    const refuse = (id: string): never => {
      throw new Error(`twice: ${id}`);
    };
    expect(() => mergeSortedIds(['a', 'c'], ['b', 'c'], refuse)).toThrow('twice: c');
  });

  it('merges packed lists as it unpacks them, alone or with an array', () => {
    const x = ['K-1', 'K-3', 'K-5', 'x'.repeat(300)];
    const y = ['K-2', 'K-3', 'K-4'];
    const want = ['K-1', 'K-2', 'K-3', 'K-4', 'K-5', 'x'.repeat(300)];
    expect(mergeSortedIds(packIds(x), packIds(y))).toEqual(want);
    expect(mergeSortedIds(packIds(x), y)).toEqual(want);
    expect(mergeSortedIds(y, packIds(x))).toEqual(want);
    expect(mergeSortedIds(packIds(x), [])).toEqual(x);
    expect(mergeSortedIds([], packIds(y))).toEqual(y);
    expect(() =>
      mergeSortedIds(packIds(x), packIds(y), (id) => {
        throw new Error(`twice: ${id}`);
      }),
    ).toThrow('twice: K-3');
  });

  it('packs Latin-1 ids into a Latin-1 string, whatever the count and the lengths', () => {
    // 300 ids (a count past 255) and an id of 200 characters: every character of the packed list stays below 256
    const ids = [...Array.from({ length: 300 }, (_, i) => `K-${String(i).padStart(3, '0')}`), 'é'.repeat(200)];
    const packed = packIds(ids) as string;
    expect(typeof packed).toBe('string');
    expect([...packed].every((ch) => (ch.codePointAt(0) as number) < 256)).toBe(true);
    expect(unpackIds(packed)).toEqual(ids);
  });
});

describe('byte id store', () => {
  it('gives every id back from its key: Latin-1, wider characters, empty, long, across blocks', () => {
    const store = new ByteIdStore();
    const ids = ['K-1', 'ÿé', 'é€😀', '', 'x'.repeat(70_000), 'y'.repeat(1 << 20)];
    // enough ids of 18 characters to fill more than one block of 1 MiB
    for (let i = 0; i < 60_000; i++) ids.push(`0015g00000${String(i).padStart(8, '0')}`);
    const keys = ids.map((id) => store.put(id));
    expect(keys.map((k) => store.get(k))).toEqual(ids);
    expect(new Set(keys).size).toBe(ids.length);
  });
});
