// The accounts subgraph: suppliers, the personal-account registry, abonents' links to it, and its partner API.
import {
  ABONENT_DELETED,
  PAYMENT_REFUNDED,
  PAYMENT_SUCCEEDED,
  type AbonentDeleted,
  type PaymentSettled,
} from '../../core/events.js';
import { eventConsumer } from '../../core/queue.js';
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { createAccountsLoaders, type AccountsLoaders } from './accounts.context.js';
import { LinkResolver } from './personal-account/link.resolver.js';
import { unlinkAll } from './personal-account/link.service.js';
import { recordOnlinePayment } from './personal-account/online-payments.js';
import { abonentAccountsReference, personalAccountReference } from './personal-account/personal-account.reference.js';
import {
  AbonentAccounts,
  AbonentAccountsResolver,
  PersonalAccountResolver,
} from './personal-account/personal-account.resolver.js';
import { seedDemoData } from './demo/demo-data.js';
import { Migration20261124000000CreateSupplier } from './migrations/Migration20261124000000CreateSupplier.js';
import { Migration20261124000100SeedSuppliers } from './migrations/Migration20261124000100SeedSuppliers.js';
import { Migration20261125000000CreatePersonalAccounts } from './migrations/Migration20261125000000CreatePersonalAccounts.js';
import { Migration20261202100000CreateOnlinePayments } from './migrations/Migration20261202100000CreateOnlinePayments.js';
import { Migration20261202020000AddSupplierSupportAddress } from './migrations/Migration20261202020000AddSupplierSupportAddress.js';
import { PartnerAccountsResolver } from './partner/partner-accounts.resolver.js';
import { accountsPermissions } from './permissions.js';
import { Supplier } from './supplier/supplier.entity.js';
import { supplierReference } from './supplier/supplier.reference.js';
import { SupplierResolver, SupplierSettingsResolver } from './supplier/supplier.resolver.js';

export const accounts: SubgraphDefinition<AccountsLoaders> = {
  name: 'accounts',
  entities: [Supplier],
  migrations: [
    { name: 'Migration20261124000000CreateSupplier', class: Migration20261124000000CreateSupplier },
    { name: 'Migration20261124000100SeedSuppliers', class: Migration20261124000100SeedSuppliers },
    { name: 'Migration20261125000000CreatePersonalAccounts', class: Migration20261125000000CreatePersonalAccounts },
    { name: 'Migration20261202100000CreateOnlinePayments', class: Migration20261202100000CreateOnlinePayments },
    {
      name: 'Migration20261202020000AddSupplierSupportAddress',
      class: Migration20261202020000AddSupplierSupportAddress,
    },
  ],
  resolvers: [
    SupplierResolver,
    SupplierSettingsResolver,
    PersonalAccountResolver,
    AbonentAccountsResolver,
    LinkResolver,
    PartnerAccountsResolver,
  ],
  // Reached only through `_entities` (identity owns Abonent), so no root field leads the schema builder to it.
  orphanedTypes: [AbonentAccounts],
  referenceResolvers: {
    Supplier: supplierReference,
    PersonalAccount: personalAccountReference,
    Abonent: abonentAccountsReference,
  },
  permissions: accountsPermissions,
  createLoaders: createAccountsLoaders,
  consumes: [ABONENT_DELETED, PAYMENT_SUCCEEDED, PAYMENT_REFUNDED],
  seedDemoData,
  jobs: ({ orm, deps, log }) => ({
    jobs: [
      // A deleted cabinet's links go with it; the accounts themselves belong to the supplier and stay.
      eventConsumer<AbonentDeleted>('accounts', ABONENT_DELETED, async (event) => {
        await unlinkAll(orm.em.fork(), deps.queue, event.abonentId);
        log.info({ abonentId: event.abonentId }, 'links of a deleted cabinet removed');
      }),
      // What the QR code and the notice ask for is net of payments the billing has not posted yet.
      eventConsumer<PaymentSettled>('accounts', PAYMENT_SUCCEEDED, (e) => recordOnlinePayment(orm.em.fork(), e)),
      eventConsumer<PaymentSettled>('accounts', PAYMENT_REFUNDED, (e) => recordOnlinePayment(orm.em.fork(), e)),
    ],
  }),
};
