// The metering subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import { createAccountVisibilityLoader } from '../../core/account-visibility.js';
import { todayInMoscow } from '@kabinet/common/calendar';
import type { RequestContext, SubgraphContext, SubgraphDependencies } from '../../core/context.js';
import { createMeterLoaders } from './meter/meter.loaders.js';

export function createMeteringLoaders(em: EntityManager, request: RequestContext, deps: SubgraphDependencies) {
  return {
    ...createMeterLoaders(em, request.caller, todayInMoscow(deps.clock.now())),
    /** Whether the caller may read an account (entity references from the gateway or anyone with an envelope). */
    accountVisible: createAccountVisibilityLoader(em, 'metering', request, deps.subgraphs),
  };
}

export type MeteringLoaders = ReturnType<typeof createMeteringLoaders>;
export type MeteringContext = SubgraphContext<MeteringLoaders>;
