// The built web client in Chromium, served as `npm start` serves it: a person reads the supplier catalog.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/core/database.js';
import { launchChromium } from './support/chromium.js';
import { createTestDatabase, SERVER_URL } from './support/database.js';
import { freePort, ROOT, startProcess, startupTime, type RunningProcess } from './support/processes.js';

const SHOTS = path.join(ROOT, 'test-results');

let server: RunningProcess;
let browser: Browser;
let database: Database | undefined;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is not built: `npm test` builds it first (npm run build:web)');
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-browser-'));
  // As in production: the page may send only its own operations, by hash (an ad-hoc document would be refused).
  const env: Record<string, string> = { DATA_DIR: dataDir, TRUSTED_DOCUMENTS: 'require' };
  if (SERVER_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  const port = await freePort();
  server = await startProcess('main.ts', [], { ...env, PORT: String(port) }, `http://127.0.0.1:${port}`);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
}, startupTime(1));

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  return context.newPage();
}

describe('the web client', () => {
  it('shows the supplier catalog to a visitor who follows the navigation', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    const graphqlMethods: string[] = [];
    const graphqlBodies: Array<Record<string, unknown>> = [];
    // Chromium reports a header it cannot read (an unknown Permissions-Policy feature, a CSP it refuses) here.
    const consoleProblems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().endsWith('/graphql')) return;
      graphqlMethods.push(request.method());
      graphqlBodies.push(request.postDataJSON() as Record<string, unknown>);
    });
    await page.goto(server.baseUrl + '/');
    await expect(page.title()).resolves.toMatch(/Личный кабинет абонента/);
    await page
      .getByRole('navigation', { name: 'Основная навигация' })
      .getByRole('link', { name: 'Поставщики' })
      .click();
    await page.getByRole('heading', { name: 'Поставщики услуг' }).waitFor();
    const items = page.getByTestId('supplier');
    await items.nth(10).waitFor();
    expect(await items.count()).toBe(11);
    const names = await page.locator('[data-testid="supplier"] h2').allTextContents();
    expect(names[0]).toBe('Межрегионгаз Воронеж');
    expect(names).toContain('Межрегионгаз Санкт-Петербург');
    const spb = items.filter({ hasText: 'Межрегионгаз Санкт-Петербург' });
    await expect(spb.textContent()).resolves.toMatch(/ИНН 7838016481/);
    await expect(spb.textContent()).resolves.toMatch(/Газпром межрегионгаз Санкт-Петербург/);
    expect(graphqlMethods).toEqual(['POST']);
    // The built client sends the trusted document's hash, never the document.
    expect(graphqlBodies).toEqual([
      {
        operationName: 'SuppliersPage_Suppliers',
        variables: {},
        extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
      },
    ]);
    expect(consoleProblems).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'suppliers-desktop.png'), fullPage: true });
    await page.context().close();
  });

  it('opens a deep link directly and answers an unknown address with a page a person understands', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    const response = await page.goto(server.baseUrl + '/suppliers');
    expect(response?.status()).toBe(200);
    // Only our own scripts may run on the page.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByTestId('supplier').nth(10).waitFor();
    await page.goto(server.baseUrl + '/no-such-page');
    await page.getByText('Страница не найдена').waitFor();
    await page.context().close();
  });

  it('works on a phone with the keyboard: the menu opens, Escape closes it, a link leads to the catalog', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(server.baseUrl + '/');
    const menu = page.getByRole('button', { name: 'Меню' });
    const suppliersLink = page.getByRole('navigation').getByRole('link', { name: 'Поставщики' });
    await expect(menu.isVisible()).resolves.toBe(true);
    await expect(suppliersLink.isVisible()).resolves.toBe(false);

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(suppliersLink.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator(':focus').innerText()).resolves.toBe('Меню');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').innerText()).resolves.toBe('Поставщики');
    await page.keyboard.press('Enter');
    await page.getByTestId('supplier').nth(10).waitFor();
    await expect(page.title()).resolves.toMatch(/^Поставщики/);
    await page.screenshot({ path: path.join(SHOTS, 'suppliers-phone.png'), fullPage: true });
    await page.context().close();
  });
});
