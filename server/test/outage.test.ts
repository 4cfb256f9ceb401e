// Outages answered as outages: a database that goes away mid-run, refuses connections at start, or is "full",
// seen through a TCP proxy between Kabinet and its PostgreSQL (the shared server itself is never restarted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKabinet } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { createHttpServer } from '../src/core/http.js';
import { openDatabase, retryWhileUnavailable, splitConnections, type Database } from '../src/core/database.js';
import { createLogger } from '../src/core/logger.js';
import { createTestDatabase, SERVER_URL } from './support/database.js';
import { startTestKabinet, type GraphQLResult, type TestKabinet } from './support/kabinet.js';
import { TcpProxy } from './support/tcp-proxy.js';

const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const SUPPLIERS = '{ suppliers { code name } }';
const SUPPLIERS_BODY = JSON.stringify({ query: SUPPLIERS });
const MESSAGE = 'Сервис ненадолго недоступен. Повторите попытку через несколько секунд.';

/** A Kabinet whose every database connection goes through `proxy`; `inner` is closed with it. */
function throughProxy(inner: Database, proxy: TcpProxy, overrides: Partial<Database> = {}): () => Promise<Database> {
  return () => Promise.resolve({ ...inner, url: proxy.through(inner.url), ...overrides });
}

/** What a client must see during an outage: 503, the code, Retry-After, a message for people, nothing internal. */
function expectUnavailable(response: { status: number; headers: Record<string, unknown>; body: string }): void {
  expect(response.status).toBe(503);
  expect(response.headers['retry-after'], JSON.stringify(response.headers)).toBe('2');
  const body = JSON.parse(response.body) as GraphQLResult['body'];
  expect(body.errors?.length).toBeGreaterThan(0);
  for (const error of body.errors!) {
    expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toBe(MESSAGE);
  }
  expect(response.body).not.toMatch(/select|ECONN|5432|terminated|stack|INTERNAL_SERVER_ERROR/i);
}

