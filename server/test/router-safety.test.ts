// The subgraph services behind a standard router on its defaults: Hive Gateway merges identical in-flight subgraph
// requests (keyed on URL, method and body), and with the caller in a header it once answered one abonent with
// another's dashboard. With the caller signed into each request's body, 60 abonents at once each get their own.
// Needs a PostgreSQL server (the benchmark's seed fills a database of its own with the 60 abonents).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PASSWORD, benchEmail, sessionToken } from '../../bench/common.js';
import { seed } from '../../bench/seed.js';
import { DEFAULT_SUBGRAPH_URLS, SUBGRAPH_NAMES } from '../src/core/config.js';
import { useKabinetCaller } from '../src/gateway/hive.js';
import { SCHEMA_DIR } from '../src/schema/emit.js';
import { SERVER_URL } from './support/database.js';
import { freePort, startProcess, startupTime, type RunningProcess } from './support/processes.js';

const SECRET = 'router-safety-test-secret-0123456789abcdef';
const ABONENTS = 60;
const PUBLIC_URL = 'http://kabinet.test';

/** The dashboard, with what tells one abonent's answer from another's. */
const DASHBOARD = `{ me { email accounts { number supplier { code } balance { kopecks }
  meters { serialNumber lastReading { value period } } payments(last: 5) { amount status } } } }`;

describe.skipIf(!SERVER_URL)('the subgraph services behind Hive Gateway on its defaults', () => {
  const databaseUrl = new URL(SERVER_URL ?? 'postgres://localhost/none');
  databaseUrl.pathname = `/kabinet_bench_router_${process.pid}`;
  const processes: RunningProcess[] = [];
  const subgraphUrls: Record<string, string> = {};
  let dataDir = '';
  let hive: GatewayRuntime;
  let server: Server | undefined;
  let hiveUrl = '';
  let subgraphFetches = 0;

  beforeAll(
    async () => {
      await seed({ abonents: ABONENTS, databaseUrl: databaseUrl.toString() });
      dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-router-'));
      const env: Record<string, string> = {
        PUBLIC_URL,
        DATA_DIR: dataDir,
        SHUTDOWN_TIMEOUT_MS: '30000',
        DATABASE_URL: databaseUrl.toString(),
        GATEWAY_SECRET: SECRET,
        NODE_ENV: 'development',
        DEMO_DATA: 'false',
        // Four services on the default 24 would take 96 of the server's 100 connections under 60 concurrent
        // dashboards, refusing the test file that runs beside this one (and themselves: 53300, SERVICE_UNAVAILABLE).
        DB_CONNECTIONS: '8',
      };
      for (const name of SUBGRAPH_NAMES) {
        subgraphUrls[name] = `http://127.0.0.1:${await freePort()}`;
        env[`${name.toUpperCase()}_URL`] = `${subgraphUrls[name]}/graphql`;
      }
      for (const name of SUBGRAPH_NAMES) {
        processes.push(await startProcess('subgraph-main.ts', [name], env, subgraphUrls[name]!));
      }
      const byDefaultUrl = new Map(
        SUBGRAPH_NAMES.map((name) => [DEFAULT_SUBGRAPH_URLS[name], `${subgraphUrls[name]}/graphql`]),
      );
      // Only where the subgraphs listen differs from the committed supergraph (its URLs are the default ports).
      const routeToTestPorts: GatewayPlugin = {
        onFetch(payload) {
          const target = byDefaultUrl.get(payload.url);
          if (target) payload.setURL(target);
          subgraphFetches++;
        },
      };
      hive = createGatewayRuntime({
        supergraph: await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8'),
        logging: false,
        plugins: () => [
          routeToTestPorts,
          useKabinetCaller({ secret: SECRET, identityUrl: env.IDENTITY_URL!, publicUrl: PUBLIC_URL }),
        ],
      });
      // On Node's HTTP server, as the README runs it.
      const port = await freePort();
      server = createServer((request, response) => void hive(request, response));
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      hiveUrl = `http://127.0.0.1:${port}`;
    },
    startupTime(4, 120_000),
  );

  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await hive?.dispose();
    const codes = await Promise.all(processes.map((p) => p.stop()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${databaseUrl.pathname.slice(1)}" with (force)`);
    await admin.end();
    expect(codes.every((code) => code === 0)).toBe(true);
  });

  const post = async (query: string, headers: Record<string, string> = {}, variables?: object) => {
    const response = await fetch(`${hiveUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as { data?: any; errors?: unknown[] } };
  };
  const dashboardOf = (n: number) => post(DASHBOARD, { cookie: `kabinet_session=${sessionToken(n)}` });

  it('answers 60 abonents at once, three times over, each with their own dashboard', async () => {
    const numbers = Array.from({ length: ABONENTS }, (_, i) => i + 1);
    // One at a time first: nothing to merge, so these are each abonent's own answers.
    const alone = new Map<number, unknown>();
    for (const n of numbers) {
      const { body } = await dashboardOf(n);
      expect(body.errors).toBeUndefined();
      expect(body.data.me.email).toBe(benchEmail(n));
      expect(body.data.me.accounts.length).toBeGreaterThan(0);
      alone.set(n, body.data);
    }
    // Every abonent's accounts are their own: no two answers alike.
    expect(new Set([...alone.values()].map((data) => JSON.stringify(data))).size).toBe(ABONENTS);

    for (let round = 0; round < 3; round++) {
      const fetchesBefore = subgraphFetches;
      const answers = await Promise.all(numbers.map((n) => dashboardOf(n)));
      // An error (a refused connection, a timeout) is not someone else's data: say which it was.
      const failed = answers.flatMap(({ body }, i) =>
        body.errors ? [{ abonent: numbers[i], errors: body.errors }] : [],
      );
      expect(failed, `answered with errors in round ${round + 1}`).toEqual([]);
      const wrong = numbers.filter((n, i) => JSON.stringify(answers[i]!.body.data) !== JSON.stringify(alone.get(n)));
      expect(wrong, `answered with someone else's data in round ${round + 1}`).toEqual([]);
      // Each dashboard is four subgraph fetches (identity, accounts, then metering and payments): none was merged.
      expect(subgraphFetches - fetchesBefore).toBe(ABONENTS * 4);
    }
  });

  it('logs in through Hive: the session cookie identity sets reaches the client and identifies them', async () => {
    const login = await post(
      'mutation ($input: LoginInput!) { login(input: $input) { ok errors { code } } }',
      {},
      {
        input: { email: benchEmail(7), password: BENCH_PASSWORD },
      },
    );
    expect(login.body).toEqual({ data: { login: { ok: true, errors: [] } } });
    const cookie = login.response.headers.getSetCookie().find((c) => c.startsWith('kabinet_session='));
    expect(cookie).toBeDefined();
    const me = await post('{ me { email } }', { cookie: cookie!.split(';')[0]! });
    expect(me.body).toEqual({ data: { me: { email: benchEmail(7) } } });
  });

  it('answers a client without a session as anonymous, and one with an unknown session as nobody', async () => {
    const suppliers = await post('{ suppliers { code } }');
    expect(suppliers.body.data.suppliers.length).toBeGreaterThan(0);
    const stranger = await post('{ me { email } }', { cookie: 'kabinet_session=not-a-session' });
    expect(stranger.body.data?.me ?? null).toBeNull();
  });
});
