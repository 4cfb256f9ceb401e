// Distributed mode: one subgraph as its own HTTP service that serves only callers signed by the gateway.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { readiness } from './app.js';
import { CALLER_HEADER, verifyCaller } from './core/caller.js';
import type { Config, SubgraphName } from './core/config.js';
import type { SubgraphContext } from './core/context.js';
import type { Database } from './core/database.js';
import { AppError, ErrorCode, maskError } from './core/errors.js';
import { createHttpServer, registerProbes } from './core/http.js';
import type { Logger } from './core/logger.js';
import { createSubgraphRuntime, type SubgraphRuntime } from './core/subgraph.js';
import { SUBGRAPHS } from './subgraphs/index.js';

export interface SubgraphServer {
  readonly http: FastifyInstance;
  readonly runtime: SubgraphRuntime;
  close(): Promise<void>;
}

export async function createSubgraphServer(
  name: SubgraphName,
  options: { config: Config; log: Logger; database: Database },
): Promise<SubgraphServer> {
  const { config, database } = options;
  const log = options.log.child({ subgraph: name });
  const runtime = await createSubgraphRuntime(SUBGRAPHS[name], database, log);
  try {
    if (config.migrateOnStart) {
      const applied = await runtime.migrate();
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
    }
    const http = createHttpServer(log);
    const apollo = new ApolloServer<SubgraphContext>({
      schema: runtime.schema,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // Only the gateway talks to a subgraph; it needs `_service`, not introspection.
      introspection: false,
      hideSchemaDetailsFromClientErrors: true,
      includeStacktraceInErrorResponses: false,
      formatError: (formatted, error) => maskError(formatted, error, log),
      logger: log.child({ module: 'apollo' }),
      plugins: [fastifyApolloDrainPlugin(http), ApolloServerPluginLandingPageDisabled()],
    });
    await apollo.start();
    await http.register(fastifyApollo(apollo), {
      path: '/graphql',
      method: ['POST'],
      context: async (request) => {
        const header = request.headers[CALLER_HEADER];
        const verified = verifyCaller(typeof header === 'string' ? header : undefined, config.gatewaySecret);
        if (!verified.ok) {
          request.log.warn({ reason: verified.reason }, 'refused a request without a valid gateway signature');
          throw new AppError(ErrorCode.UNAUTHENTICATED, 'Подграф принимает запросы только от шлюза.', {
            http: { status: 401 },
          });
        }
        // The gateway's request id continues here, so one operation can be followed across processes.
        const requestLog = request.log.child({ gatewayRequestId: verified.requestId });
        return runtime.createContext({ requestId: verified.requestId, caller: verified.caller, log: requestLog });
      },
    });
    registerProbes(http, () => readiness({ [name]: runtime }));
    return {
      http,
      runtime,
      async close() {
        await http.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
