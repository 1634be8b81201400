/**
 * The least-squares initial states of the exponential-smoothing recursions for given smoothing
 * parameters ("variable projection", Golub & Pereyra 1973): `holtWinters` with
 * `initialization: 'estimated'` searches the few smoothing parameters only, and for each
 * candidate takes the initial states that minimise the SSE, found here by Gauss–Newton.
 *
 * The one-step errors eₜ are linear in the initial states (ℓ₀, b₀, s₀ … s_{m−2}; the last
 * seasonal state is −Σ, or m − Σ when multiplicative, as R's `ets` normalises them) when the
 * seasonality is additive or absent, so one Gauss–Newton step is the exact minimiser; with
 * multiplicative seasonality they are not, and the step is repeated (halved while it does not
 * lower the SSE) until the SSE stops falling. The Jacobian ∂eₜ/∂x₀ is carried through the
 * recursion alongside the states (forward differentiation), so one pass over the series gives
 * the errors, JᵀJ and Jᵀe. States are kept inside the search box of `initialStateBox`.
 * @module
 */
import type { EtsParameters, EtsSpec } from './ets-recursion.js';

/** The box the initial states are searched in (coordinates as in `initialStateBox`). @internal */
export interface StateBox {
  readonly start: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** Least-squares initial states for given smoothing parameters. @internal */
export interface StateProfile {
  /** min over the initial states of the SSE at `p`; the minimiser is then {@link StateProfile.states}. */
  readonly sse: (p: EtsParameters) => number;
  /** The coordinates of the last minimiser (a copy). */
  readonly states: () => number[];
}

const MAX_STEPS = 30;
const MAX_HALVINGS = 20;

/**
 * Builds the profile for a series and model. All work arrays are allocated once here; an
 * evaluation allocates nothing.
 * @internal
 */
export function initialStateProfile(y: Float64Array, spec: EtsSpec, box: StateBox): StateProfile {
  const n = y.length;
  const m = spec.m;
  const seasonal = spec.seasonality !== 'none';
  const mult = spec.seasonality === 'multiplicative';
  const linear = !mult;
  const k = box.start.length;
  const first = spec.trend ? 2 : 1; // index of the first seasonal coordinate
  const lower = Float64Array.from(box.lower);
  const upper = Float64Array.from(box.upper);
  const start = Float64Array.from(box.start);
  const x = new Float64Array(k);
  const cand = new Float64Array(k);
  const delta = new Float64Array(k);
  const s = new Float64Array(seasonal ? m : 0);
  const ds = new Float64Array(seasonal ? m * k : 0);
  const dl = new Float64Array(k);
  const db = new Float64Array(k);
  const de = new Float64Array(k);
  const h = new Float64Array(k * k);
  const g = new Float64Array(k);

  /** One pass: the SSE at states `z`; with `jacobian`, also JᵀJ into h (lower triangle) and Jᵀe into g. */
  const pass = (p: EtsParameters, z: Float64Array, jacobian: boolean): number => {
    const { alpha, beta, gamma, phi } = p;
    let l = z[0] as number;
    let b = spec.trend ? (z[1] as number) : 0;
    if (seasonal) {
      let sum = 0;
      for (let i = 0; i < m - 1; i++) {
        s[i] = z[first + i] as number;
        sum += z[first + i] as number;
      }
      s[m - 1] = mult ? m - sum : -sum;
    }
    if (jacobian) {
      dl.fill(0);
      db.fill(0);
      ds.fill(0);
      h.fill(0);
      g.fill(0);
      dl[0] = 1;
      if (spec.trend) db[1] = 1;
      if (seasonal) {
        for (let i = 0; i < m - 1; i++) {
          ds[i * k + first + i] = 1;
          ds[(m - 1) * k + first + i] = -1;
        }
      }
    }
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const j = seasonal ? t % m : 0;
      const pb = phi * b;
      const base = l + pb;
      const st = seasonal ? (s[j] as number) : 0;
      const e = (y[t] as number) - (mult ? base * st : base + st);
      sse += e * e;
      if (jacobian) {
        const row = j * k;
        if (mult) {
          const rs = 1 / st;
          const rb = 1 / base;
          for (let c = 0; c < k; c++) {
            const dBase = (dl[c] as number) + phi * (db[c] as number);
            const dS = ds[row + c] as number;
            const dE = -(dBase * st + base * dS);
            de[c] = dE;
            g[c] = (g[c] as number) + dE * e;
            const dRatio = (dE - e * dS * rs) * rs; // ∂(e/s)
            dl[c] = dBase + alpha * dRatio;
            db[c] = phi * (db[c] as number) + beta * dRatio;
            ds[row + c] = dS + gamma * (dE - e * dBase * rb) * rb; // ∂(s + γe/base)
          }
        } else if (seasonal) {
          for (let c = 0; c < k; c++) {
            const dBase = (dl[c] as number) + phi * (db[c] as number);
            const dS = ds[row + c] as number;
            const dE = -(dBase + dS);
            de[c] = dE;
            g[c] = (g[c] as number) + dE * e;
            dl[c] = dBase + alpha * dE;
            db[c] = phi * (db[c] as number) + beta * dE;
            ds[row + c] = dS + gamma * dE;
          }
        } else {
          for (let c = 0; c < k; c++) {
            const dBase = (dl[c] as number) + phi * (db[c] as number);
            const dE = -dBase;
            de[c] = dE;
            g[c] = (g[c] as number) + dE * e;
            dl[c] = dBase + alpha * dE;
            db[c] = phi * (db[c] as number) + beta * dE;
          }
        }
        for (let r = 0; r < k; r++) {
          const dr = de[r] as number;
          if (dr === 0) continue;
          const off = r * k;
          for (let c = 0; c <= r; c++) h[off + c] = (h[off + c] as number) + dr * (de[c] as number);
        }
      }
      if (mult) {
        l = base + (alpha * e) / st;
        b = pb + (beta * e) / st;
        s[j] = st + (gamma * e) / base;
      } else {
        l = base + alpha * e;
        b = pb + beta * e;
        if (seasonal) s[j] = st + gamma * e;
      }
    }
    return Number.isFinite(sse) ? sse : Infinity;
  };

