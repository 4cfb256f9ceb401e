// Per-request batching of supplier reads (entity references from other subgraphs arrive in batches).
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { uuidsOf } from '../../../core/uuid.js';
import { Supplier } from './supplier.entity.js';

export function createSupplierByIdLoader(em: EntityManager): DataLoader<string, Supplier | null> {
  return new DataLoader(async (ids) => {
    // A malformed id cannot match; keep it out of the uuid comparison so PostgreSQL does not reject the batch.
    const valid = uuidsOf(ids);
    const rows = valid.length ? await em.find(Supplier, { id: { $in: valid } }) : [];
    const byId = new Map(rows.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
