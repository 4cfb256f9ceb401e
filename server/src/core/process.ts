// Process plumbing for the entry points: config errors as plain messages, and graceful shutdown on signals.
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { unsupportedNodeWarning } from './node-version.js';

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

/** On SIGTERM/SIGINT: run `close` (finish in-flight requests, close the database), exit; force exit after a timeout. */
export function closeOnSignals(close: () => Promise<void>, log: Logger, timeoutMs: number): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown timed out, exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

export function failStart(log: Logger, error: unknown): never {
  log.fatal({ err: error }, 'failed to start');
  process.exit(1);
}
