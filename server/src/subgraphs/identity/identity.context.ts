// The identity subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '../../core/context.js';
import { Abonent } from './abonent/abonent.entity.js';

export function createIdentityLoaders(em: EntityManager) {
  return {
    abonentById: new DataLoader<string, Abonent | null>(async (ids) => {
      const rows = await em.find(Abonent, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type IdentityLoaders = ReturnType<typeof createIdentityLoaders>;
export type IdentityContext = SubgraphContext<IdentityLoaders>;
