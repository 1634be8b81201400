/**
 * The exact running total of the library and the one decimal-string adder: a total at a fixed
 * scale in a safe-integer `number`, spilling into BigInt when it would pass 2^53, plus any
 * exact remainder finer than the scale. Behind `sum`, `sumProducts`, statements, metric totals
 * and every summary merge.
 * @module
 */
import { invalid } from './errors.js';
import { readDecimal, formatExact, parseDecimalText } from './decimal-text.js';
import { exactAdd, exactTrim, fromBig, type Exact, type Int, EXACT_ZERO } from './exact.js';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * An exact running total at `scale` decimals (2 for cents). Add whole units with
 * {@link ExactSum.addUnits}, decimal strings with {@link ExactSum.add}, exact decimals with
 * {@link ExactSum.addExact}; read it with {@link ExactSum.value} or {@link ExactSum.toString}.
 * @internal
 */
export class ExactSum {
  private units = 0;
  private big = 0n;
  private extra: Exact = EXACT_ZERO;
  constructor(readonly scale: number) {}

  /** Adds an integer number of units at this total's scale (cents at scale 2). */
  addUnits(units: Int): void {
    if (typeof units === 'number') {
      const t = this.units + units;
      if (t >= -MAX && t <= MAX) {
        this.units = t;
        return;
      }
      this.big += BigInt(this.units) + BigInt(units);
      this.units = 0;
    } else this.big += units;
  }

  /** Adds an exact decimal (any scale). */
  addExact(x: Exact): void {
    if (x.scale === this.scale) this.addUnits(x.int);
    else if (x.scale < this.scale && typeof x.int === 'number' && x.scale + 15 >= this.scale) {
      const u = x.int * 10 ** (this.scale - x.scale);
      if (u >= -MAX && u <= MAX) this.addUnits(u);
      else this.extra = exactAdd(this.extra, x);
    } else this.extra = exactAdd(this.extra, x);
  }

  /** Adds the safe integer `int / 10^scale` (as {@link ExactSum.addExact}, without an object). */
  addScaled(int: number, scale: number): void {
    if (scale === this.scale) this.addUnits(int);
    else if (scale < this.scale && scale + 15 >= this.scale) {
      const u = int * 10 ** (this.scale - scale);
      if (u >= -MAX && u <= MAX) this.addUnits(u);
      else this.extra = exactAdd(this.extra, { int, scale });
    } else this.extra = exactAdd(this.extra, { int, scale });
  }

  /**
   * Adds a decimal string (`"12.30"`, `"-0.005"`).
   * @throws {RevopsError} `INVALID_AMOUNT` naming `field` when `text` is not a decimal.
   */
  add(text: string, field = 'amount'): void {
    const x = parseDecimalText(text);
    this.addExact(typeof x === 'string' ? readDecimal(text, field) : x);
  }

  /** The exact total, trailing zeros removed. */
  value(): Exact {
    const whole: Exact = {
      int: this.big === 0n ? this.units : fromBig(this.big + BigInt(this.units)),
      scale: this.scale,
    };
    return exactTrim(this.extra === EXACT_ZERO ? whole : exactAdd(whole, this.extra));
  }

  /** The total as plain decimal text with at least `minScale` decimals. */
  toString(minScale = 0): string {
    return formatExact(this.value(), minScale);
  }
}

/**
 * The exact sum of two decimal strings, as canonical decimal text with at least `minScale`
 * decimals (no trailing zeros beyond them, never `-0`, never an exponent): what every summary
 * merge uses to add its totals.
 * @throws {RevopsError} `INVALID_AMOUNT` naming `field` when either is not a decimal string.
 * @internal
 */
export function addDecimalStrings(a: string, b: string, field = 'amount', minScale = 0): string {
  if (typeof a !== 'string') throw invalid('INVALID_AMOUNT', field, a, 'must be a decimal string');
  if (typeof b !== 'string') throw invalid('INVALID_AMOUNT', field, b, 'must be a decimal string');
  return formatExact(exactAdd(readDecimal(a, field), readDecimal(b, field)), minScale);
}
