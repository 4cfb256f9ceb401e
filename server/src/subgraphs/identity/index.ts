// The identity subgraph: abonents, their sessions and partner apps. Only its skeleton exists so far.
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { IdentityResolver } from './identity.resolver.js';
import { Migration20261124000000CreateIdentitySchema } from './migrations/Migration20261124000000CreateIdentitySchema.js';
import { identityPermissions } from './permissions.js';

export const identity: SubgraphDefinition<Record<string, never>> = {
  name: 'identity',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreateIdentitySchema', class: Migration20261124000000CreateIdentitySchema },
  ],
  resolvers: [IdentityResolver],
  permissions: identityPermissions,
  createLoaders: () => ({}),
};
