// The HTTP layer every Kabinet process shares: request ids, logging, health and readiness probes, graceful close.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { isUnavailable, SERVICE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors.js';
import type { Logger } from './logger.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The largest request body any Kabinet process reads (gateway and subgraph services alike): a partner's page of
 * 1000 rows fits several times over; every string inside is bounded again by its field's text limit.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  /**
   * The public edge only: proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES, resolved by proxy-addr,
   * right to left, up to the first untrusted hop). A subgraph service passes none: it learns the client from the
   * gateway's signed envelope, never from a header a client could write.
   */
  trustedProxies?: readonly string[];
}

/**
 * A slow client must not hold a connection: the headers must arrive within `headersTimeoutMs`, the whole request
 * (body included) within `requestTimeoutMs`, an idle keep-alive connection closes after `keepAliveTimeoutMs`, and
 * larger headers than `maxHeaderSize` are refused (431). Node checks these every `connectionsCheckingInterval`
 * (30 s by default, which would let a slowloris linger well past the limit): here a quarter of the headers timeout,
 * at most a second.
 */
export function createHttpServer(
  log: Logger,
  limits: Config['http'],
  options: HttpServerOptions = {},
): FastifyInstance {
  const trusted = options.trustedProxies ?? [];
  const app = Fastify({
    loggerInstance: log,
    // `request.ip` is then the client; with no trusted proxy it is the socket's peer, whatever the headers say.
    trustProxy: trusted.length > 0 ? [...trusted] : false,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderSize,
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    // Fastify sets these two on the server itself after creating it, over the values above.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Reuse a caller's x-request-id when it looks like one, so a partner can correlate; otherwise make one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: MAX_BODY_BYTES,
    forceCloseConnections: 'idle',
    // A request that reaches a connection opened before the listener closed is served (with `Connection: close`),
    // not refused: it was sent before the process stopped accepting, and the deadline bounds it anyway.
    return503OnClosing: false,
  });
  const lifecycle = { draining: false };
  lifecycles.set(app, lifecycle);
  // A body over the limit is the client's mistake: answered like the API's other refusals, with a code and a
  // message for people; a database out of reach is 503. Every other error keeps Fastify's own handling.
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (isUnavailable(error)) {
      // A route of its own (a payment notification, the sandbox's pages) that could not reach the database: a blip
      // to retry (acquirers do), answered like the API's SERVICE_UNAVAILABLE, with no address or SQL.
      request.log.warn({ err: error }, 'database unavailable; answered 503');
      return reply
        .code(503)
        .header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS))
        .send({ errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.send(error);
    const message = `Запрос слишком большой: допускается не более ${MAX_BODY_BYTES / 1024 / 1024} МиБ.`;
    return reply.code(413).send({ errors: [{ message, extensions: { code: 'BAD_REQUEST', limit: MAX_BODY_BYTES } }] });
  });
  // While draining and closing, answers end their keep-alive connection: the client opens a new one, which the
  // load balancer sends elsewhere once /readyz has said so, and no idle socket is left to be reset at close.
  app.addHook('preClose', async () => {
    lifecycle.draining = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (lifecycle.draining) reply.header('connection', 'close');
  });
  return app;
}

const lifecycles = new WeakMap<FastifyInstance, { draining: boolean }>();

/**
 * The first step of a shutdown: /readyz answers 503 `draining` and every answer says `Connection: close`, while the
 * listener keeps accepting and serving (see `closeOnSignals`).
 */
export function startDraining(app: FastifyInstance): void {
  const lifecycle = lifecycles.get(app);
  if (!lifecycle) throw new Error('startDraining: not a server made by createHttpServer');
  lifecycle.draining = true;
}

export function isDraining(app: FastifyInstance): boolean {
  return lifecycles.get(app)?.draining ?? false;
}

/**
 * Closes the listener and idle keep-alive connections, lets in-flight requests finish, and after `deadlineMs`
 * (when given) cuts the connections still open: a request still running, or a client still sending its request.
 * Then Fastify's onClose hooks run (Apollo Server stops). Resolves once all of that is done.
 */
export async function closeHttpServer(app: FastifyInstance, deadlineMs?: number): Promise<void> {
  const timer =
    deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          app.server.getConnections((_error, connections) => {
            app.log.warn({ connections, deadlineMs }, 'shutdown deadline reached, closing connections');
            app.server.closeAllConnections();
          });
        }, deadlineMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process answers (also while draining). `/readyz`: it can serve (database reachable, migrations
 * applied, …) and is not shutting down.
 */
export function registerProbes(
  app: FastifyInstance,
  ready: () => Promise<{ ok: boolean; checks: Record<string, string> }>,
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    // Shutting down: still serving, but the load balancer should send new requests elsewhere.
    if (isDraining(app)) return reply.code(503).send({ status: 'draining' });
    try {
      const result = await ready();
      return reply
        .code(result.ok ? 200 : 503)
        .send({ status: result.ok ? 'ready' : 'not ready', checks: result.checks });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'not ready' });
    }
  });
}

/**
 * Browser features the cabinet never uses, denied to the page and anything it embeds. Online payment goes through
 * the acquirer's own page (a redirect), not the Payment Request API, so `payment` is denied too. Only features
 * Chromium knows: an unknown one is a console error on every page (`server/test/browser.test.ts` watches).
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * Security headers for the public edge, with a Content-Security-Policy that allows only our own scripts; the
 * CAPTCHA widget solves its proof-of-work in workers it creates from data: and blob: URLs. No page needs a
 * <base> element, so an injected one cannot redirect relative URLs (base-uri 'none').
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'worker-src': ["'self'", 'blob:', 'data:'],
        'img-src': ["'self'", 'data:'],
        'base-uri': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

/** Vite's output for hashed files: a new build gives a changed file a new name, so a copy never goes stale. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;
/** A year, the most caches honour: what the name of a hashed file promises. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and every file without a hash in its name: kept, but asked about again before each use. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built web client at `/`, and its index.html for client-side routes. Each file goes out as the build
 * compressed it (`.br`, then `.gz`, by the request's Accept-Encoding; `Vary: Accept-Encoding` always), so nothing
 * is compressed per request; hashed assets may be cached for a year, the rest is revalidated (ETag, 304).
 */
export async function registerWebClient(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web client is not built (run `npm run build:web`); serving the API only');
    return false;
  }
  const assets = path.resolve(distDir) + HASHED_ASSETS;
  // wildcard: files are looked up per request, so a rebuilt client is served without a restart.
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', path.resolve(file).startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && !request.url.startsWith('/graphql')) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'not found' });
  });
  return true;
}

/**
 * The partner reference (`schema/api.html`, generated by `npm run schema` and committed) at /docs/api, read once
 * at start; without the file the API is served without the page, and the log says why.
 */
export async function registerApiReference(app: FastifyInstance, file: string): Promise<void> {
  const page = await readFile(file, 'utf8').catch(() => undefined);
  if (page === undefined) {
    app.log.warn({ file }, 'the API reference is missing (run `npm run schema`); /docs/api is not served');
    return;
  }
  app.get('/docs/api', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', REVALIDATE).send(page),
  );
}
