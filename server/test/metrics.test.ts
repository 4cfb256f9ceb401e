// /metrics: the families an operator scrapes move with real traffic, their labels stay bounded, and the endpoint is
// closed to strangers where it must be.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import { Metrics, serveMetrics } from '../src/core/metrics.js';
import { freePort } from '../src/core/database.js';
import { confirmedAbonent, createPartner } from './support/abonents.js';
import { byHash } from './support/trusted-documents.js';
import { startTestKabinet } from './support/kabinet.js';
import { PRODUCTION_ENV } from './support/production-env.js';
import { ROOT } from './support/processes.js';
import { hasSample, samples, valueOf } from './support/prometheus.js';
import { useTestKabinet } from './support/use-kabinet.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('/metrics of one process', () => {
  const { app, mail } = useTestKabinet();
  const scrape = async () => {
    const response = await app.kabinet.http.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.body;
  };

  it('counts operations, errors, root fields, pools, the queue, letters and open payments, with bounded labels', async () => {
    const abonent = await confirmedAbonent(app, mail);
    const before = samples(await scrape());
    const dashboards = 3;
    for (let i = 0; i < dashboards; i++) {
      const answer = await abonent.client.send(byHash('AccountsPage_Accounts'));
      expect(answer.body.errors).toBeUndefined();
    }
    // A partner names its operation as it likes: the name is not a label, its root field is.
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    const named = await partner.graphql('query Partner_Secret_a1b2c3 { suppliers { id } }');
    expect(named.body.errors).toBeUndefined();
    // An error, by its code.
    const refused = await app.graphql('{ me { id email } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBeDefined();
    const code = String(refused.body.errors![0]!.extensions!.code);

    const text = await scrape();
    const after = samples(text);
    const moved = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    const accounts = { operation: 'AccountsPage_Accounts', type: 'query', caller: 'abonent' };
    expect(moved('kabinet_graphql_requests_total', { ...accounts, outcome: 'ok' })).toBe(dashboards);
    expect(moved('kabinet_graphql_request_duration_seconds_count', accounts)).toBe(dashboards);
    expect(moved('kabinet_graphql_requests_total', { operation: 'other', caller: 'partner', outcome: 'ok' })).toBe(1);
    expect(moved('kabinet_graphql_root_fields_total', { field: 'suppliers', caller: 'partner' })).toBe(1);
    expect(moved('kabinet_graphql_root_fields_total', { field: 'me', caller: 'abonent' })).toBe(dashboards);
    expect(moved('kabinet_graphql_errors_total', { caller: 'anonymous', code })).toBeGreaterThanOrEqual(1);
    expect(moved('kabinet_http_responses_total', { route: '/graphql', method: 'POST', status: '200' })).toBe(
      dashboards + 2,
    );
    // Every subgraph's pool, how long statements waited for it, and that it is in use.
    for (const pool of ['identity', 'accounts', 'metering', 'payments']) {
      expect(hasSample(after, 'kabinet_db_pool_connections', { pool, state: 'free' }), pool).toBe(true);
      expect(hasSample(after, 'kabinet_db_pool_waiting', { pool }), pool).toBe(true);
    }
    expect(moved('kabinet_db_pool_acquire_seconds_count', { pool: 'accounts' })).toBeGreaterThan(0);
    // The letters the registration sent (the confirmation) and the queue that carried them.
    // Counted once the SMTP server has accepted the letter, a moment after the sink holds it: scraped until then.
    await vi.waitFor(
      async () =>
        expect(
          valueOf(samples(await scrape()), 'kabinet_letters_total', { kind: 'confirm-email', outcome: 'sent' }),
        ).toBeGreaterThan(0),
      { timeout: 10_000, interval: 100 },
    );
    expect(hasSample(after, 'kabinet_queue_jobs', { queue: 'mail.send', state: 'due' })).toBe(true);
    expect(hasSample(after, 'kabinet_queue_oldest_due_seconds', { queue: 'mail.send' })).toBe(true);
    expect(hasSample(after, 'kabinet_payments_open', { status: 'PENDING' })).toBe(true);
    expect(valueOf(after, 'kabinet_payments_open', { status: 'PENDING' })).toBe(0);
    expect(hasSample(after, 'kabinet_payments_open_oldest_seconds', { status: 'PENDING' })).toBe(true);
    // Node's own: event-loop lag, CPU, memory.
    for (const name of ['nodejs_eventloop_lag_seconds', 'process_cpu_seconds_total', 'process_resident_memory_bytes']) {
      expect(text).toContain(`\n${name}{`);
    }
    // Bounded labels: no e-mail, no id, no name a client chose.
    expect(text).not.toMatch(/@/);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain('Partner_Secret');
    expect(text).not.toContain(abonent.email);
  });
});

describe('the operator docs', () => {
  const { app } = useTestKabinet();

  it('name only metric families Kabinet exports (docs/operations.md, the alert rules, the Grafana dashboard)', async () => {
    const text = (await app.kabinet.http.inject({ method: 'GET', url: '/metrics' })).body;
    // Every sample's name (histograms' _bucket, _sum, _count) and every family, even one without samples yet.
    const exported = new Set([...samples(text).keys()].map((key) => key.split('{')[0]!));
    for (const [, family, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exported.add(family!);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(family! + suffix);
    }
    const named = new Set<string>();
    for (const file of ['docs/operations.md', 'docs/prometheus/alerts.yml', 'docs/grafana/kabinet.json']) {
      const content = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [name] of content.matchAll(/\b(?:kabinet|nodejs|process)_[a-z0-9_]*[a-z0-9]\b/g)) named.add(name);
    }
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((name) => !exported.has(name)).sort()).toEqual([]);
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-0123456789abcdef0123456789';
  const served = async (env: Record<string, string>) => {
    const config = loadConfig({ NODE_ENV: 'test', ...env });
    const http = Fastify();
    const endpoint = await serveMetrics(http, new Metrics('kabinet'), config);
    const get = async (headers: Record<string, string> = {}) =>
      (await http.inject({ method: 'GET', url: '/metrics', headers })).statusCode;
    return { http, endpoint, get };
  };

  it('in production: nobody without METRICS_TOKEN (404), and only its bearer with it', async () => {
    const open = await served(PRODUCTION_ENV);
    expect(await open.get()).toBe(404);
    const guarded = await served({ ...PRODUCTION_ENV, METRICS_TOKEN: TOKEN });
    expect(await guarded.get()).toBe(401);
    expect(await guarded.get({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).toBe(401);
    expect(await guarded.get({ authorization: `Bearer ${TOKEN}` })).toBe(200);
  });

  it('with METRICS_PORT: on its own listener only, not on the public port', async () => {
    const port = await freePort();
    const { get, endpoint } = await served({ METRICS_PORT: String(port) });
    try {
      expect(await get()).toBe(404);
      expect(endpoint.url).toBe(`http://127.0.0.1:${port}/metrics`);
      const response = await fetch(endpoint.url!);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('process_cpu_seconds_total');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    } finally {
      await endpoint.close();
    }
  });

  it('a Kabinet started with METRICS_PORT answers there with its traffic', async () => {
    const app = await startTestKabinet({ METRICS_PORT: '0' });
    try {
      await app.graphql('{ suppliers { id } }');
      expect((await app.kabinet.http.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      const text = await (await fetch(app.kabinet.metricsUrl!)).text();
      expect(valueOf(samples(text), 'kabinet_graphql_root_fields_total', { field: 'suppliers' })).toBe(1);
    } finally {
      await app.close();
    }
  });
});
