import { describe, expect, it } from 'vitest';
import { nelderMeadLoop, simplexSize } from '../../src/core/nelder-mead.js';

const tight = (p: readonly (readonly number[])[], v: readonly number[]): boolean =>
  simplexSize(p) <= 1e-10 && (v[v.length - 1] as number) - (v[0] as number) <= 1e-20;

describe('nelderMeadLoop', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    // computed by hand: (1 − x)² + 100(y − x²)² ≥ 0 with equality only at x = y = 1 (Rosenbrock 1960)
    const f = (x: number[]): number =>
      (1 - (x[0] as number)) ** 2 + 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2;
    const start = [
      [-1.2, 1],
      [-1.1, 1],
      [-1.2, 1.1],
    ];
    const run = nelderMeadLoop(f, start, start.map(f), { converged: tight, maxIterations: 10_000 });
    expect(run.converged).toBe(true);
    expect(Math.abs(((run.points[0] as number[])[0] as number) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(((run.points[0] as number[])[1] as number) - 1)).toBeLessThan(1e-6);
    expect(run.values[0]).toBeLessThan(1e-12);
  });

  it('keeps every trial point inside the projection and finds a minimum on the boundary', () => {
    // computed by hand: (x − 3)² + (y + 2)² over the box [0, 1]² is smallest at the corner nearest (3, −2), i.e. (1, 0)
    const clamp = (x: number[]): number[] => x.map((v) => Math.min(1, Math.max(0, v)));
    const seen: number[][] = [];
    const f = (x: number[]): number => {
      seen.push(x);
      return ((x[0] as number) - 3) ** 2 + ((x[1] as number) + 2) ** 2;
    };
    const start = [
      [0.5, 0.5],
      [0.6, 0.5],
      [0.5, 0.6],
    ];
    const run = nelderMeadLoop(f, start, start.map(f), { converged: tight, project: clamp, maxIterations: 5000 });
    for (const x of seen) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
    expect(Math.abs(((run.points[0] as number[])[0] as number) - 1)).toBeLessThan(1e-8);
    expect(Math.abs((run.points[0] as number[])[1] as number)).toBeLessThan(1e-8);
  });

  it('stops at maxIterations or when the budget runs out, unconverged, and does not mutate its inputs', () => {
    const f = (x: number[]): number => (x[0] as number) ** 2 + 10 * (x[1] as number) ** 2;
    const start = [
      [5, 5],
      [6, 5],
      [5, 6],
    ];
    const values = start.map(f);
    const copy = JSON.stringify([start, values]);
    const run = nelderMeadLoop(f, start, values, { converged: tight, maxIterations: 3 });
    expect(run.iterations).toBe(3);
    expect(run.converged).toBe(false);
    let calls = 0;
    const budget = nelderMeadLoop(
      (x) => {
        calls++;
        return f(x);
      },
      start,
      values,
      {
        converged: tight,
        budgetLeft: () => calls < 10,
      },
    );
    expect(budget.converged).toBe(false);
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify([start, values])).toBe(copy);
    // the result is sorted, best first
    for (let i = 1; i < run.values.length; i++)
      expect(run.values[i] as number).toBeGreaterThanOrEqual(run.values[i - 1] as number);
  });
});

describe('simplexSize', () => {
  it('is the largest per-coordinate distance from vertex 0', () => {
    // computed by hand: |4 − 1| = 3 beats |0.5 − 2| = 1.5 and |1 − 1|, |2 − 2|
    expect(
      simplexSize([
        [1, 2],
        [4, 2],
        [1, 0.5],
      ]),
    ).toBe(3);
    expect(simplexSize([[7]])).toBe(0);
  });
});
