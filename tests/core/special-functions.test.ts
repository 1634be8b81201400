import { describe, expect, it } from 'vitest';
import { digamma, lnBeta, logGamma, trigamma } from '../../src/core/special-functions.js';

describe('logGamma, digamma, trigamma', () => {
  // scipy 1.10.1 scipy.special.gammaln, digamma, polygamma(1, x), printed with repr
  const REF: [number, number, number, number][] = [
    [0.1, 2.252712651734206, -10.423754940411076, 101.43329915079275],
    [0.5, 0.5723649429247, -1.9635100260214235, 4.93480220054468],
    [2.5, 0.2846828704729192, 0.7031566406452432, 0.4903577561002349],
    [5.9, 4.617792105493922, 1.6878194259079582, 0.18466215140534098],
    [10, 12.801827480081469, 2.251752589066721, 0.10516633568168576],
    [33.3, 82.60372358165493, 3.490467238520243, 0.03048544409533889],
    [1000.5, 5908.674175848678, 6.907755320648796, 0.0009999999166666958],
  ];

  it.each(REF)('at %s agree with scipy to 1e-13 relative', (x, lg, dg, tg) => {
    expect(Math.abs(logGamma(x) - lg)).toBeLessThan(1e-13 * Math.max(1, Math.abs(lg)));
    expect(Math.abs(digamma(x) - dg)).toBeLessThan(1e-13 * Math.max(1, Math.abs(dg)));
    expect(Math.abs(trigamma(x) - tg)).toBeLessThan(1e-13 * tg);
  });
});

describe('lnBeta', () => {
  // scipy 1.10.1 scipy.special.betaln(a, b), printed with repr
  const REF: [number, number, number][] = [
    [0.668, 3.806, -0.5628010678759974], // Fader & Hardie 2007's "regular" sBG estimates
    [0.5, 0.5, 1.1447298858494], // ln π
    [2, 3, -2.4849066497880004], // ln(1/12), computed by hand: B(2, 3) = 1!·2!/4! = 1/12
    [0.001, 5, 6.905672657062074],
    [250.5, 10000, -1179.005528500711],
  ];
  it.each(REF)('lnBeta(%s, %s) agrees with scipy to 1e-13 relative', (a, b, lb) => {
    expect(Math.abs(lnBeta(a, b) - lb)).toBeLessThan(1e-13 * Math.max(1, Math.abs(lb)));
  });
  it('is symmetric in its arguments', () => {
    // computed by hand: B(a, b) = B(b, a) by definition; the sum of the same three terms in another order
    expect(Math.abs(lnBeta(0.3, 7.2) - lnBeta(7.2, 0.3))).toBeLessThan(1e-14);
  });
});

describe('logGamma of a negative non-integer', () => {
  // scipy 1.10.1 scipy.special.gammaln (ln |Γ(x)|), printed with repr; by hand Γ(−0.5) = −2√π,
  // ln(2√π) = 1.2655121234846454
  it.each([
    [-0.5, 1.2655121234846454],
    [-1.25, 1.366431761236976],
    [-2.5, -0.05624371649767401],
  ])('logGamma(%s) is ln |Γ(x)| (reflection formula), as scipy gammaln, to 1e-13', (x, lg) => {
    expect(Math.abs(logGamma(x) - lg)).toBeLessThan(1e-13 * Math.max(1, Math.abs(lg)));
  });
});