  /** Solves (JᵀJ + ridge) δ = −Jᵀe by Cholesky in place; false when the matrix is not usable. */
  const solve = (): boolean => {
    let scale = 0;
    for (let i = 0; i < k; i++) scale = Math.max(scale, h[i * k + i] as number);
    if (!(scale > 0) || !Number.isFinite(scale)) return false;
    const ridge = scale * 1e-12;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j <= i; j++) {
        let v = (h[i * k + j] as number) + (i === j ? ridge : 0);
        for (let q = 0; q < j; q++) v -= (h[i * k + q] as number) * (h[j * k + q] as number);
        if (i === j) {
          if (!(v > 0)) return false;
          h[i * k + i] = Math.sqrt(v);
        } else h[i * k + j] = v / (h[j * k + j] as number);
      }
    }
    for (let i = 0; i < k; i++) {
      let v = -(g[i] as number);
      for (let q = 0; q < i; q++) v -= (h[i * k + q] as number) * (delta[q] as number);
      delta[i] = v / (h[i * k + i] as number);
    }
    for (let i = k - 1; i >= 0; i--) {
      let v = delta[i] as number;
      for (let q = i + 1; q < k; q++) v -= (h[q * k + i] as number) * (delta[q] as number);
      delta[i] = v / (h[i * k + i] as number);
    }
    return true;
  };

  // Multiplicative: Gauss–Newton starts from the states of the best evaluation so far (the search
  // probes points near its best one), else from the start of the box.
  const warm = Float64Array.from(box.start);
  let warmValue = Infinity;
  const sse = (p: EtsParameters): number => {
    x.set(linear ? start : warm);
    let f = pass(p, x, true);
    for (let step = 0; step < MAX_STEPS && solve(); step++) {
      // Gauss–Newton's predicted decrease −gᵀδ: stop once it is negligible.
      let predicted = 0;
      for (let i = 0; i < k; i++) predicted -= (g[i] as number) * (delta[i] as number);
      if (!(predicted > 1e-11 * f)) break;
      let t = 1;
      let fc = Infinity;
      let clamped = false;
      for (let halving = 0; halving < MAX_HALVINGS; halving++, t /= 2) {
        clamped = false;
        for (let i = 0; i < k; i++) {
          const v = (x[i] as number) + t * (delta[i] as number);
          const c =
            v < (lower[i] as number) ? (lower[i] as number) : v > (upper[i] as number) ? (upper[i] as number) : v;
          if (c !== v) clamped = true;
          cand[i] = c;
        }
        fc = pass(p, cand, false);
        if (fc < f) break;
      }
      if (!(fc < f)) break;
      const gain = f - fc;
      x.set(cand);
      f = fc;
      // Linear errors: a full unclamped step is the exact minimiser.
      if ((linear && t === 1 && !clamped) || gain <= 1e-13 * f) break;
      f = pass(p, x, true);
    }
    if (!linear && f < warmValue) {
      warm.set(x);
      warmValue = f;
    }
    return f;
  };

  return { sse, states: () => Array.from(x) };
}
