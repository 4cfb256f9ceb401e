// Distributed mode: the gateway (ours, or another router with Kabinet's plugin) asks identity who is calling.
import { ANONYMOUS, CALLER_HEADER, signCaller, type Caller } from '../core/caller.js';
import { serviceUnavailableError } from '../core/errors.js';
import type { CallerResolver } from './gateway.js';

/** Asks the identity service (`POST /internal/caller`, signed) who presented these credentials. */
export function remoteCallerResolver(identityGraphQLUrl: string, secret: string): CallerResolver {
  const url = new URL('/internal/caller', identityGraphQLUrl);
  return async (credentials) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CALLER_HEADER]: signCaller({ caller: ANONYMOUS, requestId: 'caller', clientIp: '127.0.0.1' }, secret),
      },
      body: JSON.stringify(credentials),
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 503) throw serviceUnavailableError();
    if (!response.ok) throw new Error(`identity answered ${response.status} to a caller lookup`);
    return ((await response.json()) as { caller: Caller }).caller;
  };
}
