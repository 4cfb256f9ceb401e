// The worker threads that do CPU-bound work (the payment notice's PDF and QR code) off the event loop, so one
// caller's heavy fields never hold up another caller's requests. One pool per process, shared by every subgraph.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, ErrorCode } from './errors.js';

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

export const CPU_POOL_BUSY_MESSAGE =
  'Сервер сейчас занят формированием документов для других абонентов. Попробуйте ещё раз через несколько секунд.';

/** Tasks that may wait for a thread by default (CPU_POOL_QUEUE): at ~0.3 s a notice, seconds of work, not minutes. */
export const DEFAULT_CPU_POOL_QUEUE = 32;

let maxThreads = defaultCpuPoolThreads();
let maxQueue = DEFAULT_CPU_POOL_QUEUE;
let pool: Piscina | undefined;
/** Tasks handed to the pool and not finished yet, running or waiting, across pools being replaced. */
let inFlight = 0;

/**
 * Sets the number of worker threads (CPU_POOL_THREADS) and how many tasks may wait for one (CPU_POOL_QUEUE); a
 * running pool with another size is replaced.
 */
export function configureCpuPool(threads: number, queue = DEFAULT_CPU_POOL_QUEUE): void {
  maxQueue = queue;
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

/**
 * Runs the default export of the task module `filename` with `task` in a worker thread; resolves with its result.
 * When every thread is busy and the line is full too, refuses at once with SERVER_BUSY: many callers, each within
 * its own rate, must not pile up work (and memory) nobody would wait for.
 */
export async function runInCpuPool<Task, Result>(filename: URL, task: Task): Promise<Result> {
  if (inFlight >= maxThreads + maxQueue) {
    throw new AppError(ErrorCode.SERVER_BUSY, CPU_POOL_BUSY_MESSAGE, { retryAfterSeconds: 1 });
  }
  inFlight++;
  try {
    return (await cpuPool().run(task, { filename: filename.href })) as Result;
  } finally {
    inFlight--;
  }
}

/** Tasks the pool has completed since it started (a process-wide counter, for tests and metrics). */
export function cpuPoolCompleted(): number {
  return pool?.completed ?? 0;
}
