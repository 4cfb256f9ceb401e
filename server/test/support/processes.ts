// Runs Kabinet entry points as real child processes, the way `npm start` and distributed mode run them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export { freePort } from '../../src/core/database.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface RunningProcess {
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
  timeoutMs = 60_000,
): Promise<RunningProcess> {
  const { child, exited, output } = spawnEntry(entry, args, { LOG_LEVEL: 'info', ...env });
  const running: RunningProcess = {
    child,
    baseUrl,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}${probe}`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return running;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await running.stop();
  throw new Error(`${entry} was not ready within ${timeoutMs} ms:\n${output()}`);
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
) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
