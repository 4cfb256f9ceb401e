// The built web client as the public edge serves it: each file compressed at build time and sent as it is by the
// request's Accept-Encoding (brotli, gzip, or the file itself), hashed assets cached for a year, index.html and the
// other unhashed files revalidated, the security headers on every one, and the first page's script free of the
// chunks only some pages use. Needs the built client (`npm run build:web`), as the browser tests do.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config.js';
import {
  createHttpServer,
  IMMUTABLE,
  registerSecurityHeaders,
  registerWebClient,
  REVALIDATE,
} from '../src/core/http.js';
import { createLogger } from '../src/core/logger.js';
import { ROOT } from './support/processes.js';

const DIST = path.join(ROOT, 'web/dist');
const ASSETS = path.join(DIST, 'assets');

const varies = (headers: Record<string, unknown>) =>
  String((headers['vary'] as string | undefined) ?? '')
    .toLowerCase()
    .split(/,\s*/);

describe('the built web client', () => {
  let app: FastifyInstance;
  let assets: string[];

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('web/dist is not built: npm run build:web');
    assets = readdirSync(ASSETS).filter((name) => /\.(js|css)$/.test(name));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = createHttpServer(createLogger('silent'), config.http);
    await registerSecurityHeaders(app);
    expect(await registerWebClient(app, DIST)).toBe(true);
    await app.ready();
  });
  afterAll(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('was compressed at build time: every script and stylesheet has a smaller .br and .gz beside it', () => {
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    for (const name of assets) {
      const original = readFileSync(path.join(ASSETS, name));
      if (original.length < 1024) continue;
      expect(brotliDecompressSync(readFileSync(path.join(ASSETS, `${name}.br`))).equals(original), name).toBe(true);
      expect(gunzipSync(readFileSync(path.join(ASSETS, `${name}.gz`))).equals(original), name).toBe(true);
      expect(readFileSync(path.join(ASSETS, `${name}.br`)).length, name).toBeLessThan(original.length);
    }
  });

  it('sends a hashed asset brotli- or gzip-compressed by Accept-Encoding, immutable, decompressing to the file', async () => {
    for (const name of assets) {
      const original = readFileSync(path.join(ASSETS, name));
      const url = `/assets/${name}`;
      const brotli = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(brotli.statusCode, url).toBe(200);
      expect(brotli.headers['cache-control'], url).toBe(IMMUTABLE);
      expect(varies(brotli.headers), url).toContain('accept-encoding');
      expect(brotli.headers['content-type'], url).toMatch(name.endsWith('.js') ? /javascript/ : /text\/css/);
      if (original.length >= 1024) {
        expect(brotli.headers['content-encoding'], url).toBe('br');
        expect(brotliDecompressSync(brotli.rawPayload).equals(original), url).toBe(true);
        expect(brotli.rawPayload.length, url).toBeLessThan(original.length);
      }

      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['cache-control'], url).toBe(IMMUTABLE);
      expect(varies(gzip.headers), url).toContain('accept-encoding');
      if (original.length >= 1024) {
        expect(gzip.headers['content-encoding'], url).toBe('gzip');
        expect(gunzipSync(gzip.rawPayload).equals(original), url).toBe(true);
      }

      // A client that accepts no encoding gets the file itself.
      const plain = await get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers['cache-control'], url).toBe(IMMUTABLE);
      expect(varies(plain.headers), url).toContain('accept-encoding');
      expect(plain.rawPayload.equals(original), url).toBe(true);
    }
  });

  it('sends index.html compressed and no-cache, at / and for a client-side route, and answers 304 when unchanged', async () => {
    const original = readFileSync(path.join(DIST, 'index.html'));
    for (const url of ['/', '/index.html', '/accounts', '/oplata/rezultat']) {
      const response = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe(REVALIDATE);
      expect(varies(response.headers), url).toContain('accept-encoding');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).equals(original), url).toBe(true);
      // The security headers stay on the pages: scripts only from our own origin, so split chunks load as they are.
      expect(String(response.headers['content-security-policy']), url).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const first = await get('/', { accept: 'text/html' });
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/', { accept: 'text/html', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('revalidates a file without a hash in its name', async () => {
    const response = await get('/receipt-sample.svg', { 'accept-encoding': 'br' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(REVALIDATE);
  });

  it('loads on the first page only the entry chunk: pages, the CAPTCHA widget and the chart come when used', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    // The entry script and what it imports statically (which vite asks the browser to preload).
    const first = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(first.length).toBeGreaterThanOrEqual(1);
    const entry = readFileSync(path.join(ASSETS, first[0]!), 'utf8');
    const staticImports = [...entry.matchAll(/^import[^()]*?["']\.\/([^"']+\.js)["']/gm)].map((m) => m[1]!);
    const later = /(-page|^altcha-widget|^consumption-chart)-[\w-]+\.js$/;
    for (const name of [...first, ...staticImports]) expect(name).not.toMatch(later);
    const pages = assets.filter((name) => /-page-[\w-]+\.js$/.test(name));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(assets.some((name) => name.startsWith('altcha-widget-'))).toBe(true);
    expect(assets.some((name) => name.startsWith('consumption-chart-'))).toBe(true);
  });
});
