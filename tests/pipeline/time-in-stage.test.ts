import { describe, expect, it } from 'vitest';
import { stageVisits, timeInStage } from '../../src/pipeline/index.js';

const ev = (from: string | null, to: string, at: string) => ({ from, to, at, actorId: 'u', roleId: 'sdr' });
const history = [
  ev(null, 'new', '2026-03-28T09:00:00+01:00'), // 08:00Z
  ev('new', 'working', '2026-03-29T09:00:00+02:00'), // 07:00Z next day: 23 h of elapsed time (a DST night in Paris)
  ev('working', 'nurture', '2026-04-02T07:00:00Z'), // 4 days
  ev('nurture', 'working', '2026-04-12T19:00:00Z'), // 10.5 days
];

describe('timeInStage', () => {
  it('sums visits per stage in elapsed 24-hour days, counting the current stage until asOf', () => {
    // by hand: new 23 h = 23/24 d; working 4 d + (2026-04-15T07:00Z − 04-12T19:00Z = 2.5 d) = 6.5 d; nurture 10.5 d
    expect(timeInStage(history, { asOf: '2026-04-15T07:00:00Z' })).toEqual({
      new: 23 / 24,
      working: 6.5,
      nurture: 10.5,
    });
  });

  it('ignores events after asOf and gives {} before the first event', () => {
    // as of 2026-03-31T07:00Z: new 23/24 d, working 2 d
    expect(timeInStage(history, { asOf: '2026-03-31T07:00:00Z' })).toEqual({ new: 23 / 24, working: 2 });
    expect(timeInStage(history, { asOf: '2026-01-01T00:00:00Z' })).toEqual({});
    expect(timeInStage([], { asOf: '2026-01-01T00:00:00Z' })).toEqual({});
  });

  it('compares instants by epoch, not text; same-instant events and a stage entered at asOf count 0', () => {
    // 2026-01-01T09:00+09:00 = 00:00Z; as text "…T09:00+09:00" > "…T06:00Z" although it is 6 h earlier
    const h = [
      ev(null, 'new', '2026-01-01T09:00:00+09:00'),
      ev('new', 'working', '2026-01-01T06:00:00Z'),
      ev('working', 'qualified', '2026-01-01T01:00:00-05:00'),
    ];
    // by hand: new 00:00Z → 06:00Z = 0.25 d; working 06:00Z → 06:00Z (same instant) = 0; qualified entered at asOf = 0
    expect(timeInStage(h, { asOf: '2026-01-01T06:00:00Z' })).toEqual({ new: 0.25, working: 0, qualified: 0 });
  });

  it('keeps a "__proto__" stage as an own key', () => {
    const h = [ev(null, '__proto__', '2026-01-01T00:00:00Z')];
    // by hand: one day in the stage
    expect(Object.entries(timeInStage(h, { asOf: '2026-01-02T00:00:00Z' }))).toEqual([['__proto__', 1]]);
  });

  it('throws on a disordered history or a malformed instant', () => {
    expect(() => timeInStage([history[1]!, history[0]!], { asOf: '2026-04-15T07:00:00Z' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'history[1].at' }),
    );
    expect(() => timeInStage(history, { asOf: '2026-04-31' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'options.asOf' }),
    );
    // a date means the end of that day in UTC, as everywhere in the library
    expect(timeInStage(history, { asOf: '2026-04-15' })).toEqual(
      timeInStage(history, { asOf: '2026-04-15T23:59:59.999Z' }),
    );
    expect(() => timeInStage([null as never], { asOf: '2026-04-15T00:00:00Z' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => timeInStage('x' as never, { asOf: '2026-04-15T00:00:00Z' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('stageVisits', () => {
  it('lists each stay with its exit, open stays without asOf having ms null', () => {
    expect(stageVisits(history).map((v) => [v.stage, v.exitedAt, v.ms])).toEqual([
      ['new', '2026-03-29T09:00:00+02:00', 23 * 3600_000],
      ['working', '2026-04-02T07:00:00Z', 4 * 86_400_000],
      ['nurture', '2026-04-12T19:00:00Z', 10.5 * 86_400_000],
      ['working', null, null],
    ]);
    expect(stageVisits(history, { asOf: '2026-04-13T19:00:00Z' }).at(-1)).toEqual({
      stage: 'working',
      enteredAt: '2026-04-12T19:00:00Z',
      exitedAt: null,
      ms: 86_400_000,
    });
  });
});
