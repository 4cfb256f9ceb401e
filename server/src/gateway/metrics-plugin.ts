// The public edge's GraphQL metrics: each operation's count, latency and errors, and the root fields it ran.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../core/context.js';
import { codeLabel, type Metrics } from '../core/metrics.js';

/** The operation names the web client's documents define: the only names that become a label. */
export function operationNamesOf(documents: ReadonlyMap<string, string>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const text of documents.values()) {
    for (const definition of parse(text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

/**
 * Counts every answered operation once it is sent: its name if the web client has it (else `other`), its type
 * (`unknown` when it never parsed or validated), the caller's kind and whether the answer carries errors; each
 * error by code, and each root field the operation selected (names the schema has: only validated operations count).
 */
export function metricsPlugin(
  metrics: Metrics,
  knownOperations: ReadonlySet<string>,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operation: OperationDefinitionNode | undefined;
      return {
        async didResolveOperation(request) {
          operation = request.operation;
        },
        async willSendResponse({ response, contextValue, operationName }) {
          const name = operationName && knownOperations.has(operationName) ? operationName : 'other';
          const type = operation?.operation ?? 'unknown';
          const caller = contextValue.caller?.kind ?? 'anonymous';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.graphqlRequests.inc({ operation: name, type, caller, outcome: errors.length ? 'error' : 'ok' });
          metrics.graphqlDuration.observe({ operation: name, type, caller }, (performance.now() - started) / 1000);
          for (const error of errors) {
            metrics.graphqlErrors.inc({ operation: name, caller, code: codeLabel(error.extensions?.code) });
          }
          for (const selection of operation?.selectionSet.selections ?? []) {
            if (selection.kind === Kind.FIELD && !selection.name.value.startsWith('__')) {
              metrics.rootFields.inc({ field: selection.name.value, type, caller });
            }
          }
        },
      };
    },
  };
}
