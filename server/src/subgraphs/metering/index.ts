// The metering subgraph: meters and meter readings. Only its skeleton exists so far.
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { MeteringResolver } from './metering.resolver.js';
import { Migration20261124000000CreateMeteringSchema } from './migrations/Migration20261124000000CreateMeteringSchema.js';
import { meteringPermissions } from './permissions.js';

export const metering: SubgraphDefinition<Record<string, never>> = {
  name: 'metering',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreateMeteringSchema', class: Migration20261124000000CreateMeteringSchema },
  ],
  resolvers: [MeteringResolver],
  permissions: meteringPermissions,
  createLoaders: () => ({}),
};
