// Runs a subgraph in the gateway's process, parsing, validating and compiling each distinct subgraph document once.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS } from '../core/caller.js';
import { NO_RESPONSE_EFFECTS, type RequestContext, type SubgraphContext } from '../core/context.js';
import type { Logger } from '../core/logger.js';
import type { SubgraphRuntime } from '../core/subgraph.js';
import { maskError, timeoutError } from '../core/errors.js';

/** A valid subgraph document and, per operation name, its compiled form (null: graphql-jit declined it). */
interface Prepared {
  readonly document: DocumentNode;
  readonly compiled: Map<string, CompiledQuery | null>;
}

/**
 * The gateway sends the same few query plans' documents over and over; re-validating them was a quarter of the
 * CPU in PERF.md. Documents are cached per query string; invalid ones are cached with their errors. Valid ones
 * are compiled by graphql-jit into a function per operation (PERF.md: +48 % over graphql's interpreter); one it
 * cannot compile runs through graphql's `execute`.
 */
export class CachedLocalDataSource implements GraphQLDataSource<RequestContext> {
  private readonly documents = new LRUCache<string, Prepared | readonly GraphQLError[]>({ max: 2000 });
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
    // The client has had its TIMEOUT answer: later fetches of the plan are not worth running.
    if (context.signal?.aborted) return { errors: [timeoutError().toJSON()] };
    const query = request.query ?? '';
    let prepared = this.documents.get(query);
    if (!prepared) {
      try {
        const parsed = parse(query);
        const errors = validate(this.runtime.schema, parsed);
        prepared = errors.length > 0 ? errors : { document: parsed, compiled: new Map() };
      } catch (error) {
        prepared = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      this.documents.set(query, prepared);
    }
    if (isErrors(prepared)) return { errors: prepared.map((e) => e.toJSON()) };

    const contextValue = this.contextFor(context);
    const compiled = this.compiledFor(prepared, request.operationName);
    const result: ExecutionResult = compiled
      ? await compiled.query(undefined, contextValue, request.variables ?? {})
      : await execute({
          schema: this.runtime.schema,
          document: prepared.document,
          contextValue,
          variableValues: request.variables,
          operationName: request.operationName,
        });
    return {
      data: result.data,
      errors: result.errors?.map((e) => maskError(e.toJSON(), e, context.log)),
    };
  }

  private compiledFor(prepared: Prepared, operationName: string | undefined): CompiledQuery | null {
    const key = operationName ?? '';
    let compiled = prepared.compiled.get(key);
    if (compiled === undefined) {
      const result = compileQuery(this.runtime.schema, prepared.document, operationName, {
        disablingCapturingStackErrors: true,
      });
      compiled = isCompiledQuery(result) ? result : null;
      prepared.compiled.set(key, compiled);
    }
    return compiled;
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
