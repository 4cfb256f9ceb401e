// The per-request contexts: the gateway's (who is calling) and each subgraph's (plus its EntityManager and loaders).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './caller.js';
import type { Config, SubgraphName } from './config.js';
import type { JobQueue } from './queue.js';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import type { HttpTransport } from './http-transport.js';
import type { SubgraphClient } from './subgraph-client.js';
import type { Clock } from './clock.js';
import type { Metrics } from './metrics.js';

/** What a resolver may do to the HTTP response the client gets (a subgraph's own response never reaches it). */
export interface ResponseEffects {
  /** Adds one Set-Cookie header (already serialized) to the client's response. */
  appendSetCookie(header: string): void;
}

/**
 * In distributed mode a subgraph service returns the Set-Cookie headers its resolvers asked for in this response
 * extension; the gateway moves them onto the client's response and strips the extension.
 */
export const SET_COOKIE_EXTENSION = 'kabinetSetCookie';

export const NO_RESPONSE_EFFECTS: ResponseEffects = Object.freeze({ appendSetCookie: () => {} });

/** What the gateway knows about a request, and what crosses to subgraphs (in-process, or signed in a header). */
export interface RequestContext {
  readonly requestId: string;
  readonly caller: Caller;
  /** The client's address, for rate limits; never logged. */
  readonly clientIp: string;
  /** Set-Cookie value of the caller's session, when the caller came with one (lets logout find it). */
  readonly sessionToken?: string;
  /** The subgraph that made this request for the caller (SubgraphClient); absent when it came through the gateway. */
  readonly origin?: SubgraphName;
  readonly log: Logger;
  readonly response: ResponseEffects;
  /** Aborts when the request runs past REQUEST_TIMEOUT (set by the gateway for a client's request). */
  readonly signal?: AbortSignal;
  /** Stops the request's REQUEST_TIMEOUT clock once it is answered. */
  readonly clearDeadline?: () => void;
}

/** What every subgraph process provides to its resolvers and jobs. */
export interface SubgraphDependencies {
  readonly config: Config;
  /** "Now" for every date rule (the system clock outside tests). */
  readonly clock: Clock;
  readonly queue: JobQueue;
  /** Shared counters (rate limits) when REDIS_URL is set. */
  readonly redis?: Redis;
  /** Calls another subgraph's API for the same caller (in-process, or over HTTP in distributed mode). */
  readonly subgraphs?: SubgraphClient;
  /** What this process reports at /metrics (absent in tests that build dependencies by hand). */
  readonly metrics?: Metrics;
  /** This process's own HTTP server, in-process (the sandbox acquirer Kabinet serves itself is called so). */
  readonly localHttp?: HttpTransport;
}

/** What a subgraph's resolvers get: one forked EntityManager and one set of DataLoaders per request. */
export interface SubgraphContext<Loaders = unknown> extends RequestContext, SubgraphDependencies {
  readonly em: EntityManager;
  readonly loaders: Loaders;
}
