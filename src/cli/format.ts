/** Number and text formatting shared by the text and HTML outputs. */
import { formatMoney, type Money } from '../core/index.js';

/** `USD 1,234.50`, exact (core's formatMoney, through Intl on the decimal string). */
export const money = (m: Money | null | undefined): string =>
  m === null || m === undefined ? 'n/a' : formatMoney(m, 'en-US', { currencyDisplay: 'code' }).replace(/\u00a0/g, ' ');

/** A float estimate of money, whole units: `USD 12,345`. */
export const approxMoney = (n: number, currency: string | null): string =>
  `${currency ?? ''} ${Math.round(n).toLocaleString('en-US')}`.trim();

/** `42.5%`, or `n/a` for a rate over an empty denominator. */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`;

/** `12.5 d` */
export const days = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} d`;

/** Pads on the right. */
export const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
/** Pads on the left. */
export const padLeft = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/**
 * Wraps a line at spaces to `width` columns, continuation lines indented by `indent` more
 * spaces; a word longer than the width stays whole (never cut mid-number).
 */
export function wrap(line: string, width: number, indent = 4): string[] {
  if (line.length <= width) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let current = lead;
  const cont = lead + ' '.repeat(indent);
  for (const w of words) {
    const start = current === lead || current === cont;
    if (!start && current.length + 1 + w.length > width) {
      out.push(current);
      current = cont + w;
    } else current = start ? current + w : `${current} ${w}`;
  }
  out.push(current);
  return out;
}
