// The payments subgraph: online payments through an acquirer, their receipts, and the export for billing; with its
// copy of the accounts facts it acts on (who may pay for an account, the balance, the payee).
import { recordAccess, recordAccounts } from '../../core/account-replica.js';
import {
  ACCOUNT_ACCESS_CHANGED,
  ACCOUNTS_REGISTERED,
  BALANCES_SET,
  SUPPLIER_SETTINGS_CHANGED,
  type AccountAccessChanged,
  type AccountsRegistered,
  type BalancesSet,
  type SupplierSettingsChanged,
} from '../../core/events.js';
import { eventConsumer } from '../../core/queue.js';
import { readRows, statement } from '../../core/sql.js';
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { Migration20261124000000CreatePaymentsSchema } from './migrations/Migration20261124000000CreatePaymentsSchema.js';
import { Migration20261125100000CreatePayments } from './migrations/Migration20261125100000CreatePayments.js';
import { Migration20261202000000CreatePaymentAlerts } from './migrations/Migration20261202000000CreatePaymentAlerts.js';
import { PartnerPaymentsResolver } from './partner/partner-payments.js';
import { AccountPaymentsResolver, PaymentResolver } from './payment/payment.resolver.js';
import { AccountPayments, PaymentStatus } from './payment/payment.types.js';
import { accountPaymentsReference } from './payment/payment.reference.js';
import { reconcilePayments } from './payment/reconcile.js';
import { createPaymentsLoaders, type PaymentsLoaders } from './payments.context.js';
import { paymentsPermissions } from './permissions.js';
import { createPaymentProvider } from './provider/index.js';
import { recordBalances, recordSupplier } from './replica/payments-replica.js';
import { registerWebhookRoute } from './webhook/webhook.route.js';

export const RECONCILE_JOB = 'payments.reconcile';

const OPEN_PAYMENTS = statement(
  `select "status", count(*)::int as "count",
          extract(epoch from clock_timestamp() - min("created_at"))::float8 as "oldest"
     from "payments"."payment" where "status" in ('CREATED', 'PENDING') group by "status"`,
);

export const payments: SubgraphDefinition<PaymentsLoaders> = {
  name: 'payments',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreatePaymentsSchema', class: Migration20261124000000CreatePaymentsSchema },
    { name: 'Migration20261125100000CreatePayments', class: Migration20261125100000CreatePayments },
    { name: 'Migration20261202000000CreatePaymentAlerts', class: Migration20261202000000CreatePaymentAlerts },
  ],
  resolvers: [AccountPaymentsResolver, PaymentResolver, PartnerPaymentsResolver],
  // Reached only through `_entities` (accounts owns PersonalAccount).
  orphanedTypes: [AccountPayments],
  referenceResolvers: { PersonalAccount: accountPaymentsReference },
  permissions: paymentsPermissions,
  createLoaders: createPaymentsLoaders,
  consumes: [ACCOUNTS_REGISTERED, ACCOUNT_ACCESS_CHANGED, BALANCES_SET, SUPPLIER_SETTINGS_CHANGED],
  routes: registerWebhookRoute,
  metrics: ({ orm }, metrics) => {
    // Open payments (the partial index payment_open_index): how many, and how long the oldest has been open, so an
    // operator sees payments stuck in PENDING (the acquirer's notifications not arriving, reconciliation failing).
    type Open = { status: PaymentStatus; count: number; oldest: number };
    const byStatus = (rows: Open[], value: (row: Open) => number) =>
      [PaymentStatus.CREATED, PaymentStatus.PENDING].map((status) => {
        const row = rows.find((r) => r.status === status);
        return { labels: { status }, value: row ? value(row) : 0 };
      });
    metrics.gaugesFromQuery(
      () => readRows<Open>(orm.em.fork(), OPEN_PAYMENTS, []),
      [
        {
          name: 'kabinet_payments_open',
          help: 'Payments not settled yet, by status (CREATED, PENDING)',
          labelNames: ['status'],
          values: (rows) => byStatus(rows, (row) => row.count),
        },
        {
          name: 'kabinet_payments_open_oldest_seconds',
          help: 'Age in seconds of the oldest payment not settled yet, by status (CREATED, PENDING; 0: none)',
          labelNames: ['status'],
          values: (rows) => byStatus(rows, (row) => row.oldest),
        },
      ],
    );
  },
  jobs: ({ orm, deps, log }) => {
    const em = () => orm.em.fork();
    const provider = createPaymentProvider({ ...deps, log });
    return {
      jobs: [
        eventConsumer<AccountsRegistered>('payments', ACCOUNTS_REGISTERED, (e) => recordAccounts(em(), 'payments', e)),
        eventConsumer<AccountAccessChanged>('payments', ACCOUNT_ACCESS_CHANGED, (e) =>
          recordAccess(em(), 'payments', e),
        ),
        eventConsumer<BalancesSet>('payments', BALANCES_SET, (e) => recordBalances(em(), e)),
        eventConsumer<SupplierSettingsChanged>('payments', SUPPLIER_SETTINGS_CHANGED, (e) => recordSupplier(em(), e)),
        {
          name: RECONCILE_JOB,
          retryLimit: 0,
          expireInSeconds: 240,
          async handle() {
            const asked = await reconcilePayments(em(), provider, {
              config: deps.config,
              queue: deps.queue,
              log,
              metrics: deps.metrics,
            });
            if (asked > 0) log.info({ asked }, 'payments reconciled with the acquirer');
          },
        },
      ],
      schedules: [{ job: RECONCILE_JOB, cron: '* * * * *' }],
    };
  },
};
