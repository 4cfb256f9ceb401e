// The payments subgraph: payments and their receipts. Only its skeleton exists so far.
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { PaymentsResolver } from './payments.resolver.js';
import { Migration20261124000000CreatePaymentsSchema } from './migrations/Migration20261124000000CreatePaymentsSchema.js';
import { paymentsPermissions } from './permissions.js';

export const payments: SubgraphDefinition<Record<string, never>> = {
  name: 'payments',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreatePaymentsSchema', class: Migration20261124000000CreatePaymentsSchema },
  ],
  resolvers: [PaymentsResolver],
  permissions: paymentsPermissions,
  createLoaders: () => ({}),
};
