// One subgraph calling another's public API on behalf of the same caller: the called subgraph applies its own
// permissions and rules, exactly as for a request through the gateway. Used where one mutation must wait for
// another subgraph's decision (a payment with readings: metering accepts or refuses them first).
import { execute, parse, type GraphQLFormattedError } from 'graphql';
import { CALLER_EXTENSION, signCaller } from './caller.js';
import type { Config, SubgraphName } from './config.js';
import type { RequestContext } from './context.js';
import type { SubgraphRuntime } from './subgraph.js';

export interface SubgraphResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface SubgraphClient {
  execute<T>(
    subgraph: SubgraphName,
    request: RequestContext,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<SubgraphResult<T>>;
}

/** In one process: runs the other subgraph's schema directly, with a context of its own for the same caller. */
export class LocalSubgraphClient implements SubgraphClient {
  constructor(private readonly runtimes: () => Partial<Record<SubgraphName, SubgraphRuntime>>) {}

  async execute<T>(subgraph: SubgraphName, request: RequestContext, query: string, variables: Record<string, unknown>) {
    const runtime = this.runtimes()[subgraph];
    if (!runtime) throw new Error(`subgraph ${subgraph} is not running in this process`);
    const result = await execute({
      schema: runtime.schema,
      document: parse(query),
      contextValue: runtime.createContext(request),
      variableValues: variables,
    });
    return { data: result.data as T | null | undefined, errors: result.errors?.map((e) => e.toJSON()) };
  }
}

/** Distributed mode: the other subgraph's service, with the caller signed as the gateway signs it. */
export class RemoteSubgraphClient implements SubgraphClient {
  constructor(private readonly config: Config) {}

  async execute<T>(subgraph: SubgraphName, request: RequestContext, query: string, variables: Record<string, unknown>) {
    const envelope = signCaller(
      {
        caller: request.caller,
        requestId: request.requestId,
        clientIp: request.clientIp,
        sessionToken: request.sessionToken,
        origin: request.origin,
      },
      this.config.gatewaySecret,
    );
    const response = await fetch(this.config.subgraphUrls[subgraph], {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': request.requestId },
      body: JSON.stringify({ query, variables, extensions: { [CALLER_EXTENSION]: envelope } }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok && response.status !== 400) throw new Error(`subgraph ${subgraph} answered ${response.status}`);
    return (await response.json()) as SubgraphResult<T>;
  }
}
