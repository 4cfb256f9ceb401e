// Distributed mode: the gateway alone, routing to subgraph services and signing the caller for each of them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS, CALLER_HEADER, signCaller } from '../core/caller.js';
import { SUBGRAPH_NAMES, type Config, type SubgraphName } from '../core/config.js';
import type { RequestContext } from '../core/context.js';
import { createHttpServer, registerProbes, registerWebClient } from '../core/http.js';
import type { Logger } from '../core/logger.js';
import { SCHEMA_DIR } from '../schema/emit.js';
import { registerGateway, type CallerResolver } from './gateway.js';

/** Forwards the caller to a subgraph in a signed header; subgraphs refuse anything unsigned. */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    // Health checks and schema loads have no incoming request: they go as an anonymous system caller.
    const caller = 'caller' in context ? context.caller : ANONYMOUS;
    const requestId = 'requestId' in context ? context.requestId : 'gateway';
    request.http?.headers.set(CALLER_HEADER, signCaller(caller, requestId, this.secret));
    request.http?.headers.set('x-request-id', requestId);
  }
}

export async function createGatewayServer(options: {
  config: Config;
  log: Logger;
  resolveCaller?: CallerResolver;
  supergraphPath?: string;
}): Promise<{ http: FastifyInstance; close(): Promise<void> }> {
  const { config, log } = options;
  const supergraphSdl = await readFile(options.supergraphPath ?? path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  const http = createHttpServer(log);
  await registerGateway(http, {
    config,
    log,
    supergraphSdl,
    buildService: ({ name }) =>
      new SignedRemoteDataSource(config.subgraphUrls[name as SubgraphName], config.gatewaySecret),
    resolveCaller: options.resolveCaller,
  });
  registerProbes(http, () => subgraphReadiness(config));
  await registerWebClient(http, config.webDistDir);
  return { http, close: () => http.close() };
}

/** Ready when every subgraph answers its own /readyz. */
async function subgraphReadiness(config: Config): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const checks: Record<string, string> = {};
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const url = new URL('/readyz', config.subgraphUrls[name]);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        checks[name] = response.ok ? 'ok' : `answered ${response.status}`;
      } catch {
        checks[name] = 'unreachable';
      }
    }),
  );
  return { ok: Object.values(checks).every((c) => c === 'ok'), checks };
}
