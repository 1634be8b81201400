/**
 * CSV for the parallel reader: RFC 4180 cases worked by hand, and the law that lets a file be
 * cut anywhere a record ends: parse(whole) = parse(before the cut) ++ parse(after it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, recordEnd } from '../../src/parallel/csv.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('parseCsv', () => {
  it('reads RFC 4180: quoted delimiters, line breaks and doubled quotes; CRLF; empty lines skipped', () => {
    // RFC 4180 §2 rules 6 and 7, written out by hand
    const csv = 'a,b,c\r\n1,"x, y","say ""hi"""\n\n2,"two\nlines",\r\n3,,"é"\n';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
      ['3', '', 'é'],
    ]);
    expect(parseCsv('a;b\n"1;2";3', ';')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });
  it('refuses a quoted field that never closes', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .]{0,6}$/),
  fc.stringMatching(/^[a-z,"\n é]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
);
const csvArb = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 })
  .map((rows) => rows.map((r) => `${r.join(',')}${r.length === 1 && r[0] === '' ? 'x' : ''}`))
  .chain((lines) =>
    fc.tuple(fc.constant(lines), fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length })),
  )
  .map(([lines, crlf]) => lines.map((l, i) => `${l}${crlf[i] ? '\r\n' : '\n'}`).join(''));

describe('recordEnd', () => {
  it('cuts only where a record ends: the two sides parse to the whole', () => {
    fc.assert(
      fc.property(csvArb, fc.nat(), (csv, at) => {
        const all = bytes(csv);
        const prefix = all.subarray(0, at % (all.length + 1));
        const end = recordEnd(prefix);
        const cut = end < 0 ? 0 : end;
        expect([...parseCsv(text(all.subarray(0, cut))), ...parseCsv(text(all.subarray(cut)))]).toEqual(parseCsv(csv));
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});
