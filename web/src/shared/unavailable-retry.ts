// Reads that meet a brief outage (503 SERVICE_UNAVAILABLE) are sent once more on their own before anyone sees it.
import type { CombinedError, Operation } from '@urql/core';
import { retryExchange } from '@urql/exchange-retry';

/** How long the client waits before its one retry: about as long as a database restart or failover takes. */
export const UNAVAILABLE_RETRY_DELAY_MS = 1500;

/**
 * Only reads: a mutation may have been written before the answer was lost, and sending it again is the person's
 * call (with an idempotency key where the API has one), never the client's.
 */
export function retriesWhenUnavailable(error: CombinedError, operation: Operation): boolean {
  return operation.kind === 'query' && error.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

/**
 * One retry of a query answered SERVICE_UNAVAILABLE, after `delayMs`; if that fails too, the result (with the
 * server's message that the service is briefly unavailable) goes on to the page.
 */
export function unavailableRetryExchange(delayMs = UNAVAILABLE_RETRY_DELAY_MS) {
  return retryExchange({
    initialDelayMs: delayMs,
    maxDelayMs: delayMs,
    randomDelay: false,
    maxNumberAttempts: 2,
    retryIf: retriesWhenUnavailable,
  });
}
