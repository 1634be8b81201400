/**
 * The seeded generator: xoshiro128** seeded by splitmix32 (FNV-1a for string seeds).
 *
 * Reference vectors were produced once, independently of src/, by this Python 3 program
 * (/usr/bin/python3, run on 2026-11-23), and the state [1, 2, 3, 4] vector was also checked
 * against Vigna's C reference xoshiro128starstar.c (https://prng.di.unimi.it/xoshiro128starstar.c,
 * compiled with gcc -O2; it printed 11520 0 5927040 70819200 2031721883 1637235492):
 *
 *   M = 0xFFFFFFFF
 *   def rotl(x, k): return ((x << k) | (x >> (32 - k))) & M
 *   def splitmix32(seed):
 *       x = seed & M
 *       while True:
 *           x = (x + 0x9E3779B9) & M
 *           z = ((x ^ (x >> 16)) * 0x85EBCA6B) & M
 *           z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M
 *           yield (z ^ (z >> 16)) & M
 *   def fnv1a_utf16(s):
 *       h = 0x811C9DC5
 *       units = s.encode('utf-16-le')
 *       for i in range(0, len(units), 2):
 *           h ^= units[i] | (units[i + 1] << 8)
 *           h = (h * 0x01000193) & M
 *       return h
 *   def xoshiro128ss(s):            # s: list of four words, updated in place
 *       result = (rotl((s[1] * 5) & M, 7) * 9) & M
 *       t = (s[1] << 9) & M
 *       s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11)
 *       return result
 *   # seed → state: four splitmix32 outputs; numbers reduced mod 2^32 (−1 → 4294967295)
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { thrown } from './helpers.js';

const take = (seed: Parameters<typeof createRng>[0], n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.nextUint32());
};

describe('createRng(): reference vectors (Python reference above)', () => {
  it('xoshiro128** core from the state [1, 2, 3, 4] (Python and Vigna C reference)', () => {
    const rng = createRng([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
    // Python: state after six steps
    expect(rng.state()).toEqual([1110993931, 286554632, 2431677446, 2165318166]);
  });

  it('seed 42: splitmix32 state and first outputs', () => {
    // Python: splitmix32(42) → 0x3805ea2c 0xeb5cd984 0x1327aacb 0xc5ba443d
    expect(createRng(42).state()).toEqual([0x3805ea2c, 0xeb5cd984, 0x1327aacb, 0xc5ba443d]);
    expect(take(42, 6)).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290]);
  });

  it('seed 0, seed -1 (≡ 4294967295) and seed 2^32 + 7 (≡ 7)', () => {
    // Python: reference program above
    expect(take(0, 6)).toEqual([3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335]);
    expect(take(-1, 6)).toEqual([835879718, 1921286648, 2356205009, 1885780724, 980451116, 1053911718]);
    expect(take(2 ** 32 + 7, 6)).toEqual([1004282400, 2200021487, 1928073449, 741806228, 2429532727, 2033801169]);
    expect(take(7, 6)).toEqual(take(2 ** 32 + 7, 6));
    // the integer part of a number seed is used
    expect(take(42.9, 6)).toEqual(take(42, 6));
  });

  it("string seed 'q3-forecast' (FNV-1a → 2951009845)", () => {
    // Python: fnv1a_utf16('q3-forecast') == 2951009845
    expect(take('q3-forecast', 6)).toEqual([3613570542, 611379953, 2039044288, 776959523, 692842531, 961282321]);
    expect(take('q3-forecast', 6)).toEqual(take(2951009845, 6));
  });
});

describe('createRng(): behaviour', () => {
  it('is reproducible, and distinct seeds give distinct streams', () => {
    expect(take('a', 100)).toEqual(take('a', 100));
    const streams = new Set([1, 2, 3, 4, 5, 'a', 'b', 'A', ''].map((s) => take(s, 4).join(',')));
    expect(streams.size).toBe(9);
  });

  it('next() is nextUint32() / 2^32, in [0, 1)', () => {
    const a = createRng(9);
    const b = createRng(9);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.nextUint32() / 4294967296);
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('state() resumes a stream and is a copy', () => {
    const a = createRng('resume');
    a.next();
    const s = a.state();
    const rest = Array.from({ length: 10 }, () => a.nextUint32());
    expect(take(s, 10)).toEqual(rest);
    s[0] = 0;
    expect(a.state()[0]).not.toBe(0);
  });

  it('int(n) stays in [0, n) and covers it', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(7);
      expect(Number.isInteger(x) && x >= 0 && x < 7).toBe(true);
      seen.add(x);
    }
    expect(seen.size).toBe(7);
    expect(createRng(1).int(1)).toBe(0);
    const full = createRng(5).int(4294967296);
    expect(full).toBe(createRng(5).nextUint32());
  });

  it('int(6) is uniform: chi-square over 60000 draws below the 0.999 quantile', () => {
    // NIST/SEMATECH e-Handbook §1.3.6.7.4: upper 0.1% critical value of χ² with 5 df is 20.515
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const counts = new Array<number>(6).fill(0);
      const n = 60000;
      for (let i = 0; i < n; i++) counts[rng.int(6)]! += 1;
      const chi2 = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
      expect(chi2).toBeLessThan(20.515);
    }
  });

  it('int(n) has no modulo bias even for n = 3·2^30', () => {
    // with plain `x % n`, values below 2^32 − n = 2^30 would come up with probability 2/4
    // instead of 1/3; with rejection sampling the share is 1/3 (sd 0.0027 at 30000 draws)
    const n = 3 * 2 ** 30;
    const rng = createRng('bias');
    let low = 0;
    const draws = 30000;
    for (let i = 0; i < draws; i++) if (rng.int(n) < 2 ** 30) low++;
    expect(Math.abs(low / draws - 1 / 3)).toBeLessThan(0.015);
  });

  it('normal() has mean 0 and variance 1', () => {
    const rng = createRng(123);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      expect(Number.isFinite(x)).toBe(true);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    // standard errors: mean 1/√n ≈ 0.007, variance √(2/n) ≈ 0.01; bounds are 7 standard errors
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(0.07);
  });

  it('rejects bad seeds with INVALID_SEED and bad n with INVALID_INPUT', () => {
    for (const bad of [
      NaN,
      Infinity,
      -Infinity,
      {},
      null,
      undefined,
      [1, 2, 3],
      [0, 0, 0, 0],
      [1.5, 0, 0, 0],
      [2 ** 32, 0, 0, 0],
    ]) {
      expect(thrown(() => createRng(bad as never), 'INVALID_SEED').field).toBe('seed');
    }
    const rng = createRng(1);
    for (const bad of [0, -1, 1.5, NaN, 2 ** 32 + 1])
      expect(thrown(() => rng.int(bad), 'INVALID_INPUT').field).toBe('n');
  });
});

describe('createRng(): messages and the rejection step of int() (StrykerJS survivors of core P9)', () => {
  it('says what a bad seed or n must be', () => {
    const message = (fn: () => unknown, code: 'INVALID_SEED' | 'INVALID_INPUT'): string => thrown(fn, code).message;
    expect(message(() => createRng([1, 2, 3] as never), 'INVALID_SEED')).toBe(
      'seed must be four 32-bit integers, got [1,2,3]',
    );
    expect(message(() => createRng([0, 0, 0, 0]), 'INVALID_SEED')).toBe('seed must not be all zero, got [0,0,0,0]');
    expect(message(() => createRng(null as never), 'INVALID_SEED')).toBe(
      'seed must be a finite number or a string, got null',
    );
    expect(message(() => createRng(1).int(0), 'INVALID_INPUT')).toBe('n must be an integer 1–2^32, got 0');
  });

  it('draws again when the draw equals the rejection limit (no bias toward 0)', () => {
    // Python reference above: seed 42 gives 2837322924, then 544945897. For n = 2837322924 the
    // limit 2^32 − (2^32 mod n) is n itself, so the first draw is rejected and the result is
    // 544945897 mod n = 544945897 (taking the first draw would give n mod n = 0)
    expect(createRng(42).int(2837322924)).toBe(544945897);
  });
});
