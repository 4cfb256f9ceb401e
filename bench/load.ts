// Load generation: autocannon for single requests, a small keep-alive driver for operations of several requests.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  /** Completed operations per second. */
  rps: number;
  p50: number;
  p99: number;
  operations: number;
  /** Responses that were not 2xx, carried GraphQL errors, or failed on the socket. */
  failures: number;
}

export interface CannonOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Builds each request: body and headers (a random abonent's cookie, a fresh idempotency key…). */
  request: (connection: Record<string, unknown>) => { body: string; headers: Record<string, string> };
  /** Whether a 2xx body without GraphQL errors still reports a failure (a payload's `ok: false`). */
  failed?: (body: string) => boolean;
}

/**
 * POSTs GraphQL requests with autocannon for `durationSeconds`; a response with `"errors"` counts as a failure.
 * Percentiles come from each response's own time (autocannon's histogram rounds to whole milliseconds, and the
 * raw query answers in less than one).
 */
export async function cannon(options: CannonOptions): Promise<LoadResult> {
  let failures = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        method: 'POST',
        requests: [
          {
            setupRequest: (request, context) => {
              const { body, headers } = options.request(context as Record<string, unknown>);
              return { ...request, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } };
            },
            onResponse: (status, body) => {
              if (
                status >= 300 ||
                body.includes('"errors":[{') ||
                body.includes('"errors" : [{') ||
                options.failed?.(body)
              ) {
                failures++;
              }
            },
          },
        ],
      },
      (error: Error | null, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  });
  return {
    rps: result.requests.total / (result.duration || options.durationSeconds),
    ...percentiles(latencies),
    operations: result.requests.total,
    failures: failures + result.errors + result.timeouts,
  };
}

/** One HTTP POST on a keep-alive agent; resolves with the status and the body. */
export function post(
  agent: http.Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Runs `operation` in `concurrency` loops for `durationMs`, timing each; an operation that throws or returns false
 * is a failure.
 */
export async function drive(
  operation: (worker: number) => Promise<boolean>,
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const at = performance.now();
        const ok = await operation(worker).catch(() => false);
        latencies.push(performance.now() - at);
        if (!ok) failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { rps: latencies.length / elapsed, ...percentiles(latencies), operations: latencies.length, failures };
}

export function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Samples a process's resident memory (VmRSS, MiB) until stopped; returns the first and the peak sample. */
export function sampleMemory(pid: number, everyMs = 50): { stop(): { startMiB: number; peakMiB: number } } {
  const read = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const startMiB = read();
  let peakMiB = startMiB;
  const timer = setInterval(() => (peakMiB = Math.max(peakMiB, read())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      peakMiB = Math.max(peakMiB, read());
      return { startMiB, peakMiB };
    },
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) the processes have used so far, from /proc/<pid>/stat: read before and after a load,
 * the difference divided by the requests served is the CPU each request cost those processes.
 */
export function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces, in parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
