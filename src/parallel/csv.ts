/**
 * CSV text to rows (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): fields separated by the
 * delimiter, records by LF or CRLF, a field in double quotes may hold delimiters, line breaks
 * and doubled quotes (`""` for `"`). Empty lines are skipped. A record boundary is a line
 * break outside quotes, which {@link recordEnd} finds in raw bytes, so a file can be cut into
 * chunks that each hold whole records.
 * @module
 */
import { invalid } from '../core/errors.js';

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Parses CSV text into rows of cells (text, never converted).
 * @throws {RevopsError} `INVALID_INPUT` for a quoted field that never closes.
 * @internal
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, delimiter, (row) => rows.push(row));
  return rows;
}

/**
 * Parses CSV text and hands each row to `onRow` as soon as it is read (no array of all the rows).
 * @throws {RevopsError} `INVALID_INPUT` for a quoted field that never closes.
 * @internal
 */
export function forEachCsvRow(text: string, delimiter: string, onRow: (row: string[]) => void): void {
  const n = text.length;
  let i = 0;
  let q = -1; // the next quote at or after i (found once, not once per line)
  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const lineEnd = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (q < i) {
      q = text.indexOf('"', i);
      if (q < 0) q = n;
    }
    if (q >= end) {
      // fast path: no quote on this line
      if (lineEnd > i) onRow(text.slice(i, lineEnd).split(delimiter));
      i = end + 1;
      continue;
    }
    // slow path: a record with quoted fields, possibly over several lines
    const row: string[] = [];
    let field = '';
    let j = i;
    for (;;) {
      if (j < n && text.charCodeAt(j) === QUOTE) {
        j++;
        for (;;) {
          const close = text.indexOf('"', j);
          if (close < 0)
            throw invalid('INVALID_INPUT', 'csv', text.slice(i, i + 80), 'has a quoted field that never closes');
          field += text.slice(j, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            j = close + 2;
          } else {
            j = close + 1;
            break;
          }
        }
      }
      // unquoted part (or what follows a closing quote) up to the delimiter or the line end
      let k = j;
      while (k < n) {
        const ch = text[k];
        if (ch === delimiter || ch === '\n' || ch === '"') break;
        k++;
      }
      field += text.slice(j, k);
      if (k < n && text[k] === '"') {
        j = k; // a quote inside an unquoted field opens a quoted part
        continue;
      }
      if (k < n && text[k] === delimiter) {
        row.push(field);
        field = '';
        j = k + 1;
        continue;
      }
      row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      onRow(row);
      i = k + 1;
      break;
    }
  }
}

/**
 * The end (index after the last LF) of the last whole record in `bytes`, whose first byte is
 * outside quotes; `-1` when no record ends in it. A line break counts when an even number of
 * quotes precede it (UTF-8 never uses these two bytes inside a multi-byte character).
 * @internal
 */
export function recordEnd(bytes: Uint8Array): number {
  let lf = bytes.lastIndexOf(LF);
  if (lf < 0) return -1;
  if (bytes.indexOf(QUOTE) < 0) return lf + 1;
  // count the quotes before the last LF; step back over line breaks inside quotes
  let quotes = 0;
  for (let q = bytes.indexOf(QUOTE); q >= 0 && q < lf; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
  while (quotes % 2 === 1) {
    const prev = lf === 0 ? -1 : bytes.lastIndexOf(LF, lf - 1);
    if (prev < 0) return -1;
    for (let q = bytes.indexOf(QUOTE, prev); q >= 0 && q < lf; q = bytes.indexOf(QUOTE, q + 1)) quotes--;
    lf = prev;
  }
  return lf + 1;
}

/**
 * The quotes in `bytes[from, to)`.
 * @internal
 */
export function countQuotes(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let n = 0;
  for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < to; q = bytes.indexOf(QUOTE, q + 1)) n++;
  return n;
}

/**
 * The end (index after the LF) of the first record end at or after index `from`: the first LF
 * there with an even number of quotes before it, counting `parity` (0 or 1: the quotes before
 * `bytes[0]`, modulo 2); `-1` when there is none in `bytes`.
 * @internal
 */
export function recordEndFrom(bytes: Uint8Array, from: number, parity = 0): number {
  let odd = (parity + countQuotes(bytes, 0, from)) % 2 === 1;
  let q = bytes.indexOf(QUOTE, from); // the next quote, found once (not once per line)
  for (let at = from; ; ) {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0) return -1;
    while (q >= 0 && q < lf) {
      odd = !odd;
      q = bytes.indexOf(QUOTE, q + 1);
    }
    if (!odd) return lf + 1;
    at = lf + 1;
  }
}
