// What every browser test starts: the built web client served by a real `npm start` process (on a fresh database
// on the server, or embedded), an SMTP sink for its letters, and Chromium; and the pages the tests open in it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/core/database.js';
import { launchChromium } from './chromium.js';
import { createTestDatabase, SERVER_URL } from './database.js';
import { freePort, ROOT, startProcess, startupTime, type RunningProcess } from './processes.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** Where browser tests put their screenshots (to look at, not to compare). */
export const SHOTS = path.join(ROOT, 'test-results');

/** Generous waits: every login costs an argon2 hash on the server. */
export const WAIT = { timeout: 20_000 };
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface BrowserKabinet {
  baseUrl: string;
  server: RunningProcess;
  browser: Browser;
  smtp: SmtpSink;
  /** The server's database when tests run against PostgreSQL (TEST_DATABASE_URL), for commands run beside it. */
  databaseUrl?: string;
  /** Stops everything; resolves with the server's exit code (0 when it shut down cleanly). */
  close(): Promise<number | null>;
}

/** `name` names the temporary data directory; `env` adds to the server's environment (e.g. DEMO_DATA). */
export async function startBrowserKabinet(name: string, env: Record<string, string> = {}): Promise<BrowserKabinet> {
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is not built: `npm test` builds it first (npm run build:web)');
  }
  const smtp = await startSmtpSink();
  const dataDir = await mkdtemp(path.join(tmpdir(), `kabinet-${name}-`));
  let database: Database | undefined;
  let server: RunningProcess | undefined;
  let browser: Browser | undefined;
  // Stops whatever has started, in reverse; also when a later part failed to start (no server left running).
  const stopAll = async (): Promise<number | null> => {
    await browser?.close();
    const code = server ? await server.stop() : null;
    await smtp.close();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv: Record<string, string> = {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SMTP_URL: smtp.url,
      // A proof-of-work the browser solves at once.
      CAPTCHA_COST: '10',
      // As in production: the web client may send only its trusted documents, by hash; every browser test proves it.
      TRUSTED_DOCUMENTS: 'require',
      ...env,
    };
    if (SERVER_URL) {
      database = await createTestDatabase();
      serverEnv.DATABASE_URL = database.url;
    }
    server = await startProcess('main.ts', [], serverEnv, baseUrl);
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
    return { baseUrl, server, browser, smtp, databaseUrl: database?.url, close: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Starts the kabinet before the file's tests and stops it after them, expecting a clean shutdown; the object returned
 * is filled in once it has started.
 */
export function useBrowserKabinet(name: string, env: Record<string, string> = {}): BrowserKabinet {
  const app = {} as BrowserKabinet;
  beforeAll(async () => {
    Object.assign(app, await startBrowserKabinet(name, env));
  }, startupTime(1));
  afterAll(async () => {
    // Nothing to stop when the start failed (beforeAll reports why).
    if (app.close) expect(await app.close()).toBe(0);
  });
  return app;
}

/** A page in a fresh browser context: Russian, in Moscow time, with the generous wait. */
export async function newPage(app: BrowserKabinet, viewport = DESKTOP): Promise<Page> {
  const context = await app.browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  return page;
}

/** Numbers as the page writes them use no-break spaces: match any space. */
export function spaced(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
}

/** Screenshots into SHOTS named `<prefix>-<name>.png`: of the whole page, or of a part of it at its own size. */
export function screenshots(prefix: string) {
  return {
    shot: async (page: Page, name: string): Promise<void> => {
      await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`), fullPage: true });
    },
    shotOf: async (locator: Locator, name: string): Promise<void> => {
      await locator.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`) });
    },
  };
}
