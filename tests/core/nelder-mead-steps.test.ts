/**
 * One iteration of nelderMeadLoop at a time: which move it makes (reflection, expansion,
 * contraction outside or inside, shrink), the points it asks `f` for, and the simplex it keeps.
 * The moves are those of Lagarias, Reeds, Wright and Wright, "Convergence properties of the
 * Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9 (1998) 112–147, section 2
 * (coefficients 1, 2, 1/2, 1/2), with one difference on a tie: a contraction outside whose value
 * only equals the reflection's is not kept (they keep it when f(xc) ≤ f(xr); here a shrink follows). Every
 * point and value below is worked out by hand; `f` is a table, so a point the method should not
 * ask for throws. Written for the StrykerJS survivors of core P9 (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { nelderMeadLoop } from '../../src/core/nelder-mead.js';

/** One iteration from `start`, with f read from `table` (keys: coordinates joined by commas). */
function step(table: Record<string, number>, start: number[][]) {
  const asked: string[] = [];
  const f = (x: number[]): number => {
    const key = x.join(',');
    const v = table[key];
    if (v === undefined) throw new Error(`f asked at ${key}`);
    asked.push(key);
    return v;
  };
  const values = start.map((x) => table[x.join(',')] as number);
  const run = nelderMeadLoop(f, start, values, { converged: () => false, maxIterations: 1 });
  return { points: run.points, values: run.values, asked, iterations: run.iterations };
}

describe('one dimension (the centroid is the best point c; the worst is w)', () => {
  it('expansion: the reflection 2c − w beats the best, and the expansion 3c − 2w beats the reflection', () => {
    // c = 1, w = 2: reflection 0 (value 1 < 4), expansion −1 (value 0 < 1): kept
    const r = step({ '1': 4, '2': 9, '0': 1, '-1': 0 }, [[1], [2]]);
    expect(r).toEqual({ points: [[-1], [1]], values: [0, 4], asked: ['0', '-1'], iterations: 1 });
  });

  it('an expansion only as good as the reflection: the reflection is kept', () => {
    const r = step({ '1': 2.25, '2': 6.25, '0': 0.25, '-1': 0.25 }, [[1], [2]]);
    expect([r.points, r.values]).toEqual([
      [[0], [1]],
      [0.25, 2.25],
    ]);
  });

  it('a reflection only as good as the best: contraction outside, c + (c − w)/2 = 0.5, kept', () => {
    const r = step({ '1': 0.25, '2': 2.25, '0': 0.25, '0.5': 0 }, [[1], [2]]);
    expect(r).toEqual({ points: [[0.5], [1]], values: [0, 0.25], asked: ['0', '0.5'], iterations: 1 });
  });

  it('a reflection worse than the worst: contraction inside, c − (c − w)/2, kept when better than the worst', () => {
    // best 2 (0.04), worst 1 (0.64): reflection 3 (1.44 ≥ 0.64); inside 1.5 (0.09 < 0.64)
    const r = step({ '1': 0.64, '2': 0.04, '3': 1.44, '1.5': 0.09 }, [[1], [2]]);
    expect(r).toEqual({ points: [[2], [1.5]], values: [0.04, 0.09], asked: ['3', '1.5'], iterations: 1 });
  });

  it('a contraction outside no better than the reflection: shrink toward the best', () => {
    // reflection 0 (2: between 0 and 3), contraction outside 0.5 (2, a tie: not better), shrink 2 → 1.5
    const r = step({ '1': 0, '2': 3, '0': 2, '0.5': 2, '1.5': 1 }, [[1], [2]]);
    expect(r).toEqual({ points: [[1], [1.5]], values: [0, 1], asked: ['0', '0.5', '1.5'], iterations: 1 });
  });

  it('a contraction inside no better than the worst: shrink toward the best', () => {
    // reflection 0 (5 ≥ 3), contraction inside 1.5 (3, a tie with the worst: not better), shrink 2 → 1.5
    const r = step({ '1': 0, '2': 3, '0': 5, '1.5': 3 }, [[1], [2]]);
    expect(r).toEqual({ points: [[1], [1.5]], values: [0, 3], asked: ['0', '1.5', '1.5'], iterations: 1 });
  });

  it('a reflection as bad as the worst counts as inside', () => {
    // reflection 0 (3 = the worst's value): contraction inside 1.5 (1 < 3), kept
    const r = step({ '1': 0, '2': 3, '0': 3, '1.5': 1 }, [[1], [2]]);
    expect(r).toEqual({ points: [[1], [1.5]], values: [0, 1], asked: ['0', '1.5'], iterations: 1 });
  });
});

describe('two dimensions: best (0,0), next (1,0), worst (0,1); centroid (0.5,0)', () => {
  const simplex = (): number[][] => [
    [0, 0],
    [1, 0],
    [0, 1],
  ];
  const base = { '0,0': 0, '1,0': 1, '0,1': 2 };

  it('a reflection (1,−1) between the best and the next is kept without expanding', () => {
    const r = step({ ...base, '1,-1': 0.5 }, simplex());
    expect(r.points).toEqual([
      [0, 0],
      [1, -1],
      [1, 0],
    ]);
    expect([r.values, r.asked]).toEqual([[0, 0.5, 1], ['1,-1']]);
  });

  it('a reflection only as good as the next: contraction outside (0.75,−0.5)', () => {
    const r = step({ ...base, '1,-1': 1, '0.75,-0.5': 0.25 }, simplex());
    expect(r.points).toEqual([
      [0, 0],
      [0.75, -0.5],
      [1, 0],
    ]);
    expect(r.asked).toEqual(['1,-1', '0.75,-0.5']);
  });

  it('shrink: every point but the best moves halfway to it', () => {
    // reflection (1,−1) 3 ≥ 2; inside (0.25,0.5) 5 ≥ 2; shrink (1,0) → (0.5,0), (0,1) → (0,0.5)
    const r = step({ ...base, '1,-1': 3, '0.25,0.5': 5, '0.5,0': 0.7, '0,0.5': 0.9 }, simplex());
    expect(r.points).toEqual([
      [0, 0],
      [0.5, 0],
      [0, 0.5],
    ]);
    expect([r.values, r.asked]).toEqual([
      [0, 0.7, 0.9],
      ['1,-1', '0.25,0.5', '0.5,0', '0,0.5'],
    ]);
  });
});
