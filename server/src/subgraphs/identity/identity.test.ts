// Identity through the public API: registration rules, confirmation, sessions, passwords, deletion, support.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveCaptcha } from '../../../test/support/captcha.js';
import type { Browser } from '../../../test/support/kabinet.js';
import { useTestKabinet } from '../../../test/support/use-kabinet.js';
import { instantOf, TEST_DAYS } from '../../../test/support/dates.js';
import { SettableClock } from '../../core/clock.js';
import { NO_RESPONSE_EFFECTS } from '../../core/context.js';
import { purgeUnconfirmed } from './abonent/cabinet.service.js';
import { PURGE_UNCONFIRMED_JOB } from './index.js';

const PUBLIC_URL = 'http://kabinet.test';
// Wall time unless a test sets it: the dated tests at the end run deadlines and expiry on chosen days.
const clock = new SettableClock();
const { app, mail } = useTestKabinet({ PUBLIC_URL, SUPPORT_EMAIL: 'support@kabinet.test' }, { clock });

let counter = 0;
const uniqueEmail = () => `abonent${Date.now()}${counter++}@example.ru`;

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { ok email confirmationDeadline errors { field code message } }
}`;
const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { ok captchaRequired errors { field code message } abonent { email emailConfirmed } }
}`;
const ME = '{ me { id email emailConfirmed confirmationDeadline } }';

async function captcha(client: Browser = app.browser()): Promise<string> {
  const { body } = await client.graphql<{ captchaChallenge: { challenge: string } }>(
    '{ captchaChallenge { challenge } }',
  );
  return solveCaptcha(body.data!.captchaChallenge.challenge);
}

function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail(),
    password: 'abc12',
    passwordRepeat: 'abc12',
    acceptAgreement: true,
    consentToPersonalData: true,
    ...overrides,
  };
}

async function register(client: Browser, overrides: Record<string, unknown> = {}) {
  const input = { ...registration(overrides), captcha: await captcha(client) };
  const { body } = await client.graphql(REGISTER, { input: { ...input, ...overrides } });
  return { input, payload: body.data!.register, body };
}

async function abonentCount(): Promise<number> {
  const rows = await app.kabinet.subgraphs.identity.orm.em
    .fork()
    .getConnection()
    .execute('select count(*)::int as n from "identity"."abonent"');
  return rows[0]!.n;
}

/** Registers, confirms by the letter's link and logs in: a ready abonent. */
async function confirmedAbonent(): Promise<{ client: Browser; email: string; password: string }> {
  const client = app.browser();
  const { input } = await register(client);
  const letter = await mail.waitFor(input.email, /Подтвердите регистрацию/);
  const token = new URL(mail.linkIn(letter, '/confirm')).searchParams.get('token');
  const confirmed = await client.graphql('mutation ($t: String!) { confirmEmail(token: $t) { ok } }', { t: token });
  expect(confirmed.body.data.confirmEmail.ok).toBe(true);
  const login = await client.graphql(LOGIN, { input: { email: input.email, password: input.password } });
  expect(login.body.data.login.ok).toBe(true);
  return { client, email: input.email, password: input.password };
}

const codes = (payload: { errors: Array<{ field: string | null; code: string }> }) =>
  payload.errors.map((e) => `${e.field}:${e.code}`);

