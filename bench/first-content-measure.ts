// One cold load of a page on the throttled phone profile, measured in the page's own clock: what
// `npm run bench:first-content` repeats for every page (and what server/test/first-content.test.ts checks it measures).
import type { Browser, CDPSession } from 'playwright-core';

/** Lighthouse's "slow 4G" and DevTools' "mid-tier mobile" CPU. */
export const SLOW_PHONE = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 },
} as const;

export interface Measured {
  fcp: number;
  heading: number;
  requests: number;
  bytes: number;
}

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: SLOW_PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: SLOW_PHONE.uploadBitsPerSecond / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
}

/** One cold load of `url` in a fresh context (empty cache), with `cookie` as the session when given. */
export async function measure(browser: Browser, url: string, heading: string, cookie?: string): Promise<Measured> {
  const context = await browser.newContext({
    viewport: SLOW_PHONE.viewport,
    isMobile: true,
    hasTouch: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  try {
    if (cookie) await context.addCookies([{ name: 'kabinet_session', value: cookie, url }]);
    // The heading's moment in the page's clock, from a MutationObserver installed before any script of the page.
    await context.addInitScript((text: string) => {
      // No named helper inside: tsx would wrap it in a `__name` call the page does not have.
      new MutationObserver((_records, observer) => {
        if (![...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === text)) return;
        (window as unknown as { headingAt: number }).headingAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }, heading);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    let requests = 0;
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      requests += 1;
      bytes += event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page
      .waitForFunction(() => typeof (window as unknown as { headingAt?: number }).headingAt === 'number')
      .catch(async (error: Error) => {
        const shown = await page.evaluate(() => document.body.innerText.slice(0, 500)).catch(() => '(no page)');
        throw new Error(`${url}: no heading «${heading}» (${error.message}); the page shows: ${shown}`);
      });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const times = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      heading: (window as unknown as { headingAt: number }).headingAt,
    }));
    return { ...times, requests, bytes };
  } finally {
    await context.close();
  }
}
