// Distributed mode during an outage: a subgraph service whose database is cut answers 503 SERVICE_UNAVAILABLE, and
// the gateway in front of it keeps that code and status (with Retry-After) instead of its own 502/500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, CALLER_EXTENSION, signCaller } from '../src/core/caller.js';
import { loadConfig } from '../src/core/config.js';
import { freePort, type Database } from '../src/core/database.js';
import { createLogger } from '../src/core/logger.js';
import { createGatewayServer } from '../src/gateway/gateway-server.js';
import { createSubgraphServer, type SubgraphServer } from '../src/subgraph-server.js';
import { createTestDatabase } from './support/database.js';
import { TcpProxy } from './support/tcp-proxy.js';

const SECRET = 'distributed-outage-secret-0123456789abcdef';
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const SUPPLIERS = JSON.stringify({ query: '{ suppliers { code } }' });

let inner: Database;
let proxy: TcpProxy;
let accounts: SubgraphServer;
let gateway: Awaited<ReturnType<typeof createGatewayServer>>;
let accountsUrl: string;

beforeAll(async () => {
  inner = await createTestDatabase();
  proxy = await TcpProxy.start(inner.url);
  accountsUrl = `http://127.0.0.1:${await freePort()}/graphql`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    GATEWAY_SECRET: SECRET,
    DATABASE_URL: proxy.through(inner.url),
    ACCOUNTS_URL: accountsUrl,
  });
  accounts = await createSubgraphServer('accounts', {
    config,
    log,
    database: { ...inner, url: proxy.through(inner.url), close: async () => {} },
  });
  const address = new URL(accountsUrl);
  await accounts.http.listen({ host: address.hostname, port: Number(address.port) });
  gateway = await createGatewayServer({ config, log });
  await gateway.http.ready();
});

afterAll(async () => {
  await proxy?.restore();
  await gateway?.close();
  await accounts?.close();
  await proxy?.close();
  await inner?.close();
});

describe('a subgraph service whose database is out of reach', () => {
  it('answers 503 SERVICE_UNAVAILABLE itself, and the gateway passes on code, status and Retry-After', async () => {
    const viaGateway = () =>
      gateway.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: SUPPLIERS,
      });
    expect((await viaGateway()).statusCode).toBe(200);

    await proxy.cut('refuse');
    const direct = await fetch(accountsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ suppliers { code } }',
        extensions: {
          [CALLER_EXTENSION]: signCaller(
            { caller: ANONYMOUS, requestId: 'outage-test', clientIp: '127.0.0.1' },
            SECRET,
          ),
        },
      }),
    });
    expect(direct.status).toBe(503);
    expect(direct.headers.get('retry-after')).toBe('2');

    const answer = await viaGateway();
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('2');
    const body = answer.json<{ errors: Array<{ message: string; extensions: { code: string } }> }>();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(body.errors[0]!.message).toBe('Сервис ненадолго недоступен. Повторите попытку через несколько секунд.');

    await proxy.restore();
    expect((await viaGateway()).statusCode).toBe(200);
  });
});
