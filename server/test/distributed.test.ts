// Distributed mode: four subgraph processes and a gateway process answer exactly as the one-process mode does.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, CALLER_EXTENSION, CALLER_HEADER, signCaller } from '../src/core/caller.js';
import { DEFAULT_SUBGRAPH_URLS, SUBGRAPH_NAMES } from '../src/core/config.js';
import { useKabinetCaller } from '../src/gateway/hive.js';
import { SCHEMA_DIR } from '../src/schema/emit.js';
import { registrationInput } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import { createTestDatabase } from './support/database.js';
import { trustedDocument } from './support/trusted-documents.js';
import { startOtlpReceiver, until, type OtlpReceiver } from './support/otlp-receiver.js';
import { hasSample, samples, valueOf } from './support/prometheus.js';
import { startTestKabinet, type TestKabinet } from './support/kabinet.js';
import { eventually, paymentKey, START } from './support/payments.js';
import {
  freePort,
  postGraphQL,
  runProcess,
  startProcess,
  startupTime,
  type RunningProcess,
} from './support/processes.js';
import type { Database } from '../src/core/database.js';

const SECRET = 'distributed-test-secret-0123456789abcdef';

const QUERIES: Array<[string, Record<string, unknown>?]> = [
  ['{ suppliers { id code name region legalName inn } }'],
  ['query ($code: String!) { supplier(code: $code) { code name legalName inn } }', { code: 'sankt-peterburg' }],
  ['{ supplier(code: "nowhere") { code } }'],
  ['{ supplers { code } }'],
];

/** Each mode runs on its own database, so generated ids differ; everything else must not. */
const withoutIds = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"id":"[0-9a-f-]{36}"/g, '"id":"…"'));

let database: Database;
let dataDir: string;
let oneProcess: TestKabinet;
const processes: RunningProcess[] = [];
let gatewayUrl = '';
/** Every process exports its traces here, as an operator's collector would receive them. */
let traces: OtlpReceiver;
const subgraphUrls: Record<string, string> = {};

