/**
 * Sorted lists of credit ids as they travel between threads: packed into one string, the number
 * of ids and each id's length in front of the ids end to end. A structured clone (what a
 * worker's result goes through) copies one string instead of a string per id, and the packed
 * form holds about a third of the memory of an array of short strings (a V8 string has a 16-byte
 * header and an array slot takes 8 more bytes; "K-123456" is 8 characters). The count and the
 * lengths are written with characters below 256 only, so that a list of Latin-1 ids packs into a
 * Latin-1 string, which V8 stores one byte a character: one character of 256 or more makes the
 * whole string two bytes a character, and every id cut out of it too (measured on Node 20:
 * 1,000,000 ids of 8 characters cut out of a packed string take 32 bytes each, heap and array
 * slot, from a Latin-1 one and 40 from a two-byte one).
 * A worker writes Latin-1 lists as that string's bytes instead ({@link IdBytes}).
 * @module
 * @internal
 */

/**
 * A sorted list of ids: an array, packed into one string by {@link packIds}, or that string's
 * characters as bytes (Latin-1 ids, packed by {@link IdBytes}). @internal
 */
export type IdList = readonly string[] | string | Uint8Array;

/** Longest id a packed list holds; a list with a longer one stays an array. */
const MAX_PACKED = 0xffff;

/**
 * Writes a length at `p` of `out` (characters' codes or bytes), 7 bits each, least significant
 * first, the high bit set on all but the last; returns the position after it. @internal
 */
export function writeLength(out: { [i: number]: number }, p: number, n: number): number {
  while (n >= 0x80) {
    out[p++] = 0x80 | (n & 0x7f);
    n >>>= 7;
  }
  out[p++] = n;
  return p;
}

/**
 * Packs a list: the count, then each id's length (7 bits a character, least significant
 * first, the high bit saying another character follows), then the ids. An empty list, or one
 * with an id longer than 65,535 characters, stays an array.
 * @internal
 */
export function packIds(ids: readonly string[]): IdList {
  const n = ids.length;
  if (n === 0 || n > 0xffffffff) return ids;
  const codes: number[] = [];
  let p = writeLength(codes, 0, n);
  for (let i = 0; i < n; i++) {
    const length = (ids[i] as string).length;
    if (length > MAX_PACKED) return ids;
    p = writeLength(codes, p, length);
  }
  // String.fromCharCode takes its codes as arguments: a few thousand at a time
  let head = '';
  for (let i = 0; i < codes.length; i += 4096) head += String.fromCharCode(...codes.slice(i, i + 4096));
  return head + ids.join('');
}

/** Bytes of the first block; each next block doubles, up to {@link MAX_BLOCK} (a larger list gets a block its size). */
const FIRST_BLOCK = 64 * 1024;
const MAX_BLOCK = 1 << 20;

/**
 * Lists packed as bytes ({@link packIds}' layout, a byte a character) into a few blocks that a
 * worker moves to the main thread, which reads them back as the packed string. A list with a
 * character above 255 is packed as a string; an empty list, or one with an id over 65,535
 * characters, stays an array.
 * @internal
 */
export class IdBytes {
  /** The blocks written so far (what a worker transfers). */
  buffers: ArrayBuffer[] = [];
  private block = new Uint8Array(0);
  /** Bytes used in each block (the last one's: where the next list goes). */
  private readonly filled: number[] = [];

  /** The list packed: a view of its bytes in the current block, or as {@link packIds} packs it. */
  pack(ids: readonly string[]): IdList {
    const n = ids.length;
    if (n === 0 || n > 0xffffffff) return ids;
    let size = lengthBytes(n);
    for (let i = 0; i < n; i++) {
      const length = (ids[i] as string).length;
      if (length > MAX_PACKED) return ids;
      size += lengthBytes(length) + length;
    }
    if ((this.filled[this.filled.length - 1] ?? 0) + size > this.block.length) this.next(size);
    const b = this.block;
    const at = this.filled.length - 1;
    const start = this.filled[at] as number;
    let p = writeLength(b, start, n);
    for (let i = 0; i < n; i++) p = writeLength(b, p, (ids[i] as string).length);
    for (let i = 0; i < n; i++) {
      const id = ids[i] as string;
      for (let k = 0; k < id.length; k++) {
        const c = id.charCodeAt(k);
        if (c > 0xff) return packIds(ids); // the bytes written stay unused: `filled` has not moved
        b[p++] = c;
      }
    }
    this.filled[at] = p;
    return b.subarray(start, p);
  }

