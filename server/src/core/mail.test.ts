// Letters: the development mailbox when no SMTP server is set, and retries until an SMTP server takes them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../../test/support/captcha.js';
import { startTestKabinet, type TestKabinet } from '../../test/support/kabinet.js';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.js';
import { freePort } from './database.js';
import { createLogger } from './logger.js';
import {
  MAIL_EXPIRE_SECONDS,
  MAIL_JOB,
  mailJob,
  newMessageId,
  SmtpTransport,
  type Letter,
  type SentLetters,
} from './mail.js';
import { runSql } from './sql.js';
import { sentLetters } from '../subgraphs/identity/mail/sent-letters.js';

async function registerSomeone(app: TestKabinet, email: string) {
  const client = app.browser();
  const { body } = await client.graphql('{ captchaChallenge { challenge } }');
  const result = await client.graphql(`mutation ($input: RegisterInput!) { register(input: $input) { ok } }`, {
    input: {
      email,
      password: 'abc12',
      passwordRepeat: 'abc12',
      acceptAgreement: true,
      consentToPersonalData: true,
      captcha: await solveCaptcha(body.data.captchaChallenge.challenge),
    },
  });
  expect(result.body.data.register.ok).toBe(true);
}

describe('without SMTP_URL', () => {
  let app: TestKabinet;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-mail-'));
    app = await startTestKabinet({ CAPTCHA_COST: '10', DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps letters in the development mailbox at /dev/mail', async () => {
    await registerSomeone(app, 'devmail@example.ru');
    let letters: Array<{ to: string; subject: string; text: string; messageId?: string }> = [];
    for (let i = 0; i < 100 && letters.length === 0; i++) {
      letters = (await app.kabinet.http.inject({ method: 'GET', url: '/dev/mail.json' })).json().letters;
      if (letters.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(letters[0]).toMatchObject({
      to: 'devmail@example.ru',
      subject: 'Подтвердите регистрацию в Личном кабинете',
    });
    // The Message-ID the letter was queued with is kept, as an SMTP server would receive it.
    expect(letters[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    const page = await app.kabinet.http.inject({ method: 'GET', url: '/dev/mail' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Почта разработчика');
    expect(page.body).toMatch(/<a href="http:\/\/localhost:4000\/confirm\?token=[A-Za-z0-9_-]+">/);
  });
});

describe('in production', () => {
  it('never serves the development mailbox', async () => {
    const app = await startTestKabinet({
      NODE_ENV: 'production',
      GATEWAY_SECRET: 'g'.repeat(32),
      CAPTCHA_SECRET: 'c'.repeat(32),
      SMTP_URL: 'smtp://127.0.0.1:1',
      OPERATOR_NAME: 'ООО «Газ Онлайн»',
      OPERATOR_INN: '7701234567',
      OPERATOR_ADDRESS: '101000, г. Москва, ул. Мясницкая, д. 1',
      PUBLIC_URL: 'https://lk.example.ru',
      PAYMENT_PROVIDER: 'yookassa',
      YOOKASSA_SHOP_ID: '123456',
      YOOKASSA_SECRET_KEY: 'live_secret_key_value',
    });
    try {
      expect((await app.kabinet.http.inject({ method: 'GET', url: '/dev/mail' })).statusCode).toBe(404);
      expect((await app.kabinet.http.inject({ method: 'GET', url: '/dev/mail.json' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('when the SMTP server is down', () => {
  it('keeps the letter queued and delivers it once the server is up', async () => {
    const port = await freePort();
    const app = await startTestKabinet({ CAPTCHA_COST: '10', SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      await registerSomeone(app, 'patient@example.ru');
      // The first attempt fails (nothing listens); the job waits for its retry.
      await new Promise((r) => setTimeout(r, 3000));
      const sink = await startSmtpSink(port);
      try {
        const letter = await sink.waitFor('patient@example.ru', /Подтвердите регистрацию/, 45_000);
        expect(letter.text).toContain('/confirm?token=');
      } finally {
        await sink.close();
      }
    } finally {
      await app.close();
    }
  }, 90_000);
});

describe('a letter retried after a crash', () => {
  let app: TestKabinet;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startTestKabinet({ CAPTCHA_COST: '10', SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  const log = createLogger('silent');
  const identityEm = () => app.kabinet.subgraphs.identity.orm.em.fork();
  const transport = () => new SmtpTransport(sink.url, 'Кабинет <no-reply@kabinet.localhost>');
  let letters = 0;
  const letter = (withId = true): Letter => {
    const to = `once-${letters++}@example.ru`;
    return {
      to,
      subject: 'Чек об оплате',
      text: 'Оплата прошла.',
      html: '<p>Оплата прошла.</p>',
      kind: 'receipt',
      ...(withId ? { messageId: newMessageId(app.config.publicUrl) } : {}),
    };
  };
  const receivedBy = (to: string) => sink.letters.filter((l) => l.to.includes(to));

  it('is sent once when its attempt died after the letter was recorded as sent', async () => {
    const job = mailJob(transport(), log, sentLetters(identityEm));
    const once = letter();
    expect(once.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    await job.handle(once);
    // The attempt died before the job was marked done: the queue runs the handler again with the same data.
    await job.handle(once);
    expect(receivedBy(once.to).map((l) => l.messageId)).toEqual([once.messageId]);
  });

  it('goes again under the same Message-ID when its attempt died between sending and the record', async () => {
    const store = sentLetters(identityEm);
    let crash = true;
    const dying: SentLetters = {
      wasSent: (id) => store.wasSent(id),
      async record(id, kind) {
        if (crash) {
          crash = false;
          throw new Error('the process died here');
        }
        await store.record(id, kind);
      },
    };
    const job = mailJob(transport(), log, dying);
    const twice = letter();
    await expect(job.handle(twice)).rejects.toThrow('the process died here');
    await job.handle(twice);
    await job.handle(twice);
    expect(receivedBy(twice.to).map((l) => l.messageId)).toEqual([twice.messageId, twice.messageId]);
  });

  it('still sends a letter queued before letters had a Message-ID, without a record', async () => {
    const job = mailJob(transport(), log, sentLetters(identityEm));
    const old = letter(false);
    await job.handle(old);
    const [received] = receivedBy(old.to);
    expect(received?.messageId).toMatch(/^<.+@.+>$/);
    const recorded = await runSql<unknown[]>(
      identityEm(),
      `select 1 from "identity"."sent_letter" where "message_id" = ?`,
      [received!.messageId],
    );
    expect(recorded).toHaveLength(0);
  });

  it('is taken again soon after its lock expires, and not sent again when it was recorded as sent', async () => {
    const boss = app.kabinet.queue.boss;
    const sent = letter();
    const unsent = letter();
    await sentLetters(identityEm).record(sent.messageId!, sent.kind);
    const ids: string[] = [];
    for (const data of [sent, unsent]) {
      // Queued for later, then marked as taken an hour ago by a worker that died: what a kill -9 leaves behind.
      const id = await boss.send(MAIL_JOB, data, { startAfter: 3600 });
      ids.push(id!);
    }
    const expiry = await runSql<Array<{ seconds: number }>>(
      identityEm(),
      `select extract(epoch from "expire_in")::int as "seconds" from "pgboss"."job" where "id" = ?`,
      [ids[0]],
    );
    expect(expiry[0]!.seconds).toBe(MAIL_EXPIRE_SECONDS);
    await runSql(
      identityEm(),
      `update "pgboss"."job" set "state" = 'active', "started_on" = now() - interval '1 hour',
              "start_after" = now() - interval '1 hour'
        where "name" = ? and "id" in (?, ?)`,
      [MAIL_JOB, ...ids],
    );
    const received = await sink.waitFor(unsent.to, /Чек об оплате/, 90_000);
    expect(received.messageId).toBe(unsent.messageId);
    for (const deadline = Date.now() + 30_000; ;) {
      const states = await runSql<Array<{ state: string }>>(
        identityEm(),
        `select "state"::text as "state" from "pgboss"."job" where "name" = ? and "id" = ?`,
        [MAIL_JOB, ids[0]],
      );
      if (states[0]?.state === 'completed') break;
      if (Date.now() > deadline) throw new Error(`the recorded letter's job is ${states[0]?.state}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(receivedBy(sent.to)).toEqual([]);
  }, 150_000);
});
