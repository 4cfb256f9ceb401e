// `npm run bench [-- --only dashboard,submit,export,login,gateway,costly] [--seconds 10] [--label name] [--note text]`: the cabinet's
// hot paths measured side by side with the raw SQL query and PostGraphile on the data `npm run bench:seed` wrote.
// Servers run in processes of their own; the load comes from this one. Prints each table and writes them to
// bench/results/<date>[-label].md with the machine described.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { signCaller, CALLER_EXTENSION } from '../server/src/core/caller.js';
import {
  BENCH_PARTNER_KEY,
  BENCH_PASSWORD,
  benchDatabaseUrl,
  benchEmail,
  sessionToken,
  benchOption,
} from './common.js';
import { cannon, cpuMs, drive, percentiles, post, sampleMemory, type LoadResult } from './load.js';
import {
  BENCH_GATEWAY_SECRET,
  ROOT,
  startDistributed,
  startKabinet,
  startPostGraphile,
  startRawServer,
  type Server,
} from './processes.js';
import { DASHBOARD, LOGIN, PARTNER_READINGS, SUBMIT_READINGS } from './queries.js';
import { startSqlCounter } from './sql-counter.js';

const SCENARIOS = ['dashboard', 'submit', 'export', 'login', 'gateway', 'costly'] as const;
type Scenario = (typeof SCENARIOS)[number];

const option = benchOption;
const only = new Set((option('only')?.split(',') ?? SCENARIOS) as Scenario[]);
const SECONDS = Number(option('seconds') ?? 10);
const WARMUP_SECONDS = 3;
const label = option('label');
/** A line about the run written under the machine's description (e.g. what else the machine was doing). */
const note = option('note');
const databaseUrl = benchDatabaseUrl();

const POSTGRAPHILE_DASHBOARD = readFileSync(path.join(ROOT, 'bench/postgraphile/dashboard.graphql'), 'utf8');

const report: string[] = [];
function section(title: string, intro: string, header: string[], rows: Array<Array<string | number>>): void {
  const lines = [
    `## ${title}`,
    '',
    intro,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
  console.log(lines.join('\n'));
  report.push(...lines);
}
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const int = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
const ratio = (value: number) => `${value.toFixed(2)}×`;

const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });

interface Abonent {
  n: number;
  id: string;
}
interface Submitter extends Abonent {
  accountId: string;
  meterId: string;
  dial: number;
}

async function abonentsWith(accounts: number, limit: number): Promise<Abonent[]> {
  const { rows } = await db.query<{ n: string; id: string }>(
    `select substring(a."email" from '^bench-([0-9]+)@')::int as "n", a."id" from "identity"."abonent" a
      where (select count(*) from "accounts"."account_link" l where l."abonent_id" = a."id") = $1
      order by hashtext(a."email") limit $2`,
    [accounts, limit],
  );
  return rows.map((r) => ({ n: Number(r.n), id: r.id }));
}

