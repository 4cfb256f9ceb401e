// Distributed mode: the gateway alone, routing to subgraph services and signing the caller for each of them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { FastifyInstance } from 'fastify';
import type { GraphQLError } from 'graphql';
import { ANONYMOUS, CALLER_EXTENSION, signCaller } from '../core/caller.js';
import { SUBGRAPH_NAMES, trustedProxiesWarning, type Config, type SubgraphName } from '../core/config.js';
import { SET_COOKIE_EXTENSION, type RequestContext } from '../core/context.js';
import { ErrorCode, serviceUnavailableError } from '../core/errors.js';
import {
  closeHttpServer,
  createHttpServer,
  registerApiReference,
  registerProbes,
  registerWebClient,
} from '../core/http.js';
import type { Logger } from '../core/logger.js';
import { Metrics, registerMetrics } from '../core/metrics.js';
import { REFERENCE_FILE, SCHEMA_DIR } from '../schema/emit.js';
import { registerGateway } from './gateway.js';
import { remoteCallerResolver } from './remote-caller.js';
import { registerPaymentsProxy } from './payments-proxy.js';
import { currentRequestSignal } from './request-timeout.js';

/** Forwards the caller to a subgraph in the signed envelope of the request's body; subgraphs refuse anything unsigned. */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
    // Node's own fetch (undici), which keeps connections alive, instead of the data source's default fetcher stack
    // (make-fetch-happen: a quarter of the gateway's CPU in PERF.md). A subgraph fetch stops when its request runs
    // past REQUEST_TIMEOUT: the subgraph sees the connection close.
    this.fetcher = (input, init) =>
      fetch(input, {
        ...(init as RequestInit),
        signal: (currentRequestSignal() ?? init?.signal) as AbortSignal | undefined,
      });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    // Health checks and schema loads have no incoming request: they go as an anonymous system caller.
    const incoming = 'caller' in context ? (context as RequestContext) : undefined;
    const envelope = signCaller(
      {
        caller: incoming?.caller ?? ANONYMOUS,
        requestId: incoming?.requestId ?? 'gateway',
        clientIp: incoming?.clientIp ?? '127.0.0.1',
        sessionToken: incoming?.sessionToken,
      },
      this.secret,
    );
    request.extensions = { ...request.extensions, [CALLER_EXTENSION]: envelope };
    if (incoming) request.http?.headers.set('x-request-id', incoming.requestId);
  }

  /**
   * A subgraph that answers 503 SERVICE_UNAVAILABLE (its database is out of reach) keeps that code here, so the
   * client gets 503 with Retry-After from the gateway too, not the gateway's own "503: Service Unavailable" error.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 503) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as { errors?: Array<{ extensions?: { code?: unknown } }> } | undefined;
      if (body?.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
        return serviceUnavailableError();
      }
    }
    return super.errorFromResponse(response);
  }

  override didReceiveResponse({
    response,
    context,
  }: Parameters<
    NonNullable<RemoteGraphQLDataSource<RequestContext>['didReceiveResponse']>
  >[0]): GatewayGraphQLResponse {
    const cookies = response.extensions?.[SET_COOKIE_EXTENSION];
    if (Array.isArray(cookies) && 'response' in context) {
      for (const cookie of cookies) if (typeof cookie === 'string') context.response.appendSetCookie(cookie);
      delete response.extensions![SET_COOKIE_EXTENSION];
    }
    return response;
  }
}

export async function createGatewayServer(options: {
  config: Config;
  log: Logger;
  supergraphPath?: string;
}): Promise<{ http: FastifyInstance; close(options?: { deadlineMs?: number }): Promise<void> }> {
  const { config, log } = options;
  const supergraphSdl = await readFile(options.supergraphPath ?? path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  const http = createHttpServer(log, config.http, { trustedProxies: config.trustedProxies });
  const metrics = new Metrics('gateway');
  const metricsEndpoint = await registerMetrics(http, metrics, config);
  const proxyWarning = trustedProxiesWarning(config);
  if (proxyWarning) log.warn(proxyWarning);
  const callers = remoteCallerResolver(config.subgraphUrls.identity, config.gatewaySecret, { log });
  // Before requests in flight finish: the session feed is a request that never does.
  http.addHook('preClose', (done) => {
    callers.close();
    done();
  });
  await registerGateway(http, {
    config,
    log,
    supergraphSdl,
    execution: {
      buildService: ({ name }) =>
        new SignedRemoteDataSource(config.subgraphUrls[name as SubgraphName], config.gatewaySecret),
    },
    resolveCaller: callers,
    metrics,
    forgetSession: (token) => callers.forgetSession(token),
  });
  // After the gateway's security headers (helmet is global), so the sandbox's pages get the same policy as in one
  // process: form-action 'self', inline <style>, a meta refresh.
  const { payments } = config;
  await registerPaymentsProxy(http, {
    target: config.subgraphUrls.payments,
    secret: config.gatewaySecret,
    sandboxPrefix:
      payments.provider === 'sandbox' && payments.sandboxSelfHosted ? new URL(payments.sandboxUrl).pathname : undefined,
  });
  await registerApiReference(http, path.join(SCHEMA_DIR, REFERENCE_FILE));
  registerProbes(http, () => subgraphReadiness(config));
  await registerWebClient(http, config.webDistDir);
  return {
    http,
    async close(closeOptions = {}) {
      await closeHttpServer(http, closeOptions.deadlineMs);
      await metricsEndpoint.close();
    },
  };
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
