// The worker threads that do CPU-bound work (the payment notice's PDF and QR code) off the event loop, so one
// caller's heavy fields never hold up another caller's requests. One pool per process, shared by every subgraph.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** Threads by default: every core but one (which the event loop keeps), at least one. */
export function defaultCpuPoolThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Workers load TypeScript task files, as the process itself does (`node --import tsx`): under tsx they inherit its
 * loader with the process's own flags; elsewhere (a test runner that transforms code itself) they get it added.
 */
function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const hasTsx = argv.some((arg, i) => /(^|[/\\])tsx([/\\]|$)|^tsx$/.test(arg) && argv[i - 1] === '--import');
  return hasTsx ? argv : [...argv, '--import', 'tsx'];
}

let maxThreads = defaultCpuPoolThreads();
let pool: Piscina | undefined;

/** Sets the number of worker threads (CPU_POOL_THREADS); a running pool with another size is replaced. */
export function configureCpuPool(threads: number): void {
  if (threads === maxThreads) return;
  maxThreads = threads;
  const previous = pool;
  pool = undefined;
  // Tasks already queued on the previous pool finish there.
  void previous?.close();
}

function cpuPool(): Piscina {
  pool ??= new Piscina({
    // Started on the first task, not at start: most processes never render a notice.
    minThreads: 0,
    maxThreads,
    // An idle worker gives its memory back after a minute; idle workers never keep the process alive.
    idleTimeout: 60_000,
    execArgv: workerExecArgv(),
  });
  return pool;
}

/** Runs the default export of the task module `filename` with `task` in a worker thread; resolves with its result. */
export async function runInCpuPool<Task, Result>(filename: URL, task: Task): Promise<Result> {
  return (await cpuPool().run(task, { filename: filename.href })) as Result;
}

/** Tasks the pool has completed since it started (a process-wide counter, for tests and metrics). */
export function cpuPoolCompleted(): number {
  return pool?.completed ?? 0;
}