async function submitters(limit: number): Promise<Submitter[]> {
  const { rows } = await db.query<{ n: string; id: string; account_id: string; meter_id: string; dial: string }>(
    `select substring(a."email" from '^bench-([0-9]+)@')::int as "n", a."id", l."account_id", m."id" as "meter_id",
            (select max(r."value") from "metering"."reading" r where r."meter_id" = m."id")::text as "dial"
       from "identity"."abonent" a
       join "accounts"."account_link" l on l."abonent_id" = a."id"
       join "metering"."meter" m on m."account_id" = l."account_id"
      where (select count(*) from "accounts"."account_link" x where x."abonent_id" = a."id") = 1
      order by hashtext(a."email") desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    n: Number(r.n),
    id: r.id,
    accountId: r.account_id,
    meterId: r.meter_id,
    dial: Number(r.dial),
  }));
}

const cookie = (a: Abonent) => `kabinet_session=${sessionToken(a.n)}`;
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

/** The dashboard for a random one of `abonents` per request, on `connections` keep-alive connections. */
function dashboardLoad(url: string, query: string, abonents: Abonent[], connections: number, seconds = SECONDS) {
  const body = JSON.stringify({ query });
  return cannon({
    url,
    connections,
    durationSeconds: seconds,
    request: () => ({ body, headers: { cookie: cookie(pick(abonents)) } }),
  });
}

function row(name: string, r: LoadResult, extra: Array<string | number> = []): Array<string | number> {
  return [name, int(r.rps), ms(r.p50), ms(r.p99), int(r.operations), r.failures, ...extra];
}

/** Statements per request, counted on the wire for `requests` sequential requests after a warm-up. */
async function statementsPerRequest(
  start: (url: string) => Promise<Server>,
  query: string,
  groups: Abonent[][],
): Promise<Array<{ total: number; byApplication: Map<string, number> }>> {
  const target = new URL(databaseUrl);
  const counter = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.port = String(counter.port);
  const server = await start(proxied.toString());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const results = [];
    for (const abonents of groups) {
      // The same abonents once before counting: a session's first request in a minute also records its use.
      const requests = abonents.slice(0, 100);
      for (const a of requests) await post(agent, server.url, JSON.stringify({ query }), { cookie: cookie(a) });
      counter.reset();
      for (const a of requests) {
        const response = await post(agent, server.url, JSON.stringify({ query }), { cookie: cookie(a) });
        if (response.status !== 200 || response.body.includes('"errors"')) throw new Error(`failed: ${response.body}`);
      }
      const byApplication = new Map<string, number>();
      let total = 0;
      for (const [name, count] of counter.counts()) {
        // Kabinet's job queue and sandbox acquirer poll on their own connections, unrelated to the request.
        if (name === 'kabinet-queue' || name === 'kabinet-sandbox-acquirer') continue;
        byApplication.set(name || '(unnamed)', count / requests.length);
        total += count / requests.length;
      }
      results.push({ total, byApplication });
    }
    return results;
  } finally {
    agent.destroy();
    await server.stop();
    await counter.close();
  }
}

async function dashboardScenario(): Promise<void> {
  const three = await abonentsWith(3, 2000);
  const one = await abonentsWith(1, 200);
  const variants: Array<{ name: string; start: (url: string) => Promise<Server>; query: string }> = [
    { name: 'Kabinet (one process, 4 subgraphs)', start: startKabinet, query: DASHBOARD },
    { name: 'one SQL query, node-postgres', start: startRawServer, query: DASHBOARD },
    { name: 'PostGraphile 4', start: startPostGraphile, query: POSTGRAPHILE_DASHBOARD },
  ];

  const statementRows = [];
  for (const variant of variants) {
    const [forThree, forOne] = await statementsPerRequest(variant.start, variant.query, [three, one]);
    const detail = [...forThree!.byApplication].map(([name, count]) => `${name} ${count.toFixed(1)}`).join(', ');
    statementRows.push([variant.name, forOne!.total.toFixed(1), forThree!.total.toFixed(1), detail]);
  }
  section(
    'SQL statements per dashboard request',
    'Counted on the wire (a proxy in front of PostgreSQL counts Query and Execute messages per application_name) ' +
      'over 100 sequential requests of abonents with 1 and with 3 accounts, each request made once before counting (the steady state: a session’s first request in a minute also records its use); begin/commit count as statements.',
    ['variant', '1 account', '3 accounts', 'by connection (3 accounts)'],
    statementRows,
  );

  // One server at a time: an idle server's background work (Kabinet's job queue polls) would tax the others.
  const rows: Array<Array<string | number>> = [];
  const results = new Map<string, Map<number, LoadResult>>();
  for (const variant of variants) {
    const server = await variant.start(databaseUrl);
    try {
      const byConcurrency = new Map<number, LoadResult>();
      for (const connections of [1, 10, 50]) {
        await dashboardLoad(server.url, variant.query, three, connections, WARMUP_SECONDS);
        const cpuBefore = cpuMs(server.pids);
        const result = await dashboardLoad(server.url, variant.query, three, connections);
        const cpu = (cpuMs(server.pids) - cpuBefore) / Math.max(1, result.operations);
        byConcurrency.set(connections, result);
        rows.push(row(variant.name, result, [connections, cpu.toFixed(2)]));
      }
      results.set(variant.name, byConcurrency);
    } finally {
      await server.stop();
    }
  }
  const [ours, raw, pgl] = variants.map((v) => results.get(v.name)!);
  section(
    'The dashboard: Kabinet, the raw SQL query, PostGraphile',
    `\`${DASHBOARD.replace(/\s+/g, ' ')}\` for a random one of ${three.length} abonents with 3 accounts per ` +
      `request (a session cookie each), ${SECONDS} s per row after ${WARMUP_SECONDS} s of warm-up; latency in ms. ` +
      'Node CPU: user + system time of the server’s Node process over the row, per request (PostgreSQL’s not counted).',
    ['variant', 'requests/s', 'p50', 'p99', 'requests', 'failed', 'connections', 'Node CPU ms/request'],
    rows,
  );
  section(
    'Ratios',
    'Kabinet against the raw query (the practical limit) and against PostGraphile, in the same run. ' +
      'Targets: p50 at most 3× the raw query; requests/s at least PostGraphile’s.',
    ['connections', 'p50 ours/raw', 'requests/s ours/raw', 'p50 ours/PostGraphile', 'requests/s ours/PostGraphile'],
    [1, 10, 50].map((c) => [
      c,
      ratio(ours!.get(c)!.p50 / raw!.get(c)!.p50),
      ratio(ours!.get(c)!.rps / raw!.get(c)!.rps),
      ratio(ours!.get(c)!.p50 / pgl!.get(c)!.p50),
      ratio(ours!.get(c)!.rps / pgl!.get(c)!.rps),
    ]),
  );
}

