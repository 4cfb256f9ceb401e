// Letters: the development mailbox when no SMTP server is set, and retries until an SMTP server takes them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../../test/support/captcha.js';
import { startTestKabinet, type TestKabinet } from '../../test/support/kabinet.js';
import { startSmtpSink } from '../../test/support/smtp-sink.js';
import { freePort } from './database.js';

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
    let letters: Array<{ to: string; subject: string; text: string }> = [];
    for (let i = 0; i < 100 && letters.length === 0; i++) {
      letters = (await app.kabinet.http.inject({ method: 'GET', url: '/dev/mail.json' })).json().letters;
      if (letters.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(letters[0]).toMatchObject({
      to: 'devmail@example.ru',
      subject: 'Подтвердите регистрацию в Личном кабинете',
    });
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
