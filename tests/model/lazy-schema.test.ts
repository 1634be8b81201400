/**
 * Schemas built on first use (src/model/lazy-schema.ts): an exported schema behaves as the zod
 * schema it stands for — parse, instanceof, shape, composition, extension, keys.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { DealSplitSchema, MoneySchema, TeamSchema } from '../../src/model/index.js';
import { lazySchema } from '../../src/model/lazy-schema.js';

describe('lazySchema', () => {
  it('builds once, on first use', () => {
    let builds = 0;
    const s = lazySchema(() => {
      builds++;
      return z.strictObject({ n: z.number() });
    });
    expect(builds).toBe(0);
    expect(s.parse({ n: 1 })).toEqual({ n: 1 });
    expect(s.safeParse({ n: 'x' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('an exported schema is a zod schema: instanceof, shape, keys, composition, extend', () => {
    expect(TeamSchema instanceof z.ZodType).toBe(true);
    expect(TeamSchema instanceof z.ZodObject).toBe(true);
    expect(Object.keys(DealSplitSchema.shape)).toEqual(['memberId', 'share', 'kind']);
    expect('parse' in MoneySchema).toBe(true);
    const Wrapped = z.strictObject({ price: MoneySchema, split: DealSplitSchema.optional() });
    expect(Wrapped.parse({ price: { amount: 12.3, currency: 'USD' } })).toEqual({
      price: { amount: '12.30', currency: 'USD' },
    });
    const Extended = DealSplitSchema.extend({ note: z.string() });
    expect(Extended.parse({ memberId: 'm', share: '0.5', kind: 'revenue', note: 'n' }).note).toBe('n');
    expect(z.array(TeamSchema).safeParse([{}]).success).toBe(false);
  });
});
