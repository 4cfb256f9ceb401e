// Process plumbing for the entry points: config errors as plain messages, and graceful shutdown on signals.
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startDraining } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { unsupportedNodeWarning } from './node-version.js';
import { stopTracing } from './tracing.js';

export function bootstrap(component: string): { config: Config; log: Logger } {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel, { component });
  const nodeWarning = unsupportedNodeWarning();
  if (nodeWarning) log.warn(nodeWarning);
  if (config.gatewaySecretIsDefault) {
    log.warn('GATEWAY_SECRET is not set: using the development secret (refused when NODE_ENV=production)');
  }
  return { config, log };
}

/** What an entry point shuts down: its HTTP server, and `close`, which closes that server and then the rest. */
export interface ShutdownTarget {
  readonly http: FastifyInstance;
  /**
   * Closes the HTTP server (in-flight requests get `deadlineMs`, then their connections are cut), then stops queue
   * workers and closes pools and the database.
   */
  close(options: { deadlineMs: number }): Promise<void>;
}

/**
 * Once the HTTP server has closed, what stopping the queue workers (pg-boss waits up to 5 s for a job under way)
 * and closing the pools and the database may take before the process gives up on them and exits 1.
 */
const CLOSE_ALLOWANCE_MS = 10_000;

/**
 * On SIGTERM/SIGINT, in phases, each logged:
 * - `draining`: /readyz answers 503, every answer says `Connection: close`, the listener keeps accepting and
 *   serving for `drainMs`, so a load balancer takes the process out before anything is refused;
 * - `closing`: the listener closes, idle keep-alive connections close, in-flight requests finish; connections still
 *   open after `timeoutMs` (a request still running, a client still sending its request) are cut; then the queue
 *   workers stop and the database closes;
 * - `stopped`: exit 0. A deadline reached is part of a clean shutdown: exit 1 only when closing failed or hung.
 * A second signal while shutting down changes nothing.
 */
export function closeOnSignals(
  target: ShutdownTarget,
  log: Logger,
  timing: { drainMs: number; timeoutMs: number },
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      log.info({ signal }, 'already shutting down');
      return;
    }
    shuttingDown = true;
    void shutDown(target, log, signal, timing, wait).then((code) => process.exit(code));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** The phases of `closeOnSignals`; resolves with the exit code. */
export async function shutDown(
  target: ShutdownTarget,
  log: Logger,
  signal: NodeJS.Signals,
  {
    drainMs,
    timeoutMs,
    allowanceMs = CLOSE_ALLOWANCE_MS,
  }: { drainMs: number; timeoutMs: number; allowanceMs?: number },
  wait: (ms: number) => Promise<void>,
): Promise<number> {
  startDraining(target.http);
  log.info({ signal, drainMs }, 'draining');
  if (drainMs > 0) await wait(drainMs);
  log.info({ timeoutMs }, 'closing');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), timeoutMs + allowanceMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([target.close({ deadlineMs: timeoutMs }).then(() => 'closed' as const), hung]);
    if (outcome === 'hung') {
      log.error({ timeoutMs, allowanceMs }, 'shutdown hung: queue or database did not close');
      return 1;
    }
    log.info('stopped');
    // The last spans (the shutdown's own requests) leave before the exit.
    await stopTracing().catch((error: unknown) => log.warn({ err: error }, 'traces could not be sent at shutdown'));
    return 0;
  } catch (error) {
    log.error({ err: error }, 'error while shutting down');
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

export function failStart(log: Logger, error: unknown): never {
  log.fatal({ err: error }, 'failed to start');
  process.exit(1);
}