beforeAll(async () => {
  // The subgraph processes share one database (a fresh one on the server, or an embedded one in this process).
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-distributed-'));
  traces = await startOtlpReceiver();
  // The gateway is the public edge: letters, return pages and the sandbox's confirmation_url point at it.
  const gatewayPort = await freePort();
  gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const env: Record<string, string> = {
    PUBLIC_URL: gatewayUrl,
    DATA_DIR: dataDir,
    // Five processes share two cores with the other test files: give a loaded machine time to shut down cleanly.
    SHUTDOWN_TIMEOUT_MS: '30000',
    DATABASE_URL: database.url,
    GATEWAY_SECRET: SECRET,
    NODE_ENV: 'development',
    CAPTCHA_COST: '10',
    DEMO_DATA: 'true',
    OTEL_EXPORTER_OTLP_ENDPOINT: traces.url,
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  // The smallest budget a subgraph service takes where one session behind the embedded database serves them all;
  // on a server, a small one: four services on the default 24 would take 96 of its 100 connections under load,
  // and the test file running beside this one would be refused (53300, answered SERVICE_UNAVAILABLE).
  env.DB_CONNECTIONS = database.embedded ? '6' : '8';
  for (const name of SUBGRAPH_NAMES) {
    const port = await freePort();
    subgraphUrls[name] = `http://127.0.0.1:${port}`;
    env[`${name.toUpperCase()}_URL`] = `${subgraphUrls[name]}/graphql`;
  }
  // One after another: each applies its own migrations at start.
  for (const name of SUBGRAPH_NAMES) {
    processes.push(await startProcess('subgraph-main.ts', [name], env, subgraphUrls[name]!));
  }
  processes.push(await startProcess('gateway-main.ts', [], { ...env, PORT: String(gatewayPort) }, gatewayUrl));
  oneProcess = await startTestKabinet({ GATEWAY_SECRET: SECRET, NODE_ENV: 'development' });
}, startupTime(5));

afterAll(async () => {
  const codes = await Promise.all(processes.map((p) => p.stop()));
  await oneProcess?.close();
  await traces?.close();
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  // Every process shut down cleanly on SIGTERM.
  const unclean = processes
    .map((p, i) => ({ code: codes[i], output: p.output() }))
    .filter((p) => p.code !== 0)
    .map((p) => `exit ${p.code}:\n${p.output.slice(-4000)}`);
  expect(unclean.join('\n\n')).toBe('');
});

/** Registers through the gateway, confirms by the letter in identity's development mailbox, logs in. */
async function confirmedAbonent(prefix: string): Promise<{ email: string; cookie: string }> {
  const email = `${prefix}${Date.now()}@example.ru`;
  const challenge = await postGraphQL(gatewayUrl, '{ captchaChallenge { challenge } }');
  await postGraphQL(gatewayUrl, 'mutation ($input: RegisterInput!) { register(input: $input) { ok } }', {
    input: registrationInput(email, await solveCaptcha(challenge.body.data.captchaChallenge.challenge)),
  });
  // Without SMTP_URL the identity process keeps letters in its development mailbox (sent by a queued job).
  let letter: { to: string; text: string } | undefined;
  for (const deadline = Date.now() + 30_000; !letter && Date.now() < deadline;) {
    const mailbox = (await (await fetch(`${subgraphUrls.identity}/dev/mail.json`)).json()) as {
      letters: Array<{ to: string; text: string }>;
    };
    letter = mailbox.letters.find((l) => l.to === email);
    if (!letter) await new Promise((r) => setTimeout(r, 250));
  }
  const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(letter!.text)![1];
  const confirmed = await postGraphQL(gatewayUrl, `mutation { confirmEmail(token: "${token}") { ok } }`);
  expect(confirmed.body.data.confirmEmail.ok).toBe(true);
  const login = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(input: { email: "${email}", password: "abc12" }) { ok } }` }),
  });
  return { email, cookie: login.headers.getSetCookie()[0]!.split(';')[0]! };
}

describe('distributed mode', () => {
  it.each(QUERIES)('answers %s like the one-process mode', async (query, variables) => {
    const distributed = await postGraphQL(gatewayUrl, query, variables);
    const local = await oneProcess.graphql(query, variables);
    expect(distributed.status).toBe(local.status);
    expect(withoutIds(distributed.body)).toEqual(withoutIds(local.body));
  });

  it("serves the committed supergraph unchanged through another router (Hive Gateway) with Kabinet's caller plugin", async () => {
    const supergraph = await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
    const byDefaultUrl = new Map(
      SUBGRAPH_NAMES.map((name) => [DEFAULT_SUBGRAPH_URLS[name], `${subgraphUrls[name]}/graphql`]),
    );
    const hive = createGatewayRuntime({
      supergraph,
      logging: false,
      maskedErrors: false,
      plugins: () => [
        {
          // Route to where this test runs the subgraphs.
          onFetch(payload) {
            const target = byDefaultUrl.get(payload.url);
            if (target) payload.setURL(target);
          },
        },
        useKabinetCaller({ secret: SECRET, identityUrl: `${subgraphUrls.identity}/graphql`, publicUrl: gatewayUrl }),
      ],
    });
    try {
      for (const [query, variables] of QUERIES.slice(0, 3)) {
        const response = await hive.fetch('http://router.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        const local = await oneProcess.graphql(query, variables);
        expect(withoutIds(await response.json())).toEqual(withoutIds(local.body));
      }
    } finally {
      await hive.dispose();
    }
  });

  it('logs an abonent in through the gateway: the cookie reaches the client and identifies them on the next request', async () => {
    const email = `distributed${Date.now()}@example.ru`;
    const challenge = await postGraphQL(gatewayUrl, '{ captchaChallenge { challenge } }');
    const registered = await postGraphQL(
      gatewayUrl,
      'mutation ($input: RegisterInput!) { register(input: $input) { ok errors { code } } }',
      {
        input: registrationInput(email, await solveCaptcha(challenge.body.data.captchaChallenge.challenge)),
      },
    );
    expect(registered.body.data.register).toEqual({ ok: true, errors: [] });
    const login = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "${email}", password: "abc12" }) { ok } }` }),
    });
    const body = (await login.json()) as { data: { login: { ok: boolean } }; extensions?: unknown };
    expect(body).toEqual({ data: { login: { ok: true } } });
    const cookie = login.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^kabinet_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const me = await postGraphQL(gatewayUrl, '{ me { email emailConfirmed } }', undefined, {
      cookie: cookie.split(';')[0]!,
    });
    expect(me.body).toEqual({ data: { me: { email, emailConfirmed: false } } });
    const locked = await postGraphQL(gatewayUrl, '{ mySupportRequests { id } }', undefined, {
      cookie: cookie.split(';')[0]!,
    });
    expect(locked.body.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_CONFIRMED');
  });

  it('remembers a signed-in caller at the gateway, and a logout or a password change still ends sessions at once', async () => {
    const { email, cookie } = await confirmedAbonent('remembered');
    const me = async (session: string) =>
      (await postGraphQL(gatewayUrl, '{ me { email } }', undefined, { cookie: session })).body.data?.me ?? null;
    /** Caller lookups identity has served (its request log). */
    const lookups = () => (processes[0]!.output().match(/"path":"\/internal\/caller"/g) ?? []).length;
    expect(await me(cookie)).toEqual({ email });
    // The first request starts the gateway's feed; until identity says it is listening (and one lookup after that
    // has been remembered), the gateway asks every time. Wait for that, a few seconds at most.
    for (let tries = 0; ; tries++) {
      const asked = lookups();
      expect(await me(cookie)).toEqual({ email });
      if (lookups() === asked) break;
      expect(tries, 'the gateway kept asking identity: its session feed was never heard').toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = lookups();
    for (let i = 0; i < 5; i++) expect(await me(cookie)).toEqual({ email });
    // The gateway hears identity's session feed and asks no more (the services see a PostgreSQL URL either way:
    // a server's, or the embedded database's socket this file serves them).
    expect(lookups() - before).toBe(0);

    const phone = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "${email}", password: "abc12" }) { ok } }` }),
    });
    const phoneCookie = phone.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(await me(phoneCookie)).toEqual({ email });
    const changed = await postGraphQL(
      gatewayUrl,
      'mutation { changePassword(input: { currentPassword: "abc12", newPassword: "xyz789", newPasswordRepeat: "xyz789" }) { ok } }',
      undefined,
      { cookie },
    );
    expect(changed.body.data.changePassword.ok).toBe(true);
    // The other session ends as identity's notification reaches the gateway; the one that changed it goes on.
    await eventually(
      () => me(phoneCookie),
      (answer) => answer === null,
      'the phone’s session to end',
      10_000,
    );
    expect(await me(cookie)).toEqual({ email });
    await postGraphQL(gatewayUrl, 'mutation { logout }', undefined, { cookie });
    // The logout's own gateway forgets before it answers: the very next request with the old cookie is nobody's.
    expect(await me(cookie)).toBeNull();
  });

  it("links a demo account and reads it back across subgraphs (identity's me, accounts' links) over HTTP", async () => {
    const { email, cookie } = await confirmedAbonent('distributed-link');
    const linked = await postGraphQL(
      gatewayUrl,
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062012", proof: "4,37507" }) { ok } }',
      undefined,
      { cookie },
    );
    expect(linked.body).toEqual({ data: { linkPersonalAccount: { ok: true } } });
    const me = await postGraphQL(
      gatewayUrl,
      '{ me { email accounts { number holder balance { debt } supplier { name } } } }',
      undefined,
      { cookie },
    );
    expect(me.body).toEqual({
      data: {
        me: {
          email,
          accounts: [
            {
              number: '702062012',
              holder: 'И***в И. И.',
              balance: { debt: 123456 },
              supplier: { name: 'Межрегионгаз Санкт-Петербург' },
            },
          ],
        },
      },
    });
  });

  it('reports at /metrics: the gateway its operations and each subgraph fetch, a subgraph service its own pool and queue', async () => {
    const { cookie } = await confirmedAbonent('distributed-metrics');
    const answer = await postGraphQL(gatewayUrl, '{ me { email accounts { number } } }', undefined, { cookie });
    expect(answer.body.errors).toBeUndefined();
    const scrape = async (url: string) => samples(await (await fetch(`${url}/metrics`)).text());
    const gateway = await scrape(gatewayUrl);
    const counted = { service: 'gateway', outcome: 'ok' };
    expect(
      valueOf(gateway, 'kabinet_subgraph_fetch_duration_seconds_count', { ...counted, subgraph: 'identity' }),
    ).toBeGreaterThan(0);
    expect(
      valueOf(gateway, 'kabinet_subgraph_fetch_duration_seconds_count', { ...counted, subgraph: 'accounts' }),
    ).toBeGreaterThan(0);
    expect(
      valueOf(gateway, 'kabinet_graphql_requests_total', { ...counted, type: 'query', caller: 'abonent' }),
    ).toBeGreaterThan(0);
    const identity = await scrape(subgraphUrls.identity!);
    expect(
      hasSample(identity, 'kabinet_db_pool_connections', { service: 'identity', pool: 'identity', state: 'free' }),
    ).toBe(true);
    expect(hasSample(identity, 'kabinet_queue_jobs', { service: 'identity', queue: 'mail.send', state: 'due' })).toBe(
      true,
    );
    // Counted once the mailbox has written the letter, a moment after the test read it there: scraped until then.
    await vi.waitFor(
      async () =>
        expect(
          valueOf(await scrape(subgraphUrls.identity!), 'kabinet_letters_total', {
            kind: 'confirm-email',
            outcome: 'sent',
          }),
        ).toBeGreaterThan(0),
      { timeout: 10_000, interval: 100 },
    );
    const payments = await scrape(subgraphUrls.payments!);
    expect(hasSample(payments, 'kabinet_payments_open', { service: 'payments', status: 'PENDING' })).toBe(true);
    // Each queue is reported by the service that works it, once.
    expect(hasSample(payments, 'kabinet_queue_jobs', { queue: 'mail.send' })).toBe(false);
  });

  it('sends a dashboard request through the gateway as one trace across the gateway and the subgraph services', async () => {
    const { cookie, email } = await confirmedAbonent('distributed-trace');
    await postGraphQL(
      gatewayUrl,
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062013", proof: "1520,4" }) { ok } }',
      undefined,
      { cookie },
    );
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: trustedDocument('AccountsPage_Accounts').hash } },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const operation = await until('the gateway operation span', () =>
      traces.spans.find((s) => s.service === 'kabinet-gateway' && s.name === 'graphql query AccountsPage_Accounts'),
    );
    // Each subgraph the dashboard asks answers inside the same trace, with its own statements; the spans of one
    // trace arrive in several batches from five processes: wait until the whole tree is in.
    const all = ['kabinet-gateway', 'kabinet-identity', 'kabinet-accounts', 'kabinet-metering', 'kabinet-payments'];
    const spans = await until('the whole trace from every process', () => {
      const found = traces.spans.filter((s) => s.traceId === operation.traceId);
      const ids = new Set(found.map((s) => s.spanId));
      const whole = found.every((s) => !s.parentSpanId || ids.has(s.parentSpanId));
      return whole && all.every((service) => found.some((s) => s.service === service)) ? found : undefined;
    });
    expect(spans.filter((s) => !s.parentSpanId).map((s) => s.service)).toEqual(['kabinet-gateway']);
    // Nothing personal crosses into the traces: not the session (cookie), not the e-mail, not the signed envelope.
    const sent = traces.raw.join('\n');
    for (const secret of [email, cookie.split('=')[1]!, 'Иванова']) expect(sent.includes(secret), secret).toBe(false);
    expect(sent).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect(sent).not.toContain(CALLER_EXTENSION);
    expect(
      spans.some((s) => s.service === 'kabinet-accounts' && typeof s.attributes['db.query.text'] === 'string'),
    ).toBe(true);
  });

  it('pays through the gateway: readings through metering for the same abonent, the sandbox pages and its notification at the payments service', async () => {
    const { email, cookie } = await confirmedAbonent('distributed-pay');
    const gql = (query: string, variables?: Record<string, unknown>) =>
      postGraphQL(gatewayUrl, query, variables, { cookie });
    const linked = await gql(
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062012", proof: "4,37507" }) { ok account { id } } }',
    );
    const accountId = linked.body.data.linkPersonalAccount.account.id as string;
    const ACCOUNT = `query ($id: ID!) { personalAccount(id: $id) {
      amountDue { debt due } onlinePayment { available code } payments(last: 5) { id status }
      meters { id lastReading { value source } }
    } }`;
    const account = async () => (await gql(ACCOUNT, { id: accountId })).body.data?.personalAccount;
    // The payments service learns of the link and the balance from accounts' events.
    const before = await eventually(
      account,
      (a) => a?.onlinePayment?.available === true && a.amountDue?.debt != null,
      'payments to learn of the link',
      30_000,
    );
    expect(before.amountDue).toEqual({ debt: 123456, due: 123456 });
    const meter = before.meters[0];
    const start = (input: Record<string, unknown>) =>
      gql(START, {
        input: {
          accountId,
          purpose: 'DEBT',
          receiptEmail: email,
          idempotencyKey: paymentKey(),
          returnUrl: `${gatewayUrl}/oplata/rezultat`,
          ...input,
        },
      });

    // A reading lower than the last: metering (asked by payments over HTTP, for the same abonent) refuses it, and no
    // payment starts. Until metering has learnt of the link the readings are refused as a whole (`readings`).
    const refused = (
      await eventually(
        () => start({ purpose: 'CUSTOM', amount: 10_000, readings: [{ meterId: meter.id, value: '1' }] }),
        (r) => r.body.data?.startPayment?.errors?.[0]?.field !== 'readings',
        'metering to learn of the link',
        30_000,
      )
    ).body.data.startPayment;
    expect(refused).toMatchObject({ ok: false, payment: null, confirmationUrl: null });
    expect(refused.errors[0]).toMatchObject({ field: 'readings.0', code: 'READING_BELOW_PREVIOUS' });
    expect((await account()).payments).toEqual([]);

    const reading = String(Math.floor(Number(String(meter.lastReading.value).replace(',', '.'))) + 3);
    const started = (await start({ readings: [{ meterId: meter.id, value: reading }] })).body.data.startPayment;
    expect(started.errors).toEqual([]);
    expect(started.payment).toMatchObject({ status: 'PENDING', amount: 123456, purpose: 'DEBT', readingsSubmitted: 1 });
    // The sandbox's pages are on the public edge: the gateway forwards them to the payments service.
    expect(started.confirmationUrl).toMatch(new RegExp(`^${gatewayUrl}/sandbox-acquirer/pay/sbx_`));
    // Recorded by metering's rules, marked as sent with a payment (the signed envelope says payments asked).
    const withReading = await account();
    expect(String(withReading.meters[0].lastReading.value).replace(',', '.')).toBe(reading);
    expect(withReading.meters[0].lastReading.source).toBe('PAYMENT');

    // Straight at the metering and payments services with a validly signed envelope: the account's data for its
    // abonent, nothing for another one (each service checks its copy, then asks the accounts service).
    const me = (await gql('{ me { id } }')).body.data.me.id as string;
    const entities = (service: 'metering' | 'payments', abonentId: string, selection: string) =>
      postGraphQL(
        subgraphUrls[service]!,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PersonalAccount { ${selection} } } }`,
        { r: [{ __typename: 'PersonalAccount', id: accountId }] },
        { 'apollo-require-preflight': 'true' },
        {
          [CALLER_EXTENSION]: signCaller(
            { caller: { kind: 'abonent', abonentId, emailConfirmed: true }, requestId: 'e', clientIp: '127.0.0.1' },
            SECRET,
          ),
        },
      );
    const other = '00000000-0000-4000-8000-000000000001';
    for (const [service, selection] of [
      ['metering', 'meters { id }'],
      ['payments', 'amountDue { debt }'],
    ] as const) {
      expect((await entities(service, me, selection)).body.data._entities[0], service).not.toBeNull();
      expect((await entities(service, other, selection)).body, service).toEqual({ data: { _entities: [null] } });
    }

    const page = await fetch(started.confirmationUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    // The gateway's policy, which the page fits: a form to itself, an inline <style>, no script.
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await page.text();
    expect(html).toMatch(/1\s234,56/);
    expect(html).toContain('<form method="post"');

    const paid = await fetch(started.confirmationUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card: '4111 1111 1111 1111', expiry: '12/39', cvc: '123' }).toString(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(200);
    const outcome = await paid.text();
    expect(outcome).toContain('Оплата прошла');
    expect(outcome).toContain(`<meta http-equiv="refresh" content="3;url=${gatewayUrl}/oplata/rezultat?payment=`);

    // The sandbox's notification reaches the webhook inside the payments service (its queue, in-process): only it
    // moves the payment now (reconciliation waits PAYMENT_RECONCILE_AFTER, 5 min).
    const PAYMENT = 'query ($id: ID!) { payment(id: $id) { status final } }';
    await eventually(
      async () => (await gql(PAYMENT, { id: started.payment.id })).body.data?.payment,
      (p) => p?.status === 'SUCCEEDED',
      'the notification',
      30_000,
    );
    const checked = await gql('mutation ($id: ID!) { checkPayment(id: $id) { id status final amount } }', {
      id: started.payment.id,
    });
    expect(checked.body).toEqual({
      data: { checkPayment: { id: started.payment.id, status: 'SUCCEEDED', final: true, amount: 123456 } },
    });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const history = await client.query<{ change: string }>(
        `select concat(from_status, '>', to_status, ':', source) as change from payments.status_change
          where payment_id = $1 order by id`,
        [started.payment.id],
      );
      expect(history.rows.map((r) => r.change)).toEqual([
        '>CREATED:start',
        'CREATED>PENDING:start',
        'PENDING>SUCCEEDED:notification',
      ]);
    } finally {
      await client.end();
    }
    expect((await account()).amountDue).toEqual({ debt: 123456, due: 0 });
  });

  it('serves a partner app by its API key, issued by `npm run partner`, through the remote caller lookup', async () => {
    const created = await runProcess(
      'partner-main.ts',
      ['create', '--supplier', 'voronezh', '--name', 'Распределённый биллинг', '--scopes', 'accounts:read'],
      { DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
    );
    expect(created.code, created.output).toBe(0);
    const apiKey = /^\s+(kbp_\S+)$/m.exec(created.output)![1]!;
    const authorization = `Bearer ${apiKey}`;
    const app = await postGraphQL(gatewayUrl, '{ partnerApp { name supplier { name } } }', undefined, {
      authorization,
    });
    expect(app.body).toEqual({
      data: { partnerApp: { name: 'Распределённый биллинг', supplier: { name: 'Межрегионгаз Воронеж' } } },
    });
    const page = await postGraphQL(
      gatewayUrl,
      '{ partnerAccounts(first: 5) { nodes { number holderName } } }',
      undefined,
      {
        authorization,
      },
    );
    expect(page.body).toEqual({
      data: { partnerAccounts: { nodes: [{ number: '3600123456', holderName: 'Петрова Анна Сергеевна' }] } },
    });
    const forged = await postGraphQL(gatewayUrl, '{ partnerApp { name } }', undefined, {
      authorization: 'Bearer kbp_forged',
    });
    expect(forged.status).toBe(401);
  });

  it('refuses a request to a subgraph that the gateway did not sign', async () => {
    const query = '{ suppliers { code } }';
    const unsigned = await postGraphQL(subgraphUrls.accounts!, query);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const foreign = await postGraphQL(subgraphUrls.accounts!, query, undefined, undefined, {
      [CALLER_EXTENSION]: signCaller(
        { caller: ANONYMOUS, requestId: 'r1', clientIp: '127.0.0.1' },
        'some-other-secret-of-enough-length-123',
      ),
    });
    expect(foreign.status).toBe(401);
    const envelope = signCaller({ caller: ANONYMOUS, requestId: 'r2', clientIp: '127.0.0.1' }, SECRET);
    // A valid envelope in a header is refused: a router keys merged requests on the body, not on that header.
    const inHeader = await postGraphQL(subgraphUrls.accounts!, query, undefined, { [CALLER_HEADER]: envelope });
    expect(inHeader.status).toBe(401);
    const signed = await postGraphQL(subgraphUrls.accounts!, query, undefined, undefined, {
      [CALLER_EXTENSION]: envelope,
    });
    expect(signed.status).toBe(200);
    expect(signed.body.data.suppliers).toHaveLength(11);
  });

  it('keeps the gateway ready only while every subgraph is', async () => {
    const ready = await fetch(`${gatewayUrl}/readyz`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { identity: 'ok', accounts: 'ok', metering: 'ok', payments: 'ok' },
    });
  });
});
