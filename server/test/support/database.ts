// A fresh database for one test file: a new database on TEST_DATABASE_URL/DATABASE_URL, or an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbedded, type Database } from '../../src/core/database.js';

export const SERVER_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

export async function createTestDatabase(): Promise<Database> {
  if (!SERVER_URL) return startEmbedded(undefined);
  const name = `kabinet_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    poolMax: 4,
    close: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A pool for a test's own SQL on `url`. pg's pool re-emits an idle client's error on itself, and an 'error' event
 * nobody listens to is an uncaught exception: the force drop of the test database at the file's end cuts a
 * connection the pool is still closing (57P01) and failed the whole run with every test passed. An idle client's
 * error loses nothing (the pool drops the client; a query on a cut connection still fails its test), so the pool
 * listens and lets it go.
 */
export function testPool(url: string, max = 1): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return pool;
}
