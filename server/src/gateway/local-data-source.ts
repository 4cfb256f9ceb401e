// Runs a subgraph in the gateway's process, parsing and validating each distinct subgraph document once.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS } from '../core/caller.js';
import { NO_RESPONSE_EFFECTS, type RequestContext, type SubgraphContext } from '../core/context.js';
import { maskError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { SubgraphRuntime } from '../core/subgraph.js';

/**
 * The gateway sends the same few query plans' documents over and over; re-validating them was a quarter of the
 * CPU in PERF.md. Documents are cached per query string; invalid ones are cached with their errors.
 */
export class CachedLocalDataSource implements GraphQLDataSource<RequestContext> {
  private readonly documents = new LRUCache<string, DocumentNode | readonly GraphQLError[]>({ max: 2000 });
  /** One subgraph context per gateway request, so DataLoaders batch across the fetches of one operation. */
  private readonly contexts = new WeakMap<RequestContext, SubgraphContext>();

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly log: Logger,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<RequestContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Health checks and schema loading carry no client request: they run as an anonymous system caller.
    const context: RequestContext =
      'incomingRequestContext' in options
        ? options.context
        : {
            requestId: `gateway-${options.kind.replace(/ /g, '-')}`,
            caller: ANONYMOUS,
            clientIp: '127.0.0.1',
            log: this.log,
            response: NO_RESPONSE_EFFECTS,
          };
    const query = request.query ?? '';
    let document = this.documents.get(query);
    if (!document) {
      try {
        const parsed = parse(query);
        const errors = validate(this.runtime.schema, parsed);
        document = errors.length > 0 ? errors : parsed;
      } catch (error) {
        document = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      this.documents.set(query, document);
    }
    if (Array.isArray(document)) return { errors: document.map((e) => e.toJSON()) };

    const result = await execute({
      schema: this.runtime.schema,
      document: document as DocumentNode,
      contextValue: this.contextFor(context),
      variableValues: request.variables,
      operationName: request.operationName,
    });
    return {
      data: result.data,
      errors: result.errors?.map((e) => maskError(e.toJSON(), e, context.log)),
    };
  }

  private contextFor(request: RequestContext): SubgraphContext {
    let context = this.contexts.get(request);
    if (!context) {
      context = this.runtime.createContext(request);
      this.contexts.set(request, context);
    }
    return context;
  }
}