  /**
   * Ends the writing. When more than half the blocks' bytes are unused (a few short lists in a
   * 64 KiB block, which each list's view keeps alive), copies the lists into one block of their
   * size and returns the map from a list to its new view; otherwise `null` (nothing moves).
   */
  compact(): ((list: IdList) => IdList) | null {
    const used = this.filled.reduce((a, b) => a + b, 0);
    const allocated = this.buffers.reduce((a, b) => a + b.byteLength, 0);
    this.block = new Uint8Array(0);
    if (allocated - used <= used) return null;
    const exact = new Uint8Array(used);
    const base = new Map<ArrayBufferLike, number>();
    let at = 0;
    this.buffers.forEach((buffer, i) => {
      const n = this.filled[i] as number;
      exact.set(new Uint8Array(buffer, 0, n), at);
      base.set(buffer, at);
      at += n;
    });
    this.buffers = used === 0 ? [] : [exact.buffer];
    return (list) => {
      const from = list instanceof Uint8Array ? base.get(list.buffer) : undefined;
      if (from === undefined) return list;
      const start = from + (list as Uint8Array).byteOffset;
      return exact.subarray(start, start + (list as Uint8Array).byteLength);
    };
  }

  private next(size: number): void {
    const grown = Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, 2 * this.block.length));
    this.block = new Uint8Array(Math.max(size, grown));
    this.buffers.push(this.block.buffer);
    this.filled.push(0);
  }
}

/** Bytes (or characters) a length takes in a packed list. */
function lengthBytes(n: number): number {
  let k = 1;
  while (n >= 0x80) {
    n >>>= 7;
    k++;
  }
  return k;
}

/** A packed list's bytes read back as the packed string, one character a byte (ISO-8859-1). */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Reads a list id by id: an array's elements, or a packed list's ids, each cut out of the packed
 * string once, when it is read (no array of the whole list in between).
 */
class IdReader {
  /** Ids in the list. */
  readonly count: number;
  private read = 0;
  /** Packed: where the next length is written, and where the next id starts. */
  private head = 0;
  private at = 0;

  private readonly list: readonly string[] | string;

  constructor(given: IdList) {
    const list = given instanceof Uint8Array ? latin1(given) : given;
    this.list = list;
    if (typeof list !== 'string') {
      this.count = list.length;
      return;
    }
    this.count = this.length();
    // the ids start after the count and every length: skip the lengths (each ends with a character below 128)
    let at = this.head;
    for (let i = 0; i < this.count; i++) while (list.charCodeAt(at++) >= 0x80);
    this.at = at;
  }

  /** A length at `head`, moving past it. */
  private length(): number {
    const list = this.list as string;
    let n = 0;
    let shift = 0;
    for (;;) {
      const c = list.charCodeAt(this.head++);
      n += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) return n;
      shift += 7;
    }
  }

  /** The next id, or `undefined` after the last. */
  next(): string | undefined {
    if (this.read >= this.count) return undefined;
    const list = this.list;
    if (typeof list !== 'string') return list[this.read++];
    this.read++;
    const start = this.at;
    const c = list.charCodeAt(this.head);
    // an id shorter than 128 characters has a one-character length
    if (c < 0x80) {
      this.head++;
      this.at = start + c;
    } else this.at = start + this.length();
    return list.slice(start, this.at);
  }
}

/** The ids of a list, as an array (a packed list is unpacked, an array is returned as it is). @internal */
export function unpackIds(list: IdList): readonly string[] {
  if (typeof list !== 'string' && !(list instanceof Uint8Array)) return list;
  const r = new IdReader(list);
  const out = new Array<string>(r.count);
  for (let i = 0; i < out.length; i++) out[i] = r.next() as string;
  return out;
}

/**
 * Two sorted lists (arrays or packed) merged into one sorted array, each id read once: a packed
 * list is merged as it is unpacked. `repeated(id)` is called for an id in both (both lists are
 * then the same credits' ids: counting one twice is the caller's refusal); without it, the id is
 * kept once.
 * @internal
 */
export function mergeSortedIds(x: IdList, y: IdList, repeated?: (id: string) => never): readonly string[] {
  const a = new IdReader(x);
  const b = new IdReader(y);
  if (b.count === 0) return unpackIds(x);
  if (a.count === 0) return unpackIds(y);
  const out = new Array<string>(a.count + b.count);
  let n = 0;
  let p = a.next();
  let q = b.next();
  while (p !== undefined && q !== undefined) {
    if (p < q) {
      out[n++] = p;
      p = a.next();
    } else if (q < p) {
      out[n++] = q;
      q = b.next();
    } else {
      repeated?.(p);
      out[n++] = p;
      p = a.next();
      q = b.next();
    }
  }
  for (; p !== undefined; p = a.next()) out[n++] = p;
  for (; q !== undefined; q = b.next()) out[n++] = q;
  out.length = n;
  return out;
}
