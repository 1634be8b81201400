/**
 * The ids an import has seen, each with the row it was first seen in: the memory of the
 * duplicate-id check, which must keep every distinct id of the file (O(ids) by nature).
 *
 * Held compactly and outside the garbage-collected heap: the id's characters in byte chunks
 * (one byte per character when every code unit is below 256, else two), and 64 open-addressing
 * hash tables (picked by the hash's top bits; linear probing, load ≤ 0.7) of a 32-bit hash and a
 * position per slot, in typed arrays. Each table doubles on its own, so growing copies 1/64 of
 * the slots at a time instead of holding two copies of the whole table. An id costs its length
 * (or twice it) + 7 bytes in the chunks and 12 bytes per slot (1.4–2.9 slots per id): 42 bytes
 * per 9-character id at 1,000,000 ids, against 61 for a `Map` entry and its string in the
 * garbage-collected heap; and there is no limit on the count (a `Map` holds at most 2^24
 * entries). A hash match is confirmed character by character: two different ids are never taken
 * for one.
 * @module
 */

/** Bytes per chunk of id text (1 MiB); an entry never spans two chunks. */
const CHUNK = 2 ** 20;
/** Bytes of the first chunk, which doubles (copied) up to {@link CHUNK} before a second is made. */
const FIRST_CHUNK = 2 ** 12;
/** Tables (by the hash's top 6 bits): each doubles on its own, so a doubling copies 1/64 of the slots. */
const SEGMENTS = 64;
/** Slots of each table at first (doubled when more than 70 % are used). */
const FIRST_SLOTS = 16;
/**
 * Longest id whose entry has a one-byte head. An entry is a head, the first row (6 bytes,
 * little-endian) and the code units (1 or 2 bytes each); the head is `length × 2 + width − 1`
 * for an id of at most 126 code units, else 255 followed by the length (4 bytes) and the width.
 */
const SHORT = 126;

/**
 * The 32-bit hash of an id, never 0: FNV-1a over its UTF-16 code units, then murmur3's
 * finaliser (so ids that differ in one digit land far apart). @internal
 */
