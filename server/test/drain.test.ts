// Nothing lost at deploy: every entry point, sent SIGTERM under a steady stream of requests, says it is draining on
// /readyz at once, keeps serving (keep-alive answers say `Connection: close`) until the load balancer has moved on,
// then closes, cuts a client still sending its request at the deadline, and exits 0. No test measures a duration:
// the drain lasts far longer than the few requests the "load balancer" sends after it saw /readyz answer 503.
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/core/database.js';
import { createTestDatabase, SERVER_URL } from './support/database.js';
import { freePort, startProcess, startupTime, type RunningProcess } from './support/processes.js';
import { getOnce, HEALTHZ, startSteadyLoad, SUPPLIERS, type LoadReport } from './support/steady-load.js';

/** Far longer than the load balancer below needs to notice and move on, on a loaded machine too. */
const DRAIN = '10s';
/** Requests each stream still sends after /readyz answered 503, before the load balancer stops sending. */
const AFTER_NOTICE = 5;

let dataDir: string;
/** A fresh database on TEST_DATABASE_URL, or the embedded one (in `DATA_DIR` for `npm start`). */
let database: Database | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-drain-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` on the test's database: PostgreSQL when TEST_DATABASE_URL is set, else its own embedded one. */
async function startMain(env: Record<string, string>): Promise<RunningProcess> {
  const port = await freePort();
  const where: Record<string, string> = SERVER_URL
    ? { DATABASE_URL: database!.url }
    : { DATA_DIR: path.join(dataDir, `main-${port}`) };
  return startProcess('main.ts', [], { PORT: String(port), ...where, ...env }, `http://127.0.0.1:${port}`);
}

/** One GET on a connection of its own. */
async function probe(baseUrl: string, path_: string): Promise<{ status: number; body: { status?: string } }> {
  const { status, body } = await getOnce(`${baseUrl}${path_}`);
  return { status, body: JSON.parse(body) as { status?: string } };
}

/** Polls /readyz until it stops answering 200 (the signal has been handled) and returns that answer. */
async function firstNotReady(baseUrl: string): Promise<{ status: number; body: { status?: string } }> {
  for (;;) {
    const answer = await probe(baseUrl, '/readyz');
    if (answer.status !== 200) return answer;
    expect(answer.body.status).toBe('ready');
  }
}

/**
 * Sends a steady stream (keep-alive and fresh connections, /healthz and a GraphQL query) to `baseUrl`, SIGTERMs
 * `target`, and behaves as a load balancer: it keeps sending until it sees `target`'s /readyz answer 503, sends a
 * few more requests on every stream, then stops. Returns what the streams got and `target`'s exit code.
 */
