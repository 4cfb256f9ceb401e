// The gateway's forwarding to the payments service: raw bodies, the headers that matter, 502 when it does not answer.
import { request } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCaller } from '../core/caller.js';
import { loadConfig } from '../core/config.js';
import { createHttpServer } from '../core/http.js';
import { createLogger } from '../core/logger.js';
import { registerPaymentsProxy } from './payments-proxy.js';

const SECRET = 'g'.repeat(32);

let upstream: FastifyInstance;
let target = '';
const seen: Array<{ method: string; url: string; headers: Record<string, unknown>; body: string }> = [];

const gateway = async (
  options: { target?: string; sandboxPrefix?: string; timeoutMs?: number; trustedProxies?: string[] } = {},
) => {
  const app = createHttpServer(createLogger('silent'), loadConfig({}).http, { trustedProxies: options.trustedProxies });
  await registerPaymentsProxy(app, {
    target: `${target}/graphql`,
    secret: SECRET,
    sandboxPrefix: '/sandbox-acquirer',
    ...options,
  });
  return app;
};

/** The client address the payments service learns from the signed envelope. */
const forwardedClient = (headers: Record<string, unknown>) => {
  const envelope = verifyCaller(headers['x-kabinet-caller'] as string | undefined, SECRET);
  return envelope.ok ? envelope.clientIp : `unsigned (${envelope.reason})`;
};

beforeAll(async () => {
  upstream = Fastify();
  upstream.removeAllContentTypeParsers();
  upstream.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  upstream.all('/*', async (request, reply) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : '',
    });
    if (request.url.startsWith('/sandbox-acquirer/slow')) await new Promise((r) => setTimeout(r, 1000));
    if (request.url.endsWith('/3ds-start')) return reply.header('cache-control', 'no-store').redirect('pay/x/3ds', 303);
    return reply
      .code(request.url.startsWith('/payments/webhooks/') ? 202 : 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('set-cookie', 'internal=1')
      .header('x-internal', 'secret')
      .send('<p>page</p>');
  });
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  target = `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`;
});
afterAll(() => upstream?.close());

describe('registerPaymentsProxy', () => {
  it('passes a form post and its answer through, with only the headers that matter', async () => {
    const app = await gateway();
    const form = 'card=4111+1111+1111+1111&expiry=12%2F39&cvc=123';
    const response = await app.inject({
      method: 'POST',
      url: '/sandbox-acquirer/pay/sbx_1?x=1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: 'kabinet_session=abc',
        'x-kabinet-caller': 'forged',
        'x-forwarded-for': '203.0.113.7',
      },
      payload: form,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('<p>page</p>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['x-internal']).toBeUndefined();
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/sandbox-acquirer/pay/sbx_1?x=1', body: form });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // No trusted proxy: the client's own X-Forwarded-For is neither believed nor passed on.
    expect(request.headers['x-forwarded-for']).toBeUndefined();
    expect(forwardedClient(request.headers)).toBe('127.0.0.1');
    expect(request.headers.cookie).toBeUndefined();
    await app.close();
  });

  it('behind a trusted proxy, names the client the proxy forwarded for, in the signed envelope', async () => {
    const app = await gateway({ trustedProxies: ['127.0.0.1/8'] });
    await app.inject({
      method: 'POST',
      url: '/payments/webhooks/yookassa',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1, 185.71.76.10' },
      payload: '{}',
    });
    const request = seen.at(-1)!;
    expect(forwardedClient(request.headers)).toBe('185.71.76.10');
    expect(request.headers['x-forwarded-for']).toBeUndefined();
    await app.close();
  });

  it('passes a notification byte for byte with its signature, and a redirect with its location', async () => {
    const app = await gateway();
    const raw = '{"id":"e1",  "event":"payment.succeeded"}';
    const response = await app.inject({
      method: 'POST',
      url: '/payments/webhooks/sandbox',
      headers: { 'content-type': 'application/json', 'x-sandbox-signature': 't=1,v1=ab' },
      payload: raw,
    });
    expect(response.statusCode).toBe(202);
    expect(seen.at(-1)).toMatchObject({ url: '/payments/webhooks/sandbox', body: raw });
    expect(seen.at(-1)!.headers['x-sandbox-signature']).toBe('t=1,v1=ab');
    const redirect = await app.inject({ method: 'POST', url: '/sandbox-acquirer/3ds-start' });
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe('pay/x/3ds');
    await app.close();
  });

  it('forwards nothing outside its prefixes', async () => {
    const before = seen.length;
    const withoutSandbox = await gateway({ sandboxPrefix: undefined });
    expect((await withoutSandbox.inject({ method: 'GET', url: '/sandbox-acquirer/pay/sbx_1' })).statusCode).toBe(404);
    await withoutSandbox.close();
    // Over a socket, as sent: a client's `..` would otherwise climb out of the prefix at the payments service.
    const app = await gateway();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const statusOf = (path: string) =>
      new Promise<number | undefined>((resolve, reject) =>
        request({ host: '127.0.0.1', port, path, method: 'POST' }, (response) => {
          response.resume();
          resolve(response.statusCode);
        })
          .on('error', reject)
          .end('{}'),
      );
    for (const path of ['/sandbox-acquirer/../graphql', '/sandbox-acquirer/%2e%2e/graphql', '/payments/webhooks/..']) {
      expect(await statusOf(path), path).toBe(404);
    }
    expect(seen.length).toBe(before);
    await app.close();
  });

  it('answers 502 when the payments service is down or too slow', async () => {
    const down = await gateway({ target: 'http://127.0.0.1:9/graphql' });
    const refused = await down.inject({ method: 'GET', url: '/sandbox-acquirer/pay/sbx_1' });
    expect(refused.statusCode).toBe(502);
    expect(refused.json()).toEqual({ error: 'payments service unavailable' });
    const slow = await gateway({ timeoutMs: 200 });
    expect((await slow.inject({ method: 'GET', url: '/sandbox-acquirer/slow' })).statusCode).toBe(502);
    await down.close();
    await slow.close();
  });
});
