// The time limit of one GraphQL request at the gateway: past REQUEST_TIMEOUT the client is answered 504 TIMEOUT and
// the rest of the work is abandoned where it can be (subgraph fetches aborted, later in-process fetches skipped).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { RequestContext } from '../core/context.js';
import { ErrorCode, httpStatusOf, timeoutError } from '../core/errors.js';
import { wrapExecutor } from './executor.js';

/** The deadline of the request being executed, for code the gateway calls without its context (the fetcher). */
const deadline = new AsyncLocalStorage<AbortSignal>();

export function currentRequestSignal(): AbortSignal | undefined {
  return deadline.getStore();
}

/** Starts a request's clock: the signal aborts after `timeoutMs`; `clear` stops the timer once answered. */
export function startRequestClock(timeoutMs: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutError()), timeoutMs);
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * Wraps the gateway so each operation's execution races the request's signal: when it aborts first the client gets
 * TIMEOUT at once, while subgraph fetches in flight see the same signal and stop.
 */
export function withRequestTimeout(gateway: GatewayInterface): GatewayInterface {
  return wrapExecutor(gateway, (executor): GatewayExecutor => (requestContext) => {
    const signal = (requestContext.context as Partial<RequestContext>).signal;
    if (!signal) return executor(requestContext);
    if (signal.aborted) return Promise.resolve({ errors: [timeoutError()] });
    return new Promise((resolve, reject) => {
      const onAbort = () => resolve({ errors: [timeoutError()] });
      signal.addEventListener('abort', onAbort, { once: true });
      deadline
        .run(signal, () => executor(requestContext))
        .then(
          (result) => {
            signal.removeEventListener('abort', onAbort);
            resolve(result);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
  });
}

/**
 * Stops the request's clock when it is answered, and gives an answer without data the HTTP status its error asks
 * for: 504 for TIMEOUT, 429 (with Retry-After) for SERVER_BUSY, 503 (with Retry-After) for SERVICE_UNAVAILABLE.
 */
export function requestTimeoutPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          contextValue.clearDeadline?.();
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          // An outage answers 503 also when nullable root fields came back null: nothing of what was asked arrived.
          const unavailable = errors.find((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
          const empty = data == null || (unavailable !== undefined && Object.values(data).every((v) => v == null));
          if (!empty) return;
          const error = unavailable ?? errors[0]!;
          const status = httpStatusOf(error.extensions?.code);
          if (status === undefined || status < 429) return;
          response.http.status = status;
          const retryAfter = error.extensions?.retryAfterSeconds;
          if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
