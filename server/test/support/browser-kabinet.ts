// What every browser test starts: the built web client served by a real `npm start` process (on a fresh database
// on the server, or embedded), an SMTP sink for its letters, and Chromium.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Database } from '../../src/core/database.js';
import { launchChromium } from './chromium.js';
import { createTestDatabase, SERVER_URL } from './database.js';
import { freePort, ROOT, startProcess, type RunningProcess } from './processes.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** Where browser tests put their screenshots (to look at, not to compare). */
export const SHOTS = path.join(ROOT, 'test-results');

export interface BrowserKabinet {
  baseUrl: string;
  server: RunningProcess;
  browser: Browser;
  smtp: SmtpSink;
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
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let database: Database | undefined;
  const serverEnv: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    SMTP_URL: smtp.url,
    // A proof-of-work the browser solves at once.
    CAPTCHA_COST: '10',
    ...env,
  };
  if (SERVER_URL) {
    database = await createTestDatabase();
    serverEnv.DATABASE_URL = database.url;
  }
  const server = await startProcess('main.ts', [], serverEnv, baseUrl);
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  return {
    baseUrl,
    server,
    browser,
    smtp,
    async close() {
      await browser.close();
      const code = await server.stop();
      await smtp.close();
      await database?.close();
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
