/**
 * Sorted lists of credit ids as they travel between threads: packed end to end in one string
 * with a typed array of where each id ends. A structured clone (what a worker's result goes
 * through) copies one string and one buffer instead of a string per id, and the packed form
 * holds about a third of the memory of an array of short strings (a V8 string has a 16-byte
 * header and an array slot takes 8 more bytes; "K-123456" is 8 characters).
 * @module
 * @internal
 */

/** Sorted ids end to end: id `i` is `text.slice(ends[i - 1] ?? 0, ends[i])`. @internal */
export interface PackedIds {
  readonly text: string;
  readonly ends: Uint32Array;
}

/** A sorted list of ids, as an array or packed. @internal */
export type IdList = readonly string[] | PackedIds;

/** Packs a list (an empty list stays an empty array). @internal */
export function packIds(ids: readonly string[]): IdList {
  if (ids.length === 0) return ids;
  const ends = new Uint32Array(ids.length);
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    at += (ids[i] as string).length;
    ends[i] = at;
  }
  return { text: ids.join(''), ends };
}

/** The ids of a list, as an array (a packed list is unpacked, an array is returned as it is). @internal */
export function unpackIds(list: IdList): readonly string[] {
  if (Array.isArray(list)) return list;
  const { text, ends } = list as PackedIds;
  const out = new Array<string>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const to = ends[i] as number;
    out[i] = text.slice(from, to);
    from = to;
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