export function idHash(id: string): number {
  const n = id.length;
  let h = 0x811c9dc5 ^ n;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** Reads `count` (≤ 6) bytes at `o` as a little-endian unsigned integer. */
function readUint(chunk: Uint8Array, o: number, count: number): number {
  let value = 0;
  for (let k = count - 1; k >= 0; k--) value = value * 256 + (chunk[o + k] as number);
  return value;
}

/** Writes a non-negative integer below 2^(8 × count) as `count` little-endian bytes at `o`. */
function writeUint(chunk: Uint8Array, o: number, count: number, value: number): void {
  let rest = value;
  for (let k = 0; k < count; k++) {
    chunk[o + k] = rest % 256;
    rest = Math.floor(rest / 256);
  }
}

/**
 * A set of ids (strings) with the row each was first added at: `firstRowOrAdd('D-1', 2)` is 0
 * (new), a later `firstRowOrAdd('D-1', 4)` is 2. @internal
 */
export class IdSet {
  // Per table: the hash of the id in each slot; 0 marks an empty slot (idHash is never 0).
  private readonly hashes: Int32Array[] = [];
  // Per table: the position of each slot's entry, chunk index × CHUNK + offset in the chunk.
  private readonly positions: Float64Array[] = [];
  // Per table: the slots used.
  private readonly used = new Float64Array(SEGMENTS);
  private readonly chunks: Uint8Array[] = [new Uint8Array(FIRST_CHUNK)];
  // Bytes used in the last chunk.
  private filled = 0;

  constructor() {
    for (let t = 0; t < SEGMENTS; t++) {
      this.hashes.push(new Int32Array(FIRST_SLOTS));
      this.positions.push(new Float64Array(FIRST_SLOTS));
    }
  }

  // Bytes held (tables and chunks): what the set costs, for measurements.
  get bytes(): number {
    let total = 0;
    for (let t = 0; t < SEGMENTS; t++) {
      total += (this.hashes[t] as Int32Array).byteLength + (this.positions[t] as Float64Array).byteLength;
    }
    for (const c of this.chunks) total += c.byteLength;
    return total;
  }

  // The row `id` was first added at, or 0 when it is new (it is then added at `row`).
  // Rows are positive integers below 2^48 (spreadsheet row numbers start at 2 for data).
  firstRowOrAdd(id: string, row: number): number {
    const h = idHash(id);
    const t = h >>> 26; // the top 6 bits pick the table, the low bits the slot
    const hashes = this.hashes[t] as Int32Array;
    const positions = this.positions[t] as Float64Array;
    const mask = hashes.length - 1;
    let slot = h & mask;
    for (;;) {
      const s = hashes[slot] as number;
      if (s === 0) break;
      if (s === h) {
        const first = this.rowIfSame(positions[slot] as number, id);
        if (first !== 0) return first;
      }
      slot = (slot + 1) & mask;
    }
    hashes[slot] = h;
    positions[slot] = this.write(id, row);
    const used = (this.used[t] as number) + 1;
    this.used[t] = used;
    if (used > hashes.length * 0.7) this.grow(t);
    return 0;
  }

  // The first row of the entry at `position` when its id is `id`, else 0.
  private rowIfSame(position: number, id: string): number {
    const index = Math.floor(position / CHUNK);
    const chunk = this.chunks[index] as Uint8Array;
    let o = position - index * CHUNK;
    const n = id.length;
    const head = chunk[o] as number;
    let length: number;
    let width: number;
    if (head === 255) {
      length = readUint(chunk, o + 1, 4);
      width = chunk[o + 5] as number;
      o += 6;
    } else {
      length = head >>> 1;
      width = (head & 1) + 1;
      o += 1;
    }
    if (length !== n) return 0;
    const row = readUint(chunk, o, 6);
    o += 6;
    if (width === 1) {
      for (let k = 0; k < n; k++) if (chunk[o + k] !== id.charCodeAt(k)) return 0;
    } else {
      for (let k = 0; k < n; k++) {
        if (((chunk[o + 2 * k] as number) | ((chunk[o + 2 * k + 1] as number) << 8)) !== id.charCodeAt(k)) return 0;
      }
    }
    return row;
  }

  // Writes an entry (head, row, code units) and returns its position.
  private write(id: string, row: number): number {
    const n = id.length;
    let units = 0;
    for (let k = 0; k < n; k++) units |= id.charCodeAt(k);
    const width = units > 0xff ? 2 : 1;
    const size = (n <= SHORT ? 1 : 6) + 6 + n * width;
    let chunk = this.chunks[this.chunks.length - 1] as Uint8Array;
    if (this.filled + size > chunk.length) {
      if (chunk.length < CHUNK && this.filled + size <= CHUNK) {
        // the first chunk, still small: double it
        let length = chunk.length * 2;
        while (length < this.filled + size) length *= 2;
        const grown = new Uint8Array(length);
        grown.set(chunk.subarray(0, this.filled));
        chunk = grown;
        this.chunks[this.chunks.length - 1] = grown;
      } else {
        // a new chunk (an entry longer than a chunk gets one of its own, alone in it)
        chunk = new Uint8Array(Math.max(CHUNK, size));
        this.chunks.push(chunk);
        this.filled = 0;
      }
    }
    const position = (this.chunks.length - 1) * CHUNK + this.filled;
    let o = this.filled;
    this.filled += size;
    if (n <= SHORT) {
      chunk[o++] = n * 2 + width - 1;
    } else {
      chunk[o] = 255;
      writeUint(chunk, o + 1, 4, n);
      chunk[o + 5] = width;
      o += 6;
    }
    writeUint(chunk, o, 6, row);
    o += 6;
    if (width === 1) {
      for (let k = 0; k < n; k++) chunk[o + k] = id.charCodeAt(k);
    } else {
      for (let k = 0; k < n; k++) {
        const c = id.charCodeAt(k);
        chunk[o + 2 * k] = c & 0xff;
        chunk[o + 2 * k + 1] = c >>> 8;
      }
    }
    return position;
  }

  // Doubles table `t`, placing each slot again by its stored hash (no id is read again).
  private grow(t: number): void {
    const oldHashes = this.hashes[t] as Int32Array;
    const oldPositions = this.positions[t] as Float64Array;
    const hashes = new Int32Array(oldHashes.length * 2);
    const positions = new Float64Array(hashes.length);
    const mask = hashes.length - 1;
    for (let i = 0; i < oldHashes.length; i++) {
      const h = oldHashes[i] as number;
      if (h === 0) continue;
      let slot = h & mask;
      while (hashes[slot] !== 0) slot = (slot + 1) & mask;
      hashes[slot] = h;
      positions[slot] = oldPositions[i] as number;
    }
    this.hashes[t] = hashes;
    this.positions[t] = positions;
  }
}
