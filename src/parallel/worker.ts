/**
 * The worker script of `revops/parallel` (piscina loads it in each worker thread): runs one
 * byte range of a file or one chunk of rows with the run's configuration, which arrives as the
 * thread's `workerData`.
 * @module
 */
import { workerData } from 'node:worker_threads';
import { type RangeResult, type RangeTask, runRange } from './range.js';
import { runTask, type Task, type TaskConfig, type TaskResult } from './task.js';

/** Runs one range or chunk (piscina calls the default export with each task). @internal */
export default function run(task: Task | RangeTask): TaskResult | Promise<RangeResult> {
  const config = workerData as TaskConfig;
  return 'path' in task ? runRange(config, task) : runTask(config, task);
}
