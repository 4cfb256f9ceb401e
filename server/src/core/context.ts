// The per-request contexts: the gateway's (who is calling) and each subgraph's (plus its EntityManager and loaders).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './caller.js';
import type { Logger } from './logger.js';

/** What the gateway knows about a request, and what crosses to subgraphs (in-process, or signed in a header). */
export interface RequestContext {
  readonly requestId: string;
  readonly caller: Caller;
  readonly log: Logger;
}

/** What a subgraph's resolvers get: one forked EntityManager and one set of DataLoaders per request. */
export interface SubgraphContext<Loaders = unknown> extends RequestContext {
  readonly em: EntityManager;
  readonly loaders: Loaders;
}
