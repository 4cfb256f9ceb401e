// The metering subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, SubgraphContext } from '../../core/context.js';
import { createMeterLoaders } from './meter/meter.loaders.js';

export function createMeteringLoaders(em: EntityManager, request: RequestContext) {
  return createMeterLoaders(em, request.caller);
}

export type MeteringLoaders = ReturnType<typeof createMeteringLoaders>;
export type MeteringContext = SubgraphContext<MeteringLoaders>;
