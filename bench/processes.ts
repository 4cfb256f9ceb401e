// The servers a benchmark measures, each in a process of its own: Kabinet (one process, or distributed), the raw
// SQL server and PostGraphile.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SUBGRAPH_NAMES } from '../server/src/core/config.js';
import { freePort, startProcess, type RunningProcess } from '../server/test/support/processes.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POSTGRAPHILE_DIR = path.join(ROOT, 'bench/postgraphile');

export interface Server {
  readonly url: string;
  readonly pids: number[];
  stop(): Promise<void>;
}

/** What every Kabinet process of a benchmark runs with: the bench database, no demo data, quiet logs. */
function kabinetEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    // 10 connections per subgraph pool in `npm start`, as the earlier figures were measured with.
    DB_CONNECTIONS: '56',
    GATEWAY_SECRET: BENCH_GATEWAY_SECRET,
  };
}

export const BENCH_GATEWAY_SECRET = 'bench-gateway-secret-0000000000000000';

/** `npm start`'s entry point: the gateway and the four subgraphs in one process (`env` on top of the bench's). */
export async function startKabinet(databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = await startProcess(
    'main.ts',
    [],
    { ...kabinetEnv(databaseUrl), ...env, PORT: String(port), PUBLIC_URL: url },
    url,
  );
  return wrap(`${url}/graphql`, [running]);
}

/**
 * `npm start`'s entry point on the embedded database (no DATABASE_URL: PGlite under `dataDir`), with `env` on top
 * of quiet-enough defaults; the running process is returned as it is, for its output and exit code.
 */
export async function startEmbeddedKabinet(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningProcess & { url: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const running = await startProcess(
    'main.ts',
    [],
    { DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'info', ...env },
    baseUrl,
  );
  return Object.assign(running, { url: `${baseUrl}/graphql` });
}

/** Distributed mode: each subgraph a service of its own, the gateway in front. */
export async function startDistributed(
  databaseUrl: string,
): Promise<Server & { subgraphUrls: Record<string, string> }> {
  const gatewayPort = await freePort();
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const env: Record<string, string> = { ...kabinetEnv(databaseUrl), PUBLIC_URL: gatewayUrl };
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const port = await freePort();
    subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
    env[`${name.toUpperCase()}_URL`] = subgraphUrls[name]!;
  }
  const processes: RunningProcess[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      processes.push(
        await startProcess('subgraph-main.ts', [name], env, subgraphUrls[name]!.replace(/\/graphql$/, '')),
      );
    }
    processes.push(await startProcess('gateway-main.ts', [], { ...env, PORT: String(gatewayPort) }, gatewayUrl));
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
  return { ...wrap(`${gatewayUrl}/graphql`, processes), subgraphUrls };
}

/** The dashboard as one prepared SQL statement (bench/peers/raw-server.ts). */
export function startRawServer(databaseUrl: string): Promise<Server> {
  return startPeer(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/peers/raw-server.ts')], {
    DATABASE_URL: databaseUrl,
  });
}

/** PostGraphile 4 on the same tables, from its own folder and node_modules (installed on first use). */
export async function startPostGraphile(databaseUrl: string): Promise<Server> {
  if (!existsSync(path.join(POSTGRAPHILE_DIR, 'node_modules'))) {
    const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', POSTGRAPHILE_DIR], {
      stdio: 'inherit',
    });
    if (installed.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
  }
  // Its view of our tables: the relations our subgraphs keep as federation references, the dashboard's root field.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(readFileSync(path.join(POSTGRAPHILE_DIR, 'setup.sql'), 'utf8'));
  } finally {
    await client.end();
  }
  return startPeer(process.execPath, [path.join(POSTGRAPHILE_DIR, 'server.cjs')], { DATABASE_URL: databaseUrl });
}

/** Starts a peer server that prints `ready <port>` once it listens. */
async function startPeer(command: string, args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', POOL_MAX: '10', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.at(-1)} was not ready in 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pids: [child.pid!],
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function wrap(url: string, processes: RunningProcess[]): Server {
  return {
    url,
    pids: processes.map((p) => p.child.pid!),
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}
