// The embedded database after a quiet spell: every pool has closed its idle connections and opens new ones, which
// prepare their statements again (the rate limiter's, our own reads) on the one session PGlite has. Whatever a
// newcomer does next must work as before the pause: log in, resend the link, submit a reading, start a payment.
import { describe, expect, it } from 'vitest';
import { startEmbedded } from '../src/core/database.js';
import { registeredAbonent } from './support/abonents.js';
import { payer } from './support/payments.js';
import { useTestKabinet } from './support/use-kabinet.js';

/** Shorter than the pause below, so that every pool (subgraphs, job queue, sandbox acquirer) closes idle ones. */
const IDLE_TIMEOUT_MS = 1000;
const PAUSE_MS = 3 * IDLE_TIMEOUT_MS;

const { app, mail } = useTestKabinet(
  { DEMO_DATA: 'true', DB_IDLE_TIMEOUT: `${IDLE_TIMEOUT_MS / 1000}s` },
  // Always the embedded database, whichever database the rest of the suite runs on.
  { database: () => startEmbedded(undefined, IDLE_TIMEOUT_MS) },
);

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ok errors { code } } }`;
const RESEND = `mutation { resendConfirmation { ok errors { code message } } }`;
const SUBMIT = `mutation ($input: SubmitReadingsInput!) { submitReadings(input: $input) {
  ok errors { code } results { status code consumption } } }`;
const METERS = `query ($id: ID!) { personalAccount(id: $id) { meters { id lastReading { value } } } }`;

const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

describe('the embedded database after a pause longer than every pool idle timeout', () => {
  it('logs in, resends the link, takes a reading and starts a payment as before the pause', async () => {
    expect(app.database.embedded).toBe(true);
    // Two abonents who have not confirmed yet: a link may be resent once a minute, so each asks once.
    const waiting = [await registeredAbonent(app), await registeredAbonent(app)];
    for (const abonent of waiting) await mail.waitFor(abonent.email, /Подтвердите регистрацию/);
    const ready = await payer(app, mail);
    const meters = await ready.client.graphql(METERS, { id: ready.accountId });
    const meter = meters.body.data.personalAccount.meters[0] as { id: string; lastReading: { value: string } };

    // Everything once before the pause, so that each statement has been prepared on a connection that then closes.
    const before = await ready.client.graphql(LOGIN, { input: { email: ready.email, password: ready.password } });
    expect(before.body).toEqual({ data: { login: { ok: true, errors: [] } } });

    for (let round = 1; round <= 2; round++) {
      await pause();
      const login = await ready.client.graphql(LOGIN, { input: { email: ready.email, password: ready.password } });
      expect(login.body, `login after pause ${round}`).toEqual({ data: { login: { ok: true, errors: [] } } });
      const resending = waiting[round - 1]!;
      const resend = await resending.client.graphql(RESEND);
      expect(resend.body, `resend after pause ${round}`).toEqual({
        data: { resendConfirmation: { ok: true, errors: [] } },
      });
      // The letter goes out through the job queue, whose pool has reconnected too.
      await mail.waitFor(resending.email, /Подтвердите регистрацию/);

      await pause();
      const value = `${Math.floor(Number(meter.lastReading.value.replace(',', '.'))) + 10 * round},5`;
      const reading = await ready.client.graphql(SUBMIT, {
        input: {
          accountId: ready.accountId,
          idempotencyKey: `idle-${round}-${Date.now()}`,
          readings: [{ meterId: meter.id, value }],
        },
      });
      expect(reading.body.errors, `reading after pause ${round}`).toBeUndefined();
      expect(reading.body.data.submitReadings).toMatchObject({
        ok: true,
        errors: [],
        results: [{ status: 'ACCEPTED' }],
      });

      await pause();
      const payment = await ready.start({ purpose: 'CUSTOM', amount: 10_000 });
      expect(payment.body.errors, `payment after pause ${round}`).toBeUndefined();
      expect(payment.body.data.startPayment).toMatchObject({ ok: true, errors: [] });
    }
  }, 120_000);
});
