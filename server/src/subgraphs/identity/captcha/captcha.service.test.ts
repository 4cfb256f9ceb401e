// CAPTCHA challenges: solved ones pass once; expired, foreign or tampered ones never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../../../../test/support/captcha.js';
import { startTestKabinet, type TestKabinet } from '../../../../test/support/kabinet.js';
import { CaptchaService } from './captcha.service.js';

let app: TestKabinet;
beforeAll(async () => {
  app = await startTestKabinet();
});
afterAll(() => app?.close());

const service = new CaptchaService('s'.repeat(32), 10);
const verify = (payload: string) => {
  const em = app.kabinet.subgraphs.identity.orm.em.fork();
  return em.transactional((tx) => service.verify(tx, payload));
};

describe('CaptchaService', () => {
  it('accepts a solution once', async () => {
    const payload = await solveCaptcha(JSON.stringify(await service.createChallenge()));
    expect(await verify(payload)).toBe('ok');
    expect(await verify(payload)).toBe('reused');
  });

  it('refuses a challenge past its 10 minutes', async () => {
    const old = await service.createChallenge(new Date(Date.now() - 11 * 60_000));
    expect(await verify(await solveCaptcha(JSON.stringify(old)))).toBe('expired');
  });

  it('refuses a challenge signed with another secret, and a tampered one', async () => {
    const foreign = await new CaptchaService('t'.repeat(32), 10).createChallenge();
    expect(await verify(await solveCaptcha(JSON.stringify(foreign)))).toBe('invalid');
    const challenge = await service.createChallenge();
    const payload = JSON.parse(Buffer.from(await solveCaptcha(JSON.stringify(challenge)), 'base64').toString());
    payload.challenge.parameters.expiresAt += 3600;
    expect(await verify(Buffer.from(JSON.stringify(payload)).toString('base64'))).toBe('invalid');
    expect(await verify('')).toBe('missing');
  });

  it('forgets used solutions once their challenges have expired', async () => {
    const em = app.kabinet.subgraphs.identity.orm.em.fork();
    await em
      .getConnection()
      .execute(`update "identity"."captcha_solution" set "expires_at" = now() - interval '1 second'`);
    expect(await CaptchaService.purgeExpired(em)).toBeGreaterThan(0);
  });
});
