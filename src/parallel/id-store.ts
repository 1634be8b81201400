/**
 * A worker's credit ids, kept as bytes outside the JS heap while its range is read (the
 * statements need every id at the end of the range, to list them and to refuse a credit counted
 * twice). Held as strings, a million ids of 8 characters take 32 bytes each on the heap (a
 * 24-byte string and an 8-byte array slot), and the garbage collector copies them from the young
 * generation and marks them again at every full collection; here an id takes its characters and
 * one byte for its length, in blocks of 1 MiB outside the heap, and the accumulator keeps a small
 * integer (no object) for it.
 * @module
 * @internal
 */
import type { IdStore, KeyList } from '../commission/sums.js';

/** Bytes in a block; an id with its length must fit in one (a longer id is kept as a string). */
const BLOCK = 1 << 20;

/** Ids shorter than this are read back character by character (see `get`). */
const SHORT = 13;

/** Blocks a store fills at most: every key (an offset, or minus a string's number) fits in an Int32Array. */
const MAX_BLOCKS = 2047;

/**
 * Keys in an Int32Array outside the heap, its length doubled as it fills (4 bytes a key; in a JS
 * array each key is an 8-byte slot on the heap, which the garbage collector copies and marks).
 * @internal
 */
export class Int32Keys implements KeyList {
  private keys: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.keys = new Int32Array(capacity);
  }

  at(i: number): number {
    return this.keys[i] as number;
  }

  push(key: number): void {
    if (this.length === this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }

  head(n: number): Int32Keys {
    const out = new Int32Keys(Math.max(4, n));
    out.keys.set(this.keys.subarray(0, n));
    out.length = n;
    return out;
  }

  /** The keys, as a view of the list's own array (valid until the next push). */
  view(): Int32Array {
    return this.keys.subarray(0, this.length);
  }
}

/**
 * Ids of Latin-1 characters (below 256: one byte each) stored as their bytes behind their length
 * (7 bits a byte, the high bit saying another byte follows); a key is the id's offset in all the
 * blocks end to end. An id with another character, or too long for a block, is kept as it is and
 * has a negative key.
 * @internal
 */
export class ByteIdStore implements IdStore {
  private readonly blocks: Buffer[] = [];
  private block: Buffer | null = null;
  /** Bytes used in the last block. */
  private used = BLOCK;
  private readonly strings: string[] = [];

  put(id: string): number {
    const n = id.length;
    if (n > BLOCK - 8) return this.keep(id);
    if (this.used + n + 3 > BLOCK) {
      if (this.blocks.length >= MAX_BLOCKS) return this.keep(id);
      this.block = Buffer.allocUnsafe(BLOCK);
      this.blocks.push(this.block);
      this.used = 0;
    }
    const b = this.block as Buffer;
    const at = this.used;
    let p = at;
    let length = n;
    while (length >= 0x80) {
      b[p++] = 0x80 | (length & 0x7f);
      length >>>= 7;
    }
    b[p++] = length;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) return this.keep(id);
      b[p++] = c;
    }
    this.used = p;
    return (this.blocks.length - 1) * BLOCK + at;
  }

  get(key: number): string {
    if (key < 0) return this.strings[-key - 1] as string;
    const b = this.blocks[Math.floor(key / BLOCK)] as Buffer;
    let p = key % BLOCK;
    let n = 0;
    let shift = 0;
    for (;;) {
      const c = b[p++] as number;
      n += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) break;
      shift += 7;
    }
    if (n >= SHORT) return b.toString('latin1', p, p + n);
    // a short id character by character: about half the time of Buffer#toString's call on Node 20 (76 against 159
    // ns an id of 7 characters); below 13 characters V8 makes each step a flat string, never a rope
    let id = '';
    for (let i = p; i < p + n; i++) id += String.fromCharCode(b[i] as number);
    return id;
  }

  list(): Int32Keys {
    return new Int32Keys();
  }

  /** Where the id of `key` (>= 0) starts in its block, and its length. */
  private locate(key: number): { block: Buffer; at: number; n: number } {
    const block = this.blocks[Math.floor(key / BLOCK)] as Buffer;
    let p = key % BLOCK;
    let n = 0;
    let shift = 0;
    for (;;) {
      const c = block[p++] as number;
      n += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) break;
      shift += 7;
    }
    return { block, at: p, n };
  }

  /** The length of the id of `key` (>= 0), in characters (= bytes). */
  size(key: number): number {
    return this.locate(key).n;
  }

  /**
   * Compares the ids of two keys (>= 0) byte by byte, a prefix first: the order of `<` on the
   * strings, since each byte is the id's UTF-16 code unit (every character below 256).
   */
  compare(a: number, b: number): number {
    const x = this.locate(a);
    const y = this.locate(b);
    const n = Math.min(x.n, y.n);
    for (let i = 0; i < n; i++) {
      const d = (x.block[x.at + i] as number) - (y.block[y.at + i] as number);
      if (d !== 0) return d;
    }
    return x.n - y.n;
  }

  /** Copies the bytes of the id of `key` (>= 0) into `out` at `to`; returns the offset after them. */
  copy(key: number, out: Uint8Array, to: number): number {
    const x = this.locate(key);
    const b = x.block;
    for (let i = x.at; i < x.at + x.n; i++) out[to++] = b[i] as number;
    return to;
  }

  /** Keeps an id as a string (negative keys). */
  private keep(id: string): number {
    this.strings.push(id);
    return -this.strings.length;
  }
}
