// The sandbox acquirer: a stand-in for a real card acquirer's test mode, which Kabinet serves itself by default.
// A system of its own (schema `sandbox_acquirer`, its own pool), it talks to Kabinet only over HTTP: a merchant
// API, a hosted payment page with test cards, and signed notifications retried until acknowledged.
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Config } from '../core/config.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from '../core/database.js';
import { injectTransport } from '../core/http-transport.js';
import type { Logger } from '../core/logger.js';
import type { JobQueue } from '../core/queue.js';
import type { HttpTransport } from '../subgraphs/payments/provider/provider.js';
import { registerApi } from './api.js';
import { notificationHandler, type NotifyJob } from './notifier.js';
import { registerPages } from './pages.js';
import { NOTIFY_JOB, SandboxStore } from './store.js';

export { NOTIFY_JOB } from './store.js';
export { injectTransport } from '../core/http-transport.js';
export { TEST_CARDS, THREE_DS_CODE } from './cards.js';

export interface SandboxAcquirerOptions {
  /** Where its routes live, e.g. '/sandbox-acquirer' (the API under `${prefix}/api`, pages under `${prefix}/pay`). */
  readonly prefix: string;
  /** The absolute base URL of the pages, e.g. 'http://localhost:4000/sandbox-acquirer' (for confirmation_url). */
  readonly publicUrl: string;
  /** Its own pool; its tables are in schema sandbox_acquirer. */
  readonly databaseUrl: string;
  /** Connections its pool may open (its share of DB_CONNECTIONS; default 4). */
  readonly poolMax?: number;
  /** How long its pool keeps an unused connection (default 30 s). */
  readonly idleTimeoutMs?: number;
  /** For notification delivery jobs. */
  readonly queue: JobQueue;
  /** The API credential (HTTP Basic `sandbox:<secret>`) and the HMAC key of notifications. */
  readonly secret: string;
  /** Where notifications are POSTed (Kabinet's /payments/webhooks/sandbox). */
  readonly notificationUrl: string;
  /** How they are POSTed: fetchTransport(), or injectTransport(app) in one process. */
  readonly notify: HttpTransport;
  readonly log: Logger;
  /** A pending payment not confirmed in this time is canceled `expired_on_confirmation` (default 15 min). */
  readonly paymentTtlMs?: number;
  /** The first notification retry delay (default 1 s), doubled each time, 20 attempts. */
  readonly retryDelaySeconds?: number;
  /** How often pending payments are swept for expiry (default 30 s). */
  readonly sweepIntervalMs?: number;
  /** The clock of card expiry dates on the payment page (default: the real one). */
  readonly now?: () => Date;
}

export interface SandboxAcquirer {
  /** Stops the expiry sweep and notification delivery and ends the pool. */
  close(): Promise<void>;
}

const DEFAULT_PAYMENT_TTL_MS = 15 * 60_000;
const DEFAULT_SWEEP_INTERVAL_MS = 30_000;

export async function registerSandboxAcquirer(
  app: FastifyInstance,
  options: SandboxAcquirerOptions,
): Promise<SandboxAcquirer> {
  const prefix = options.prefix.replace(/\/+$/, '');
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const log = options.log.child({ module: 'sandbox-acquirer' });
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolMax ?? 4,
    idleTimeoutMillis: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    application_name: 'kabinet-sandbox-acquirer',
  });
  pool.on('error', (error) => log.warn({ err: error }, 'sandbox acquirer: idle database connection failed'));
  const store = new SandboxStore(pool, options.queue, options.paymentTtlMs ?? DEFAULT_PAYMENT_TTL_MS);

  try {
    await store.migrate();
    await options.queue.register<NotifyJob>({
      name: NOTIFY_JOB,
      retryLimit: 20,
      retryDelay: options.retryDelaySeconds ?? 1,
      retryBackoff: true,
      concurrency: 4,
      handle: notificationHandler({
        store,
        secret: options.secret,
        publicUrl,
        notificationUrl: options.notificationUrl,
        notify: options.notify,
        log,
      }),
    });
    await app.register((scope) => registerApi(scope, { store, secret: options.secret, publicUrl }), {
      prefix: `${prefix}/api`,
    });
    await app.register((scope) => registerPages(scope, { store, now: options.now }), { prefix });
  } catch (error) {
    await options.queue.offWork(NOTIFY_JOB);
    await pool.end();
    throw error;
  }

  // Expiry is also applied lazily on every read; the sweep notifies about payments nobody looks at.
  let sweeping: Promise<unknown> = Promise.resolve();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweeping = store
      .sweep()
      .then((expired) => expired && log.info({ expired }, 'sandbox acquirer: expired pending payments'))
      .catch((error: unknown) => log.warn({ err: error }, 'sandbox acquirer: the expiry sweep failed'))
      .finally(() => (running = false));
  }, options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  timer.unref();

  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= (async () => {
        clearInterval(timer);
        await options.queue.offWork(NOTIFY_JOB);
        await sweeping;
        await pool.end();
      })();
      return closed;
    },
  };
}

/**
 * The sandbox acquirer as Kabinet serves it itself (PAYMENT_PROVIDER=sandbox without SANDBOX_ACQUIRER_URL), on the
 * server of the process that runs payments (`npm start`, or the payments service in distributed mode): payments
 * reach its API, and it notifies payments' webhook, through that server in-process. Undefined when not configured.
 */
export async function startSandboxAcquirer(
  http: FastifyInstance,
  options: {
    config: Config;
    databaseUrl: string;
    idleTimeoutMs?: number;
    poolMax?: number;
    queue: JobQueue;
    log: Logger;
  },
): Promise<SandboxAcquirer | undefined> {
  const { config } = options;
  if (config.payments.provider !== 'sandbox' || !config.payments.sandboxSelfHosted) return undefined;
  return registerSandboxAcquirer(http, {
    prefix: new URL(config.payments.sandboxUrl).pathname,
    publicUrl: config.payments.sandboxUrl,
    databaseUrl: options.databaseUrl,
    idleTimeoutMs: options.idleTimeoutMs,
    poolMax: options.poolMax,
    queue: options.queue,
    secret: config.payments.sandboxSecret,
    notificationUrl: `${config.publicUrl}/payments/webhooks/sandbox`,
    notify: injectTransport(http),
    log: options.log,
  });
}
