// `npm run bench:captcha [-- --runs 5] [--throttle 4]`: how long the CAPTCHA's proof of work takes at its worst, at
// CAPTCHA_COST and at CAPTCHA_MAX_COST (the most failed logins raise it to). Each challenge is made with its counter
// at the cost itself, the longest a solve gets. Solved twice: in Node (altcha-lib, as the tests' client does) and in
// Chromium on one thread with WebCrypto (altcha-lib's web SHA-256, what the widget runs in each of its workers),
// with the CPU slowed `--throttle` times (DevTools' CPU throttling; 4 is its "mid-tier mobile").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { launchChromium } from '../server/test/support/chromium.js';
import { loadConfig } from '../server/src/core/config.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option('runs', 5);
const throttle = option('throttle', 4);
const config = loadConfig();
const ALTCHA_ESM = path.join(import.meta.dirname, '../node_modules/altcha-lib/dist/esm');

const worstChallenge = (cost: number) =>
  createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: cost,
    deriveKey,
    hmacSignatureSecret: 'bench-secret-bench-secret-bench-secret',
  });

async function inNode(challenge: Challenge): Promise<number> {
  const started = performance.now();
  if (!(await solveChallenge({ challenge, deriveKey }))) throw new Error('no solution');
  return performance.now() - started;
}

const browser = await launchChromium();
const page = await browser.newPage();
// altcha-lib's own ES modules, served from node_modules at localhost (a secure context, for WebCrypto) through the page's router: no bundling, no socket.
await page.route('http://localhost:9/**', async (route) => {
  const file = new URL(route.request().url()).pathname;
  if (file === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
  return route.fulfill({ contentType: 'text/javascript', body: await readFile(path.join(ALTCHA_ESM, file)) });
});
await page.goto('http://localhost:9/');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

const inChromium = (challenge: Challenge): Promise<number> =>
  page.evaluate(
    async ({ c, esm }) => {
      // Module paths of the page's origin, not of this file: passed in, so neither tsc nor Node resolves them.
      const { solveChallenge: solve } = (await import(`${esm}/index.js`)) as typeof import('altcha-lib');
      const { deriveKey: web } = (await import(
        `${esm}/algorithms/web/sha.js`
      )) as typeof import('altcha-lib/algorithms/sha');
      const started = performance.now();
      if (!(await solve({ challenge: c, deriveKey: web }))) throw new Error('no solution');
      return performance.now() - started;
    },
    { c: challenge, esm: '/v2' },
  );

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
console.log(`| cost | Node, worst solve (ms, median of ${runs}) | Chromium 1 thread, CPU ÷${throttle} (ms) |`);
console.log('|---|---|---|');
try {
  for (const cost of [config.captchaCost, config.captchaMaxCost]) {
    const node: number[] = [];
    const chromium: number[] = [];
    for (let i = 0; i < runs; i++) {
      const challenge = await worstChallenge(cost);
      node.push(await inNode(challenge));
      chromium.push(await inChromium(challenge));
    }
    console.log(`| ${cost} | ${median(node).toFixed(0)} | ${median(chromium).toFixed(0)} |`);
  }
} finally {
  await browser.close();
}
