/**
 * Sorted lists of credit ids as they travel between threads: packed into one string, the number
 * of ids and each id's length as characters in front of the ids end to end. A structured clone
 * (what a worker's result goes through) copies one string instead of a string per id (and a
 * string of Latin-1 characters is stored one byte a character), and the packed form holds about
 * a third of the memory of an array of short strings (a V8 string has a 16-byte header and an
 * array slot takes 8 more bytes; "K-123456" is 8 characters).
 * @module
 * @internal
 */

/** A sorted list of ids: an array, or packed into one string by {@link packIds}. @internal */
export type IdList = readonly string[] | string;

/** Longest id a packed list holds (one character for its length); a list with a longer one stays an array. */
const MAX_PACKED = 0xffff;

/**
 * Packs a list: two characters for the count (high and low 16 bits), one per id for its length,
 * then the ids. An empty list, or one with an id longer than 65,535 characters, stays an array.
 * @internal
 */
export function packIds(ids: readonly string[]): IdList {
  const n = ids.length;
  if (n === 0 || n > 0xffffffff) return ids;
  const lengths = new Array<number>(n + 2);
  lengths[0] = Math.floor(n / 0x10000);
  lengths[1] = n % 0x10000;
  for (let i = 0; i < n; i++) {
    const length = (ids[i] as string).length;
    if (length > MAX_PACKED) return ids;
    lengths[i + 2] = length;
  }
  // String.fromCharCode takes its codes as arguments: a few thousand at a time
  let head = '';
  for (let i = 0; i < lengths.length; i += 4096) head += String.fromCharCode(...lengths.slice(i, i + 4096));
  return head + ids.join('');
}

/** The ids of a list, as an array (a packed list is unpacked, an array is returned as it is). @internal */
export function unpackIds(list: IdList): readonly string[] {
  if (typeof list !== 'string') return list;
  const n = list.charCodeAt(0) * 0x10000 + list.charCodeAt(1);
  const out = new Array<string>(n);
  let at = n + 2;
  for (let i = 0; i < n; i++) {
    const end = at + list.charCodeAt(i + 2);
    out[i] = list.slice(at, end);
    at = end;
  }
  return out;
}

/**
 * Two sorted lists merged into one sorted list. `repeated(id)` is called for an id in both
 * (both lists are then the same credits' ids: counting one twice is the caller's refusal);
 * without it, the id is kept once.
 * @internal
 */
export function mergeSortedIds(
  x: readonly string[],
  y: readonly string[],
  repeated?: (id: string) => never,
): readonly string[] {
  if (y.length === 0) return x;
  if (x.length === 0) return y;
  const out = new Array<string>(x.length + y.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const p = x[i] as string;
    const q = y[j] as string;
    if (p < q) {
      out[n++] = p;
      i++;
    } else if (q < p) {
      out[n++] = q;
      j++;
    } else {
      repeated?.(p);
      out[n++] = p;
      i++;
      j++;
    }
  }
  while (i < x.length) out[n++] = x[i++] as string;
  while (j < y.length) out[n++] = y[j++] as string;
  out.length = n;
  return out;
}
