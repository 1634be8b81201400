/**
 * How many units in the last place `value` is from `reference`: |value − reference| divided by the
 * spacing of doubles just above |reference| (2^(e − 52) for a normal |reference| in [2^e, 2^(e + 1)),
 * 2^−1074 for a subnormal one). Test helper for the accuracy tests of src/core/normal.ts and
 * src/core/special-functions.ts.
 */
export function ulpsOff(value: number, reference: number): number {
  const view = new DataView(new ArrayBuffer(8));
  const magnitude = Math.abs(reference);
  view.setFloat64(0, magnitude);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return Math.abs(value - reference) / (view.getFloat64(0) - magnitude);
}
