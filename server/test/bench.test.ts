// The benchmark's own parts are code like any other: the seed writes what it says, its abonents and partner work
// through the API, the raw query serves the same dashboard Kabinet does (or the comparison would be unfair), and
// the statement counter counts. Needs a PostgreSQL server (the seed creates a database of its own).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PARTNER_KEY, BENCH_PASSWORD, benchEmail, sessionToken } from '../../bench/common.js';
import { DASHBOARD } from '../../bench/queries.js';
import { seed, type SeedCounts } from '../../bench/seed.js';
import { startSqlCounter } from '../../bench/sql-counter.js';
import { createKabinet, type Kabinet } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { SERVER_URL } from './support/database.js';

const ABONENTS = 30;
const RAW_DASHBOARD = readFileSync(new URL('../../bench/peers/raw-dashboard.sql', import.meta.url), 'utf8');

describe.skipIf(!SERVER_URL)('the benchmark', () => {
  const url = new URL(SERVER_URL ?? 'postgres://localhost/none');
  url.pathname = `/kabinet_bench_test_${process.pid}`;
  let kabinet: Kabinet;
  let counts: SeedCounts;
  let db: pg.Client;

  beforeAll(async () => {
    counts = await seed({ abonents: ABONENTS, databaseUrl: url.toString() });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
    kabinet = await createKabinet({
      config,
      log: createLogger('silent'),
      database: { url: url.toString(), embedded: false, poolMax: 4, close: async () => {} },
      serveWebClient: false,
    });
    db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await kabinet?.close();
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${url.pathname.slice(1)}" with (force)`);
    await admin.end();
  });

  const graphql = async (query: string, headers: Record<string, string>, variables?: object) => {
    const response = await kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json<{ data?: any; errors?: unknown[] }>();
  };

  it('seeds 1–3 accounts per abonent, each with a meter, 24 months of readings and charges, and payments', () => {
    expect(counts.abonents).toBe(ABONENTS);
    expect(counts.accounts).toBeGreaterThanOrEqual(ABONENTS);
    expect(counts.accounts).toBeLessThanOrEqual(3 * ABONENTS);
    expect(counts.readings).toBe(24 * counts.accounts);
    expect(counts.charges).toBe(24 * counts.accounts);
    expect(counts.payments).toBeGreaterThan(6 * counts.accounts);
    expect(counts.payments).toBeLessThan(18 * counts.accounts);
  });

  it('serves every seeded abonent the same dashboard through Kabinet as through the raw query', async () => {
    const seen = new Set<number>();
    for (let n = 1; n <= ABONENTS; n++) {
      const ours = await graphql(DASHBOARD, { cookie: `kabinet_session=${sessionToken(n)}` });
      expect(ours.errors).toBeUndefined();
      const hash = createHash('sha256').update(sessionToken(n)).digest('hex');
      const { rows } = await db.query<{ body: any }>(RAW_DASHBOARD, [hash]);
      const raw = rows[0]!.body.data.me.accounts as any[];
      const accounts = ours.data.me.accounts as any[];
      seen.add(accounts.length);
      expect(accounts.length).toBeGreaterThan(0);
      expect(accounts.map(normalize)).toEqual(raw.map(normalize));
      expect(accounts.every((a) => a.meters.length === 1 && a.meters[0].lastReading && a.payments.length > 0)).toBe(
        true,
      );
    }
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('lets a seeded abonent log in with the bench password, and the bench partner export its readings', async () => {
    const login = await graphql(
      `
        mutation ($input: LoginInput!) {
          login(input: $input) {
            ok
            errors {
              code
            }
          }
        }
      `,
      {},
      { input: { email: benchEmail(7), password: BENCH_PASSWORD } },
    );
    expect(login.data.login).toEqual({ ok: true, errors: [] });

    const page = await graphql(
      `
        {
          partnerReadings(first: 1000) {
            nodes {
              accountNumber
              value
              period
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `,
      { authorization: `Bearer ${BENCH_PARTNER_KEY}` },
    );
    expect(page.errors).toBeUndefined();
    const { rows } = await db.query<{ count: string }>(
      `select count(*) from "metering"."reading" r join "accounts"."supplier" s on s."id" = r."supplier_id"
        where s."code" = 'sankt-peterburg'`,
    );
    expect(page.data.partnerReadings.nodes).toHaveLength(Number(rows[0]!.count));
  });

  it('counts on the wire the statements each application sends, simple and prepared', async () => {
    const target = new URL(SERVER_URL!);
    const counter = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(url);
    proxied.port = String(counter.port);
    const client = new pg.Client({ connectionString: proxied.toString(), application_name: 'counted' });
    await client.connect();
    try {
      counter.reset();
      await client.query('select 1');
      await client.query({ name: 'two', text: 'select $1::int + 1 as "two"', values: [1] });
      const { rows } = await client.query({ name: 'two', text: 'select $1::int + 1 as "two"', values: [2] });
      expect(rows[0].two).toBe(3);
      expect(counter.counts().get('counted')).toBe(3);
    } finally {
      await client.end();
      await counter.close();
    }
  });
});

/** The fields both serve, in one form (PostgreSQL's JSON writes times as +00:00, GraphQL as Z). */
function normalize(account: any) {
  return {
    number: account.number,
    supplier: account.supplier.name,
    balance: [account.balance.kopecks, account.balance.asOf],
    meters: account.meters.map((m: any) => ({
      serialNumber: m.serialNumber,
      lastReading: m.lastReading && {
        value: m.lastReading.value,
        period: m.lastReading.period,
        submittedAt: new Date(m.lastReading.submittedAt).toISOString(),
      },
    })),
    payments: account.payments.map((p: any) => [p.id, p.amount, p.status, new Date(p.createdAt).toISOString()]),
  };
}
