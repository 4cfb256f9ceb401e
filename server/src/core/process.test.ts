// The shutdown's phases on a real HTTP server in this process: draining (not ready, still serving, `Connection:
// close`), closing (in-flight requests finish, a stalled client is cut at the deadline), and the exit code. The drain
// ends when the test says so (the injected wait), so nothing here depends on how fast the machine is.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { closeHttpServer, createHttpServer, registerProbes } from './http.js';
import { createLogger } from './logger.js';
import { shutDown } from './process.js';

const lines: string[] = [];
const log = createLogger(
  'info',
  {},
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  }),
);
/** What the shutdown logged (not Fastify's lines about each request or the listener). */
const messages = () =>
  lines
    .map((line) => JSON.parse(line) as { msg: string; reqId?: string })
    .filter((line) => line.reqId === undefined && !line.msg.startsWith('Server listening'))
    .map((line) => line.msg);

let app: FastifyInstance | undefined;
let release: () => void = () => {};
/** Resolves once the server has the headers of a POST /echo and waits for its body. */
let bodyAwaited: () => void = () => {};
afterEach(async () => {
  lines.length = 0;
  release();
  if (app?.server.listening) {
    app.server.closeAllConnections();
    await app.close();
  }
  app = undefined;
});

/** A server as every entry point makes it, with probes that say ready and one route the test holds open. */
async function serve(): Promise<{ base: string; port: number }> {
  app = createHttpServer(log, loadConfig({ HTTP_REQUEST_TIMEOUT: '10m', HTTP_HEADERS_TIMEOUT: '10m' }).http);
  registerProbes(app, async () => ({ ok: true, checks: {} }));
  const held = new Promise<void>((resolve) => (release = resolve));
  app.get('/held', async () => {
    await held;
    return { done: true };
  });
  app.post('/echo', { onRequest: async () => bodyAwaited() }, async (request) => request.body);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port };
}

function get(url: string, agent: http.Agent | false = false) {
  return new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }),
        );
      })
      .on('error', reject);
  });
}

/** A drain that lasts until the test calls `end`. */
function heldDrain() {
  let end: () => void = () => {};
  let started: () => void = () => {};
  const waiting = new Promise<void>((resolve) => (started = resolve));
  const wait = (ms: number) => {
    expect(ms).toBe(60_000);
    started();
    return new Promise<void>((resolve) => (end = resolve));
  };
  return { wait, waiting, end: () => end() };
}

describe('shutDown', () => {
  it('drains (503 draining, 200 alive, served with Connection: close), then closes and exits 0', async () => {
    const { base } = await serve();
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(`${base}/healthz`, keepAlive)).toMatchObject({ status: 200, connection: 'keep-alive' });
    const inFlight = get(`${base}/held`, false);
    const drain = heldDrain();
    const target = { http: app!, close: ({ deadlineMs }: { deadlineMs: number }) => closeHttpServer(app!, deadlineMs) };
    const code = shutDown(target, log, 'SIGTERM', { drainMs: 60_000, timeoutMs: 5000 }, drain.wait);
    await drain.waiting;

    expect(await get(`${base}/readyz`)).toMatchObject({ status: 503, body: '{"status":"draining"}' });
    // The kept connection is still served, and told to close; a new one is accepted.
    expect(await get(`${base}/healthz`, keepAlive)).toMatchObject({ status: 200, connection: 'close' });
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, connection: 'close' });
    expect(messages()).toEqual(['draining']);

    drain.end();
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: '{"done":true}' });
    expect(await code).toBe(0);
    expect(messages()).toEqual(['draining', 'closing', 'stopped']);
    keepAlive.destroy();
  });

  it('cuts a client still sending its request at the deadline, and exits 0', async () => {
    const { port } = await serve();
    const stalled = net.connect(port, '127.0.0.1');
    stalled.on('error', () => {});
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    const awaited = new Promise<void>((resolve) => (bodyAwaited = resolve));
    stalled.write(
      'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"half":',
    );
    const closed = new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    await awaited;
    const code = await shutDown(
      { http: app!, close: ({ deadlineMs }) => closeHttpServer(app!, deadlineMs) },
      log,
      'SIGINT',
      { drainMs: 0, timeoutMs: 200 },
      () => Promise.reject(new Error('no drain was asked for')),
    );
    expect(code).toBe(0);
    await closed;
    expect(messages()).toEqual(['draining', 'closing', 'shutdown deadline reached, closing connections', 'stopped']);
    const cut = lines.find((line) => line.includes('shutdown deadline reached'));
    expect(JSON.parse(cut!)).toMatchObject({ connections: 1, deadlineMs: 200 });
  });

  it('exits 1 when closing hangs past the deadline and its allowance', async () => {
    await serve();
    const code = await shutDown(
      {
        http: app!,
        // The HTTP server closes; the "database" after it never does.
        close: async ({ deadlineMs }) => {
          await closeHttpServer(app!, deadlineMs);
          await new Promise(() => {});
        },
      },
      log,
      'SIGTERM',
      { drainMs: 0, timeoutMs: 100, allowanceMs: 100 },
      async () => {},
    );
    expect(code).toBe(1);
    expect(messages()).toEqual(['draining', 'closing', 'shutdown hung: queue or database did not close']);
  });

  it('exits 1 when closing fails', async () => {
    await serve();
    const code = await shutDown(
      {
        http: app!,
        close: async () => {
          await app!.close();
          throw new Error('the database would not close');
        },
      },
      log,
      'SIGTERM',
      { drainMs: 0, timeoutMs: 1000 },
      async () => {},
    );
    expect(code).toBe(1);
    expect(messages()).toEqual(['draining', 'closing', 'error while shutting down']);
  });
});
