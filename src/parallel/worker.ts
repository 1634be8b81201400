/**
 * The worker script of `revops/parallel` (piscina loads it in each worker thread): runs one
 * chunk with the run's configuration, which arrives as the thread's `workerData`.
 * @module
 */
import { workerData } from 'node:worker_threads';
import { runTask, type Task, type TaskConfig, type TaskResult } from './task.js';

/** Runs one chunk (piscina calls the default export with each task). @internal */
export default function run(task: Task): TaskResult {
  return runTask(workerData as TaskConfig, task);
}
