// The CPU pool's line is bounded: with every thread busy and the queue full, a task is refused at once.
import { afterEach, describe, expect, it } from 'vitest';
import {
  configureCpuPool,
  CPU_POOL_BUSY_MESSAGE,
  DEFAULT_CPU_POOL_QUEUE,
  defaultCpuPoolThreads,
  runInCpuPool,
} from './cpu-pool.js';
import { AppError } from './errors.js';

const TASK = new URL('../../test/support/cpu-task.ts', import.meta.url);

describe('the CPU pool', () => {
  afterEach(() => configureCpuPool(defaultCpuPoolThreads(), DEFAULT_CPU_POOL_QUEUE));

  it('takes as many tasks as it has threads plus its queue, refuses the next with SERVER_BUSY, and takes more once they end', async () => {
    configureCpuPool(1, 1);
    const release = new SharedArrayBuffer(4);
    const running = runInCpuPool<{ release: SharedArrayBuffer }, number>(TASK, { release });
    const waiting = runInCpuPool<{ release: SharedArrayBuffer }, number>(TASK, { release });
    const refused = await runInCpuPool(TASK, { release }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      message: CPU_POOL_BUSY_MESSAGE,
      extensions: { code: 'SERVER_BUSY', retryAfterSeconds: 1 },
    });
    Atomics.store(new Int32Array(release), 0, 1);
    const threads = await Promise.all([running, waiting]);
    expect(threads.every((thread) => thread > 0)).toBe(true);
    await expect(runInCpuPool(TASK, { release })).resolves.toBeGreaterThan(0);
  });
});
