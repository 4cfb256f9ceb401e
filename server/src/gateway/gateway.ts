// The public GraphQL edge: Apollo Server, hardened, on a Fastify server, executing through @apollo/gateway (distributed
// mode) or one assembled schema (one process).
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { OperationTypeNode } from 'graphql';
import { ANONYMOUS, bearerOf, type Caller, type Credentials } from '../core/caller.js';
import { registerSecurityHeaders } from '../core/http.js';
import { readSessionToken } from '../core/session-cookie.js';
import type { Config } from '../core/config.js';
import type { RequestContext } from '../core/context.js';
import {
  AppError,
  clientErrorLogPlugin,
  ErrorCode,
  isUnavailable,
  maskError,
  serviceUnavailableError,
} from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Metrics } from '../core/metrics.js';
import { textLimitsPlugin } from './input-checks.js';
import { queryLimitsPlugin } from './query-limits.js';
import { requestTimeoutPlugin, startRequestClock, withRequestTimeout } from './request-timeout.js';
import { loadTrustedDocuments, trustedDocuments } from './trusted-documents.js';
import { tracingEnabled } from '../core/tracing.js';
import { traceExecution } from './traced-execution.js';
import { metricsPlugin, operationNamesOf } from './metrics-plugin.js';

/** Finds out who presented these credentials (identity owns sessions and API keys); anonymous when nobody. */
export type CallerResolver = (credentials: Credentials) => Promise<Caller>;

export interface GatewayOptions {
  config: Config;
  log: Logger;
  supergraphSdl: string;
  /**
   * How operations execute: planned over the supergraph and fetched from each subgraph through `buildService`
   * (distributed mode), or by an executor of one schema (`oneSchema`: Kabinet in one process).
   */
  execution:
    | { buildService: (subgraph: { name: string; url?: string }) => GraphQLDataSource<RequestContext> }
    | { oneSchema: GatewayInterface };
  resolveCaller: CallerResolver;
  /**
   * Forgets what the resolver remembers of a session once that session's own mutation has run (a logout, a
   * confirmation, a password change), so the same client's next request is looked up afresh.
   */
  forgetSession?: (sessionToken: string) => void;
  /** Where the edge counts its operations and subgraph fetches (/metrics). */
  metrics?: Metrics;
}

export async function registerGateway(
  app: FastifyInstance,
  options: GatewayOptions,
): Promise<ApolloServer<RequestContext>> {
  const { config, log } = options;
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata endpoints (169.254.169.254):
  // Kabinet never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const { execution, metrics } = options;
  const documents = await loadTrustedDocuments(config.trustedDocuments.manifest);
  const knownOperations = operationNamesOf(documents);
  const executing = withRequestTimeout(
    'oneSchema' in execution
      ? execution.oneSchema
      : new ApolloGateway({
          supergraphSdl: options.supergraphSdl,
          // The gateway types data sources over a loose context; ours all take RequestContext, which we build below.
          buildService: (definition) => {
            const service = execution.buildService(definition) as GraphQLDataSource;
            return metrics ? timedDataSource(service, definition.name, metrics) : service;
          },
          logger: log.child({ module: 'gateway' }),
        }),
  );
  const gateway = tracingEnabled()
    ? traceExecution(executing, (name) => (name && knownOperations.has(name) ? name : 'other'))
    : executing;
  const trusted = trustedDocuments(documents, config.trustedDocuments.mode);
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    introspection: !config.isProduction,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.tokens },
    formatError: (formatted, error) => maskError(formatted, error, log),
    logger: log.child({ module: 'apollo' }),
    // The process's own shutdown drains and closes the HTTP server, then stops Apollo (onClose below): Apollo's
    // signal handler would close the listener at once, before any drain.
    stopOnTerminationSignals: false,
    plugins: [
      trusted.plugin,
      queryLimitsPlugin(config.limits),
      textLimitsPlugin(options.supergraphSdl),
      requestTimeoutPlugin(),
      clientErrorLogPlugin(log),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.forgetSession ? [forgetAfterMutation(options.forgetSession)] : []),
      ...(metrics ? [metricsPlugin(metrics, knownOperations)] : []),
    ],
  });
  await apollo.start();
  // Fastify runs onClose hooks once the listener has closed and every request has finished.
  app.addHook('onClose', () => apollo.stop());
  await registerSecurityHeaders(app);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request, reply): Promise<RequestContext> => {
      // The clock runs from here: finding out who is calling counts towards REQUEST_TIMEOUT too.
      const clock = startRequestClock(config.requestTimeoutMs);
      const apiKey = readApiKey(request.headers.authorization);
      // A partner's request is the partner's alone: a session cookie sent with an API key is not looked at.
      const sessionToken =
        apiKey === undefined ? readSessionToken(request.headers.cookie, config.publicUrl) : undefined;
      const caller =
        apiKey === undefined && sessionToken === undefined
          ? ANONYMOUS
          : await options.resolveCaller({ apiKey, sessionToken }).catch((error: unknown) => {
              // Sessions live in the database: while it is out of reach, say so (503), not "internal error".
              throw isUnavailable(error) ? serviceUnavailableError() : error;
            });
      if (apiKey !== undefined && caller.kind !== 'partner') {
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'API-ключ недействителен или отозван.', {
          http: { status: 401 },
        });
      }
      trusted.check(request, caller);
      return {
        requestId: request.id,
        caller,
        clientIp: request.ip,
        sessionToken,
        log: request.log,
        response: { appendSetCookie: (header) => void reply.header('set-cookie', header) },
        signal: clock.signal,
        clearDeadline: () => clock.clear(),
      };
    },
  });
  return apollo;
}

/** A data source whose fetches are timed into `kabinet_subgraph_fetch_duration_seconds`. */
function timedDataSource(service: GraphQLDataSource, subgraph: string, metrics: Metrics): GraphQLDataSource {
  return {
    async process(options) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const response = await service.process(options);
        metrics.subgraphFetches.observe({ subgraph, outcome: response.errors?.length ? 'error' : 'ok' }, seconds());
        return response;
      } catch (error) {
        metrics.subgraphFetches.observe({ subgraph, outcome: 'failed' }, seconds());
        throw error;
      }
    },
  };
}

/** After a mutation of a session's holder, before the answer leaves: `forget` the session. */
function forgetAfterMutation(forget: (sessionToken: string) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.MUTATION && contextValue.sessionToken)
            forget(contextValue.sessionToken);
        },
      };
    },
  };
}

/** The API key of `Authorization: Bearer <key>`; undefined without the header; a malformed header is refused. */
export function readApiKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = bearerOf(header);
  if (key === undefined) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Заголовок Authorization должен иметь вид «Bearer <API-ключ>».', {
      http: { status: 401 },
    });
  }
  return key;
}
