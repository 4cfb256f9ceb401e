// Distributed mode's gateway under REQUEST_TIMEOUT: a subgraph service that never answers gets its request aborted
// (the connection closed) when the client is answered 504 TIMEOUT. The subgraph here is a real HTTP server that
// holds every request open, so only the gateway's clock can end it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { TIMEOUT_MESSAGE } from '../src/core/errors.js';
import { createLogger } from '../src/core/logger.js';
import { createGatewayServer } from '../src/gateway/gateway-server.js';

let silent: http.Server;
let gateway: Awaited<ReturnType<typeof createGatewayServer>>;
const aborted: string[] = [];
let received = 0;

beforeAll(async () => {
  silent = http.createServer((request, response) => {
    received++;
    // Never answered: 'close' before an end means the caller gave up on the connection.
    response.on('close', () => {
      if (!response.writableEnded) aborted.push(request.url ?? '');
    });
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
  const config = loadConfig({
    NODE_ENV: 'test',
    REQUEST_TIMEOUT: '1s',
    IDENTITY_URL: url,
    ACCOUNTS_URL: url,
    METERING_URL: url,
    PAYMENTS_URL: url,
  });
  gateway = await createGatewayServer({ config, log: createLogger('silent') });
});

afterAll(async () => {
  await gateway?.close();
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
});

it('answers 504 TIMEOUT and aborts the subgraph fetch still in flight', async () => {
  const response = await gateway.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: '{ suppliers { code } }' }),
  });
  expect(response.statusCode).toBe(504);
  expect(response.json()).toEqual({ errors: [{ message: TIMEOUT_MESSAGE, extensions: { code: 'TIMEOUT' } }] });
  expect(received).toBe(1);
  await expect.poll(() => aborted).toEqual(['/graphql']);
});
