// The time limit of a request: past REQUEST_TIMEOUT the gateway answers 504 TIMEOUT, and a statement past
// DB_STATEMENT_TIMEOUT is cancelled by PostgreSQL, its transaction rolled back, the client answered the same way.
// The slow part is a table lock this test holds, so nothing here depends on how fast the machine is.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TIMEOUT_MESSAGE } from '../src/core/errors.js';
import { registrationInput, uniqueEmail } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import { SERVER_URL } from './support/database.js';
import type { TestKabinet } from './support/kabinet.js';
import { useTestKabinet } from './support/use-kabinet.js';

/** Holds `lock` on `table` from a connection of its own until `release`. */
async function holdLock(app: TestKabinet, table: string, mode: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table ${table} in ${mode} mode`);
  return {
    async release() {
      await client.query('commit');
      await client.end();
    },
  };
}

/** Backends of a subgraph's pool waiting on a lock right now. */
async function waitingOnLock(app: TestKabinet, subgraph: string): Promise<number> {
  const client = new pg.Client({ connectionString: app.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where application_name = $1 and wait_event_type = 'Lock' and datname = current_database()`,
      [`kabinet-${subgraph}`],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe.skipIf(!SERVER_URL)('REQUEST_TIMEOUT at the gateway', () => {
  // No statement timeout: only the gateway's clock can end the request while the lock is held.
  const { app } = useTestKabinet({ REQUEST_TIMEOUT: '1s', DB_STATEMENT_TIMEOUT: '0s' });
  let lock: { release(): Promise<void> } | undefined;
  afterEach(async () => {
    await lock?.release();
    lock = undefined;
  });

  it('answers a request still running after REQUEST_TIMEOUT with 504 TIMEOUT, a Russian message and no data', async () => {
    lock = await holdLock(app, 'accounts.supplier', 'access exclusive');
    const { status, body } = await app.graphql('{ suppliers { code name } }');
    expect(status).toBe(504);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([{ message: TIMEOUT_MESSAGE, extensions: { code: 'TIMEOUT' } }]);
    expect(TIMEOUT_MESSAGE).toMatch(/ключом идемпотентности/);
    // The statement is still queued behind the lock: the answer did not wait for it.
    expect(await waitingOnLock(app, 'accounts')).toBe(1);
    await lock.release();
    lock = undefined;
    const again = await app.graphql<{ suppliers: unknown[] }>('{ suppliers { code } }');
    expect(again.status).toBe(200);
    expect(again.body.data?.suppliers.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!SERVER_URL)('DB_STATEMENT_TIMEOUT on the pools', () => {
  const { app } = useTestKabinet({ REQUEST_TIMEOUT: '60s', DB_STATEMENT_TIMEOUT: '1s' });
  let lock: { release(): Promise<void> } | undefined;
  beforeEach(() => {
    lock = undefined;
  });
  afterEach(async () => {
    await lock?.release();
  });

  const register = async (email: string) => {
    const client = app.browser();
    const challenge = await client.graphql('{ captchaChallenge { challenge } }');
    const captcha = await solveCaptcha(challenge.body.data.captchaChallenge.challenge);
    return client.graphql('mutation ($input: RegisterInput!) { register(input: $input) { ok errors { code } } }', {
      input: registrationInput(email, captcha),
    });
  };

  it('sets statement_timeout on every subgraph pool', async () => {
    for (const runtime of Object.values(app.kabinet.subgraphs)) {
      const rows = await runtime.orm.em.fork().getConnection().execute('show statement_timeout');
      expect(rows, runtime.name).toEqual([{ statement_timeout: '1s' }]);
    }
  });

  it('cancels a statement past the limit: the mutation is written not at all, the client gets TIMEOUT, no SQL', async () => {
    const email = uniqueEmail('timeout');
    // The abonent row is inserted, then its confirmation link waits for this lock: one transaction.
    lock = await holdLock(app, 'identity.email_token', 'exclusive');
    const { status, body } = await register(email);
    expect(status).toBe(504);
    expect(body.errors).toEqual([{ message: TIMEOUT_MESSAGE, path: ['register'], extensions: { code: 'TIMEOUT' } }]);
    expect(JSON.stringify(body)).not.toMatch(/statement|cancel|insert|email_token/i);
    // PostgreSQL gave up on the statement itself: nothing of the pool waits any more.
    await vi.waitFor(async () => expect(await waitingOnLock(app, 'identity')).toBe(0));
    await lock.release();
    lock = undefined;
    const rows = await app.kabinet.subgraphs.identity.orm.em
      .fork()
      .getConnection()
      .execute('select count(*)::int as n from identity.abonent where email = ?', [email]);
    expect(rows[0]?.n).toBe(0);
    // Nothing half-written stands in the way of trying again.
    const retried = await register(email);
    expect(retried.body.data?.register).toEqual({ ok: true, errors: [] });
  });
});
