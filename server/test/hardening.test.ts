// The gateway's defences, each shown by the rejection a client gets and its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_MESSAGE } from '../src/core/errors.js';
import { createPartner, type Partner } from './support/abonents.js';
import { startTestKabinet, type TestKabinet } from './support/kabinet.js';
import { PRODUCTION_ENV } from './support/production-env.js';
import { byHash } from './support/trusted-documents.js';

/** `__schema { types { fields { type { ofType { ofType … } } } } }`: a valid query as deep as we like. */
function deepIntrospection(depth: number): string {
  let inner = 'name';
  for (let i = 0; i < depth - 4; i++) inner = `ofType { ${inner} }`;
  return `{ __schema { types { fields { type { ${inner} } } } } }`;
}

describe('in development mode', () => {
  let app: TestKabinet;
  beforeAll(async () => {
    app = await startTestKabinet();
  });
  afterAll(() => app?.close());

  it('refuses a query of depth 20 with DEPTH_LIMIT_EXCEEDED and accepts one within the limit', async () => {
    const refused = await app.graphql(deepIntrospection(20));
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('слишком глубокий'),
      extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 12 },
    });
    const accepted = await app.graphql(deepIntrospection(8));
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();
  });

  it('refuses 100 aliases with ALIAS_LIMIT_EXCEEDED', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `s${i}: suppliers { code }`).join(' ');
    const { status, body } = await app.graphql(`{ ${fields} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 30 });
  });

  it('refuses a document with too many tokens before validating it', async () => {
    const fields = Array.from({ length: 3000 }, () => 'code').join(' ');
    const { status, body } = await app.graphql(`{ suppliers { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: '{ suppliers { code } }' }, { query: '{ suppliers { name } }' }]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/batch/i);
  });

  it('prevents CSRF: a simple GET or a form-encoded POST without a preflight header is refused', async () => {
    const get = await app.kabinet.http.inject({ method: 'GET', url: '/graphql?query=%7Bsuppliers%7Bcode%7D%7D' });
    expect(get.statusCode).toBe(400);
    expect(get.body).toMatch(/CSRF/);
    const form = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: '{ suppliers { code } }' }),
    });
    expect(form.statusCode).toBe(400);
    // With the preflight header the same GET is served.
    const preflighted = await app.kabinet.http.inject({
      method: 'GET',
      url: '/graphql?query=%7Bsuppliers%7Bcode%7D%7D',
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.statusCode).toBe(200);
  });

  it('answers introspection and suggests a misspelled field', async () => {
    const introspection = await app.graphql('{ __schema { queryType { name } } }');
    expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const misspelled = await app.graphql('{ supplers { code } }');
    expect(misspelled.body.errors?.[0]?.message).toMatch(/Did you mean "suppliers"/);
    expect(misspelled.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an unexpected failure: generic Russian message, stable code, no stack trace or SQL', async () => {
    const isolated = await startTestKabinet();
    try {
      await isolated.kabinet.subgraphs.accounts.orm.close(true);
      const { body } = await isolated.graphql('{ suppliers { code } }');
      expect(body.errors?.[0]).toMatchObject({
        message: INTERNAL_ERROR_MESSAGE,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      const raw = JSON.stringify(body);
      expect(raw).not.toMatch(/select|supplier"|stacktrace|at .*\.ts|knex|pool/i);
    } finally {
      await isolated.close();
    }
  });

  it('tags every response with a request id, reusing a well-formed one the caller sent', async () => {
    const response = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'partner-req-000123' },
      payload: JSON.stringify({ query: '{ suppliers { code } }' }),
    });
    expect(response.headers['x-request-id']).toBe('partner-req-000123');
    const other = await app.kabinet.http.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Security headers come from the public edge, with or without a built web client.
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('denies browser features the cabinet does not use and any <base> element, on pages and the API alike', async () => {
    for (const url of ['/graphql', '/healthz', '/no-such-page']) {
      const response = await app.kabinet.http.inject({
        method: url === '/graphql' ? 'POST' : 'GET',
        url,
        headers: { 'content-type': 'application/json', accept: 'text/html' },
        payload: url === '/graphql' ? JSON.stringify({ query: '{ suppliers { code } }' }) : undefined,
      });
      const policy = String(response.headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics'])
        expect(policy, url).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
      // Every entry denies: none grants a feature to self or another origin.
      for (const entry of policy.split(', ')) expect(entry, url).toMatch(/^[a-z-]+=\(\)$/);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toMatch(/(^|;)base-uri 'none'(;|$)/);
      expect(csp, url).toMatch(/(^|;)object-src 'none'(;|$)/);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
    }
  });

  it('asks browsers for HTTPS, no referrer, no framing by others, and no cached API answers', async () => {
    for (const url of ['/graphql', '/no-such-page', '/healthz']) {
      const response = await app.kabinet.http.inject({
        method: url === '/graphql' ? 'POST' : 'GET',
        url,
        headers: { 'content-type': 'application/json', accept: url === '/graphql' ? 'application/json' : 'text/html' },
        payload: url === '/graphql' ? JSON.stringify({ query: '{ suppliers { code } }' }) : undefined,
      });
      expect(response.headers['strict-transport-security'], url).toMatch(/max-age=\d{7,}/);
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(String(response.headers['content-security-policy']), url).toMatch(/(^|;)frame-ancestors 'self'(;|$)/);
      if (url === '/graphql') {
        expect(response.statusCode).toBe(200);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    }
  });

  it('reports liveness and readiness', async () => {
    const health = await app.kabinet.http.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app.kabinet.http.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { identity: 'ok', accounts: 'ok', metering: 'ok', payments: 'ok' },
    });
  });
});

describe('with a low cost limit', () => {
  let app: TestKabinet;
  beforeAll(async () => {
    app = await startTestKabinet({ MAX_QUERY_COST: '10' });
  });
  afterAll(() => app?.close());

  it('refuses an operation whose cost exceeds MAX_QUERY_COST with COST_LIMIT_EXCEEDED', async () => {
    const ok = await app.graphql('{ suppliers { code name } }');
    expect(ok.body.errors).toBeUndefined();
    const { status, body } = await app.graphql(
      '{ a: suppliers { id code name region legalName inn } b: suppliers { id code name region } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 10 });
  });
});

describe('in production mode', () => {
  let app: TestKabinet;
  beforeAll(async () => {
    app = await startTestKabinet({ ...PRODUCTION_ENV, SMTP_URL: 'smtp://127.0.0.1:2525' });
  });
  afterAll(() => app?.close());

  // Without an API key only trusted documents pass in production; these checks are of what a partner may still send.
  let partner: Partner;
  beforeAll(async () => {
    partner = await createPartner(app, 'kaluga', ['accounts:read']);
  });

  it('serves no /metrics without METRICS_TOKEN: a public port does not tell strangers its traffic', async () => {
    const response = await app.kabinet.http.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(404);
  });

  it('refuses introspection', async () => {
    const { body } = await partner.graphql('{ __schema { queryType { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('gives no suggestion for a misspelled field', async () => {
    const { body } = await partner.graphql('{ supplers { code } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(/suppliers/);
  });

  it('takes only trusted documents without an API key, and still serves the catalog', async () => {
    expect(app.config.trustedDocuments.mode).toBe('require');
    const adHoc = await app.graphql('{ suppliers { code } }');
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const { body } = await app.browser().send<{ suppliers: unknown[] }>(byHash('SuppliersPage_Suppliers'));
    expect(body.data?.suppliers).toHaveLength(11);
    expect((await partner.graphql('{ suppliers { code } }')).body.data?.suppliers).toHaveLength(11);
  });
});
