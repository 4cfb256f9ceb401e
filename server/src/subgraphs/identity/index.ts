// The identity subgraph: abonents, their sessions, e-mailed links, CAPTCHA, support requests and partner apps.
import { READING_REMINDER_DUE, type ReadingReminderDue } from '../../core/events.js';
import { mailJob, createMailTransport } from '../../core/mail.js';
import { eventConsumer } from '../../core/queue.js';
import { sendReadingReminder } from './abonent/reading-reminders.js';
import type { SubgraphDefinition } from '../../core/subgraph.js';
import { abonentReference } from './abonent/abonent.reference.js';
import { Abonent } from './abonent/abonent.entity.js';
import { AbonentResolver } from './abonent/abonent.resolver.js';
import { purgeUnconfirmed } from './abonent/cabinet.service.js';
import { CaptchaResolver } from './captcha/captcha.resolver.js';
import { CaptchaService } from './captcha/captcha.service.js';
import { EmailToken } from './email-token/email-token.entity.js';
import { createIdentityLoaders, type IdentityLoaders } from './identity.context.js';
import { Migration20261124000000CreateIdentitySchema } from './migrations/Migration20261124000000CreateIdentitySchema.js';
import { Migration20261124010000CreateIdentityTables } from './migrations/Migration20261124010000CreateIdentityTables.js';
import { Migration20261125000000CreatePartnerApps } from './migrations/Migration20261125000000CreatePartnerApps.js';
import { Migration20261125020000AddReadingReminders } from './migrations/Migration20261125020000AddReadingReminders.js';
import { Migration20261202000000AddSupportThreads } from './migrations/Migration20261202000000AddSupportThreads.js';
import { Migration20261202100000CreateSentLetters } from './migrations/Migration20261202100000CreateSentLetters.js';
import { Migration20261203000000NotifySessionChanges } from './migrations/Migration20261203000000NotifySessionChanges.js';
import { purgeSentLetters, sentLetters } from './mail/sent-letters.js';
import { OperatorResolver } from './operator/operator.resolver.js';
import { PartnerApiKey, PartnerApp } from './partner/partner-app.entity.js';
import { PartnerResolver } from './partner/partner.resolver.js';
import { configurePasswordHashing } from './password/password-hasher.js';
import { PasswordResolver } from './password/password.resolver.js';
import { identityPermissions } from './permissions.js';
import { Session } from './session/session.entity.js';
import { SessionResolver } from './session/session.resolver.js';
import { SupportMessage, SupportRequest } from './support/support-request.entity.js';
import { SupportResolver } from './support/support.resolver.js';

export const PURGE_UNCONFIRMED_JOB = 'identity.purge-unconfirmed';
export const PURGE_CAPTCHA_JOB = 'identity.purge-captcha-solutions';
export const PURGE_SENT_LETTERS_JOB = 'identity.purge-sent-letters';

export const identity: SubgraphDefinition<IdentityLoaders> = {
  name: 'identity',
  entities: [Abonent, Session, EmailToken, SupportRequest, SupportMessage, PartnerApp, PartnerApiKey],
  migrations: [
    { name: 'Migration20261124000000CreateIdentitySchema', class: Migration20261124000000CreateIdentitySchema },
    { name: 'Migration20261124010000CreateIdentityTables', class: Migration20261124010000CreateIdentityTables },
    { name: 'Migration20261125000000CreatePartnerApps', class: Migration20261125000000CreatePartnerApps },
    { name: 'Migration20261125020000AddReadingReminders', class: Migration20261125020000AddReadingReminders },
    { name: 'Migration20261202000000AddSupportThreads', class: Migration20261202000000AddSupportThreads },
    { name: 'Migration20261202100000CreateSentLetters', class: Migration20261202100000CreateSentLetters },
    { name: 'Migration20261203000000NotifySessionChanges', class: Migration20261203000000NotifySessionChanges },
  ],
  resolvers: [
    AbonentResolver,
    SessionResolver,
    PasswordResolver,
    CaptchaResolver,
    SupportResolver,
    PartnerResolver,
    OperatorResolver,
  ],
  referenceResolvers: { Abonent: abonentReference },
  permissions: identityPermissions,
  createLoaders: (em, _request, deps) => {
    // The hashing turns follow this process's configuration (a no-op once applied).
    configurePasswordHashing(deps.config.passwordHashing);
    return createIdentityLoaders(em);
  },
  consumes: [READING_REMINDER_DUE],
  jobs: ({ orm, deps, log }) => ({
    jobs: [
      mailJob(
        createMailTransport(deps.config),
        log.child({ module: 'mail' }),
        sentLetters(() => orm.em.fork()),
        deps.config.mailConcurrency,
        deps.metrics,
      ),
      eventConsumer<ReadingReminderDue>('identity', READING_REMINDER_DUE, async (event) => {
        await sendReadingReminder(orm.em.fork(), deps.queue, deps.config, event);
      }),
      {
        name: PURGE_UNCONFIRMED_JOB,
        retryLimit: 3,
        async handle() {
          const deleted = await purgeUnconfirmed(orm.em.fork(), deps.queue, deps.clock.now());
          if (deleted > 0) log.info({ deleted }, 'unconfirmed cabinets past their deadline deleted');
        },
      },
      {
        name: PURGE_CAPTCHA_JOB,
        retryLimit: 3,
        async handle() {
          await CaptchaService.purgeExpired(orm.em.fork());
        },
      },
      {
        name: PURGE_SENT_LETTERS_JOB,
        retryLimit: 3,
        async handle() {
          await purgeSentLetters(orm.em.fork());
        },
      },
    ],
    schedules: [
      { job: PURGE_UNCONFIRMED_JOB, cron: '*/10 * * * *' },
      { job: PURGE_CAPTCHA_JOB, cron: '17 * * * *' },
      { job: PURGE_SENT_LETTERS_JOB, cron: '43 3 * * *' },
    ],
  }),
};
