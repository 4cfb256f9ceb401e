// Distributed mode: the payments service's own HTTP routes, reached through the gateway (the only public edge): the
// acquirers' notifications (POST /payments/webhooks/<provider>) and the sandbox acquirer's pages (and API), which
// the payments service serves. Bodies pass through as raw bytes (signatures are over them); only the headers that
// matter go either way, so no hop-by-hop header, cookie or internal header crosses. The client's address (as the
// gateway resolved it through TRUSTED_PROXIES) goes in the signed caller envelope, never as X-Forwarded-For.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, CALLER_HEADER, signCaller } from '../core/caller.js';

export const WEBHOOKS_PREFIX = '/payments/webhooks';

const REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'idempotence-key',
  'x-sandbox-signature',
  'accept',
  'user-agent',
] as const;
const RESPONSE_HEADERS = ['content-type', 'location', 'cache-control'] as const;

export interface PaymentsProxyOptions {
  /** The payments service (its origin is used: PAYMENTS_URL points at its /graphql). */
  readonly target: string;
  /** GATEWAY_SECRET: signs the envelope that tells the payments service who sent the request. */
  readonly secret: string;
  /** The sandbox acquirer's path prefix (e.g. '/sandbox-acquirer') when the payments service serves it. */
  readonly sandboxPrefix?: string;
  /** How long the payments service has to answer (default 15 s); then 502. */
  readonly timeoutMs?: number;
}

export async function registerPaymentsProxy(app: FastifyInstance, options: PaymentsProxyOptions): Promise<void> {
  const target = new URL(options.target).origin;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sandboxPrefix = options.sandboxPrefix?.replace(/\/+$/, '');

  const forward = (prefix: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    // The path as the payments service will read it: `..` and `%2e%2e` must not climb out of the prefix.
    const url = new URL(request.url, target);
    if (url.origin !== target || !url.pathname.startsWith(`${prefix}/`)) {
      return reply.code(404).send({ error: 'not found' });
    }
    const headers: Record<string, string> = {
      [CALLER_HEADER]: signCaller({ caller: ANONYMOUS, requestId: request.id, clientIp: request.ip }, options.secret),
      'x-request-id': request.id,
    };
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let status: number;
    let answer: Headers;
    let body: Buffer;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body: Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      answer = response.headers;
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      request.log.warn({ err: error, path: url.pathname }, 'the payments service did not answer');
      return reply.code(502).send({ error: 'payments service unavailable' });
    }
    reply.code(status);
    for (const name of RESPONSE_HEADERS) {
      const value = answer.get(name);
      if (value !== null) reply.header(name, value);
    }
    return reply.send(body);
  };

  await app.register(async (scope) => {
    // Whatever the content type (form posts, JSON, anything): the bytes as they came.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(`${WEBHOOKS_PREFIX}/*`, forward(WEBHOOKS_PREFIX));
    if (sandboxPrefix)
      scope.route({ method: ['GET', 'POST'], url: `${sandboxPrefix}/*`, handler: forward(sandboxPrefix) });
  });
}
