// Runs a subgraph in the gateway's process, parsing, validating and compiling each distinct subgraph document once.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS } from '../core/caller.js';
import { CompiledDocuments } from '../core/compiled-documents.js';
import { NO_RESPONSE_EFFECTS, type RequestContext, type SubgraphContext } from '../core/context.js';
import type { Logger } from '../core/logger.js';
import type { SubgraphRuntime } from '../core/subgraph.js';
import { maskError, timeoutError } from '../core/errors.js';

/** A valid subgraph document (compiled per operation by `CompiledDocuments`). */
interface Prepared {
  readonly document: DocumentNode;
}

/**
 * The gateway sends the same few query plans' documents over and over; re-validating them was a quarter of the
 * CPU in PERF.md. Documents are cached per query string; invalid ones are cached with their errors. Valid ones
 * are compiled by graphql-jit into a function per operation (`CompiledDocuments`).
 */
export class CachedLocalDataSource implements GraphQLDataSource<RequestContext> {
  private readonly documents = new LRUCache<string, Prepared | readonly GraphQLError[]>({ max: 2000 });
  /** One subgraph context per gateway request, so DataLoaders batch across the fetches of one operation. */
  private readonly contexts = new WeakMap<RequestContext, SubgraphContext>();
  private readonly compiled: CompiledDocuments;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly log: Logger,
  ) {
    this.compiled = new CompiledDocuments(runtime.schema);
  }

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
    // The client has had its TIMEOUT answer: later fetches of the plan are not worth running.
    if (context.signal?.aborted) return { errors: [timeoutError().toJSON()] };
    const query = request.query ?? '';
    let prepared = this.documents.get(query);
    if (!prepared) {
      try {
        const parsed = parse(query);
        const errors = validate(this.runtime.schema, parsed);
        prepared = errors.length > 0 ? errors : { document: parsed };
      } catch (error) {
        prepared = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      this.documents.set(query, prepared);
    }
    if (isErrors(prepared)) return { errors: prepared.map((e) => e.toJSON()) };

    const result = await this.compiled.execute({
      document: prepared.document,
      operationName: request.operationName,
      contextValue: this.contextFor(context),
      variables: request.variables,
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

function isErrors(prepared: Prepared | readonly GraphQLError[]): prepared is readonly GraphQLError[] {
  return Array.isArray(prepared);
}
