/**
 * A seeded pseudo-random generator that gives the same sequence on every JavaScript
 * runtime: xoshiro128** (Blackman & Vigna, 2018) on 32-bit integer arithmetic
 * (`Math.imul`, shifts), its state seeded by splitmix32 from the seed.
 * No `Math.random`, no clock.
 * @module
 */
import { invalid } from './errors.js';
import { readFailure } from './read.js';

/** A reproducible stream of random numbers. It has state: create one per computation. */
export interface Rng {
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
  /** An integer in [0, n) without modulo bias. */
  int(n: number): number;
  /** A standard normal draw (Box–Muller, using two `next()` draws). */
  normal(): number;
  /** The raw next 32-bit output, as an unsigned integer. */
  nextUint32(): number;
  /** A copy of the four 32-bit state words, to resume or fork a stream. */
  state(): [number, number, number, number];
}

/** Turns a string seed into a 32-bit integer (FNV-1a over UTF-16 code units). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A reproducible generator from a seed (a finite number — its integer part, reduced to 32
 * bits — or a string), or from four saved state words.
 *
 * @throws {RevopsError} `INVALID_SEED` for NaN, infinities, other types, or an all-zero state.
 * @example
 * ```ts
 * import { createRng } from 'revops/core';
 * const a = createRng(42);
 * const b = createRng(42);
 * a.next() === b.next();
 * //=> true
 * createRng('q3-forecast').int(6) < 6;
 * //=> true
 * ```
 */
export function createRng(seed: number | string | readonly [number, number, number, number]): Rng {
  try {
    let s0: number;
    let s1: number;
    let s2: number;
    let s3: number;
    if (Array.isArray(seed)) {
      if (seed.length !== 4 || !seed.every((w) => Number.isInteger(w))) {
        throw invalid('INVALID_SEED', 'seed', seed, 'must be four 32-bit integers');
      }
      [s0, s1, s2, s3] = seed.map((w: number) => w >>> 0) as [number, number, number, number];
      if ((s0 | s1 | s2 | s3) === 0) throw invalid('INVALID_SEED', 'seed', seed, 'must not be all zero');
    } else {
      let base: number;
      if (typeof seed === 'string') base = hashString(seed);
      else if (typeof seed === 'number' && Number.isFinite(seed)) base = (Math.trunc(seed) % 4294967296) >>> 0;
      else throw invalid('INVALID_SEED', 'seed', seed, 'must be a finite number or a string');
      const sm = splitmix32(base);
      s0 = sm();
      s1 = sm();
      s2 = sm();
      s3 = sm();
      if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
    }

    const nextUint32 = (): number => {
      const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      return result;
    };
    const next = (): number => nextUint32() / 4294967296;
    return {
      next,
      nextUint32,
      int(n: number): number {
        if (!Number.isInteger(n) || n < 1 || n > 4294967296)
          throw invalid('INVALID_INPUT', 'n', n, 'must be an integer 1–2^32');
        const limit = 4294967296 - (4294967296 % n);
        let x = nextUint32();
        while (x >= limit) x = nextUint32();
        return x % n;
      },
      normal(): number {
        const u1 = 1 - next(); // (0, 1]
        const u2 = next();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      },
      state(): [number, number, number, number] {
        return [s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0];
      },
    };
  } catch (thrown) {
    throw readFailure(thrown, { seed });
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
