// Slow clients cannot hold a connection: headers sent byte by byte, a body that never ends and an idle keep-alive
// connection are closed by the server (HTTP_*_TIMEOUT), oversized headers refused, while a normal client is served.
// Each test waits for the server to close the socket; none measures how long that took.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKabinet, type TestKabinet } from './support/kabinet.js';

let app: TestKabinet;
let port: number;

beforeAll(async () => {
  app = await startTestKabinet({
    HTTP_HEADERS_TIMEOUT: '500ms',
    HTTP_REQUEST_TIMEOUT: '1s',
    HTTP_KEEP_ALIVE_TIMEOUT: '500ms',
    HTTP_MAX_HEADER_SIZE: '2048',
  });
  await app.kabinet.http.listen({ host: '127.0.0.1', port: 0 });
  port = (app.kabinet.http.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app?.close();
});

/** A raw connection that records what the server sends and resolves `closed` when the server ends it. */
function connect(): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** What a normal client gets meanwhile. */
async function normalRequest(): Promise<{ status: number; typename: unknown }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as { data?: { __typename?: unknown } };
  return { status: response.status, typename: body.data?.__typename };
}

describe('slow clients', () => {
  it('closes a connection whose headers trickle in byte by byte, serving a normal client meanwhile', async () => {
    const { socket, received, closed } = await connect();
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    // One byte at a time, never the end of the headers: only the server can end this.
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('a');
    }, 50);
    try {
      expect(await normalRequest()).toEqual({ status: 200, typename: 'Query' });
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose body never ends', async () => {
    const { socket, received, closed } = await connect();
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
    );
    expect(await normalRequest()).toEqual({ status: 200, typename: 'Query' });
    await closed;
    expect(received()).not.toMatch(/^HTTP\/1\.1 200 /);
  });

  it('closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT', async () => {
    const { socket, received, closed } = await connect();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(received()).toMatch(/"status":"ok"/);
  });

  it('refuses headers larger than HTTP_MAX_HEADER_SIZE with 431', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { 'x-big': 'b'.repeat(4096) } });
    expect(response.status).toBe(431);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
