// Kabinet in one process: the four subgraphs in-process behind the gateway, the web client and the probes.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SUBGRAPH_NAMES, trustedProxiesWarning, type Config, type SubgraphName } from './core/config.js';
import { systemClock, type Clock } from './core/clock.js';
import type { SubgraphDependencies } from './core/context.js';
import { openDatabase, splitConnections, type Database, type PoolSizes } from './core/database.js';
import { registerDevMailbox } from './core/dev-mailbox-page.js';
import { startDependencies } from './core/dependencies.js';
import { Metrics, registerMetrics } from './core/metrics.js';
import { JobQueue } from './core/queue.js';
import { resolveCaller } from './subgraphs/identity/resolve-caller.js';
import { sessionCacheOf } from './subgraphs/identity/session/session-cache.js';
import {
  closeHttpServer,
  createHttpServer,
  registerApiReference,
  registerProbes,
  registerWebClient,
} from './core/http.js';
import { REFERENCE_FILE, SCHEMA_DIR } from './schema/emit.js';
import { injectTransport } from './core/http-transport.js';
import { LocalSubgraphClient } from './core/subgraph-client.js';
import type { Logger } from './core/logger.js';
import { createSubgraphRuntime, type SubgraphRuntime } from './core/subgraph.js';
import { composeSupergraph } from './gateway/compose.js';
import { registerGateway } from './gateway/gateway.js';
import { oneSchemaExecution } from './gateway/one-schema.js';
import { CachedLocalDataSource } from './gateway/local-data-source.js';
import { EVENT_QUEUES, SUBGRAPHS } from './subgraphs/index.js';
import { startSandboxAcquirer, type SandboxAcquirer } from './sandbox-acquirer/sandbox-acquirer.js';

export interface Kabinet {
  readonly http: FastifyInstance;
  readonly subgraphs: Readonly<Record<SubgraphName, SubgraphRuntime>>;
  readonly queue: JobQueue;
  readonly metrics: Metrics;
  /** Where /metrics is scraped when it has a listener of its own (METRICS_PORT); else /metrics on `http`. */
  readonly metricsUrl?: string;
  /**
   * Stops accepting requests, lets in-flight ones finish (until `deadlineMs`, when given, then their connections
   * are cut), stops the queue workers, closes the database pools.
   */
  close(options?: { deadlineMs?: number }): Promise<void>;
}

export interface KabinetOptions {
  config: Config;
  log: Logger;
  database: Database;
  /** Serve the built web client (default true). */
  serveWebClient?: boolean;
  /** Where "now" comes from (default: the system clock); tests run the API at a chosen date. */
  clock?: Clock;
  /**
   * How the API executes: `one-schema` (the default) runs each operation once against the subgraphs' schemas
   * assembled into one; `federated` plans it over the supergraph and runs each subgraph's part in-process, as
   * distributed mode does across processes. The differential test holds both to the same answers.
   */
  execution?: OneProcessExecution;
}

export type OneProcessExecution = 'one-schema' | 'federated';

export async function createKabinet(options: KabinetOptions): Promise<Kabinet> {
  const { config, log, database } = options;
  const metrics = new Metrics('kabinet');
  const running = await startDependencies(config, database, log, EVENT_QUEUES, options.clock, metrics);
  const http = createHttpServer(log, config.http, { trustedProxies: config.trustedProxies });
  const metricsEndpoint = await registerMetrics(http, metrics, config).catch(async (error: unknown) => {
    await running.close();
    throw error;
  });
  const proxyWarning = trustedProxiesWarning(config);
  if (proxyWarning) log.warn(proxyWarning);
  // Subgraphs in one process call each other's API in-process, and this server's routes without a socket.
  let subgraphs = {} as Record<SubgraphName, SubgraphRuntime>;
  let sandbox: SandboxAcquirer | undefined;
  const deps = { ...running, subgraphs: new LocalSubgraphClient(() => subgraphs), localHttp: injectTransport(http) };
  subgraphs = await openSubgraphs(database, log, deps).catch(async (error: unknown) => {
    await metricsEndpoint.close();
    await deps.close();
    throw error;
  });
  try {
    if (config.migrateOnStart) await migrateAll(subgraphs, log);
    if (config.demoData) {
      for (const runtime of Object.values(subgraphs)) await runtime.seedDemoData();
      log.info('demo data in place (DEMO_DATA); the README lists the accounts to link');
    }
    for (const runtime of Object.values(subgraphs)) await runtime.startJobs();
    const { supergraphSdl, apiSdl } = composeSupergraph(
      SUBGRAPH_NAMES.map((name) => ({ name, sdl: subgraphs[name].sdl, url: config.subgraphUrls[name] })),
    );
    const sessions = sessionCacheOf(deps.queue);
    await registerGateway(http, {
      config,
      log,
      supergraphSdl,
      execution:
        options.execution === 'federated'
          ? { buildService: ({ name }) => new CachedLocalDataSource(subgraphs[name as SubgraphName], log) }
          : { oneSchema: oneSchemaExecution(apiSdl, subgraphs) },
      metrics,
      resolveCaller: (credentials) =>
        resolveCaller(subgraphs.identity.orm.em.fork(), config, credentials, deps.clock.now(), sessions),
    });
    await registerApiReference(http, path.join(SCHEMA_DIR, REFERENCE_FILE));
    for (const runtime of Object.values(subgraphs)) await runtime.registerRoutes(http);
    sandbox = await startSandboxAcquirer(http, {
      config,
      databaseUrl: database.url,
      idleTimeoutMs: database.idleTimeoutMs,
      poolMax: database.sandboxMax,
      queue: deps.queue,
      log,
    });
    registerProbes(http, () => readiness(subgraphs));
    registerDevMailbox(http, config);
    if (options.serveWebClient !== false) await registerWebClient(http, config.webDistDir);
    return {
      http,
      subgraphs,
      queue: deps.queue,
      metrics,
      metricsUrl: metricsEndpoint.url,
      async close(closeOptions = {}) {
        await closeHttpServer(http, closeOptions.deadlineMs);
        await metricsEndpoint.close();
        // The sandbox stops its queue worker before the queue stops.
        await sandbox?.close();
        await deps.close();
        await closeSubgraphs(subgraphs);
      },
    };
  } catch (error) {
    await metricsEndpoint.close();
    await sandbox?.close();
    await deps.close();
    await closeSubgraphs(subgraphs);
    throw error;
  }
}

