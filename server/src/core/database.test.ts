// The embedded database behaves like a server for every client: connections that come and go, and prepared
// statements of the same name on several connections (the rate limiter's, pg-boss's pool, our own readRows).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type Database } from './database.js';

let database: Database;
beforeAll(async () => {
  database = await startEmbedded(undefined);
});
afterAll(() => database.close());

async function connected(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return client;
}

async function preparedNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('select name from pg_prepared_statements order by name');
  return rows.map((r) => r.name);
}

describe('the embedded database', () => {
  it('lets a new connection prepare a name that a closed connection had prepared', async () => {
    const first = await connected();
    await expect(first.query({ name: 'lookup', text: 'select 1 as n', values: [] })).resolves.toMatchObject({
      rows: [{ n: 1 }],
    });
    await first.end();

    // What a pool does after closing an idle connection: connect again and prepare the same statement.
    const second = await connected();
    try {
      await expect(second.query({ name: 'lookup', text: 'select 2 as n', values: [] })).resolves.toMatchObject({
        rows: [{ n: 2 }],
      });
    } finally {
      await second.end();
    }
  });

  it('keeps the statements of connections open at the same time apart, even under the same name', async () => {
    const a = await connected();
    const b = await connected();
    try {
      const ask = (client: pg.Client, value: number) =>
        client.query<{ n: number }>({ name: 'same-name', text: 'select $1::int + 0 as n', values: [value] });
      const other = (client: pg.Client) =>
        client.query<{ s: string }>({ name: 'same-name-2', text: "select 'b' || $1::text as s", values: ['x'] });
      await ask(a, 1);
      // b prepares a different text under a's name: on one shared session this would clash.
      await expect(
        b.query<{ s: string }>({ name: 'same-name', text: "select 'b' || $1::text as s", values: ['x'] }),
      ).resolves.toMatchObject({ rows: [{ s: 'bx' }] });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? ask(a, i) : other(b))));
      answers.forEach((answer, i) => expect(answer.rows[0]).toEqual(i % 2 === 0 ? { n: i } : { s: 'bx' }));
      await expect(ask(a, 7)).resolves.toMatchObject({ rows: [{ n: 7 }] });
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('deallocates what a connection prepared when it closes, and nothing of the others', async () => {
    const staying = await connected();
    const leaving = await connected();
    try {
      await staying.query({ name: 'kept', text: 'select 1', values: [] });
      await leaving.query({ name: 'dropped', text: 'select 1', values: [] });
      expect(await preparedNames(staying)).toEqual(
        expect.arrayContaining([expect.stringMatching(/\/dropped$/), expect.stringMatching(/\/kept$/)]),
      );
      expect(await preparedNames(staying)).toHaveLength(2);
      await leaving.end();
      await expect.poll(() => preparedNames(staying)).toEqual([expect.stringMatching(/\/kept$/)]);
      await expect(staying.query({ name: 'kept', text: 'select 1', values: [] })).resolves.toBeTruthy();
    } finally {
      await staying.end();
    }
  });

  it('rolls back what a connection left open in a transaction, and serves the others meanwhile', async () => {
    const setup = await connected();
    await setup.query('create table t (v int)');
    await setup.end();
    const leaving = await connected();
    await leaving.query('begin');
    await leaving.query('insert into t values (1)');
    await leaving.query({ name: 'in-transaction', text: 'select count(*)::int as n from t', values: [] });
    // Gone without a word, mid-transaction (a killed process, a dropped socket).
    leaving.on('error', () => {});
    leaving.connection.stream.destroy();
    const next = await connected();
    try {
      await expect(
        next.query({ name: 'in-transaction', text: 'select count(*)::int as n from t', values: [] }),
      ).resolves.toMatchObject({ rows: [{ n: 0 }] });
    } finally {
      await next.end();
    }
  });
});
