// The accounts subgraph: suppliers and (later) personal accounts.
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { createAccountsLoaders, type AccountsLoaders } from './accounts.context.js';
import { Migration20261124000000CreateSupplier } from './migrations/Migration20261124000000CreateSupplier.js';
import { Migration20261124000100SeedSuppliers } from './migrations/Migration20261124000100SeedSuppliers.js';
import { accountsPermissions } from './permissions.js';
import { Supplier } from './supplier/supplier.entity.js';
import { supplierReference } from './supplier/supplier.reference.js';
import { SupplierResolver } from './supplier/supplier.resolver.js';

export const accounts: SubgraphDefinition<AccountsLoaders> = {
  name: 'accounts',
  entities: [Supplier],
  migrations: [
    { name: 'Migration20261124000000CreateSupplier', class: Migration20261124000000CreateSupplier },
    { name: 'Migration20261124000100SeedSuppliers', class: Migration20261124000100SeedSuppliers },
  ],
  resolvers: [SupplierResolver],
  referenceResolvers: { Supplier: supplierReference },
  permissions: accountsPermissions,
  createLoaders: createAccountsLoaders,
};
