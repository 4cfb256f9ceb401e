// A subgraph as a unit: its definition (entities, migrations, resolvers, rules) and the runtime built from it.
import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { SubgraphName } from './config.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './database.js';
import type { RequestContext, SubgraphContext, SubgraphDependencies } from './context.js';
import type { JobDefinition, Schedule } from './queue.js';
import { buildFederatedSchema, type ReferenceResolvers } from './federation.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { applyPermissions, type IRules } from './shield.js';
import { enforceTextLimits } from './text-limits.js';

export interface SubgraphDefinition<Loaders = unknown> {
  readonly name: SubgraphName;
  /** MikroORM entities; their tables live in the PostgreSQL schema named like the subgraph. */
  readonly entities: readonly Function[];
  readonly migrations: readonly MigrationObject[];
  readonly resolvers: NonEmptyArray<Function>;
  readonly orphanedTypes?: Function[];
  readonly referenceResolvers?: ReferenceResolvers<SubgraphContext<Loaders>>;
  /** graphql-shield rules; anything not listed is denied. */
  readonly permissions: IRules;
  /**
   * DataLoaders for one request; they may depend on who is calling (what the caller may see) and ask another
   * subgraph (`deps.subgraphs`) for the same caller.
   */
  createLoaders(em: EntityManager, request: RequestContext, deps: SubgraphDependencies): Loaders;
  /** Events of other subgraphs this one consumes; it works them from `eventQueueName(name, event)`. */
  readonly consumes?: readonly string[];
  /** Writes the demo data set (DEMO_DATA), idempotently, after migrations. */
  seedDemoData?(em: EntityManager, deps: SubgraphDependencies): Promise<void>;
  /** HTTP routes of its own besides GraphQL (payments: the acquirers' notifications). */
  routes?(app: FastifyInstance, runtime: { orm: MikroORM; deps: SubgraphDependencies; log: Logger }): Promise<void>;
  /** Gauges of its own data this subgraph reports at /metrics (payments: the open payments), read at each scrape. */
  metrics?(runtime: { orm: MikroORM; deps: SubgraphDependencies; log: Logger }, metrics: Metrics): void;
  /** Jobs this subgraph works, and when scheduled ones run. */
  jobs?(runtime: { orm: MikroORM; deps: SubgraphDependencies; log: Logger }): {
    jobs: JobDefinition<any>[];
    schedules?: Schedule[];
  };
}

export interface SubgraphRuntime<Loaders = unknown> {
  readonly name: SubgraphName;
  readonly orm: MikroORM;
  /** The executable schema, permissions applied. */
  readonly schema: GraphQLSchema;
  /** The subgraph SDL as composition and `schema/<name>.graphql` see it. */
  readonly sdl: string;
  createContext(request: RequestContext): SubgraphContext<Loaders>;
  /** Migrations not applied yet (names). */
  pendingMigrations(): Promise<string[]>;
  migrate(): Promise<string[]>;
  /** Writes the subgraph's demo data, if it has any (idempotent). */
  seedDemoData(): Promise<void>;
  /** Registers this subgraph's jobs and schedules with the queue (after migrations). */
  startJobs(): Promise<void>;
  /** Adds the subgraph's own HTTP routes (if any) to the server that serves it. */
  registerRoutes(app: FastifyInstance): Promise<void>;
  close(): Promise<void>;
}

/** The schema alone, without a database: for emitting SDL and checking rules. */
export async function buildSubgraphSchemaOf(definition: SubgraphDefinition<unknown>): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    definition.resolvers,
    definition.referenceResolvers as ReferenceResolvers<unknown>,
    definition.orphanedTypes,
  );
}

export async function printSubgraphSdl(definition: SubgraphDefinition<unknown>): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchemaOf(definition)).trim() + '\n';
}

