// The metering subgraph: meters and meter readings, with its copy of the accounts facts it acts on.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ACCOUNT_ACCESS_CHANGED,
  ACCOUNTS_REGISTERED,
  SUPPLIER_SETTINGS_CHANGED,
  TARIFFS_SET,
  type AccountAccessChanged,
  type AccountsRegistered,
  type SupplierSettingsChanged,
  type TariffsSet,
} from '../../core/events.js';
import { eventConsumer } from '../../core/queue.js';
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { MeteringResolver } from './metering.resolver.js';
import { Migration20261124000000CreateMeteringSchema } from './migrations/Migration20261124000000CreateMeteringSchema.js';
import { Migration20261125000000CreateAccountReplica } from './migrations/Migration20261125000000CreateAccountReplica.js';
import { meteringPermissions } from './permissions.js';
import { recordAccess, recordAccounts, recordSupplierSettings, recordTariffs } from './replica/account-replica.js';

export const metering: SubgraphDefinition<Record<string, never>> = {
  name: 'metering',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreateMeteringSchema', class: Migration20261124000000CreateMeteringSchema },
    { name: 'Migration20261125000000CreateAccountReplica', class: Migration20261125000000CreateAccountReplica },
  ],
  resolvers: [MeteringResolver],
  permissions: meteringPermissions,
  createLoaders: () => ({}),
  consumes: [ACCOUNTS_REGISTERED, ACCOUNT_ACCESS_CHANGED, TARIFFS_SET, SUPPLIER_SETTINGS_CHANGED],
  jobs: ({ orm }) => {
    const em = () => orm.em.fork() as EntityManager;
    return {
      jobs: [
        eventConsumer<AccountsRegistered>('metering', ACCOUNTS_REGISTERED, (e) => recordAccounts(em(), e)),
        eventConsumer<AccountAccessChanged>('metering', ACCOUNT_ACCESS_CHANGED, (e) => recordAccess(em(), e)),
        eventConsumer<TariffsSet>('metering', TARIFFS_SET, (e) => recordTariffs(em(), e)),
        eventConsumer<SupplierSettingsChanged>('metering', SUPPLIER_SETTINGS_CHANGED, (e) =>
          recordSupplierSettings(em(), e),
        ),
      ],
    };
  },
};
