/**
 * The worker script of `revops/parallel` (piscina loads it in each worker thread): runs one
 * byte range of a file or one chunk of rows with the run's configuration, which arrives as the
 * thread's `workerData`. The buffers a result's summaries hold (statements' packed credit ids)
 * are moved to the main thread with it, not copied (piscina's `move`).
 * @module
 */
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { COMPUTATIONS, type ParallelComputation } from './computations.js';
import { type RangeResult, type RangeTask, runRange } from './range.js';
import { runTask, type Task, type TaskConfig, type TaskResult } from './task.js';

/** A result with the buffers of its summaries marked to be moved (the result itself when there are none). @internal */
export function moved<R extends TaskResult>(r: R): R {
  const buffers: ArrayBuffer[] = [];
  for (const [name, summary] of Object.entries(r.summaries)) {
    const of = COMPUTATIONS[name as ParallelComputation]?.buffers;
    if (of !== undefined) buffers.push(...of(summary));
  }
  if (buffers.length === 0) return r;
  // piscina posts the value with these buffers in the transfer list. The object is the result itself too: were it
  // not taken as moved (a second copy of piscina, whose mark is another symbol), its copy would still be the result
  return move({ ...r, [transferableSymbol]: buffers, [valueSymbol]: r } as never) as unknown as R;
}

/** Runs one range or chunk (piscina calls the default export with each task). @internal */
export default function run(task: Task | RangeTask): TaskResult | Promise<RangeResult> {
  const config = workerData as TaskConfig;
  return 'path' in task ? runRange(config, task).then(moved) : moved(runTask(config, task));
}
