// The public GraphQL edge: @apollo/gateway behind Apollo Server, hardened, on a Fastify server.
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS, type Caller } from '../core/caller.js';
import { registerSecurityHeaders } from '../core/http.js';
import { readSessionToken } from '../core/session-cookie.js';
import type { Config } from '../core/config.js';
import type { RequestContext } from '../core/context.js';
import { maskError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { queryLimitsPlugin } from './query-limits.js';

/** Finds out who holds a session token (identity owns sessions); anonymous when nobody does. */
export type CallerResolver = (sessionToken: string) => Promise<Caller>;

export interface GatewayOptions {
  config: Config;
  log: Logger;
  supergraphSdl: string;
  buildService: (subgraph: { name: string; url?: string }) => GraphQLDataSource<RequestContext>;
  resolveCaller: CallerResolver;
}

export async function registerGateway(
  app: FastifyInstance,
  options: GatewayOptions,
): Promise<ApolloServer<RequestContext>> {
  const { config, log } = options;
  // @apollo/gateway otherwise reports usage to Apollo and probes cloud metadata endpoints (169.254.169.254):
  // Kabinet never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // The gateway types data sources over a loose context; ours all take RequestContext, which we build below.
    buildService: (definition) => options.buildService(definition) as GraphQLDataSource,
    logger: log.child({ module: 'gateway' }),
  });
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
    plugins: [queryLimitsPlugin(config.limits), fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  await registerSecurityHeaders(app);
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request, reply): Promise<RequestContext> => {
      const sessionToken = readSessionToken(request.headers.cookie, config.publicUrl);
      return {
        requestId: request.id,
        caller: sessionToken ? await options.resolveCaller(sessionToken) : ANONYMOUS,
        clientIp: request.ip,
        sessionToken,
        log: request.log,
        response: { appendSetCookie: (header) => void reply.header('set-cookie', header) },
      };
    },
  });
  return apollo;
}
