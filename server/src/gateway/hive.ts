// Kabinet's subgraph services behind Hive Gateway instead of Kabinet's own gateway: a plugin that does what ours
// does for each request (find out who is calling, sign the caller into every subgraph request, pass the cookies
// identity sets back to the client). Tested in server/test/router-safety.test.ts on Hive's defaults.
import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, OperationTypeNode } from 'graphql';
import { ANONYMOUS, CALLER_EXTENSION, signCaller, type Caller } from '../core/caller.js';
import { SET_COOKIE_EXTENSION } from '../core/context.js';
import { readSessionToken } from '../core/session-cookie.js';
import { readApiKey } from './gateway.js';
import { remoteCallerResolver } from './remote-caller.js';

export interface KabinetCallerOptions {
  /** GATEWAY_SECRET, the same as the subgraph services'. */
  secret: string;
  /** IDENTITY_URL: the identity service's GraphQL address. */
  identityUrl: string;
  /** PUBLIC_URL: names the session cookie (`__Host-` on https). */
  publicUrl: string;
  /**
   * The client's address, for identity's rate limits. The default is the socket's peer, which behind a TLS proxy
   * is the proxy: give a function that reads the proxy's header there.
   */
  clientIp?: (request: Request, serverContext: Record<string, unknown>) => string;
}

interface PerRequest {
  caller: Promise<Caller>;
  requestId: string;
  clientIp: string;
  sessionToken?: string;
  setCookies: string[];
}

/**
 * The caller travels in each subgraph request's body (`extensions.kabinetCaller`, see CALLER_EXTENSION), signed
 * with a request id of its own: Hive's in-flight deduplication, on by default, then never merges two clients'
 * requests, because their bodies differ.
 */
export function useKabinetCaller(options: KabinetCallerOptions): GatewayPlugin {
  const resolve = remoteCallerResolver(options.identityUrl, options.secret);
  const requests = new WeakMap<Request, PerRequest>();
  const perRequest = (request: Request, serverContext: Record<string, unknown>): PerRequest => {
    let state = requests.get(request);
    if (!state) {
      const apiKey = readApiKey(request.headers.get('authorization') ?? undefined);
      const sessionToken =
        apiKey === undefined
          ? readSessionToken(request.headers.get('cookie') ?? undefined, options.publicUrl)
          : undefined;
      const caller =
        apiKey === undefined && sessionToken === undefined
          ? Promise.resolve(ANONYMOUS)
          : resolve({ apiKey, sessionToken });
      // A rejected lookup is awaited (and reported) by the first subgraph request; never an unhandled rejection.
      caller.catch(() => undefined);
      state = {
        caller,
        requestId: randomUUID(),
        clientIp: options.clientIp?.(request, serverContext) ?? socketAddress(serverContext),
        sessionToken,
        setCookies: [],
      };
      requests.set(request, state);
    }
    return state;
  };
  return {
    onExecute({ args }) {
      // A session's own mutation (a logout, a confirmation) leaves nothing of it remembered for its next request.
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      if (!request || getOperationAST(args.document, args.operationName)?.operation !== OperationTypeNode.MUTATION)
        return;
      return {
        onExecuteDone: () => {
          const token = requests.get(request)?.sessionToken;
          if (token) resolve.forgetSession(token);
        },
      };
    },
    onDispose() {
      resolve.close();
    },
    async onSubgraphExecute(payload) {
      const { executionRequest } = payload;
      const context = executionRequest.context as (Record<string, unknown> & { request?: Request }) | undefined;
      const request = context?.request;
      // Schema loads and health checks have no client request: they go as an anonymous system caller.
      const state = request && context ? perRequest(request, context) : undefined;
      const envelope = signCaller(
        {
          caller: state ? await state.caller : ANONYMOUS,
          // Unique per client request, so no two clients' subgraph requests are the same bytes.
          requestId: state?.requestId ?? randomUUID(),
          clientIp: state?.clientIp ?? '127.0.0.1',
          sessionToken: state?.sessionToken,
        },
        options.secret,
      );
      payload.setExecutionRequest({
        ...executionRequest,
        extensions: { ...executionRequest.extensions, [CALLER_EXTENSION]: envelope },
      });
      if (!state) return;
      return ({ result }) => {
        if (!result || Symbol.asyncIterator in result) return;
        const cookies = result.extensions?.[SET_COOKIE_EXTENSION];
        if (!Array.isArray(cookies)) return;
        for (const cookie of cookies) if (typeof cookie === 'string') state.setCookies.push(cookie);
        delete (result.extensions as Record<string, unknown>)[SET_COOKIE_EXTENSION];
      };
    },
    onResponse({ request, response }) {
      for (const cookie of requests.get(request)?.setCookies ?? []) response.headers.append('set-cookie', cookie);
    },
  };
}

/** The peer of the client's socket when Hive runs on Node's HTTP server (its server context holds `req`). */
function socketAddress(serverContext: Record<string, unknown>): string {
  const req = serverContext.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? '127.0.0.1';
}
