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
