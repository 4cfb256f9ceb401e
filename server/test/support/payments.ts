// What the online-payment tests share: an abonent paying for a demo account (linked, and known to the payments and
// metering subgraphs), the startPayment document, idempotency keys, and waiting for what happens asynchronously.
import type { EntityManager } from '@mikro-orm/postgresql';
import { runSql } from '../../src/core/sql.js';
import { confirmedAbonent } from './abonents.js';
import type { TestKabinet } from './kabinet.js';
import type { SmtpSink } from './smtp-sink.js';

export const START = `mutation ($input: StartPaymentInput!) { startPayment(input: $input) {
  ok errors { field code message } confirmationUrl
  payment { id status final amount purpose readingsSubmitted cancellationCode cancellationReason confirmationUrl }
} }`;

let keys = 0;
/** A fresh idempotency key for startPayment. */
export const paymentKey = (): string => `pay-key-${Date.now()}-${keys++}`;

/** Reads until `done`, every 150 ms, for up to `ms`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A fresh entity manager of the payments subgraph (for SQL a test reads or arranges directly). */
export const paymentsEm = (app: TestKabinet): EntityManager => app.kabinet.subgraphs.payments.orm.em.fork();

/**
 * A confirmed abonent with a demo account linked, once payments knows the link, the balance and the payee (and
 * metering the link). `start` sends startPayment for that account: by default the debt, with a fresh key, the
 * abonent's e-mail for the receipt and Kabinet's result page to come back to; `input` overrides any of them.
 */
export async function payer(
  app: TestKabinet,
  mail: SmtpSink,
  number = '702062012',
  supplierCode = 'sankt-peterburg',
  proof: string | undefined = '4,37507',
) {
  const abonent = await confirmedAbonent(app, mail);
  const linked = await abonent.client.graphql(
    `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok errors { code } account { id } } }`,
    { input: { supplierCode, number, proof } },
  );
  const accountId = linked.body.data.linkPersonalAccount.account.id as string;
  await eventually(
    () =>
      runSql<unknown[]>(
        paymentsEm(app),
        `select 1 from "payments"."account_access" x join "payments"."account" a on a."id" = x."account_id"
           join "payments"."supplier" s on s."id" = a."supplier_id"
          where x."abonent_id" = ? and x."account_id" = ? and x."linked" and a."balance_kopecks" is not null`,
        [abonent.id, accountId],
      ),
    (rows) => rows.length > 0,
    'payments to learn of the link',
  );
  await eventually(
    () =>
      runSql<unknown[]>(
        app.kabinet.subgraphs.metering.orm.em.fork(),
        `select 1 from "metering"."account_access" where "abonent_id" = ? and "account_id" = ? and "linked"`,
        [abonent.id, accountId],
      ),
    (rows) => rows.length > 0,
    'metering to learn of the link',
  );
  const start = (input: Record<string, unknown>) =>
    abonent.client.graphql(START, {
      input: {
        accountId,
        purpose: 'DEBT',
        receiptEmail: abonent.email,
        idempotencyKey: paymentKey(),
        returnUrl: `${app.config.publicUrl}/oplata/rezultat`,
        ...input,
      },
    });
  return { ...abonent, accountId, start };
}
