// The accounts subgraph's per-request context and loaders.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext, SubgraphContext } from '../../core/context.js';
import { createAccountLoaders } from './personal-account/personal-account.loaders.js';
import { createSupplierByIdLoader } from './supplier/supplier.loaders.js';

export function createAccountsLoaders(em: EntityManager, request: RequestContext) {
  return { supplierById: createSupplierByIdLoader(em), ...createAccountLoaders(em, request.caller) };
}

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
export type AccountsContext = SubgraphContext<AccountsLoaders>;
