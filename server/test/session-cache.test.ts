// The session cache: each process remembers who holds a session token for the minute between touches, and forgets
// it at once in the process that made a change, and in every other process at the change's commit (identity's
// triggers notify; the queue's listening connection hears). Two Kabinet processes share one PostgreSQL database
// here; on the embedded database nothing is remembered.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../src/core/tokens.js';
import { SessionCache, sessionCacheOf, TOUCH_EVERY_MS } from '../src/subgraphs/identity/session/session-cache.js';
import { confirmedAbonent, registeredAbonent } from './support/abonents.js';
import { SERVER_URL } from './support/database.js';
import { startTestKabinet, type Browser, type TestKabinet } from './support/kabinet.js';
import { useTestKabinet } from './support/use-kabinet.js';

const ME = '{ me { id email emailConfirmed } }';
const CONFIRMED_ONLY = '{ me { accounts { id } } }';

describe('SessionCache', () => {
  const caller = (abonentId: string) => ({ kind: 'abonent', abonentId, emailConfirmed: true }) as const;
  const session = (abonentId: string, at: number) => ({
    caller: caller(abonentId),
    lastUsedAt: at,
    idleExpiresAt: at + 30 * 60_000,
    absoluteExpiresAt: at + 24 * 3600_000,
  });

  it('remembers nothing until it listens, and nothing once the connection is lost', () => {
    const cache = new SessionCache();
    cache.put('t1', session('a', 0), cache.mark());
    expect(cache.get('t1', 0)).toBeUndefined();
    cache.setListening(true);
    cache.put('t1', session('a', 0), cache.mark());
    expect(cache.get('t1', 1)?.caller.abonentId).toBe('a');
    cache.setListening(false);
    expect(cache.size).toBe(0);
    cache.put('t1', session('a', 0), cache.mark());
    expect(cache.get('t1', 1)).toBeUndefined();
  });

  it('does not keep a lookup that read the database before a forget', () => {
    const cache = new SessionCache();
    cache.setListening(true);
    const mark = cache.mark();
    cache.forgetAbonent('someone else');
    cache.put('t1', session('a', 0), mark);
    expect(cache.get('t1', 1)).toBeUndefined();
  });

  it('looks a session up again when its touch is due or an expiry passed, and forgets by abonent or token', () => {
    const cache = new SessionCache();
    cache.setListening(true);
    cache.put('t1', session('a', 0), cache.mark());
    expect(cache.get('t1', TOUCH_EVERY_MS)).toBeDefined();
    expect(cache.get('t1', TOUCH_EVERY_MS + 1)).toBeUndefined();
    cache.put('t1', { ...session('a', 0), idleExpiresAt: 10 }, cache.mark());
    expect(cache.get('t1', 10)).toBeUndefined();
    // A clock set back (tests) is not trusted either.
    cache.put('t1', session('a', 100), cache.mark());
    expect(cache.get('t1', 99)).toBeUndefined();

    cache.put('t1', session('a', 0), cache.mark());
    cache.put('t2', session('a', 0), cache.mark());
    cache.put('t3', session('b', 0), cache.mark());
    cache.forgetAbonent('a');
    expect([cache.get('t1', 1), cache.get('t2', 1)]).toEqual([undefined, undefined]);
    expect(cache.get('t3', 1)).toBeDefined();
    cache.forgetToken('t3');
    expect(cache.size).toBe(0);
  });

  it('keeps the most recently used sessions up to its size', () => {
    const cache = new SessionCache(2);
    cache.setListening(true);
    cache.put('t1', session('a', 0), cache.mark());
    cache.put('t2', session('b', 0), cache.mark());
    cache.get('t1', 1);
    cache.put('t3', session('c', 0), cache.mark());
    expect([!!cache.get('t1', 1), !!cache.get('t2', 1), !!cache.get('t3', 1)]).toEqual([true, false, true]);
  });
});