async function submitScenario(server: Server): Promise<void> {
  const people = await submitters(50);
  let next = 0;
  const query = SUBMIT_READINGS;
  const load = (seconds: number) =>
    cannon({
      url: server.url,
      connections: people.length,
      durationSeconds: seconds,
      failed: (body) => body.includes('"ok":false'),
      request: (connection) => {
        const person = (connection.person ??= people[next++ % people.length]!) as Submitter;
        person.dial += 0.01;
        const key = `bench-${person.n}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        return {
          body: JSON.stringify({
            query,
            variables: {
              input: {
                accountId: person.accountId,
                idempotencyKey: key,
                readings: [{ meterId: person.meterId, value: person.dial.toFixed(3) }],
              },
            },
          }),
          headers: { cookie: cookie(person) },
        };
      },
    });
  await load(WARMUP_SECONDS);
  const result = await load(SECONDS);
  section(
    'submitReadings',
    `${people.length} abonents at once, each submitting a reading of their meter (a new idempotency key and a higher ` +
      `value each time) for ${SECONDS} s; latency in ms. A response with ok: false counts as failed.`,
    ['variant', 'submissions/s', 'p50', 'p99', 'submissions', 'failed'],
    [row('Kabinet, submitReadings', result)],
  );
}

async function exportScenario(server: Server): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const memory = sampleMemory(server.pids[0]!);
  const started = performance.now();
  let rowsRead = 0;
  let pages = 0;
  let after: string | null = null;
  for (;;) {
    const response = await post(agent, server.url, JSON.stringify({ query: PARTNER_READINGS, variables: { after } }), {
      authorization: `Bearer ${BENCH_PARTNER_KEY}`,
    });
    const body = JSON.parse(response.body) as {
      data?: { partnerReadings: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(`partnerReadings failed: ${response.body.slice(0, 500)}`);
    rowsRead += body.data.partnerReadings.nodes.length;
    pages++;
    if (!body.data.partnerReadings.pageInfo.hasNextPage) break;
    after = body.data.partnerReadings.pageInfo.endCursor;
  }
  const seconds = (performance.now() - started) / 1000;
  const ours = memory.stop();
  agent.destroy();

  const raw = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/peers/raw-export.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    }),
  ) as { rows: number; seconds: number; startMiB: number; peakMiB: number };
  section(
    'Partner export: every reading of one supplier',
    `partnerReadings(first: 1000) through the gateway with the partner's API key, page after page (${pages} pages), ` +
      'against a raw SQL cursor (DECLARE … FETCH 1000, each page serialised to JSON) in a process of its own. ' +
      'Memory: the resident size of the serving process (Kabinet; the cursor’s own process) at the start and at its peak.',
    ['variant', 'rows', 'seconds', 'rows/s', 'RSS at start, MiB', 'peak RSS, MiB'],
    [
      [
        'Kabinet partnerReadings',
        int(rowsRead),
        seconds.toFixed(1),
        int(rowsRead / seconds),
        int(ours.startMiB),
        int(ours.peakMiB),
      ],
      [
        'raw SQL cursor',
        int(raw.rows),
        raw.seconds.toFixed(1),
        int(raw.rows / raw.seconds),
        int(raw.startMiB),
        int(raw.peakMiB),
      ],
      ['ratio ours/raw', '', '', ratio(rowsRead / seconds / (raw.rows / raw.seconds)), '', ''],
    ],
  );
}

interface BurstResult {
  before: number[];
  during: number[];
  dashboardFailures: number;
  logins: Array<{ latency: number; ok: boolean; busy: boolean }>;
  seconds: number;
}

/** 200 logins sent at once while 10 connections keep reading the dashboard, on a server of its own. */
async function loginBurst(env: Record<string, string>): Promise<BurstResult> {
  const server = await startKabinet(databaseUrl, env);
  try {
    const readers = await abonentsWith(3, 2000);
    const loggers = await abonentsWith(2, 200);
    const dashboardBody = JSON.stringify({ query: DASHBOARD });
    const readerAgent = new http.Agent({ keepAlive: true, maxSockets: 10 });
    const loginAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const samples: Array<{ at: number; latency: number }> = [];
    let stopReading = false;
    let dashboardFailures = 0;
    const reading = Promise.all(
      Array.from({ length: 10 }, async () => {
        while (!stopReading) {
          const at = performance.now();
          const response = await post(readerAgent, server.url, dashboardBody, { cookie: cookie(pick(readers)) });
          if (response.status !== 200 || response.body.includes('"errors"')) dashboardFailures++;
          samples.push({ at, latency: performance.now() - at });
        }
      }),
    );
    // Warm-up, then the last BASELINE_SECONDS before the burst are the dashboard without it.
    await new Promise((r) => setTimeout(r, (WARMUP_SECONDS + BASELINE_SECONDS) * 1000));
    const burstStart = performance.now();
    const logins = await Promise.all(
      loggers.map(async (a) => {
        const at = performance.now();
        const response = await post(
          loginAgent,
          server.url,
          JSON.stringify({ query: LOGIN, variables: { input: { email: benchEmail(a.n), password: BENCH_PASSWORD } } }),
        );
        return {
          latency: performance.now() - at,
          ok: response.body.includes('"ok":true'),
          busy: response.status === 429 && response.body.includes('"SERVER_BUSY"'),
        };
      }),
    );
    const burstEnd = performance.now();
    await new Promise((r) => setTimeout(r, 2000));
    stopReading = true;
    await reading;
    readerAgent.destroy();
    return {
      before: samples
        .filter((s) => s.at + s.latency < burstStart && s.at > burstStart - BASELINE_SECONDS * 1000)
        .map((s) => s.latency),
      during: samples.filter((s) => s.at >= burstStart && s.at < burstEnd).map((s) => s.latency),
      dashboardFailures,
      logins,
      seconds: (burstEnd - burstStart) / 1000,
    };
  } finally {
    await server.stop();
  }
}

const BASELINE_SECONDS = 5;

/**
 * The login burst twice: with argon2 hashes uncapped (PASSWORD_HASH_CONCURRENCY=0, as before the cap) and with the
 * configured cap (the default: one per core, below the threadpool's size), each on a fresh server.
 */
async function loginScenario(): Promise<void> {
  const variants: Array<{ name: string; env: Record<string, string> }> = [
    { name: 'no cap (PASSWORD_HASH_CONCURRENCY=0)', env: { PASSWORD_HASH_CONCURRENCY: '0' } },
    { name: 'cap (defaults)', env: {} },
  ];
  const rows: Array<Array<string | number>> = [];
  for (const variant of variants) {
    const result = await loginBurst(variant.env);
    const before = percentiles(result.before);
    const during = percentiles(result.during);
    const served = result.logins.filter((l) => l.ok);
    const loginLatency = percentiles(served.map((l) => l.latency));
    rows.push(
      [
        variant.name,
        'dashboard without the burst',
        (result.before.length / BASELINE_SECONDS).toFixed(0),
        ms(before.p50),
        ms(before.p99),
        '',
        result.before.length,
      ],
      [
        '',
        'dashboard during the burst',
        (result.during.length / result.seconds).toFixed(0),
        ms(during.p50),
        ms(during.p99),
        ratio(during.p99 / before.p99),
        `${result.during.length} (${result.dashboardFailures} failed)`,
      ],
      [
        '',
        'logins',
        (served.length / result.seconds).toFixed(1),
        ms(loginLatency.p50),
        ms(loginLatency.p99),
        '',
        `${served.length} in, ${result.logins.filter((l) => l.busy).length} SERVER_BUSY, ` +
          `${result.logins.filter((l) => !l.ok && !l.busy).length} other`,
      ],
    );
  }
  section(
    'Login burst',
    '200 logins sent at once (argon2id, m=19 MiB, t=2), each on its own connection, while 10 keep-alive ' +
      `connections keep reading the dashboard; latency in ms. "Without the burst" is the dashboard's last ${BASELINE_SECONDS} s ` +
      'before it; "during" from the first login sent to the last answered; the ratio is p99 during / p99 without. ' +
      'Logins p50/p99 are of the ones let in.',
    ['argon2', 'what', 'per second', 'p50', 'p99', 'p99 ratio', 'count'],
    rows,
  );
}

/** Payment notices (PDF with the QR code) asked for by one abonent, concurrently, while another reads the dashboard. */
const NOTICES = `{ me { accounts { paymentQr { payload } paymentNotice { fileName contentBase64 } } } }`;
const COSTLY_CONNECTIONS = 10;

async function costlyScenario(): Promise<void> {
  // The seeded suppliers have no payee details, and a notice without them is null (no PDF): give every one the
  // demo payee, as a supplier's billing would with updateSupplierSettings.
  await db.query(
    `update "accounts"."supplier" set "payee_name" = 'Бенчмарк (получатель)', "payee_inn" = '7838016481',
            "payee_kpp" = '783801001', "payee_account" = '40702810600000000001', "bank_name" = 'ДЕМО-БАНК (ПАО)',
            "bank_bic" = '044525999', "bank_correspondent_account" = '30101810600000000999'
      where "payee_inn" is null`,
  );
  const readers = await abonentsWith(3, 2000);
  const [costly] = await abonentsWith(1, 1);
  // The per-caller limit would refuse most of the load (that is its job); here the work itself is measured.
  const server = await startKabinet(databaseUrl, { COSTLY_RATE_LIMIT: '1000000' });
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const dashboardBody = JSON.stringify({ query: DASHBOARD });
    const noticeBody = JSON.stringify({ query: NOTICES });
    const dashboard = async () => {
      const response = await post(agent, server.url, dashboardBody, { cookie: cookie(pick(readers)) });
      return response.status === 200 && !response.body.includes('"errors"');
    };
    const notice = async () => {
      const response = await post(agent, server.url, noticeBody, { cookie: cookie(costly!) });
      return response.status === 200 && response.body.includes('"contentBase64":"JVBER');
    };
    // Warm both paths (the first notice starts the worker and loads pdfkit and the fonts).
    await drive(notice, { concurrency: 2, durationMs: WARMUP_SECONDS * 1000 });
    await drive(dashboard, { concurrency: 1, durationMs: WARMUP_SECONDS * 1000 });
    const alone = await drive(dashboard, { concurrency: 1, durationMs: SECONDS * 1000 });
    const [loaded, notices] = await Promise.all([
      drive(dashboard, { concurrency: 1, durationMs: SECONDS * 1000 }),
      drive(notice, { concurrency: COSTLY_CONNECTIONS, durationMs: SECONDS * 1000 }),
    ]);
    agent.destroy();
    section(
      'Costly fields: another caller’s dashboard while one abonent asks for payment notices',
      `One abonent reads the dashboard on 1 connection (a random one of ${readers.length} abonents with 3 accounts ` +
        `per request), first alone, then while another abonent sends \`${NOTICES}\` (a PDF with its QR code per ` +
        `request) on ${COSTLY_CONNECTIONS} connections at once, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up ` +
        'of both; latency in ms. The per-caller limit of costly fields is raised out of the way.',
      ['what', 'per second', 'p50', 'p99', 'count', 'failed'],
      [
        ['dashboard, alone', alone.rps.toFixed(1), ms(alone.p50), ms(alone.p99), alone.operations, alone.failures],
        [
          `dashboard, with ${COSTLY_CONNECTIONS} notices in flight`,
          loaded.rps.toFixed(1),
          ms(loaded.p50),
          ms(loaded.p99),
          loaded.operations,
          loaded.failures,
        ],
        [
          'notices (the costly caller)',
          notices.rps.toFixed(1),
          ms(notices.p50),
          ms(notices.p99),
          notices.operations,
          notices.failures,
        ],
      ],
    );
  } finally {
    await server.stop();
  }
}

/** The gateway's own cost: the dashboard through it vs the same subgraph fetches sent straight to the subgraphs. */
async function gatewayScenario(): Promise<void> {
  const abonents = await abonentsWith(3, 2000);
  const server = await startDistributed(databaseUrl);
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const dashboardBody = JSON.stringify({ query: DASHBOARD });
    const throughGateway = async () => {
      const response = await post(agent, server.url, dashboardBody, { cookie: cookie(pick(abonents)) });
      return response.status === 200 && !response.body.includes('"errors"');
    };
    const urls = server.subgraphUrls;
    const entities = (type: string, selection: string) =>
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${selection} } } }`;
    const ACCOUNTS = entities(
      'Abonent',
      'accounts { __typename id number supplier { name } balance { kopecks asOf } }',
    );
    const METERS = entities('PersonalAccount', 'meters { serialNumber lastReading { value period submittedAt } }');
    const PAYMENTS = entities('PersonalAccount', 'payments(last: 5) { id amount status createdAt }');
    const direct = async () => {
      const a = pick(abonents);
      // The signed envelope travels in each fetch's body, as the gateway sends it.
      const extensions = {
        [CALLER_EXTENSION]: signCaller(
          {
            caller: { kind: 'abonent', abonentId: a.id, emailConfirmed: true },
            requestId: 'bench',
            clientIp: '127.0.0.1',
          },
          BENCH_GATEWAY_SECRET,
        ),
      };
      const header = {};
      const me = JSON.parse(
        (await post(agent, urls.identity!, JSON.stringify({ query: '{ me { __typename id } }', extensions }), header))
          .body,
      );
      const abonent = me.data.me;
      const accounts = JSON.parse(
        (
          await post(
            agent,
            urls.accounts!,
            JSON.stringify({ query: ACCOUNTS, variables: { representations: [abonent] }, extensions }),
            header,
          )
        ).body,
      );
      const representations = accounts.data._entities[0].accounts.map((x: { id: string }) => ({
        __typename: 'PersonalAccount',
        id: x.id,
      }));
      const [meters, payments] = await Promise.all([
        post(
          agent,
          urls.metering!,
          JSON.stringify({ query: METERS, variables: { representations }, extensions }),
          header,
        ),
        post(
          agent,
          urls.payments!,
          JSON.stringify({ query: PAYMENTS, variables: { representations }, extensions }),
          header,
        ),
      ]);
      return !meters.body.includes('"errors"') && !payments.body.includes('"errors"') && representations.length === 3;
    };
    const rows = [];
    for (const connections of [1, 10]) {
      await drive(throughGateway, { concurrency: connections, durationMs: WARMUP_SECONDS * 1000 });
      const cpuBefore = cpuMs(server.pids);
      const viaGateway = await drive(throughGateway, { concurrency: connections, durationMs: SECONDS * 1000 });
      const gatewayCpu = (cpuMs(server.pids) - cpuBefore) / Math.max(1, viaGateway.operations);
      await drive(direct, { concurrency: connections, durationMs: WARMUP_SECONDS * 1000 });
      const straightBefore = cpuMs(server.pids);
      const straight = await drive(direct, { concurrency: connections, durationMs: SECONDS * 1000 });
      const straightCpu = (cpuMs(server.pids) - straightBefore) / Math.max(1, straight.operations);
      rows.push(row('through the gateway', viaGateway, [connections, gatewayCpu.toFixed(2)]));
      rows.push(row('straight at the subgraphs (4 fetches, 3 steps)', straight, [connections, straightCpu.toFixed(2)]));
      rows.push(['gateway cost', '', `+${ms(viaGateway.p50 - straight.p50)}`, '', '', '', connections, '']);
    }
    agent.destroy();
    section(
      'The gateway’s own cost (distributed mode)',
      'Each subgraph in its own process, the gateway in another. "Straight at the subgraphs" sends the fetches of the ' +
        'gateway’s query plan itself (identity, then accounts, then metering and payments in parallel) with a signed ' +
        'caller envelope, so it skips the caller lookup, the plan and the merge; latency in ms. Node CPU: user + ' +
        'system time of all five processes over the row, per dashboard.',
      ['variant', 'dashboards/s', 'p50', 'p99', 'dashboards', 'failed', 'connections', 'Node CPU ms/dashboard'],
      rows,
    );
  } finally {
    await server.stop();
  }
}

function machine(): string {
  const pgVersion = execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim()
    ? ' (with uncommitted changes)'
    : '';
  return [
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${pgVersion}; servers, PostgreSQL and the load generator share the machine`,
    `- Kabinet at ${commit}${dirty}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const counts = await db
    .query<{ abonents: string; accounts: string; readings: string; payments: string }>(
      `select (select count(*) from "identity"."abonent") as "abonents",
              (select count(*) from "accounts"."personal_account") as "accounts",
              (select count(*) from "metering"."reading") as "readings",
              (select count(*) from "payments"."payment") as "payments"`,
    )
    .catch(() => null);
  if (!counts || Number(counts.rows[0]!.abonents) === 0) {
    console.error(`No bench data in ${databaseUrl}: run \`npm run bench:seed\` first.`);
    process.exit(2);
  }
  const c = counts.rows[0]!;
  const date = new Date().toISOString().slice(0, 10);
  report.push(
    `# Benchmarks ${date}${label ? ` (${label})` : ''}`,
    '',
    machine(),
    ...(note ? [`- ${note}`] : []),
    `- Data: ${int(Number(c.abonents))} abonents, ${int(Number(c.accounts))} accounts, ${int(Number(c.readings))} readings, ` +
      `${int(Number(c.payments))} payments (\`npm run bench:seed\`)`,
    '',
  );
  if (only.has('dashboard')) await dashboardScenario();
  if (only.has('submit') || only.has('export')) {
    const server = await startKabinet(databaseUrl);
    try {
      if (only.has('submit')) await submitScenario(server);
      if (only.has('export')) await exportScenario(server);
    } finally {
      await server.stop();
    }
  }
  if (only.has('login')) await loginScenario();
  if (only.has('gateway')) await gatewayScenario();
  if (only.has('costly')) await costlyScenario();
  await db.end();
  const file = path.join(ROOT, 'bench/results', `${date}${label ? `-${label}` : ''}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, report.join('\n'));
  console.log(`written to ${path.relative(ROOT, file)}`);
}

await main();
