/**
 * The shared building blocks of src/model/common.ts, and custom-field records (Deal.fields,
 * Lead.fields, StageEvent.changes), whose keys are free: a `__proto__` key there must not
 * reach a prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CurrencyCodeSchema,
  CustomFieldsSchema,
  DecimalStringSchema,
  FractionSchema,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  MoneySchema,
  PeriodSchema,
  safeParseDeal,
  safeParseLead,
  StageEventSchema,
} from '../../src/model/index.js';
import { CASES } from './fixtures.js';

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

describe('scalar schemas', () => {
  it('IdSchema: 1–200 characters', () => {
    expect(IdSchema.safeParse('a').success).toBe(true);
    expect(IdSchema.safeParse('x'.repeat(200)).success).toBe(true);
    expect(IdSchema.safeParse('').success).toBe(false);
    expect(IdSchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(IdSchema.safeParse(1).success).toBe(false);
  });

  it('IsoDateSchema, InstantSchema, CurrencyCodeSchema', () => {
    expect(IsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2025-02-29').success).toBe(false);
    expect(InstantSchema.safeParse('2026-01-05T10:00:00+05:30').success).toBe(true);
    expect(InstantSchema.safeParse('2026-01-05T10:00:00').success).toBe(false);
    expect(CurrencyCodeSchema.safeParse('BHD').success).toBe(true);
    const r = CurrencyCodeSchema.safeParse('usd');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toContain('"usd"');
  });

  it('FractionSchema: [0, 1], with a hint about percent', () => {
    for (const v of [0, 0.25, 1]) expect(FractionSchema.safeParse(v).success).toBe(true);
    for (const v of [-0.01, 1.01, 25, Number.NaN, Infinity, '0.5'])
      expect(FractionSchema.safeParse(v).success).toBe(false);
    const r = FractionSchema.safeParse(25);
    if (!r.success) expect(r.error.issues[0]!.message).toContain('percent');
  });

  it('DecimalStringSchema: exact decimals out as canonical strings', () => {
    // computed by hand: canonical plain notation without trailing zeros
    expect(DecimalStringSchema.parse(0.035)).toBe('0.035');
    expect(DecimalStringSchema.parse('0.0350')).toBe('0.035');
    expect(DecimalStringSchema.parse('1e-3')).toBe('0.001');
    expect(DecimalStringSchema.parse('-0')).toBe('0');
    expect(DecimalStringSchema.parse(1e21)).toBe('1000000000000000000000');
    expect(DecimalStringSchema.parse('-12.50')).toBe('-12.5');
    for (const bad of ['x', '', Infinity, Number.NaN, null, true, '1,5'])
      expect(DecimalStringSchema.safeParse(bad).success).toBe(false);
  });

  it('MoneySchema: canonical Money out; strict; bad amount or currency rejected', () => {
    // ISO 4217: USD 2, JPY 0, BHD 3 minor digits
    expect(MoneySchema.parse({ amount: 0.1, currency: 'USD' })).toEqual({ amount: '0.10', currency: 'USD' });
    expect(MoneySchema.parse({ amount: '1e3', currency: 'JPY' })).toEqual({ amount: '1000', currency: 'JPY' });
    expect(MoneySchema.parse({ amount: '-0.0005', currency: 'BHD' })).toEqual({ amount: '-0.0005', currency: 'BHD' });
    expect(MoneySchema.safeParse({ amount: 'ten', currency: 'USD' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: '1', currency: 'XAU' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: '1', currency: 'USD', cents: 100 }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: '1' }).success).toBe(false);
    expect(MoneySchema.safeParse('1 USD').success).toBe(false);
  });

  it('PeriodSchema: inclusive, end not before start', () => {
    expect(PeriodSchema.safeParse({ start: '2026-01-01', end: '2026-01-01' }).success).toBe(true);
    const r = PeriodSchema.safeParse({ start: '2026-01-02', end: '2026-01-01' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.path).toEqual(['end']);
  });

  it('CustomFieldsSchema: string, number, boolean or null values only', () => {
    expect(CustomFieldsSchema.parse({ a: 'x', b: 1, c: true, d: null })).toEqual({ a: 'x', b: 1, c: true, d: null });
    for (const bad of [{ a: { b: 1 } }, { a: [1] }, { a: undefined }, 'x', null])
      expect(CustomFieldsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('custom fields and __proto__', () => {
  const deal = CASES.find((c) => c.name === 'Deal')!;
  const lead = CASES.find((c) => c.name === 'Lead')!;
  const withFields = (base: Record<string, unknown>, fieldsJson: string): unknown =>
    JSON.parse(JSON.stringify({ ...base, fields: {} }).replace('"fields":{}', `"fields":${fieldsJson}`));

  it('a __proto__ key in fields, StageEvent.changes or the record itself reaches no prototype', () => {
    for (const value of ['{"polluted": true}', '"polluted"', 'null', '1', 'true', '[1]']) {
      for (const [safeParse, base] of [
        [safeParseDeal, deal.valid],
        [safeParseLead, lead.valid],
      ] as const) {
        const r = safeParse(withFields(base, `{"__proto__": ${value}, "k": "v"}`));
        if (r.ok) {
          const fields = r.value.fields as Record<string, unknown>;
          // whatever the parser does with the key, the parsed record holds only "k" and keeps Object.prototype
          expect(Object.keys(fields)).toEqual(['k']);
          expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
          expect(fields.polluted).toBeUndefined();
        }
      }
      const fields = CustomFieldsSchema.safeParse(JSON.parse(`{"__proto__": ${value}}`));
      if (fields.success) expect(Object.getPrototypeOf(fields.data)).toBe(Object.prototype);
      const event = StageEventSchema.safeParse(
        JSON.parse(
          `{"from": null, "to": "new", "at": "2026-01-05T10:00:00Z", "actorId": "m1", "roleId": "sdr", ` +
            `"changes": {"__proto__": ${value}}}`,
        ),
      );
      if (event.success) expect((event.data.changes as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    }
  });

  // Regression: zod 4 silently skips a "__proto__" key in a record (no pollution, but its value
  // was neither validated nor kept). Custom fields now reject it, like every other model object.
  it('a "__proto__" key in fields is rejected (INVALID_INPUT), not silently dropped', () => {
    for (const value of ['"x"', 'null', '{"polluted": true}']) {
      const r = safeParseDeal(withFields(deal.valid, `{"__proto__": ${value}, "k": "v"}`));
      expect(r.ok).toBe(false);
      const l = safeParseLead(withFields(lead.valid, `{"__proto__": ${value}}`));
      expect(l.ok).toBe(false);
    }
  });
});
