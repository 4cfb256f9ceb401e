// Password guessing through the API: who is counted (the forwarded client behind a trusted proxy, the socket's peer
// otherwise), what a failure costs the next attempt (a CAPTCHA, growing and bounded; a wait for one address on one
// account), and that the owner always gets in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKabinet, type TestKabinet } from './support/kabinet.js';
import { registrationInput, uniqueEmail } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import { LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT, LOGIN_WINDOW_SECONDS } from '../src/subgraphs/identity/rate-limits.js';

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { ok captchaRequired retryAfterSeconds errors { field code message } }
}`;
const CHALLENGE = 'query ($login: String) { captchaChallenge(login: $login) { challenge } }';

interface Sender {
  /** The socket's peer. */
  remoteAddress: string;
  /** What the request says in X-Forwarded-For (a proxy's word, or a client's forgery). */
  forwardedFor?: string;
}

/** Sends one request as it arrives at the public edge: from a socket address, with or without X-Forwarded-For. */
async function post(app: TestKabinet, from: Sender, query: string, variables: Record<string, unknown>) {
  const response = await app.kabinet.http.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: from.remoteAddress,
    headers: {
      'content-type': 'application/json',
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
    },
    payload: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const login = async (app: TestKabinet, from: Sender, input: Record<string, unknown>) =>
  (await post(app, from, LOGIN, { input })).data.login;

/** A challenge asked for this login, solved the way the widget solves it; also its signed cost and counter. */
async function solvedFor(app: TestKabinet, from: Sender, email: string) {
  const body = await post(app, from, CHALLENGE, { login: email });
  const json = body.data.captchaChallenge.challenge as string;
  const challenge = JSON.parse(json) as { parameters: { data: { cost: number } } };
  return { payload: await solveCaptcha(json), cost: challenge.parameters.data.cost };
}

async function register(app: TestKabinet): Promise<{ email: string; password: string }> {
  const from = { remoteAddress: '192.0.2.200' };
  const email = uniqueEmail('owner');
  const body = await post(app, from, 'mutation ($input: RegisterInput!) { register(input: $input) { ok } }', {
    input: registrationInput(email, (await solvedFor(app, from, email)).payload),
  });
  expect(body.data.register.ok).toBe(true);
  return { email, password: 'abc12' };
}

/** Failed logins from one sender on fresh (unknown) accounts: an address guessing across many abonents. */
async function flood(app: TestKabinet, from: Sender, count: number, forge?: (i: number) => string) {
  for (let i = 0; i < count; i++) {
    const sender = forge ? { ...from, forwardedFor: forge(i) } : from;
    const input: Record<string, unknown> = { email: uniqueEmail('victim'), password: 'guess1' };
    const answer = await login(app, sender, input);
    if (answer.captchaRequired && answer.errors[0]?.code === 'CAPTCHA_REQUIRED') {
      input.captcha = (await solvedFor(app, sender, input.email as string)).payload;
      await login(app, sender, input);
    }
  }
}

describe('behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1/8)', () => {
  let app: TestKabinet;
  beforeAll(async () => {
    app = await startTestKabinet({ CAPTCHA_COST: '10', CAPTCHA_MAX_COST: '80', TRUSTED_PROXIES: '127.0.0.1/8' });
  });
  afterAll(() => app?.close());

  it('counts failures per forwarded client: 31 from one do not touch another', async () => {
    const owner = await register(app);
    const guesser: Sender = { remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.10' };
    await flood(app, guesser, 31);
    const other: Sender = { remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.20' };
    expect(await login(app, other, owner)).toMatchObject({ ok: true, captchaRequired: false, errors: [] });
    // The guessing client itself now needs a CAPTCHA for any login.
    expect(await login(app, guesser, { email: uniqueEmail(), password: 'guess1' })).toMatchObject({
      ok: false,
      captchaRequired: true,
      errors: [{ code: 'CAPTCHA_REQUIRED' }],
    });
  });

  it('takes the client the trusted proxy saw, not what the client wrote before it', async () => {
    const owner = await register(app);
    // The client prepends a new forged address each time; the proxy appends the real one (203.0.113.30).
    await flood(app, { remoteAddress: '127.0.0.1' }, 31, (i) => `10.9.${i}.1, 203.0.113.30`);
    const real: Sender = { remoteAddress: '127.0.0.1', forwardedFor: '10.9.99.1, 203.0.113.30' };
    expect(await login(app, real, owner)).toMatchObject({ ok: false, captchaRequired: true });
    // The forged addresses were not counted: a client that really is 10.9.5.1 logs in without a CAPTCHA.
    expect(await login(app, { remoteAddress: '127.0.0.1', forwardedFor: '10.9.5.1' }, owner)).toMatchObject({
      ok: true,
      captchaRequired: false,
    });
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const owner = await register(app);
    const direct = '198.51.100.40';
    await flood(app, { remoteAddress: direct }, 31, (i) => `203.0.113.${100 + i}`);
    expect(
      await login(app, { remoteAddress: direct, forwardedFor: '203.0.113.250' }, { ...owner, password: 'x1' }),
    ).toMatchObject({ captchaRequired: true, errors: [{ code: 'CAPTCHA_REQUIRED' }] });
  });
});

describe('without trusted proxies', () => {
  let app: TestKabinet;
  beforeAll(async () => {
    app = await startTestKabinet({ CAPTCHA_COST: '10', CAPTCHA_MAX_COST: '80' });
  });
  afterAll(() => app?.close());

  it('a flood of failures from one address never refuses another account’s owner there, only asks for a CAPTCHA', async () => {
    const owner = await register(app);
    const shared: Sender = { remoteAddress: '198.51.100.50' };
    await flood(app, shared, 40);
    const first = await login(app, shared, owner);
    expect(first).toMatchObject({ ok: false, captchaRequired: true, errors: [{ code: 'CAPTCHA_REQUIRED' }] });
    const captcha = await solvedFor(app, shared, owner.email);
    // Past thirty failures the address's CAPTCHA costs more than the base.
    expect(captcha.cost).toBeGreaterThan(10);
    expect(await login(app, shared, { ...owner, captcha: captcha.payload })).toMatchObject({ ok: true, errors: [] });
    // From another address the owner needs nothing at all.
    expect(await login(app, { remoteAddress: '198.51.100.51' }, owner)).toMatchObject({ ok: true });
  });

  it('counts a failed login for the longest e-mail an address may have (254 characters) like any other', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ru`;
    expect(email).toHaveLength(254);
    const body = await post(app, { remoteAddress: '198.51.100.90' }, LOGIN, { input: { email, password: 'guess1' } });
    expect(body.errors).toBeUndefined();
    const answer = body.data.login;
    expect(answer).toMatchObject({ ok: false, errors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('takes a password reset request for the longest e-mail like any other (its counters are keyed by a digest)', async () => {
    const email = `${'r'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ru`;
    expect(email).toHaveLength(254);
    const body = await post(
      app,
      { remoteAddress: '198.51.100.91' },
      'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ok errors { code } } }',
      { input: { email } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.requestPasswordReset).toEqual({ ok: true, errors: [] });
  });

  it('ignores a client’s X-Forwarded-For: a new forged address each time is still the same client', async () => {
    const direct = '198.51.100.60';
    await flood(app, { remoteAddress: direct }, 30, (i) => `192.0.2.${i + 1}`);
    const next = await login(
      app,
      { remoteAddress: direct, forwardedFor: '192.0.2.99' },
      { email: uniqueEmail(), password: 'guess1' },
    );
    expect(next).toMatchObject({ captchaRequired: true, errors: [{ code: 'CAPTCHA_REQUIRED' }] });
  });

  it('raises the CAPTCHA’s cost with each failure on the account, up to CAPTCHA_MAX_COST', async () => {
    const owner = await register(app);
    const guesser: Sender = { remoteAddress: '198.51.100.70' };
    const costs: number[] = [];
    let stale = '';
    for (let failures = 0; failures < 9; failures++) {
      const captcha = await solvedFor(app, guesser, owner.email);
      costs.push(captcha.cost);
      if (failures === 4) stale = captcha.payload;
      const answer = await login(app, guesser, { ...owner, password: `guess${failures}`, captcha: captcha.payload });
      expect(answer.errors).toMatchObject([{ code: 'INVALID_CREDENTIALS' }]);
    }
    // 3 failures: the CAPTCHA at CAPTCHA_COST; each further one doubles it; never above CAPTCHA_MAX_COST.
    expect(costs).toEqual([10, 10, 10, 10, 20, 40, 80, 80, 80]);
    // A challenge issued before the last failures is not enough now: a new one, at the current cost, is.
    const owners: Sender = { remoteAddress: '198.51.100.71' };
    expect(await login(app, owners, { ...owner, captcha: stale })).toMatchObject({
      ok: false,
      captchaRequired: true,
      errors: [{ field: 'captcha', code: 'CAPTCHA_COST_RAISED' }],
    });
    const fresh = await solvedFor(app, owners, owner.email);
    expect(fresh.cost).toBe(80);
    expect(await login(app, owners, { ...owner, captcha: fresh.payload })).toMatchObject({ ok: true });
  });

  it('a script that solves every CAPTCHA gets a bounded number of guesses per account; the owner still gets in', async () => {
    const owner = await register(app);
    const script: Sender = { remoteAddress: '198.51.100.80' };
    const answers: Array<{ code: string; retryAfterSeconds: number | null }> = [];
    for (let i = 0; i < 25; i++) {
      const captcha = await solvedFor(app, script, owner.email);
      const answer = await login(app, script, { ...owner, password: `guess${i}`, captcha: captcha.payload });
      answers.push({ code: answer.errors[0].code, retryAfterSeconds: answer.retryAfterSeconds });
    }
    const guesses = answers.filter((a) => a.code === 'INVALID_CREDENTIALS').length;
    expect(guesses).toBe(LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT);
    const waits = answers.slice(LOGIN_ATTEMPTS_PER_ADDRESS_AND_ACCOUNT);
    expect(waits.every((a) => a.code === 'RATE_LIMITED')).toBe(true);
    // The wait is data, with the seconds left in the window; never longer than the window.
    for (const wait of waits) {
      expect(wait.retryAfterSeconds).toBeGreaterThan(0);
      expect(wait.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    }
    // The right password from the script's address is not even looked at while it waits…
    expect(await login(app, script, owner)).toMatchObject({ ok: false, errors: [{ code: 'RATE_LIMITED' }] });
    // …and the owner, from their own address, with the CAPTCHA at its current cost, is in.
    const home: Sender = { remoteAddress: '198.51.100.81' };
    const captcha = await solvedFor(app, home, owner.email);
    expect(await login(app, home, { ...owner, captcha: captcha.payload })).toMatchObject({ ok: true, errors: [] });
  });
});
