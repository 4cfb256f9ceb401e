// The span of each GraphQL operation at the edge (`graphql <type> <name>`), when tracing is on (core/tracing.ts):
// the parent of the subgraph fetches and SQL statements the operation causes.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { TRACER } from '../core/tracing.js';
import { wrapExecutor } from './executor.js';

/**
 * Wraps the gateway so each operation's execution is one span. `nameOf` says what the operation may be called in a
 * span (the web client's names; any other is `other`).
 */
export function traceExecution(
  gateway: GatewayInterface,
  nameOf: (name: string | undefined) => string,
): GatewayInterface {
  const tracer = trace.getTracer(TRACER);
  return wrapExecutor(gateway, (executor): GatewayExecutor => (requestContext) => {
    const type = requestContext.operation?.operation ?? 'unknown';
    const name = nameOf(requestContext.operationName ?? undefined);
    const caller = (requestContext.context as { caller?: { kind?: string } }).caller?.kind ?? 'anonymous';
    const attributes = {
      'graphql.operation.type': type,
      'graphql.operation.name': name,
      'kabinet.caller.kind': caller,
    };
    return tracer.startActiveSpan(`graphql ${type} ${name}`, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
      try {
        const result = await executor(requestContext);
        const codes = (result.errors ?? []).map((e) => {
          const code = e.extensions?.code;
          return typeof code === 'string' ? code : 'UNKNOWN';
        });
        if (codes.length) {
          span.setAttribute('graphql.error.codes', [...new Set(codes)]);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        return result;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
  });
}
