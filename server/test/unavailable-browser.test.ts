// The built web client in Chromium during a brief outage: the page's read answered 503 SERVICE_UNAVAILABLE is sent
// once more on its own; when that fails too, the page says the service is briefly unavailable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserKabinet } from './support/browser-kabinet.js';

const MESSAGE = 'Сервис ненадолго недоступен. Повторите попытку через несколько секунд.';
const UNAVAILABLE = JSON.stringify({
  errors: [{ message: MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } }],
});

const app = useBrowserKabinet('unavailable');

/**
 * A page on which the supplier catalog's read is answered 503 SERVICE_UNAVAILABLE (as the gateway does while the
 * database restarts) the first `outages` times, then reaches the real server; `sent` counts the reads.
 */
async function pageWithOutage(outages: number): Promise<{ page: Page; sent: () => number }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  let sent = 0;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (!body.includes('SuppliersPage_Suppliers')) return route.continue();
    sent++;
    if (sent > outages) return route.continue();
    return route.fulfill({
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '2' },
      body: UNAVAILABLE,
    });
  });
  return { page, sent: () => sent };
}

describe('the web client during a brief outage', () => {
  it('sends the read once more on its own and shows the catalog when the server is back', async () => {
    const { page, sent } = await pageWithOutage(1);
    await page.goto(app.baseUrl + '/suppliers');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Межрегионгаз Санкт-Петербург' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(sent()).toBe(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });

  it('tries only once more, then says the service is briefly unavailable, with a button to try again', async () => {
    const { page, sent } = await pageWithOutage(2);
    await page.goto(app.baseUrl + '/suppliers');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain(MESSAGE);
    expect(sent()).toBe(2);
    // The person's own retry reaches the server, which answers.
    await alert.getByRole('button', { name: 'Повторить' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Межрегионгаз Санкт-Петербург' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(sent()).toBe(3);
    await page.context().close();
  });
});
