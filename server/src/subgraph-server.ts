// Distributed mode: one subgraph as its own HTTP service that serves only callers signed by the gateway.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readiness } from './app.js';
import { ANONYMOUS, CALLER_HEADER, envelopeInBody, verifyCaller, type EnvelopeFields } from './core/caller.js';
import type { Config, SubgraphName } from './core/config.js';
import { SET_COOKIE_EXTENSION, type SubgraphContext } from './core/context.js';
import type { Database } from './core/database.js';
import { registerDevMailbox } from './core/dev-mailbox-page.js';
import {
  AppError,
  ErrorCode,
  isUnavailable,
  maskError,
  SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './core/errors.js';
import { jitExecution } from './core/compiled-documents.js';
import { exposedWithoutSecret } from './core/exposure.js';
import { closeHttpServer, createHttpServer, registerProbes } from './core/http.js';
import { injectTransport } from './core/http-transport.js';
import type { Logger } from './core/logger.js';
import { startDependencies } from './core/dependencies.js';
import { Metrics, registerMetrics } from './core/metrics.js';
import { createSubgraphRuntime, type SubgraphRuntime } from './core/subgraph.js';
import { RemoteSubgraphClient } from './core/subgraph-client.js';
import { EVENT_QUEUES, SUBGRAPHS } from './subgraphs/index.js';
import { resolveCaller } from './subgraphs/identity/resolve-caller.js';
import { sessionCacheOf } from './subgraphs/identity/session/session-cache.js';
import { registerSessionFeed } from './subgraphs/identity/session/session-feed.js';
import { lookupSession } from './subgraphs/identity/session/session.service.js';
import { startSandboxAcquirer, type SandboxAcquirer } from './sandbox-acquirer/sandbox-acquirer.js';

/** Where a subgraph service listens: the host and port of its <NAME>_URL. */
export interface SubgraphServer {
  readonly http: FastifyInstance;
  readonly runtime: SubgraphRuntime;
  /** As `Kabinet.close`: the HTTP server (in-flight requests until `deadlineMs`), the queue workers, the pools. */
  close(options?: { deadlineMs?: number }): Promise<void>;
}

/** Subgraph context plus the cookies its resolvers set, carried back to the gateway in the response. */
type ServedContext = SubgraphContext & { readonly setCookies: string[] };

export async function createSubgraphServer(
  name: SubgraphName,
  options: { config: Config; log: Logger; database: Database },
): Promise<SubgraphServer> {
  const { config, database } = options;
  const exposed = exposedWithoutSecret(config, name);
  if (exposed) throw new Error(exposed);
  const log = options.log.child({ subgraph: name });
  const http = createHttpServer(log, config.http);
  const metrics = new Metrics(name);
  const metricsEndpoint = await registerMetrics(http, metrics, config);
  let sandbox: SandboxAcquirer | undefined;
  const running = await startDependencies(config, database, log, EVENT_QUEUES, undefined, metrics).catch(
    async (error: unknown) => {
      await metricsEndpoint.close();
      throw error;
    },
  );
  const deps = {
    ...running,
    subgraphs: new RemoteSubgraphClient(config),
    // This service's own routes without a socket: the payments service calls the sandbox acquirer it serves so.
    localHttp: injectTransport(http),
  };
  const runtime = await createSubgraphRuntime(SUBGRAPHS[name], database, log, deps).catch(async (error: unknown) => {
    await metricsEndpoint.close();
    await deps.close();
    throw error;
  });
  try {
    if (config.migrateOnStart) {
      const applied = await runtime.migrate();
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
    }
    if (config.demoData) await runtime.seedDemoData();
    await runtime.startJobs();
    // GraphQL requests carry the envelope in their body (CALLER_EXTENSION: a router may merge requests whose bodies
    // are the same); the caller lookup, which no router routes, in its header.
    const verify = (request: FastifyRequest, envelope: string | undefined): EnvelopeFields => {
      const verified = verifyCaller(envelope, config.gatewaySecret);
      if (!verified.ok) {
        request.log.warn({ reason: verified.reason }, 'refused a request without a valid gateway signature');
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'Подграф принимает запросы только от шлюза.', {
          http: { status: 401 },
        });
      }
      return verified;
    };
    const headerEnvelope = (request: FastifyRequest) => {
      const header = request.headers[CALLER_HEADER];
      return typeof header === 'string' ? header : undefined;
    };
    const apollo = new ApolloServer<ServedContext>({
      // Executed through graphql-jit, each document compiled once (as the in-process gateway's subgraphs are).
      gateway: jitExecution(runtime.schema),
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // Only the gateway talks to a subgraph; it needs `_service`, not introspection.
      introspection: false,
      hideSchemaDetailsFromClientErrors: true,
      includeStacktraceInErrorResponses: false,
      formatError: (formatted, error) => maskError(formatted, error, log),
      logger: log.child({ module: 'apollo' }),
      // The process's own shutdown drains and closes the HTTP server, then stops Apollo (onClose below): Apollo's
      // signal handler would close the listener at once, before any drain.
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        {
          async requestDidStart() {
            return {
              async willSendResponse({ response, contextValue }) {
                // The database is out of reach and nothing was answered: 503, which the gateway passes on.
                if (response.body.kind === 'single') {
                  const { data, errors } = response.body.singleResult;
                  const unavailable = errors?.find((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
                  if (unavailable && (data == null || Object.values(data).every((v) => v == null))) {
                    response.http.status = 503;
                    response.http.headers.set('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
                  }
                }
                if (contextValue.setCookies.length > 0 && response.body.kind === 'single') {
                  response.body.singleResult.extensions = {
                    ...response.body.singleResult.extensions,
                    [SET_COOKIE_EXTENSION]: contextValue.setCookies,
                  };
                }
              },
            };
          },
        },
      ],
    });
    await apollo.start();
    // Fastify runs onClose hooks once the listener has closed and every request has finished.
    http.addHook('onClose', () => apollo.stop());
    await http.register(fastifyApollo(apollo), {
      path: '/graphql',
      method: ['POST'],
      context: async (request) => {
        const envelope = verify(request, envelopeInBody(request.body));
        const setCookies: string[] = [];
        // The gateway's request id continues here, so one operation can be followed across processes.
        const requestLog = request.log.child({ gatewayRequestId: envelope.requestId });
        const context = runtime.createContext({
          requestId: envelope.requestId,
          caller: envelope.caller,
          clientIp: envelope.clientIp,
          sessionToken: envelope.sessionToken,
          origin: envelope.origin,
          log: requestLog,
          response: { appendSetCookie: (header) => void setCookies.push(header) },
        });
        return { ...context, setCookies };
      },
    });
    if (name === 'identity') {
      const sessions = sessionCacheOf(deps.queue);
      registerSessionFeed(http, sessions, (request, reply) => {
        try {
          verify(request, headerEnvelope(request));
          return true;
        } catch {
          void reply.code(401).send({ error: 'unsigned' });
          return false;
        }
      });
      // The gateway asks identity who presented a session token or an API key (both are identity's data).
      http.post<{ Body: { sessionToken?: unknown; apiKey?: unknown } }>('/internal/caller', async (request, reply) => {
        try {
          verify(request, headerEnvelope(request));
        } catch {
          return reply.code(401).send({ error: 'unsigned' });
        }
        const { sessionToken, apiKey } = request.body ?? {};
        if (
          (sessionToken !== undefined && typeof sessionToken !== 'string') ||
          (apiKey !== undefined && typeof apiKey !== 'string')
        ) {
          return reply.code(400).send({ error: 'sessionToken and apiKey must be strings' });
        }
        try {
          if (apiKey === undefined && sessionToken !== undefined) {
            // With the session's times, so that a gateway hearing the session feed may remember it until they run out.
            // Its times relative to now, so that the gateway's clock need not agree with this one.
            const now = deps.clock.now();
            const session = await lookupSession(runtime.orm.em.fork(), config, sessionToken, now, sessions);
            if (!session) return { caller: ANONYMOUS };
            const at = now.getTime();
            return {
              caller: session.caller,
              session: {
                usedMsAgo: at - session.lastUsedAt,
                idleExpiresInMs: session.idleExpiresAt - at,
                absoluteExpiresInMs: session.absoluteExpiresAt - at,
              },
            };
          }
          return {
            caller: await resolveCaller(runtime.orm.em.fork(), config, { sessionToken, apiKey }, deps.clock.now()),
          };
        } catch (error) {
          if (!isUnavailable(error)) throw error;
          request.log.warn({ err: error }, 'database unavailable; caller lookup answered 503');
          return reply
            .code(503)
            .header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS))
            .send({ error: 'unavailable' });
        }
      });
      registerDevMailbox(http, config);
    }
    await runtime.registerRoutes(http);
    // The payments service serves the sandbox acquirer (the gateway forwards its pages here), as `npm start` does.
    if (name === 'payments') {
      sandbox = await startSandboxAcquirer(http, {
        config,
        databaseUrl: database.url,
        poolMax: database.sandboxMax,
        queue: deps.queue,
        log,
      });
    }
    registerProbes(http, () => readiness({ [name]: runtime }));
    return {
      http,
      runtime,
      async close(closeOptions = {}) {
        await closeHttpServer(http, closeOptions.deadlineMs);
        await metricsEndpoint.close();
        // The sandbox stops its queue worker before the queue stops.
        await sandbox?.close();
        await deps.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await metricsEndpoint.close();
    await sandbox?.close();
    await deps.close();
    await runtime.close();
    throw error;
  }
}