describe.skipIf(!SERVER_URL)('two processes on one PostgreSQL database', () => {
  const { app: first, mail } = useTestKabinet();
  let second: TestKabinet;
  beforeAll(async () => {
    // The second process: the same database and letters, its own pools, queue, listening connection and cache.
    second = await startTestKabinet(
      { SMTP_URL: mail.url, CAPTCHA_COST: '10' },
      { database: async () => ({ ...first.database, close: async () => {} }) },
    );
  });
  afterAll(() => second?.close());

  const cacheOf = (app: TestKabinet) => sessionCacheOf(app.kabinet.queue);
  /** A client of `app` holding the same session cookie as `client` (the same abonent on another process). */
  const sameSession = (app: TestKabinet, client: Browser): Browser => {
    const other = app.browser();
    for (const [name, value] of client.cookies) other.cookies.set(name, value);
    return other;
  };
  const tokenHash = (client: Browser) => hashToken(client.cookies.get('kabinet_session')!);
  const remembers = (app: TestKabinet, client: Browser) =>
    cacheOf(app).get(tokenHash(client), Date.now()) !== undefined;
  /**
   * Asks with `client` until `app` remembers its session. A lookup is kept only if no forget arrived while it read
   * the database (`SessionCache.mark`): the notification of an earlier change in the other process (the login, the
   * confirmation) may land during the first lookup on a loaded machine, and that lookup is then rightly not kept.
   */
  const remembered = (app: TestKabinet, client: Browser) =>
    vi.waitFor(
      async () => {
        await client.graphql(ME);
        expect(remembers(app, client)).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
  /** The other process hears the change at its commit: wait (bounded) for the notification to arrive. */
  const forgotten = (app: TestKabinet, client: Browser) =>
    vi.waitFor(() => expect(remembers(app, client)).toBe(false), { timeout: 10_000, interval: 5 });

  it('remembers a session in each process, and a logout in one ends it in both', async () => {
    const abonent = await confirmedAbonent(first, mail);
    const elsewhere = sameSession(second, abonent.client);
    expect((await abonent.client.graphql(ME)).body.data.me.email).toBe(abonent.email);
    expect((await elsewhere.graphql(ME)).body.data.me.email).toBe(abonent.email);
    await remembered(second, elsewhere);
    expect(remembers(first, abonent.client)).toBe(true);
    // Served from the cache: the same answer.
    expect((await elsewhere.graphql(ME)).body.data.me.email).toBe(abonent.email);

    const stolen = sameSession(first, abonent.client);
    await abonent.client.graphql('mutation { logout }');
    // The process that logged out forgets at once: the very next request with the token is nobody's.
    expect((await stolen.graphql(ME)).body.data?.me ?? null).toBeNull();
    await forgotten(second, elsewhere);
    expect((await elsewhere.graphql(ME)).body.data?.me ?? null).toBeNull();
  });

  it('a password changed in one process ends the abonent’s other sessions in the other', async () => {
    const abonent = await confirmedAbonent(first, mail);
    const phone = first.browser();
    const login = await phone.graphql('mutation ($i: LoginInput!) { login(input: $i) { ok } }', {
      i: { email: abonent.email, password: abonent.password },
    });
    expect(login.body.data.login.ok).toBe(true);
    const phoneElsewhere = sameSession(second, phone);
    expect((await phoneElsewhere.graphql(ME)).body.data.me.email).toBe(abonent.email);
    await remembered(second, phoneElsewhere);

    const changed = await abonent.client.graphql(
      'mutation ($i: ChangePasswordInput!) { changePassword(input: $i) { ok errors { code } } }',
      { i: { currentPassword: abonent.password, newPassword: 'xyz789', newPasswordRepeat: 'xyz789' } },
    );
    expect(changed.body.data.changePassword, JSON.stringify(changed.body)).toMatchObject({ ok: true });
    await forgotten(second, phoneElsewhere);
    expect((await phoneElsewhere.graphql(ME)).body.data?.me ?? null).toBeNull();
    // The session that changed the password goes on, in either process.
    expect((await sameSession(second, abonent.client).graphql(ME)).body.data.me.email).toBe(abonent.email);
  });

  it('forgets a session deleted by any other means (a tool, an operator in SQL)', async () => {
    const abonent = await confirmedAbonent(first, mail);
    const elsewhere = sameSession(second, abonent.client);
    expect((await elsewhere.graphql(ME)).body.data.me.email).toBe(abonent.email);
    await remembered(second, elsewhere);
    const sql = new pg.Client({ connectionString: first.database.url });
    await sql.connect();
    await sql.query('delete from "identity"."session" where "abonent_id" = $1', [abonent.id]);
    await sql.end();
    await forgotten(second, elsewhere);
    expect((await elsewhere.graphql(ME)).body.data?.me ?? null).toBeNull();
  });

  it('carries a confirmation made in one process into the other’s next request', async () => {
    const abonent = await registeredAbonent(first);
    const elsewhere = sameSession(second, abonent.client);
    const before = await elsewhere.graphql(CONFIRMED_ONLY);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_CONFIRMED');
    await remembered(second, elsewhere);

    const letter = await mail.waitFor(abonent.email, /Подтвердите регистрацию/);
    const token = new URL(mail.linkIn(letter, '/confirm')).searchParams.get('token');
    const confirmed = await abonent.client.graphql('mutation ($t: String!) { confirmEmail(token: $t) { ok } }', {
      t: token,
    });
    expect(confirmed.body.data.confirmEmail.ok).toBe(true);
    await forgotten(second, elsewhere);
    const after = await elsewhere.graphql(CONFIRMED_ONLY);
    expect(after.body.errors, JSON.stringify(after.body)).toBeUndefined();
    expect(after.body.data.me.accounts).toEqual([]);
  });

  it('forgets everything when its listening connection drops, and hears changes again once it is back', async () => {
    const abonent = await confirmedAbonent(first, mail);
    const elsewhere = sameSession(second, abonent.client);
    await elsewhere.graphql(ME);
    await remembered(second, elsewhere);
    const sql = new pg.Client({ connectionString: first.database.url });
    await sql.connect();
    await sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name = 'kabinet-queue-listener'`,
    );
    await sql.end();
    // Notifications may have been missed while it was down: nothing remembered survives.
    await vi.waitFor(() => expect(cacheOf(second).size).toBe(0), { timeout: 10_000, interval: 5 });
    // Back (the queue reconnects within seconds), it remembers again, and still hears a logout made elsewhere.
    await vi.waitFor(
      async () => {
        await elsewhere.graphql(ME);
        expect(remembers(second, elsewhere)).toBe(true);
      },
      { timeout: 20_000, interval: 200 },
    );
    await abonent.client.graphql('mutation { logout }');
    await forgotten(second, elsewhere);
    expect((await elsewhere.graphql(ME)).body.data?.me ?? null).toBeNull();
  });
});

describe.skipIf(!!SERVER_URL)('on the embedded database', () => {
  const { app, mail } = useTestKabinet();

  it('remembers no session: nothing there would tell it of a change', async () => {
    const abonent = await confirmedAbonent(app, mail);
    expect((await abonent.client.graphql(ME)).body.data.me.email).toBe(abonent.email);
    expect((await abonent.client.graphql(ME)).body.data.me.email).toBe(abonent.email);
    expect(sessionCacheOf(app.kabinet.queue).size).toBe(0);
  });
});
