// `npm run bench:outage`: npm start behind a TCP proxy to PostgreSQL: the connections it opens at most under load,
// what clients get during a 1.3 s database outage, and a start while the server answers "too many clients".
// Writes bench/results/<date>-outage.md.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { TcpProxy } from '../server/test/support/tcp-proxy.js';
import { ROOT, startKabinet, type Server } from './processes.js';

const SERVER = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUDGET = Number(process.env.BENCH_DB_CONNECTIONS ?? 24);
const CLIENTS = 20;
const SUPPLIERS = JSON.stringify({ query: '{ suppliers { code } }' });
const SIGNED_IN = { cookie: `kabinet_session=${'x'.repeat(43)}` };

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Outcome = '200' | '503 SERVICE_UNAVAILABLE + Retry-After' | '500' | 'other';

async function ask(url: string, signedIn: boolean): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signedIn ? SIGNED_IN : {}) },
      body: SUPPLIERS,
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    if (response.status === 200 && !body.errors) return '200';
    const unavailable = body.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (response.status === 503 && unavailable && response.headers.get('retry-after')) {
      return '503 SERVICE_UNAVAILABLE + Retry-After';
    }
    return response.status === 500 ? '500' : 'other';
  } catch {
    return 'other';
  }
}

/** `CLIENTS` loops sending requests back to back until `until` resolves; counts the outcomes. */
async function traffic(url: string, until: Promise<void>): Promise<Map<Outcome, number>> {
  const counts = new Map<Outcome, number>();
  let done = false;
  void until.then(() => (done = true));
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      while (!done) {
        const outcome = await ask(url, i % 2 === 0);
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return counts;
}

const lines: string[] = [];
const name = `kabinet_bench_outage_${process.pid}`;
await admin(`create database "${name}"`);
const databaseUrl = new URL(SERVER);
databaseUrl.pathname = `/${name}`;
const proxy = await TcpProxy.start(databaseUrl.toString());
let kabinet: Server | undefined;
try {
  kabinet = await startKabinet(proxy.through(databaseUrl.toString()), { DB_CONNECTIONS: String(BUDGET) });
  const busy = await traffic(kabinet.url, sleep(5_000));
  lines.push(
    `## Connections under load`,
    '',
    `${CLIENTS} clients back to back for 5 s (half signed in), \`DB_CONNECTIONS=${BUDGET}\`: at most ` +
      `**${proxy.peak}** connections open at once at the proxy (${[...busy].map(([k, v]) => `${v} × ${k}`).join(', ')}).`,
    '',
  );

  // 1.3 s without a database, as in the fault run's PostgreSQL restart.
  const outage = traffic(
    kabinet.url,
    (async () => {
      await sleep(1_000);
      await proxy.cut('refuse');
      await sleep(1_300);
      await proxy.restore();
      await sleep(2_000);
    })(),
  );
  const counts = await outage;
  lines.push(
    `## A 1.3 s database outage under traffic`,
    '',
    `${CLIENTS} clients, the proxy refusing connections (and every open one cut) for 1.3 s in 4.3 s of traffic:`,
    '',
    '| answer | requests |',
    '| --- | --- |',
    ...[...counts].map(([k, v]) => `| ${k} | ${v} |`),
    '',
  );
  await kabinet.stop();
  kabinet = undefined;

  // A start while the server is "full": until it has been refused 3 times (a booting process takes a few seconds
  // to try at all), then the server accepts.
  await proxy.cut('too-many');
  const started = Date.now();
  const starting = startKabinet(proxy.through(databaseUrl.toString()), { DB_CONNECTIONS: String(BUDGET) });
  await new Promise<void>((resolve) => proxy.on('turned-away', (n: number) => n >= 3 && resolve()));
  const refusedFor = Date.now() - started;
  const refused = proxy.turnedAway;
  await proxy.restore();
  kabinet = await starting;
  lines.push(
    `## A start while PostgreSQL answers "too many clients"`,
    '',
    `Refused ${refused} connection attempts (until ${(refusedFor / 1000).toFixed(1)} s after the process was ` +
      `started), then accepted: ready ${((Date.now() - started) / 1000).toFixed(1)} s after the start ` +
      `(${(await ask(kabinet.url, false)) === '200' ? 'serving' : 'NOT serving'}).`,
    '',
  );
} finally {
  await kabinet?.stop();
  await proxy.close();
  await admin(`drop database if exists "${name}" with (force)`);
}

const date = new Date().toISOString().slice(0, 10);
const file = path.join(ROOT, 'bench', 'results', `${date}-outage.md`);
const header = [
  `# Outages answered as outages (${date})`,
  '',
  '`npm run bench:outage`: `npm start` on PostgreSQL behind a TCP proxy (server/test/support/tcp-proxy.ts); one',
  'machine, 2 cores shared with other work, so counts vary from run to run.',
  '',
];
await writeFile(file, [...header, ...lines].join('\n'));
process.stdout.write([...header, ...lines].join('\n') + '\n');