async function deployUnderLoad(
  baseUrl: string,
  target: RunningProcess,
): Promise<{ report: LoadReport; code: number | null }> {
  const load = startSteadyLoad(baseUrl, [SUPPLIERS, HEALTHZ], { keepAlive: 4, fresh: 2 });
  load.mark('before the signal');
  await load.completed('before the signal', 3);
  const exited = target.stop();
  load.mark('signal sent');
  const notReady = await firstNotReady(target.baseUrl);
  // Right after the signal: not ready (draining), yet alive.
  expect(notReady).toEqual({ status: 503, body: { status: 'draining' } });
  expect(await probe(target.baseUrl, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  load.mark('draining');
  await load.completed('draining', AFTER_NOTICE);
  const report = await load.stop();
  return { report, code: await exited };
}

/** `drainedDirectly`: the clients talk to the draining process itself (not to a gateway in front of it). */
function expectNothingLost(report: LoadReport, drainedDirectly = true) {
  expect(report.failures).toEqual([]);
  // Requests were under way when the signal came and after /readyz said draining.
  for (const phase of ['before the signal', 'draining']) {
    expect(report.results.filter((r) => r.phase === phase).length).toBeGreaterThanOrEqual(6 * 3);
  }
  if (!drainedDirectly) return;
  // While draining, every answer on a keep-alive connection asked the client to close it, so each of those
  // streams went on over new connections.
  const drained = report.results.filter((r) => r.phase === 'draining' && r.stream.startsWith('keep-alive'));
  expect(drained.map((r) => r.connection)).toEqual(drained.map(() => 'close'));
  for (const [stream, connections] of Object.entries(report.keepAliveConnections)) {
    expect({ stream, connections: connections > AFTER_NOTICE }).toEqual({ stream, connections: true });
  }
}

function expectPhasesLogged(output: string) {
  const at = (message: string) => output.indexOf(`"msg":"${message}"`);
  expect(at('draining')).toBeGreaterThan(-1);
  expect(at('closing')).toBeGreaterThan(at('draining'));
  expect(at('stopped')).toBeGreaterThan(at('closing'));
}

describe(`npm start through a SIGTERM (${SERVER_URL ? 'PostgreSQL' : 'embedded database'})`, () => {
  it(
    'drains: /readyz 503 at once, /healthz 200, every request answered, then exits 0',
    async () => {
      const main = await startMain({ SHUTDOWN_DRAIN: DRAIN });
      const { report, code } = await deployUnderLoad(main.baseUrl, main);
      expectNothingLost(report);
      expect(code).toBe(0);
      expectPhasesLogged(main.output());
    },
    startupTime(1),
  );

  it(
    'cuts clients still sending their request at the deadline, closes idle ones, and exits 0',
    async () => {
      // Node's own limits far away: only the shutdown deadline can end these connections.
      const main = await startMain({
        SHUTDOWN_DRAIN: '200ms',
        SHUTDOWN_TIMEOUT_MS: '1000',
        HTTP_HEADERS_TIMEOUT: '10m',
        HTTP_REQUEST_TIMEOUT: '10m',
        HTTP_KEEP_ALIVE_TIMEOUT: '10m',
      });
      const port = Number(new URL(main.baseUrl).port);
      const halfHeaders = await connect(port);
      halfHeaders.socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
      const halfBody = await connect(port);
      halfBody.socket.write(
        'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"q',
      );
      const idle = await connect(port);
      idle.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      await idle.answered;

      expect(await main.stop()).toBe(0);
      // The server ended all three; the slow ones without an answer to their unfinished request.
      await Promise.all([halfHeaders.closed, halfBody.closed, idle.closed]);
      expect(halfHeaders.received()).toBe('');
      expect(halfBody.received()).toBe('');
      expect(main.output()).toMatch(/"connections":2,[^\n]*"msg":"shutdown deadline reached, closing connections"/);
      expectPhasesLogged(main.output());
    },
    startupTime(1),
  );
});

describe(`distributed mode through SIGTERMs (${SERVER_URL ? 'PostgreSQL' : 'embedded database'})`, () => {
  it(
    'a subgraph service restarted under load behind the gateway, then the gateway itself, lose nothing',
    async () => {
      // One subgraph service stands for all four (their code paths are the same): every <NAME>_URL points at it,
      // so the gateway is ready and `suppliers` (an accounts field) goes through it.
      const subgraphPort = await freePort();
      const gatewayPort = await freePort();
      const subgraphUrl = `http://127.0.0.1:${subgraphPort}`;
      const env: Record<string, string> = {
        DATABASE_URL: database!.url,
        ...(database!.embedded ? { DB_CONNECTIONS: '6' } : {}),
        PUBLIC_URL: `http://127.0.0.1:${gatewayPort}`,
        SHUTDOWN_DRAIN: DRAIN,
        IDENTITY_URL: `${subgraphUrl}/graphql`,
        ACCOUNTS_URL: `${subgraphUrl}/graphql`,
        METERING_URL: `${subgraphUrl}/graphql`,
        PAYMENTS_URL: `${subgraphUrl}/graphql`,
      };
      const first = await startProcess('subgraph-main.ts', ['accounts'], env, subgraphUrl);
      const gateway = await startProcess(
        'gateway-main.ts',
        [],
        { ...env, PORT: String(gatewayPort) },
        `http://127.0.0.1:${gatewayPort}`,
      );
      let second: RunningProcess | undefined;
      try {
        // A rolling restart of the subgraph service: the gateway's requests to it are all answered while it drains.
        const subgraphDeploy = await deployUnderLoad(gateway.baseUrl, first);
        expectNothingLost(subgraphDeploy.report, false);
        expect(subgraphDeploy.code).toBe(0);
        expectPhasesLogged(first.output());

        second = await startProcess('subgraph-main.ts', ['accounts'], env, subgraphUrl);
        const gatewayDeploy = await deployUnderLoad(gateway.baseUrl, gateway);
        expectNothingLost(gatewayDeploy.report);
        expect(gatewayDeploy.code).toBe(0);
        expectPhasesLogged(gateway.output());
      } finally {
        await gateway.stop();
        if (second) expect(await second.stop()).toBe(0);
      }
    },
    startupTime(3),
  );
});

/** A raw connection that records what the server sends; `closed` resolves when the server ends it. */
function connect(port: number): Promise<{
  socket: net.Socket;
  received: () => string;
  answered: Promise<void>;
  closed: Promise<void>;
}> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    let onAnswer: () => void = () => {};
    const answered = new Promise<void>((done) => (onAnswer = done));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (data.includes('\r\n\r\n')) onAnswer();
    });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => {
      socket.on('error', () => {});
      resolve({ socket, received: () => data, answered, closed });
    });
    socket.once('error', reject);
  });
}
