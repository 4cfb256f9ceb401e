// Rate limits kept in Redis when REDIS_URL is set, shared by every process that uses the same server.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../../../test/support/captcha.js';
import { hashToken } from '../../core/tokens.js';
import { startTestKabinet, type TestKabinet } from '../../../test/support/kabinet.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ok captchaRequired errors { field code } } }`;

let app: TestKabinet;
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await redis.ping();
  app = await startTestKabinet({ CAPTCHA_COST: '10', REDIS_URL });
});
afterAll(async () => {
  await app?.close();
  await redis?.quit();
});

describe('with REDIS_URL', () => {
  it('counts failed logins in Redis and asks for a CAPTCHA after three', async () => {
    const email = `redis${Date.now()}@example.ru`;
    const client = app.browser();
    const { body } = await client.graphql('{ captchaChallenge { challenge } }');
    await client.graphql(`mutation ($input: RegisterInput!) { register(input: $input) { ok } }`, {
      input: {
        email,
        password: 'abc12',
        passwordRepeat: 'abc12',
        acceptAgreement: true,
        consentToPersonalData: true,
        captcha: await solveCaptcha(body.data.captchaChallenge.challenge),
      },
    });
    for (let i = 0; i < 3; i++) await app.browser().graphql(LOGIN, { input: { email, password: `wrong${i}` } });
    expect(Number(await redis.get(`kabinet:login-account:${hashToken(email)}`))).toBe(3);
    const postgresCounters = await app.kabinet.subgraphs.identity.orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n from "identity"."rate_limit" where "key" like ?`, [`%${hashToken(email)}`]);
    expect(postgresCounters[0]!.n).toBe(0);
    const owner = await app.browser().graphql(LOGIN, { input: { email, password: 'abc12' } });
    expect(owner.body.data.login).toMatchObject({
      ok: false,
      captchaRequired: true,
      errors: [{ code: 'CAPTCHA_REQUIRED' }],
    });
  });
});
