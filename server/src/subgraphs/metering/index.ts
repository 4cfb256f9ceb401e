// The metering subgraph: meters and meter readings, with its copy of the accounts facts it acts on.
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
import { todayInMoscow } from '@kabinet/common/calendar';
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { Migration20261124000000CreateMeteringSchema } from './migrations/Migration20261124000000CreateMeteringSchema.js';
import { Migration20261125000000CreateAccountReplica } from './migrations/Migration20261125000000CreateAccountReplica.js';
import { Migration20261125010000CreateMetersAndReadings } from './migrations/Migration20261125010000CreateMetersAndReadings.js';
import { Migration20261125020000CreateReminderSent } from './migrations/Migration20261125020000CreateReminderSent.js';
import { Migration20261202000000AddSubmissionRequestHash } from './migrations/Migration20261202000000AddSubmissionRequestHash.js';
import { Migration20261202010000AddPlausibilityRules } from './migrations/Migration20261202010000AddPlausibilityRules.js';
import { Migration20261202020000IndexReadingSubmission } from './migrations/Migration20261202020000IndexReadingSubmission.js';
import { remindAbonents } from './reading/reminders.js';
import { createMeteringLoaders, type MeteringLoaders } from './metering.context.js';
import { accountMetersReference, meterReference } from './meter/meter.reference.js';
import { AccountMeters, AccountMetersResolver, MeterResolver } from './meter/meter.resolver.js';
import { PartnerMeteringResolver } from './partner/partner-metering.resolver.js';
import { ReadingResolver } from './reading/reading.resolver.js';
import { seedDemoMeters } from './demo/demo-meters.js';
import { meteringPermissions } from './permissions.js';
import { recordAccess, recordAccounts } from '../../core/account-replica.js';
import { recordSupplierSettings, recordTariffs } from './replica/account-replica.js';

export const READING_REMINDERS_JOB = 'metering.reading-reminders';

export const metering: SubgraphDefinition<MeteringLoaders> = {
  name: 'metering',
  entities: [],
  migrations: [
    { name: 'Migration20261124000000CreateMeteringSchema', class: Migration20261124000000CreateMeteringSchema },
    { name: 'Migration20261125000000CreateAccountReplica', class: Migration20261125000000CreateAccountReplica },
    {
      name: 'Migration20261125010000CreateMetersAndReadings',
      class: Migration20261125010000CreateMetersAndReadings,
    },
    { name: 'Migration20261125020000CreateReminderSent', class: Migration20261125020000CreateReminderSent },
    {
      name: 'Migration20261202000000AddSubmissionRequestHash',
      class: Migration20261202000000AddSubmissionRequestHash,
    },
    { name: 'Migration20261202010000AddPlausibilityRules', class: Migration20261202010000AddPlausibilityRules },
    { name: 'Migration20261202020000IndexReadingSubmission', class: Migration20261202020000IndexReadingSubmission },
  ],
  resolvers: [AccountMetersResolver, MeterResolver, ReadingResolver, PartnerMeteringResolver],
  // Reached only through `_entities` (accounts owns PersonalAccount).
  orphanedTypes: [AccountMeters],
  referenceResolvers: { PersonalAccount: accountMetersReference, Meter: meterReference },
  permissions: meteringPermissions,
  createLoaders: createMeteringLoaders,
  consumes: [ACCOUNTS_REGISTERED, ACCOUNT_ACCESS_CHANGED, TARIFFS_SET, SUPPLIER_SETTINGS_CHANGED],
  jobs: ({ orm, deps, log }) => {
    const em = () => orm.em.fork();
    return {
      jobs: [
        eventConsumer<AccountsRegistered>('metering', ACCOUNTS_REGISTERED, async (e) => {
          await recordAccounts(em(), 'metering', e);
          if (deps.config.demoData) await seedDemoMeters(em(), e, todayInMoscow(deps.clock.now()));
        }),
        eventConsumer<AccountAccessChanged>('metering', ACCOUNT_ACCESS_CHANGED, (e) =>
          recordAccess(em(), 'metering', e),
        ),
        eventConsumer<TariffsSet>('metering', TARIFFS_SET, (e) => recordTariffs(em(), e)),
        eventConsumer<SupplierSettingsChanged>('metering', SUPPLIER_SETTINGS_CHANGED, (e) =>
          recordSupplierSettings(em(), e),
        ),
        {
          name: READING_REMINDERS_JOB,
          retryLimit: 3,
          async handle() {
            const sent = await remindAbonents(em(), deps.queue, todayInMoscow(deps.clock.now()));
            if (sent > 0) log.info({ sent }, 'reading reminders due');
          },
        },
      ],
      // Every morning, Moscow time: whichever suppliers close their period in three days.
      schedules: [{ job: READING_REMINDERS_JOB, cron: '0 6 * * *' }],
    };
  },
};