describe('registration', () => {
  it('publishes the seed password rule', async () => {
    const { body } = await app
      .browser()
      .graphql('{ passwordPolicy { name minLength maxLength allowedCharacters description } }');
    expect(body.data.passwordPolicy).toEqual({
      name: 'seed',
      minLength: 5,
      maxLength: 10,
      allowedCharacters: '[A-Za-z0-9]',
      description: 'Пароль: от 5 до 10 символов, только латинские буквы и цифры.',
    });
  });

  it.each([
    ['abcd', 'password:PASSWORD_TOO_SHORT'],
    ['abcdefghijk', 'password:PASSWORD_TOO_LONG'],
    ['пароль1', 'password:PASSWORD_INVALID_CHARACTERS'],
    ['abc 12', 'password:PASSWORD_INVALID_CHARACTERS'],
    ['', 'password:PASSWORD_REQUIRED'],
  ])('refuses the password %j with %s and creates nothing', async (password, expected) => {
    const before = await abonentCount();
    const client = app.browser();
    const { body } = await client.graphql(REGISTER, {
      input: { ...registration({ password, passwordRepeat: password }), captcha: await captcha(client) },
    });
    expect(codes(body.data.register)).toEqual([expected]);
    expect(body.data.register.errors[0].message).toMatch(/[а-я]/);
    expect(await abonentCount()).toBe(before);
  });

  it.each([['abc12'], ['abcdefghij'], ['ABCdef1234']])('accepts the password %j at the bounds', async (password) => {
    const client = app.browser();
    const { body } = await client.graphql(REGISTER, {
      input: {
        ...registration({ password, passwordRepeat: password, acceptAgreement: false }),
        captcha: await captcha(client),
      },
    });
    expect(codes(body.data.register)).toEqual(['acceptAgreement:AGREEMENT_REQUIRED']);
  });

  it('lists every invalid field at once: mismatch, both consents, e-mail', async () => {
    const { body } = await app.browser().graphql(REGISTER, {
      input: {
        email: 'not-an-email',
        password: 'abc12',
        passwordRepeat: 'abc13',
        acceptAgreement: false,
        consentToPersonalData: false,
      },
    });
    expect(codes(body.data.register)).toEqual([
      'email:EMAIL_INVALID',
      'passwordRepeat:PASSWORD_MISMATCH',
      'acceptAgreement:AGREEMENT_REQUIRED',
      'consentToPersonalData:PERSONAL_DATA_CONSENT_REQUIRED',
    ]);
  });

  it('requires a CAPTCHA solution, accepts each one once, and refuses forged ones', async () => {
    const client = app.browser();
    const missing = await client.graphql(REGISTER, { input: registration() });
    expect(codes(missing.body.data.register)).toEqual(['captcha:CAPTCHA_REQUIRED']);
    const garbage = await client.graphql(REGISTER, { input: { ...registration(), captcha: 'bm90IGEgc29sdXRpb24=' } });
    expect(codes(garbage.body.data.register)).toEqual(['captcha:CAPTCHA_INVALID']);
    const solution = await captcha(client);
    const first = await client.graphql(REGISTER, { input: { ...registration(), captcha: solution } });
    expect(first.body.data.register.ok).toBe(true);
    const again = await client.graphql(REGISTER, { input: { ...registration(), captcha: solution } });
    expect(codes(again.body.data.register)).toEqual(['captcha:CAPTCHA_REUSED']);
  });

  it('creates the cabinet with both consents recorded, an argon2id hash, and mails a link valid until the deadline', async () => {
    const client = app.browser();
    const { input, payload } = await register(client, { email: `  Mixed.Case${Date.now()}@Example.ru ` });
    expect(payload).toMatchObject({ ok: true, errors: [], email: input.email.trim() });
    const deadline = new Date(payload.confirmationDeadline);
    expect(Math.abs(deadline.getTime() - Date.now() - 3 * 86_400_000)).toBeLessThan(60_000);
    const [row] = await app.kabinet.subgraphs.identity.orm.em
      .fork()
      .getConnection()
      .execute('select * from "identity"."abonent" where "email_normalized" = ?', [input.email.trim().toLowerCase()]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.agreement_version).toBe('2026-12-02');
    expect(row!.personal_data_consent_version).toBe('2026-12-02');
    expect(row!.agreement_accepted_at).toBeTruthy();
    expect(row!.personal_data_consent_at).toBeTruthy();
    expect(row!.email_confirmed_at).toBeNull();

    const letter = await mail.waitFor(input.email.trim(), /Подтвердите регистрацию/);
    const link = mail.linkIn(letter, '/confirm');
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/confirm\\?token=[A-Za-z0-9_-]{43}$`));
    const day = new Intl.DateTimeFormat('ru-RU', {
      timeZone: 'Europe/Moscow',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(deadline);
    expect(letter.text).toContain(`Ссылка действительна до ${day}`);
    expect(letter.text).toMatch(/Личный кабинет будет удалён/);
    expect(letter.html).toContain('<a href="http://kabinet.test/confirm?token=');
    // The token itself is stored only as a hash.
    const token = new URL(link).searchParams.get('token')!;
    const stored = await app.kabinet.subgraphs.identity.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from "identity"."email_token" where "token_hash" = ?', [token]);
    expect(stored[0]!.n).toBe(0);
  });

  it('answers a taken e-mail exactly like a new one and tells its owner by letter instead', async () => {
    const { input } = await register(app.browser());
    await mail.waitFor(input.email, /Подтвердите регистрацию/);
    const before = await abonentCount();
    const again = await register(app.browser(), { email: input.email.toUpperCase() });
    expect(Object.keys(again.payload).sort()).toEqual(['confirmationDeadline', 'email', 'errors', 'ok']);
    expect(again.payload).toMatchObject({ ok: true, errors: [], email: input.email.toUpperCase() });
    expect(await abonentCount()).toBe(before);
    const letter = await mail.waitFor(input.email, /Попытка повторной регистрации/);
    expect(letter.text).toContain(`${PUBLIC_URL}/forgot-password`);
  });

  it('answers hostile input with field errors, never a server error', async () => {
    // Within the 256 characters any such field may have, the form's own rules answer field by field.
    const long = 'a'.repeat(244);
    const { status, body } = await app.browser().graphql(REGISTER, {
      input: {
        email: `${long}@example.ru`,
        password: long,
        passwordRepeat: long,
        acceptAgreement: true,
        consentToPersonalData: true,
      },
    });
    expect(status).toBe(200);
    expect(codes(body.data.register)).toEqual(['email:EMAIL_TOO_LONG', 'password:PASSWORD_TOO_LONG']);
    // Longer is refused at the gateway, naming the field and the limit.
    const huge = await app.browser().graphql(REGISTER, {
      input: registration({ email: `${'a'.repeat(10_000)}@example.ru` }),
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$input.email', limit: 256 });
    // A control character is refused at the gateway, before any subgraph or SQL sees it, naming the field.
    const control = await app.browser().graphql(REGISTER, { input: registration({ email: 'a\u0000b@example.ru' }) });
    expect(control.status).toBe(400);
    expect(control.body.data).toBeUndefined();
    expect(control.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$input.email' });
    const wrongType = await app.browser().graphql(REGISTER, { input: { ...registration(), email: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('e-mail confirmation and access before it', () => {
  it('lets an unconfirmed abonent log in, see themself and resend the link, and nothing else', async () => {
    const client = app.browser();
    const { input } = await register(client);
    const firstLetter = await mail.waitFor(input.email, /Подтвердите регистрацию/);
    const login = await client.graphql(LOGIN, { input: { email: input.email, password: input.password } });
    expect(login.body.data.login).toMatchObject({ ok: true, abonent: { emailConfirmed: false } });
    const cookie = client.lastSetCookies[0]!;
    expect(cookie).toMatch(/^kabinet_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);

    const me = await client.graphql(ME);
    expect(me.body.data.me).toMatchObject({ email: input.email, emailConfirmed: false });
    const deadline = me.body.data.me.confirmationDeadline;

    const locked = await client.graphql('{ mySupportRequests { id } }');
    expect(locked.body.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_CONFIRMED');
    expect(locked.body.errors?.[0]?.message).toMatch(/Подтвердите адрес электронной почты/);

    const resend = await client.graphql(
      'mutation { resendConfirmation { ok confirmationDeadline errors { code message } } }',
    );
    expect(resend.body.data.resendConfirmation).toMatchObject({ ok: true, confirmationDeadline: deadline });
    const secondLetter = await mail.waitFor(input.email, /Подтвердите регистрацию/);
    const tooSoon = await client.graphql('mutation { resendConfirmation { ok errors { code message } } }');
    expect(tooSoon.body.data.resendConfirmation).toMatchObject({ ok: false, errors: [{ code: 'RATE_LIMITED' }] });
    expect(tooSoon.body.data.resendConfirmation.errors[0].message).toMatch(/не чаще раза в минуту/);

    const confirm = 'mutation ($t: String!) { confirmEmail(token: $t) { ok email errors { field code message } } }';
    const oldToken = new URL(mail.linkIn(firstLetter, '/confirm')).searchParams.get('token');
    const revoked = await client.graphql(confirm, { t: oldToken });
    expect(codes(revoked.body.data.confirmEmail)).toEqual(['token:TOKEN_REVOKED']);
    const newToken = new URL(mail.linkIn(secondLetter, '/confirm')).searchParams.get('token');
    const ok = await client.graphql(confirm, { t: newToken });
    expect(ok.body.data.confirmEmail).toMatchObject({ ok: true, email: input.email });
    const reused = await client.graphql(confirm, { t: newToken });
    expect(codes(reused.body.data.confirmEmail)).toEqual(['token:TOKEN_USED']);
    const unknown = await client.graphql(confirm, { t: 'x'.repeat(43) });
    expect(codes(unknown.body.data.confirmEmail)).toEqual(['token:TOKEN_INVALID']);

    // The same session now has confirmed access.
    expect((await client.graphql(ME)).body.data.me).toMatchObject({ emailConfirmed: true, confirmationDeadline: null });
    expect((await client.graphql('{ mySupportRequests { id } }')).body).toEqual({ data: { mySupportRequests: [] } });
  });

  it('refuses an expired link, and the purge job deletes unconfirmed cabinets past their deadline', async () => {
    const client = app.browser();
    const { input } = await register(client);
    const letter = await mail.waitFor(input.email, /Подтвердите регистрацию/);
    await client.graphql(LOGIN, { input: { email: input.email, password: input.password } });
    const em = app.kabinet.subgraphs.identity.orm.em.fork();
    await em
      .getConnection()
      .execute(
        `update "identity"."abonent" set "confirmation_deadline" = now() - interval '1 minute' where "email" = ?`,
        [input.email],
      );
    await em.getConnection().execute(
      `update "identity"."email_token" set "expires_at" = now() - interval '1 minute'
        where "abonent_id" = (select "id" from "identity"."abonent" where "email" = ?)`,
      [input.email],
    );
    const token = new URL(mail.linkIn(letter, '/confirm')).searchParams.get('token');
    const expired = await client.graphql(
      'mutation ($t: String!) { confirmEmail(token: $t) { ok errors { field code } } }',
      { t: token },
    );
    expect(codes(expired.body.data.confirmEmail)).toEqual(['token:TOKEN_EXPIRED']);

    const deleted = await purgeUnconfirmed(em, app.kabinet.queue);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await em.getConnection().execute(
      `select (select count(*) from "identity"."abonent" where "email" = ?)::int as abonents,
              (select count(*) from "identity"."session" s where not exists
                 (select 1 from "identity"."abonent" a where a."id" = s."abonent_id"))::int as orphans`,
      [input.email],
    );
    expect(left[0]).toEqual({ abonents: 0, orphans: 0 });
    expect((await client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const schedules = await app.kabinet.queue.boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(PURGE_UNCONFIRMED_JOB);
  });
});

describe('Abonent entity references', () => {
  it('resolve only the calling abonent: another abonent’s id gives null, also through _entities', async () => {
    const { client } = await confirmedAbonent();
    const other = await confirmedAbonent();
    const mine = (await client.graphql(ME)).body.data.me.id;
    const theirs = (await other.client.graphql(ME)).body.data.me.id;
    const identity = app.kabinet.subgraphs.identity;
    const { execute, parse } = await import('graphql');
    const context = identity.createContext({
      requestId: 'entities',
      caller: { kind: 'abonent', abonentId: mine, emailConfirmed: true },
      clientIp: '127.0.0.1',
      log: app.kabinet.http.log.child({}, { level: 'silent' }),
      response: NO_RESPONSE_EFFECTS,
    });
    const result = await execute({
      schema: identity.schema,
      document: parse('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Abonent { id email } } }'),
      variableValues: { r: [mine, theirs].map((id) => ({ __typename: 'Abonent', id })) },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as Array<{ id: string } | null>;
    expect(entities[0]?.id).toBe(mine);
    expect(entities[1]).toBeNull();
  });
});

describe('login', () => {
  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const { email } = await confirmedAbonent();
    const wrong = await app.browser().graphql(LOGIN, { input: { email, password: 'wrong1' } });
    const unknown = await app.browser().graphql(LOGIN, { input: { email: uniqueEmail(), password: 'wrong1' } });
    expect(wrong.body).toEqual(unknown.body);
    expect(codes(wrong.body.data.login)).toEqual(['null:INVALID_CREDENTIALS']);
  });

  it('asks for a CAPTCHA after three failures for an account, without locking its owner out', async () => {
    const { email, password } = await confirmedAbonent();
    const attacker = app.browser();
    for (let i = 0; i < 3; i++) await attacker.graphql(LOGIN, { input: { email, password: 'guess' + i } });
    const owner = app.browser();
    const withoutCaptcha = await owner.graphql(LOGIN, { input: { email, password } });
    expect(withoutCaptcha.body.data.login).toMatchObject({ ok: false, captchaRequired: true });
    expect(codes(withoutCaptcha.body.data.login)).toEqual(['captcha:CAPTCHA_REQUIRED']);
    const withCaptcha = await owner.graphql(LOGIN, { input: { email, password, captcha: await captcha(owner) } });
    expect(withCaptcha.body.data.login).toMatchObject({ ok: true, captchaRequired: false });
  });

  it('after 30 failed logins from an address asks it for a CAPTCHA, never refusing an owner there', async () => {
    const { email, password } = await confirmedAbonent();
    const shared = app.browser('203.0.113.77');
    for (let i = 0; i < 30; i++) await shared.graphql(LOGIN, { input: { email: uniqueEmail(), password: 'guess1' } });
    const withoutCaptcha = await shared.graphql(LOGIN, { input: { email, password } });
    expect(codes(withoutCaptcha.body.data.login)).toEqual(['captcha:CAPTCHA_REQUIRED']);
    const { body } = await shared.graphql('query ($l: String) { captchaChallenge(login: $l) { challenge } }', {
      l: email,
    });
    const solved = await solveCaptcha(body.data.captchaChallenge.challenge);
    const withCaptcha = await shared.graphql(LOGIN, { input: { email, password, captcha: solved } });
    expect(withCaptcha.body.data.login).toMatchObject({ ok: true, captchaRequired: false });
  });

  it('ends a session unused for the idle time, and any session past its absolute lifetime', async () => {
    const idle = await confirmedAbonent();
    const absolute = await confirmedAbonent();
    const sql = app.kabinet.subgraphs.identity.orm.em.fork().getConnection();
    await sql.execute(
      `update "identity"."session" set "idle_expires_at" = now() - interval '1 second'
        where "abonent_id" = (select "id" from "identity"."abonent" where "email" = ?)`,
      [idle.email],
    );
    await sql.execute(
      `update "identity"."session" set "absolute_expires_at" = now() - interval '1 second'
        where "abonent_id" = (select "id" from "identity"."abonent" where "email" = ?)`,
      [absolute.email],
    );
    expect((await idle.client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await absolute.client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ends the session server-side on logout', async () => {
    const { client } = await confirmedAbonent();
    const stolen = new Map(client.cookies);
    expect((await client.graphql('mutation { logout }')).body.data.logout).toBe(true);
    expect(client.lastSetCookies[0]).toMatch(/^kabinet_session=; Max-Age=0/);
    const replay = app.browser();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('passwords', () => {
  it('changes the password with the current one, ends other sessions and tells the owner', async () => {
    const { client, email, password } = await confirmedAbonent();
    const other = app.browser();
    await other.graphql(LOGIN, { input: { email, password } });
    const change = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ok errors { field code } } }`;
    const wrong = await client.graphql(change, {
      input: { currentPassword: 'nope1', newPassword: 'new12', newPasswordRepeat: 'new12' },
    });
    expect(codes(wrong.body.data.changePassword)).toEqual(['currentPassword:WRONG_PASSWORD']);
    const mismatch = await client.graphql(change, {
      input: { currentPassword: password, newPassword: 'new12', newPasswordRepeat: 'new13' },
    });
    expect(codes(mismatch.body.data.changePassword)).toEqual(['newPasswordRepeat:PASSWORD_MISMATCH']);
    const ok = await client.graphql(change, {
      input: { currentPassword: password, newPassword: 'new12', newPasswordRepeat: 'new12' },
    });
    expect(ok.body.data.changePassword.ok).toBe(true);
    expect((await client.graphql(ME)).body.data.me.email).toBe(email);
    expect((await other.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await mail.waitFor(email, /Пароль от Личного кабинета изменён/);
    const old = await app.browser().graphql(LOGIN, { input: { email, password } });
    expect(old.body.data.login.ok).toBe(false);
    const fresh = await app.browser().graphql(LOGIN, { input: { email, password: 'new12' } });
    expect(fresh.body.data.login.ok).toBe(true);
  });

  it('resets a forgotten password by a single-use link, answering the same for unknown addresses', async () => {
    const { email, client } = await confirmedAbonent();
    const request = `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ok errors { code } } }`;
    const unknown = await app.browser().graphql(request, { input: { email: uniqueEmail() } });
    const known = await app.browser().graphql(request, { input: { email } });
    expect(unknown.body).toEqual(known.body);
    expect(known.body.data.requestPasswordReset.ok).toBe(true);
    const letter = await mail.waitFor(email, /Восстановление пароля/);
    // PASSWORD_RESET_TTL's default, as the letter says it.
    expect(letter.text).toContain('Ссылка действительна 1 час и только один раз.');
    const token = new URL(mail.linkIn(letter, '/reset-password')).searchParams.get('token');
    const reset = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ok errors { field code } } }`;
    const weak = await app.browser().graphql(reset, { input: { token, newPassword: 'abc', newPasswordRepeat: 'abc' } });
    expect(codes(weak.body.data.resetPassword)).toEqual(['newPassword:PASSWORD_TOO_SHORT']);
    const ok = await app
      .browser()
      .graphql(reset, { input: { token, newPassword: 'reset123', newPasswordRepeat: 'reset123' } });
    expect(ok.body.data.resetPassword.ok).toBe(true);
    expect((await client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = await app
      .browser()
      .graphql(reset, { input: { token, newPassword: 'other123', newPasswordRepeat: 'other123' } });
    expect(codes(again.body.data.resetPassword)).toEqual(['token:TOKEN_USED']);
    const login = await app.browser().graphql(LOGIN, { input: { email, password: 'reset123' } });
    expect(login.body.data.login.ok).toBe(true);
  });
});

describe('deleting a cabinet', () => {
  it('needs the password, removes the abonent and ends the session', async () => {
    const { client, email, password } = await confirmedAbonent();
    const remove = 'mutation ($p: String!) { deleteCabinet(password: $p) { ok errors { field code } } }';
    expect(codes((await client.graphql(remove, { p: 'wrong1' })).body.data.deleteCabinet)).toEqual([
      'password:WRONG_PASSWORD',
    ]);
    expect((await client.graphql(remove, { p: password })).body.data.deleteCabinet.ok).toBe(true);
    expect((await client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const login = await app.browser().graphql(LOGIN, { input: { email, password } });
    expect(login.body.data.login.ok).toBe(false);
  });
});

describe('support', () => {
  const CREATE = `mutation ($input: CreateSupportRequestInput!) {
    createSupportRequest(input: $input) { ok errors { field code } supportRequest { id number topic status } }
  }`;

  it('takes a request from a stranger who passes the CAPTCHA and mails it to support', async () => {
    const client = app.browser();
    const input = { topic: 'Регистрация и вход', message: 'Не приходит письмо', contactEmail: 'guest@example.ru' };
    const without = await client.graphql(CREATE, { input });
    expect(codes(without.body.data.createSupportRequest)).toEqual(['captcha:CAPTCHA_REQUIRED']);
    const ok = await client.graphql(CREATE, { input: { ...input, captcha: await captcha(client) } });
    expect(ok.body.data.createSupportRequest).toMatchObject({
      ok: true,
      supportRequest: { topic: input.topic, status: 'NEW' },
    });
    const number = ok.body.data.createSupportRequest.supportRequest.number;
    expect(number).toBeGreaterThan(0);
    const letter = await mail.waitFor('support@kabinet.test', /Обращение в поддержку: Регистрация и вход/);
    expect(letter.text).toContain(`Обращение № ${number}`);
    expect(letter.text).toContain('Не приходит письмо');
    expect(letter.text).toContain('guest@example.ru');
  });

  it('lets a logged-in abonent write without a CAPTCHA and see their requests', async () => {
    const { client, email } = await confirmedAbonent();
    const ok = await client.graphql(CREATE, { input: { topic: 'Оплата', message: 'Вопрос', contactEmail: email } });
    expect(ok.body.data.createSupportRequest.ok).toBe(true);
    const mine = await client.graphql('{ mySupportRequests { topic status } }');
    expect(mine.body.data.mySupportRequests).toEqual([{ topic: 'Оплата', status: 'NEW' }]);
  });

  it('asks an abonent whose e-mail is not confirmed for the CAPTCHA, like a stranger, and links the request to them', async () => {
    const client = app.browser();
    const { input } = await register(client);
    const login = await client.graphql(LOGIN, { input: { email: input.email, password: input.password } });
    expect(login.body.data.login).toMatchObject({ ok: true, abonent: { emailConfirmed: false } });
    const request = { topic: 'Регистрация и вход', message: 'Не приходит письмо', contactEmail: input.email };
    const without = await client.graphql(CREATE, { input: request });
    expect(codes(without.body.data.createSupportRequest)).toEqual(['captcha:CAPTCHA_REQUIRED']);
    const stored = () =>
      app.kabinet.subgraphs.identity.orm.em
        .fork()
        .getConnection()
        .execute(
          'select r."abonent_id" from "identity"."support_request" r join "identity"."abonent" a on a."id" = r."abonent_id" where a."email" = ?',
          [input.email],
        );
    expect(await stored()).toHaveLength(0);
    const solved = await client.graphql(CREATE, { input: { ...request, captcha: await captcha(client) } });
    expect(solved.body.data.createSupportRequest.ok).toBe(true);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses empty, oversized and control-character input field by field', async () => {
    const { client } = await confirmedAbonent();
    const bad = await client.graphql(CREATE, {
      input: { topic: '', message: 'x'.repeat(5001), contactEmail: 'nobody' },
    });
    expect(codes(bad.body.data.createSupportRequest)).toEqual([
      'topic:TOPIC_REQUIRED',
      'message:MESSAGE_TOO_LONG',
      'contactEmail:EMAIL_INVALID',
    ]);
    const control = await client.graphql(CREATE, {
      input: { topic: 'Тема', message: 'bell\u0007', contactEmail: 'a@example.ru' },
    });
    expect(control.status).toBe(400);
    expect(control.body.data).toBeUndefined();
    expect(control.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$input.message' });
  });
});

describe.each(TEST_DAYS)('on $name ($date)', (day) => {
  beforeAll(() => clock.set(instantOf(day)));
  afterAll(() => clock.set(new Date()));
  const CONFIRM = 'mutation ($t: String!) { confirmEmail(token: $t) { ok errors { field code } } }';

  it('keeps a confirmation link valid until the deadline three days on; after it, refused and the cabinet purged', async () => {
    const registeredAt = clock.now().getTime();
    const [early, late] = [await register(app.browser()), await register(app.browser())];
    const deadlines = [early, late].map((r) => new Date(r.payload.confirmationDeadline).getTime());
    for (const deadline of deadlines) expect(Math.abs(deadline - registeredAt - 3 * 86_400_000)).toBeLessThan(60_000);
    const tokenOf = async (email: string) =>
      new URL(mail.linkIn(await mail.waitFor(email, /Подтвердите регистрацию/), '/confirm')).searchParams.get('token');
    const [earlyToken, lateToken] = [await tokenOf(early.input.email), await tokenOf(late.input.email)];

    clock.set(new Date(deadlines[0]! - 60_000));
    expect((await app.browser().graphql(CONFIRM, { t: earlyToken })).body.data.confirmEmail).toEqual({
      ok: true,
      errors: [],
    });
    clock.set(new Date(deadlines[1]! + 60_000));
    const expired = await app.browser().graphql(CONFIRM, { t: lateToken });
    expect(codes(expired.body.data.confirmEmail)).toEqual(['token:TOKEN_EXPIRED']);
    const em = app.kabinet.subgraphs.identity.orm.em.fork();
    await purgeUnconfirmed(em, app.kabinet.queue, clock.now());
    const left = await em
      .getConnection()
      .execute('select "email" from "identity"."abonent" where "email" in (?, ?)', [
        early.input.email,
        late.input.email,
      ]);
    expect(left).toEqual([{ email: early.input.email }]);
  });

  it('keeps a session while it is used within the idle time, and ends it once it is not', async () => {
    clock.set(instantOf(day));
    const { client } = await confirmedAbonent();
    // Used every 1 h 50 min (under the 2 h idle time) for a day: each use moves the idle expiry on.
    for (let i = 0; i < 13; i++) {
      clock.advance(110 * 60_000);
      expect((await client.graphql(ME)).body.data?.me).toBeTruthy();
    }
    clock.advance(2 * 3_600_000 + 60_000);
    expect((await client.graphql(ME)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
