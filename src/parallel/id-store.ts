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
import type { IdStore } from '../commission/sums.js';
import { writeLength } from './id-lists.js';

/** Bytes in a block; an id with its length must fit in one (a longer id is kept as a string). */
const BLOCK = 1 << 20;

/** Ids shorter than this are read back character by character (see `get`). */
const SHORT = 13;

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
      this.block = Buffer.allocUnsafe(BLOCK);
      this.blocks.push(this.block);
      this.used = 0;
    }
    const b = this.block as Buffer;
    const at = this.used;
    let p = writeLength(b, at, n);
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

  /** Keeps an id as a string (negative keys). */
  private keep(id: string): number {
    this.strings.push(id);
    return -this.strings.length;
  }
}