describe('while the database is out of reach', () => {
  let inner: Database;
  let proxy: TcpProxy;
  let app: TestKabinet;
  beforeAll(async () => {
    inner = await createTestDatabase();
    proxy = await TcpProxy.start(inner.url);
    app = await startTestKabinet({}, { database: throughProxy(inner, proxy) });
  });
  afterAll(async () => {
    await proxy.restore();
    await app?.close();
    await proxy.close();
  });

  const post = (query: string, headers: Record<string, string> = {}) =>
    app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query }),
    });

  it('answers reads, writes and signed-in callers 503 SERVICE_UNAVAILABLE with Retry-After, then serves again', async () => {
    expect((await post(SUPPLIERS)).statusCode).toBe(200);
    expect((await app.kabinet.http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    for (const mode of ['refuse', 'too-many'] as const) {
      await proxy.cut(mode);
      const read = await post(SUPPLIERS);
      expectUnavailable({ status: read.statusCode, headers: read.headers, body: read.body });
      // A session cookie makes the gateway ask identity who it is, before any resolver runs.
      const signedIn = await post(SUPPLIERS, { cookie: `kabinet_session=${'a'.repeat(43)}` });
      expectUnavailable({ status: signedIn.statusCode, headers: signedIn.headers, body: signedIn.body });
      const write = await post('mutation { logout }', { cookie: `kabinet_session=${'b'.repeat(43)}` });
      expectUnavailable({ status: write.statusCode, headers: write.headers, body: write.body });

      const ready = await app.kabinet.http.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not ready', checks: { accounts: 'database unreachable' } });

      await proxy.restore();
      const again = await post(SUPPLIERS);
      expect(again.statusCode).toBe(200);
      expect(again.json<GraphQLResult['body']>().errors).toBeUndefined();
      expect((await app.kabinet.http.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    }
  });
});

describe('routes besides GraphQL (payment notifications, the sandbox pages)', () => {
  it('answer 503 SERVICE_UNAVAILABLE with Retry-After when the database is out of reach, never 500', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const http = createHttpServer(log, config.http);
    http.post('/payments/webhooks/test', () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    http.get('/bug', () => {
      throw new Error('a bug');
    });
    try {
      const outage = await http.inject({ method: 'POST', url: '/payments/webhooks/test', payload: {} });
      expectUnavailable({ status: outage.statusCode, headers: outage.headers, body: outage.body });
      expect((await http.inject({ method: 'GET', url: '/bug' })).statusCode).toBe(500);
    } finally {
      await http.close();
    }
  });
});

describe('at start', () => {
  let inner: Database;
  let proxy: TcpProxy;
  beforeAll(async () => {
    inner = await createTestDatabase();
    proxy = await TcpProxy.start(inner.url);
  });
  afterAll(async () => {
    await proxy.close();
    await inner.close();
  });
  const pools = splitConnections(24, 4, true);

  it('keeps retrying a database that refuses connections, and starts once it accepts them', async () => {
    await proxy.cut('too-many');
    const opening = openDatabase(
      { url: proxy.through(inner.url), dataDir: 'unused', pools, startTimeoutMs: 120_000 },
      log,
    );
    // Three refusals seen: the start is retrying, not failed.
    await new Promise<void>((resolve) => proxy.on('turned-away', (n: number) => n >= 3 && resolve()));
    await proxy.restore();
    const database = await opening;
    const app = await startTestKabinet({}, { database: () => Promise.resolve({ ...database, close: async () => {} }) });
    try {
      expect((await app.graphql(SUPPLIERS)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('retries the whole start when the probe passes but the pools are refused (a nearly full server)', async () => {
    const database = await openDatabase({ url: proxy.through(inner.url), dataDir: 'unused', pools }, log);
    // One connection at a time, as a server with one slot left: the job queue's or a subgraph pool's next one fails.
    proxy.limit = 1;
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
    const starting = retryWhileUnavailable(
      () => createKabinet({ config, log, database, serveWebClient: false }),
      120_000,
      log,
    );
    const before = proxy.turnedAway;
    await new Promise<void>((resolve) => proxy.on('turned-away', (n: number) => n >= before + 3 && resolve()));
    proxy.limit = undefined;
    const kabinet = await starting;
    try {
      const answer = await kabinet.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: SUPPLIERS_BODY,
      });
      expect(answer.statusCode).toBe(200);
    } finally {
      await kabinet.close();
    }
  });

  it('gives up after DB_START_TIMEOUT with a message naming it', async () => {
    await proxy.cut('refuse');
    try {
      await expect(
        openDatabase({ url: proxy.through(inner.url), dataDir: 'unused', pools, startTimeoutMs: 1_000 }, log),
      ).rejects.toThrow(/refused connections for 1 s \(DB_START_TIMEOUT\)/);
    } finally {
      await proxy.restore();
    }
  });

  // The embedded database takes any database name.
  it.skipIf(!SERVER_URL)('fails at once on what no retry mends (no such database)', async () => {
    const url = new URL(proxy.through(inner.url));
    url.pathname = '/kabinet_no_such_database';
    await expect(
      openDatabase({ url: url.toString(), dataDir: 'unused', pools, startTimeoutMs: 600_000 }, log),
    ).rejects.toThrow(/does not exist/);
  });
});

describe('the connection budget', () => {
  it('splits DB_CONNECTIONS so that the pools together never exceed it', () => {
    for (const budget of [9, 12, 24, 50, 100]) {
      const p = splitConnections(budget, 4, true);
      expect(4 * p.subgraph + p.queue + p.sandbox + p.migration).toBeLessThanOrEqual(budget);
      expect(p.subgraph).toBeGreaterThanOrEqual(1);
    }
    expect(splitConnections(24, 4, true)).toEqual({ subgraph: 4, queue: 4, sandbox: 2, migration: 2 });
    // A subgraph service: its one subgraph takes what is left (payments also serves the sandbox acquirer).
    expect(splitConnections(24, 1, false).subgraph).toBe(18);
    expect(splitConnections(24, 1, true).subgraph).toBe(16);
    expect(splitConnections(9, 4, true).subgraph).toBe(1);
    expect(splitConnections(6, 1, true).subgraph).toBe(1);
    expect(() => splitConnections(8, 4, true)).toThrow(/DB_CONNECTIONS=8 is too few .* at least 9/);
  });

  it('is what a busy Kabinet opens at most, counted at the proxy', async () => {
    const budget = 12;
    const pools = splitConnections(budget, 4, true);
    const inner = await createTestDatabase();
    const proxy = await TcpProxy.start(inner.url);
    const database = await openDatabase({ url: proxy.through(inner.url), dataDir: 'unused', pools }, log);
    // The embedded database gives each pool one connection whatever the budget.
    const embedded = inner.embedded
      ? { embedded: true, poolMax: 1, queueMax: Math.min(pools.queue, 2), sandboxMax: Math.min(pools.sandbox, 2) }
      : {};
    const app = await startTestKabinet({}, { database: () => Promise.resolve({ ...database, ...embedded }) });
    try {
      // Every subgraph at once, many times over: each pool fills up to its share.
      const operations = [SUPPLIERS, '{ operator { name } }', '{ passwordPolicy { minLength } }'];
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          app.graphql(operations[i % operations.length]!, undefined, { cookie: `kabinet_session=${'c'.repeat(43)}` }),
        ),
      );
      for (const answer of answers) expect(answer.status).toBe(200);
      expect(proxy.peak).toBeLessThanOrEqual(budget);
      // The pools were really used: more connections than any single pool has.
      expect(proxy.peak).toBeGreaterThan(inner.embedded ? 2 : pools.subgraph);
    } finally {
      await app.close();
      await inner.close();
      await proxy.close();
    }
  });
});
