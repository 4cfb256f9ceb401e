// What one process tells Prometheus (prom-client), served at /metrics (see `registerMetrics`). Every label has a
// bounded set of values fixed by the code or the schema: operation names of the web client's own documents (any
// other operation is `other`), root fields the schema has, caller kinds, error codes of ErrorCode, subgraph, pool,
// job and letter names. No id, e-mail, account number or client-chosen string ever becomes a label.
import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { bearerOf } from './caller.js';
import type { Config } from './config.js';
import { ErrorCode } from './errors.js';

/** Seconds: from a cached read (a few ms) to the request timeout. */
const LATENCY_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** How long one read of `gaugesFromQuery` serves the families of one scrape. */
const SCRAPE_READ_REUSE_MS = 1000;
/** Seconds a request waited for a pooled connection: usually none. */
const WAIT_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** An error code as a label: one of ErrorCode's, else `OTHER` (a code no Kabinet code path sets). */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER';
}

/** The knex (tarn) pool a subgraph's MikroORM holds: what is read of it. */
interface KnexPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  on(event: 'acquireRequest', listener: (eventId: number) => void): void;
  on(event: 'acquireSuccess' | 'acquireFail', listener: (eventId: number) => void): void;
}

export class Metrics {
  readonly registry = new Registry();
  readonly graphqlRequests = new Counter({
    name: 'kabinet_graphql_requests_total',
    help: 'GraphQL operations answered, by operation name (web client documents; other operations: "other"), type, caller kind and outcome (ok or error)',
    labelNames: ['operation', 'type', 'caller', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'kabinet_graphql_request_duration_seconds',
    help: 'Time from the request to its answer, by operation name, type and caller kind',
    labelNames: ['operation', 'type', 'caller'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'kabinet_graphql_errors_total',
    help: 'Errors in GraphQL answers, by operation name, caller kind and error code (extensions.code)',
    labelNames: ['operation', 'caller', 'code'] as const,
    registers: [this.registry],
  });
  readonly rootFields = new Counter({
    name: 'kabinet_graphql_root_fields_total',
    help: 'Root fields executed, by field, operation type and caller kind (what partner operations ask for)',
    labelNames: ['field', 'type', 'caller'] as const,
    registers: [this.registry],
  });
  readonly httpResponses = new Counter({
    name: 'kabinet_http_responses_total',
    help: 'HTTP answers by route (the route pattern, "unmatched" for none) and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly subgraphFetches = new Histogram({
    name: 'kabinet_subgraph_fetch_duration_seconds',
    help: "The gateway's requests to a subgraph (distributed mode and the federated in-process path), by subgraph and outcome",
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly poolWait = new Histogram({
    name: 'kabinet_db_pool_acquire_seconds',
    help: 'Time a statement waited for a pooled database connection, by pool',
    labelNames: ['pool'] as const,
    buckets: WAIT_BUCKETS,
    registers: [this.registry],
  });
  readonly letters = new Counter({
    name: 'kabinet_letters_total',
    help: 'Letter attempts by kind and outcome: sent, failed (retried by the queue) or duplicate (sent before)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly paymentStatusChanges = new Counter({
    name: 'kabinet_payment_status_changes_total',
    help: 'Payments moved to a status (PENDING, SUCCEEDED, CANCELED, REFUNDED) by what the acquirer reported',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly pools = new Map<string, KnexPool>();

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    // Event-loop lag (and its percentiles), CPU, memory, GC, handles: the standard Node families.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    const pools = this.pools;
    new Gauge({
      name: 'kabinet_db_pool_connections',
      help: 'Connections of a database pool, by pool and state (used, free)',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        for (const [name, pool] of pools) {
          this.set({ pool: name, state: 'used' }, pool.numUsed());
          this.set({ pool: name, state: 'free' }, pool.numFree());
        }
      },
    });
    new Gauge({
      name: 'kabinet_db_pool_waiting',
      help: 'Statements waiting for a pooled database connection now, by pool',
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        for (const [name, pool] of pools) this.set({ pool: name }, pool.numPendingAcquires());
      },
    });
  }

  /** Reports a knex pool (a subgraph's MikroORM) as `pool`: its connections, waiters and acquire waits. */
  watchKnexPool(name: string, pool: KnexPool): void {
    this.pools.set(name, pool);
    const started = new Map<number, number>();
    pool.on('acquireRequest', (id) => started.set(id, performance.now()));
    const done = (id: number) => {
      const at = started.get(id);
      if (at === undefined) return;
      started.delete(id);
      this.poolWait.observe({ pool: name }, (performance.now() - at) / 1000);
    };
    pool.on('acquireSuccess', done);
    pool.on('acquireFail', done);
  }

  /**
   * Gauges read when Prometheus scrapes (queue depth, open payments): `read` runs once per scrape however many
   * families it feeds (a scrape collects the families one after another; a read is reused for a second), and each
   * family takes its labelled values from the rows. A failed read (the database out of reach) leaves the families
   * empty for that scrape rather than failing /metrics.
   */
  gaugesFromQuery<Row>(
    read: () => Promise<Row[]>,
    families: ReadonlyArray<{
      name: string;
      help: string;
      labelNames: readonly string[];
      values(rows: Row[]): Array<{ labels: Record<string, string>; value: number }>;
    }>,
  ): void {
    let last: { at: number; rows: Promise<Row[]> } | undefined;
    const rows = () => {
      if (!last || performance.now() - last.at > SCRAPE_READ_REUSE_MS) {
        last = { at: performance.now(), rows: read().catch(() => []) };
      }
      return last.rows;
    };
    for (const family of families) {
      new Gauge({
        name: family.name,
        help: family.help,
        labelNames: family.labelNames,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const { labels, value } of family.values(await rows())) this.set(labels, value);
        },
      });
    }
  }
}

/** Where /metrics is served from, once `serveMetrics` has set it up; `close` stops a listener of its own. */
export interface MetricsEndpoint {
  /** The scraper's URL when /metrics has a listener of its own (METRICS_PORT). */
  readonly url?: string;
  close(): Promise<void>;
}

/**
 * Serves the registry: on METRICS_PORT alone when it is set (a listener for the scraper, never the public one), else
 * on the public port at /metrics, which answers only to `Authorization: Bearer <METRICS_TOKEN>` when that is set and,
 * in production without it, is not served at all (404): a public port must not tell strangers its traffic.
 */
export async function serveMetrics(app: FastifyInstance, metrics: Metrics, config: Config): Promise<MetricsEndpoint> {
  const { token, port, host } = config.metrics;
  const answer = async (authorization: string | undefined) => {
    if (token !== undefined && !bearerMatches(authorization, token)) return { status: 401, body: UNAUTHORIZED };
    return { status: 200, body: await metrics.registry.metrics() };
  };
  if (port === undefined) {
    if (config.isProduction && token === undefined) return { close: async () => {} };
    app.get('/metrics', async (request, reply) => {
      const { status, body } = await answer(request.headers.authorization);
      if (status === 401) void reply.header('www-authenticate', 'Bearer');
      return reply
        .code(status)
        .type(status === 200 ? metrics.registry.contentType : 'text/plain')
        .send(body);
    });
    return { close: async () => {} };
  }
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: the metrics are at /metrics\n');
      return;
    }
    answer(request.headers.authorization).then(
      ({ status, body }) =>
        response
          .writeHead(status, {
            'content-type': status === 200 ? metrics.registry.contentType : 'text/plain',
            ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
          })
          .end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const UNAUTHORIZED = 'Authorization: Bearer <METRICS_TOKEN> is required\n';

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = bearerOf(header);
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Counts every HTTP answer of `app` by route pattern, method and status, and serves /metrics (see `serveMetrics`).
 * Called right after the server is created, so the hook sees every route.
 */
export async function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  config: Config,
): Promise<MetricsEndpoint> {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpResponses.inc({
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status: String(reply.statusCode),
    });
  });
  return serveMetrics(app, metrics, config);
}