export async function openSubgraphs(
  database: Database,
  log: Logger,
  deps: SubgraphDependencies,
): Promise<Record<SubgraphName, SubgraphRuntime>> {
  const opened = {} as Record<SubgraphName, SubgraphRuntime>;
  try {
    for (const name of SUBGRAPH_NAMES) opened[name] = await createSubgraphRuntime(SUBGRAPHS[name], database, log, deps);
  } catch (error) {
    await closeSubgraphs(opened);
    throw error;
  }
  return opened;
}

/** The pools of `npm start` (every subgraph, the sandbox acquirer where it runs), from DB_CONNECTIONS. */
export function kabinetPools(config: Config): PoolSizes {
  return splitConnections(config.dbConnections, SUBGRAPH_NAMES.length, servesSandbox(config));
}

/** Whether this configuration serves the sandbox acquirer itself (with its own pool). */
export function servesSandbox(config: Config): boolean {
  return config.payments.provider === 'sandbox' && config.payments.sandboxSelfHosted;
}

/**
 * For operator commands (`npm run migrate`, `npm run partner`): opens the database, the job queue (which installs
 * or upgrades its own schema) and every subgraph, runs `work`, and closes them all whatever happens.
 */
export async function withSubgraphs<T>(
  config: Config,
  log: Logger,
  poolMax: number,
  work: (subgraphs: Record<SubgraphName, SubgraphRuntime>) => Promise<T>,
): Promise<T> {
  // A command's pools are small (it serves nobody) and within DB_CONNECTIONS like a server's.
  const share = splitConnections(config.dbConnections, SUBGRAPH_NAMES.length, false);
  const database = await openDatabase(
    {
      url: config.databaseUrl,
      dataDir: config.dataDir,
      pools: { ...share, subgraph: Math.min(poolMax, share.subgraph), queue: 1 },
      idleTimeoutMs: config.dbIdleTimeoutMs,
      startTimeoutMs: config.dbStartTimeoutMs,
    },
    log,
  );
  try {
    const queue = await JobQueue.start(database.url, log, { max: 1, idleTimeoutMs: database.idleTimeoutMs });
    try {
      const subgraphs = await openSubgraphs(database, log, { config, clock: systemClock, queue });
      try {
        return await work(subgraphs);
      } finally {
        await closeSubgraphs(subgraphs);
      }
    } finally {
      await queue.stop();
    }
  } finally {
    await database.close();
  }
}

/** One subgraph after another: on the embedded database all of them share one session. */
export async function migrateAll(
  subgraphs: Partial<Record<SubgraphName, SubgraphRuntime>>,
  log: Logger,
): Promise<void> {
  for (const runtime of Object.values(subgraphs)) {
    const applied = await runtime.migrate();
    if (applied.length > 0) log.info({ subgraph: runtime.name, applied }, 'migrations applied');
  }
}

export async function readiness(
  subgraphs: Partial<Record<SubgraphName, SubgraphRuntime>>,
): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const checks: Record<string, string> = {};
  for (const runtime of Object.values(subgraphs)) {
    if (!(await runtime.orm.isConnected())) {
      checks[runtime.name] = 'database unreachable';
      continue;
    }
    const pending = await runtime.pendingMigrations();
    checks[runtime.name] = pending.length === 0 ? 'ok' : `${pending.length} migration(s) pending`;
  }
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}

async function closeSubgraphs(subgraphs: Partial<Record<SubgraphName, SubgraphRuntime>>): Promise<void> {
  await Promise.allSettled(Object.values(subgraphs).map((s) => s.close()));
}