export async function openOrm(
  definition: SubgraphDefinition<unknown>,
  database: { url: string; poolMax: number; idleTimeoutMs?: number; embedded?: boolean },
  log: Logger,
  statementTimeoutMs = 0,
): Promise<MikroORM> {
  const ormLog = log.child({ subgraph: definition.name, module: 'orm' });
  return MikroORM.init({
    clientUrl: database.url,
    schema: definition.name,
    entities: [...definition.entities],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      migrationsList: [...definition.migrations],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: database.poolMax, idleTimeoutMillis: database.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS },
    driverOptions: {
      // knex's own warnings (a connection lost during an outage) go to our log, not to stdout as bare text.
      log: {
        warn: (message: unknown) => ormLog.warn({ detail: String(message) }, 'database driver warning'),
        error: (message: unknown) => ormLog.error({ detail: String(message) }, 'database driver error'),
        deprecate: (message: unknown) => ormLog.debug({ detail: String(message) }, 'database driver deprecation'),
        debug: (message: unknown) => ormLog.debug({ detail: String(message) }, 'database driver debug'),
      },
      connection: {
        // pg_stat_activity (and the benchmark's statement counter) tell the subgraphs' connections apart by it.
        application_name: `kabinet-${definition.name}`,
        // The prepared statements of hot reads (core/sql.ts readRows) look rows up by key: planned once per
        // connection, not again at every execution (bind was 0.3–0.4 ms of each). Statements the ORM sends as
        // text are not prepared and not affected.
        // statement_timeout: a runaway statement stops (and its transaction rolls back) rather than outliving the
        // request that asked for it (DB_STATEMENT_TIMEOUT). Both are session settings, which the embedded database
        // shares between every connection: not set there.
        ...(database.embedded
          ? {}
          : { options: `-c plan_cache_mode=force_generic_plan -c statement_timeout=${statementTimeoutMs}` }),
      },
    },
    allowGlobalContext: false,
    forceUndefined: false,
    debug: false,
    logger: (message) => ormLog.debug(message),
  });
}

export async function createSubgraphRuntime<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  database: { url: string; poolMax: number; idleTimeoutMs?: number; embedded?: boolean },
  log: Logger,
  deps: SubgraphDependencies,
): Promise<SubgraphRuntime<Loaders>> {
  const orm = await openOrm(definition, database, log, deps.config.dbStatementTimeoutMs);
  if (deps.metrics) {
    deps.metrics.watchKnexPool(definition.name, orm.em.getConnection().getKnex().client.pool);
    definition.metrics?.({ orm, deps, log }, deps.metrics);
  }
  const federated = await buildSubgraphSchemaOf(definition);
  // Text limits are checked before permissions and resolvers: a value too long never reaches MikroORM or SQL.
  const schema = enforceTextLimits(applyPermissions(federated, definition.permissions));
  const migrator = orm.getMigrator();
  return {
    name: definition.name,
    orm,
    schema,
    sdl: printSubgraphSchema(federated).trim() + '\n',
    createContext(request) {
      const em = orm.em.fork();
      return {
        ...request,
        config: deps.config,
        clock: deps.clock,
        queue: deps.queue,
        redis: deps.redis,
        subgraphs: deps.subgraphs,
        localHttp: deps.localHttp,
        em,
        loaders: definition.createLoaders(em, request, deps),
      };
    },
    async startJobs() {
      const { jobs, schedules = [] } = definition.jobs?.({ orm, deps, log }) ?? { jobs: [] };
      for (const job of jobs) await deps.queue.register(job);
      for (const schedule of schedules) await deps.queue.schedule(schedule);
    },
    async registerRoutes(app) {
      await definition.routes?.(app, { orm, deps, log });
    },
    async seedDemoData() {
      if (!definition.seedDemoData) return;
      const pending = await migrator.getPendingMigrations();
      if (pending.length > 0) {
        log.warn({ subgraph: definition.name, pending: pending.length }, 'demo data skipped: migrations are pending');
        return;
      }
      const em = orm.em.fork();
      await em.transactional((tx) => definition.seedDemoData!(tx, deps));
    },
    async pendingMigrations() {
      return (await migrator.getPendingMigrations()).map((m) => m.name);
    },
    async migrate() {
      // The embedded database lives in one process; on a server, processes of the same subgraph starting
      // together (distributed mode) take turns, so each migration runs once.
      if (database.embedded) return (await migrator.up()).map((m) => m.name);
      return withAdvisoryLock(database.url, `kabinet.migrate.${definition.name}`, async () => {
        // A migration (an index over millions of rows) may rightly take longer than any request: it runs on
        // connections of its own without the pool's statement_timeout.
        const unlimited = await openOrm(definition, { ...database, poolMax: 1 }, log, 0);
        try {
          return (await unlimited.getMigrator().up()).map((m) => m.name);
        } finally {
          await unlimited.close(true);
        }
      });
    },
    close: () => orm.close(true),
  };
}

/** Runs `work` while holding a PostgreSQL session advisory lock, on a connection of its own. */
async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await client.end();
  }
}
