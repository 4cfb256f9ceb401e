// A CPU pool task for tests: holds its worker thread until the shared flag is set, then answers with its thread.
import { threadId } from 'node:worker_threads';

export default function hold(task: { release: SharedArrayBuffer }): number {
  const flag = new Int32Array(task.release);
  // Blocks this worker (never the event loop): the test decides when the task ends.
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 50);
  return threadId;
}
