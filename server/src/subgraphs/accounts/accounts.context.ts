// The accounts subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../../core/context.js';
import { createSupplierByIdLoader } from './supplier/supplier.loaders.js';

export function createAccountsLoaders(em: EntityManager) {
  return { supplierById: createSupplierByIdLoader(em) };
}

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
export type AccountsContext = SubgraphContext<AccountsLoaders>;
