// The accounts subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, SubgraphContext } from '../../core/context.js';
import { plainEntity } from '../../core/plain-entity.js';
import { createUnpostedLoader } from './personal-account/online-payments.js';
import { createAccountLoaders } from './personal-account/personal-account.loaders.js';
import { Supplier } from './supplier/supplier.entity.js';
import { createSupplierByIdLoader } from './supplier/supplier.loaders.js';

export function createAccountsLoaders(em: EntityManager, request: RequestContext) {
  const supplierById = createSupplierByIdLoader(em);
  // The abonent's accounts come with their suppliers (one statement for the dashboard, not two).
  const primeSupplier = (row: Record<string, unknown>) => {
    supplierById.prime(String(row.id), plainEntity(em, Supplier, row));
  };
  return {
    supplierById,
    unpostedByAccount: createUnpostedLoader(em),
    ...createAccountLoaders(em, request.caller, primeSupplier),
  };
}

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
export type AccountsContext = SubgraphContext<AccountsLoaders>;
