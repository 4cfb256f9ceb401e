// Runs Kabinet entry points as real child processes, the way `npm start` and distributed mode run them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export { freePort } from '../../src/core/database.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * How long a started process may take to answer its readiness probe: generous, since a loaded 2-core machine
 * starting several processes (and the embedded database) is slow. READY_TIMEOUT_MS sets it; tests that start
 * processes take their own time limits from it (`startupTime`).
 */
export const READY_TIMEOUT_MS = readyTimeout(process.env.READY_TIMEOUT_MS);

export function readyTimeout(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 180_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000) {
    throw new Error(`READY_TIMEOUT_MS must be a whole number of milliseconds, at least 1000 (got "${value}")`);
  }
  return ms;
}

/** A test's time limit when it starts `processes` processes one after another and then works for `workMs`. */
export function startupTime(processes: number, workMs = 60_000): number {
  return processes * READY_TIMEOUT_MS + workMs;
}

/** The last `count` lines of a process's output: what it was doing when a wait for it ran out. */
export function lastLines(output: string, count = 40): string {
  const lines = output.trimEnd().split('\n');
  return (lines.length > count ? [`… (${lines.length - count} earlier lines)`] : [])
    .concat(lines.slice(-count))
    .join('\n');
}

export interface RunningProcess {
  /** The entry point it runs (`main.ts`). */
  readonly entry: string;
  readonly child: ChildProcess;
  readonly baseUrl: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns `server/src/<entry>` in node with tsx as its loader (no tsx CLI in between: that relays SIGTERM and kills
 * the child if it has not acknowledged within 30 ms, which a busy machine misses), with only the given environment
 * (plus PATH and HOME), collecting its output.
 */
function spawnEntry(entry: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src', entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Starts `server/src/<entry>` and waits until GET <baseUrl><probe> answers 200. */
export async function startProcess(
  entry: string,
  args: string[],
  env: Record<string, string>,
  baseUrl: string,
  probe = '/readyz',
  timeoutMs = READY_TIMEOUT_MS,
): Promise<RunningProcess> {
  const { child, exited, output } = spawnEntry(entry, args, { LOG_LEVEL: 'info', ...env });
  let stopping = false;
  const running: RunningProcess = {
    entry,
    child,
    baseUrl,
    output,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  try {
    await waitUntilReady(running, probe, timeoutMs);
  } catch (error) {
    await running.stop();
    throw error;
  }
  // A server that dies under a test shows only as refused connections there: say why, with its last lines.
  void exited.then((code) => {
    if (!stopping) {
      console.error(
        `${entry} at ${baseUrl} exited (${code ?? child.signalCode}) while tests used it; its last lines:\n` +
          lastLines(output(), 80),
      );
    }
  });
  return running;
}

/**
 * Waits until GET <baseUrl><probe> answers 200; past `timeoutMs`, or when the process exits first, fails with what
 * the probe last answered and the process's last log lines.
 */
export async function waitUntilReady(running: RunningProcess, probe: string, timeoutMs: number): Promise<void> {
  const { child, entry } = running;
  const deadline = Date.now() + timeoutMs;
  let lastAnswer = 'no answer (not listening yet)';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${entry} exited (${child.exitCode ?? child.signalCode}) before ${probe} answered; its last lines:\n` +
          lastLines(running.output()),
      );
    }
    try {
      const response = await fetch(`${running.baseUrl}${probe}`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastAnswer = `${response.status} ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') lastAnswer = 'no answer within 2 s';
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${entry} was not ready within ${timeoutMs} ms (READY_TIMEOUT_MS); ${probe} last answered: ${lastAnswer}. ` +
      `Its last lines:\n${lastLines(running.output())}`,
  );
}

/** Runs an entry point to completion and returns its exit code and output. */
export async function runProcess(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { exited, output } = spawnEntry(entry, args, env);
  return { code: await exited, output: output() };
}

export async function postGraphQL(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
  extensions?: Record<string, unknown>,
) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, extensions }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
