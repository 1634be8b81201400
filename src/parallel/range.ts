/**
 * One byte range of a CSV file, as a worker thread runs it: the worker reads the range with its
 * own file stream, takes the records that start in it (skipping the one that crosses its start,
 * finishing the one that crosses its end), runs them chunk by chunk and returns one combined
 * result. The main thread only cuts the file into ranges and merges one result per range.
 *
 * Where a record starts depends on the quotes before it (a line break inside a quoted field is
 * not a record's end). A worker does not read what precedes its range, so it assumes the lines
 * just before its start are whole records (the quotes since the last line break give the state
 * at its start) and reports that assumption with the quotes its range holds; the main thread
 * checks every assumption against the counts of the ranges before it, and reads the file again
 * the sequential way when one is wrong (a quoted line break near a range start). This is the
 * speculative approach of Ge et al., "Speculative Distributed CSV Data Parsing for Big Data
 * Analytics", SIGMOD 2019 (https://doi.org/10.1145/3299869.3319898).
 * @module
 */
import { createReadStream } from 'node:fs';
import { invalid, RevopsError } from '../core/errors.js';
import { Accumulator } from './accumulate.js';
import { countQuotes, recordEnd, recordEndFrom } from './csv.js';
import {
  failedResult,
  type RunningSummaries,
  runningSummaries,
  runTask,
  type TaskConfig,
  type TaskResult,
} from './task.js';

/** One byte range of a file: the records that start in `[start, end)`. @internal */
export interface RangeTask {
  readonly path: string;
  /** The header row (parsed by the main thread). */
  readonly header: readonly unknown[];
  readonly start: number;
  readonly end: number;
  /** `start` is the first data record (just after the header row): nothing to skip. */
  readonly first: boolean;
  /** Bytes read (and run) at a time. */
  readonly chunkBytes: number;
}

/** What a range gives back: its combined result, and what the main thread checks the start with. @internal */
export interface RangeResult extends TaskResult {
  /** The quotes in the file's bytes `[start, end)`. */
  readonly quotes: number;
  /** The quotes before `start` modulo 2, as this worker assumed them (0 for the first range). */
  readonly parity: number;
}

/** How far before its start a worker reads to find the line break its assumption rests on. */
const LOOKBACK = 64 * 1024;
const LF = 0x0a;
const EMPTY = new Uint8Array(0);

const joined = (a: Uint8Array, b: Uint8Array): Uint8Array => (a.length === 0 ? b : Buffer.concat([a, b]));

/**
 * Runs the records of one byte range, chunk by chunk, into one result; a refusal comes back as
 * `error` with its code (the quotes of the range are still counted).
 * @internal
 */
export async function runRange(config: TaskConfig, task: RangeTask): Promise<RangeResult> {
  const acc = new Accumulator(config, config.checkDuplicates);
  // statements: the range's credits summed member by member as they are read, summarised once at its end
  let running = null as RunningSummaries | null; // (made with the first chunk: its errors are the chunk's)
  let error: TaskResult['error'] | undefined;
  const from = task.first ? task.start : Math.max(0, task.start - LOOKBACK);
  let base = from; // the file offset of pending[0]
  let pending: Uint8Array = EMPTY;
  let phase: 'seek' | 'read' | 'count' = task.first ? 'read' : 'seek';
  let quotes = 0;
  let parity = 0;
  const run = (bytes: Uint8Array) => {
    try {
      running ??= runningSummaries(config);
      const r = runTask(config, { bytes, header: task.header }, running);
      if (r.error === undefined) {
        acc.add(r);
        return;
      }
      error = r.error;
    } catch (e) {
      if (!(e instanceof RevopsError)) throw e;
      error = failedResult(e).error;
    }
    phase = 'count';
  };
  try {
    for await (const buf of createReadStream(task.path, {
      start: from,
      highWaterMark: task.chunkBytes,
    }) as AsyncIterable<Buffer>) {
      const at = base + pending.length; // the file offset of buf[0]
      const read = at + buf.length;
      quotes += countQuotes(buf, Math.max(0, task.start - at), Math.max(0, Math.min(buf.length, task.end - at)));
      if (phase === 'count') {
        base = read;
        if (read >= task.end) break;
        continue;
      }
      pending = joined(pending, buf);
      if (phase === 'seek') {
        if (read < task.start) continue;
        const s = task.start - base; // pending[s - 1] is the byte before the range
        const lastLf = pending.lastIndexOf(LF, s - 1);
        parity = lastLf < 0 ? 0 : countQuotes(pending, lastLf + 1, s) % 2;
        const cut = recordEndFrom(pending, s - 1, (parity + countQuotes(pending, 0, s)) % 2);
        if (cut < 0) {
          // no record starts in the bytes read so far: none in the range once they reach its end
          if (read >= task.end) phase = 'count';
          if (read >= task.end) break;
          continue;
        }
        if (base + cut >= task.end) {
          phase = 'count';
          break;
        }
        pending = pending.subarray(cut);
        base += cut;
        phase = 'read';
      }
      const last = task.end - 1 - base; // pending[last] is the range's last byte
      if (last < pending.length) {
        // the record that holds the last byte ends the range
        const cut = recordEndFrom(pending, last);
        if (cut >= 0) {
          run(pending.subarray(0, cut));
          pending = EMPTY;
          base += cut;
          break;
        }
        const whole = last > 0 ? recordEnd(pending.subarray(0, last)) : -1;
        if (whole > 0) {
          run(pending.subarray(0, whole));
          pending = pending.subarray(whole);
          base += whole;
        }
      } else {
        const whole = recordEnd(pending);
        if (whole > 0) {
          run(pending.subarray(0, whole));
          pending = pending.subarray(whole);
          base += whole;
        }
      }
      if (error !== undefined) {
        // a refusal: the rest of the range is only counted
        base += pending.length;
        pending = EMPTY;
        if (base >= task.end) break;
      }
    }
    // the end of the file: its last record (a file need not end with a line break)
    if (phase === 'read' && pending.length > 0) run(pending);
  } catch (e) {
    // a read error (the quotes are not all counted: the main thread then reads the file itself, and fails alike)
    const x = e instanceof RevopsError ? e : invalid('INVALID_INPUT', 'path', task.path, readable(e));
    return { ...failedResult(x), quotes: Number.NaN, parity };
  }
  if (error === undefined && running !== null && running.size > 0) {
    const parts = running;
    try {
      acc.addSummaries(Object.fromEntries([...parts].map(([name, r]) => [name, r.result()])));
    } catch (e) {
      if (!(e instanceof RevopsError)) throw e;
      error = failedResult(e).error;
    }
  }
  if (error !== undefined) return { ...failedResult(error), quotes, parity };
  return { ...acc.result(), quotes, parity };
}

function readable(e: unknown): string {
  return `must be a readable file (${e instanceof Error ? e.message : String(e)})`;
}
