// `npm run bench:first-content [-- --runs 3] [--label name] [--note text]`: how soon each page of the built web
// client shows something on a slow phone, cold cache. Chromium at 390×844 on Lighthouse's "slow 4G" (150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up) with the CPU slowed 4× (DevTools' "mid-tier mobile"); measured in the page's own
// clock: First Contentful Paint and the moment the page's main heading is in the document. Serves web/dist as
// `npm start` does (build it first: `npm run build:web`), on a fresh database with the demo data, an abonent with
// five linked accounts. Prints a table and writes it to bench/results/<date>-first-content[-label].md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../server/test/support/chromium.js';
import { solveCaptcha } from '../server/test/support/captcha.js';
import { createTestDatabase } from '../server/test/support/database.js';
import { freePort, ROOT, startProcess } from '../server/test/support/processes.js';
import { startSmtpSink } from '../server/test/support/smtp-sink.js';
import { byHash } from '../server/test/support/trusted-documents.js';
import { measure, SLOW_PHONE, type Measured } from './first-content-measure.js';
import { benchOption } from './common.js';

const option = benchOption;
const RUNS = Number(option('runs') ?? 3);
const label = option('label');
const note = option('note');
const TARGET_MS = 3000;

/** The demo accounts an abonent can link (README), each with the proof its supplier asks for. */
const DEMO_ACCOUNTS = [
  { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' },
  { supplierCode: 'sankt-peterburg', number: '702062013', proof: '1520,4' },
  { supplierCode: 'voronezh', number: '3600123456', proof: '2468' },
  { supplierCode: 'moskva', number: '5012345678', proof: '82,10' },
  { supplierCode: 'kaluga', number: '4000111222', proof: null },
];
const PASSWORD = 'Gaz2026a';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const loadAtStart = loadavg();

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) throw new Error('build the web client: npm run build:web');
  const smtp = await startSmtpSink();
  const database = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startProcess(
    'main.ts',
    [],
    {
      DATABASE_URL: database.url,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SMTP_URL: smtp.url,
      CAPTCHA_COST: '10',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    },
    baseUrl,
  );
  const browser = await launchChromium();
  try {
    const api = async (name: string, variables: Record<string, unknown>, cookie?: string) => {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `kabinet_session=${cookie}` } : {}) },
        body: JSON.stringify(byHash(name, variables)),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      return { body, setCookie: response.headers.getSetCookie() };
    };

    // An abonent with five linked accounts, registered, confirmed and logged in through the API.
    const email = `first-content-${Date.now()}@example.ru`;
    const challenge = await api('Captcha_Challenge', {});
    const captcha = await solveCaptcha(challenge.body.data.captchaChallenge.challenge);
    await api('RegisterPage_Register', {
      input: {
        email,
        password: PASSWORD,
        passwordRepeat: PASSWORD,
        captcha,
        acceptAgreement: true,
        consentToPersonalData: true,
      },
    });
    const letter = await smtp.waitFor(email, /Подтвердите регистрацию/);
    const token = new URL(smtp.linkIn(letter, '/confirm')).searchParams.get('token');
    await api('ConfirmPage_ConfirmEmail', { token });
    const login = await api('LoginPage_Login', { input: { email, password: PASSWORD } });
    const session = login.setCookie.map((c) => /^kabinet_session=([^;]+)/.exec(c)?.[1]).find(Boolean);
    if (!session) throw new Error(`no session cookie: ${JSON.stringify(login.body)}`);
    const accountIds: string[] = [];
    for (const input of DEMO_ACCOUNTS) {
      const linked = await api('LinkAccountDialog_Link', { input }, session);
      if (!linked.body.data?.linkPersonalAccount.ok)
        throw new Error(`link of ${input.number} failed: ${JSON.stringify(linked.body)}`);
      accountIds.push(linked.body.data.linkPersonalAccount.account.id);
    }

    const pages = [
      { name: 'login', path: '/login', heading: 'Вход' },
      { name: 'register', path: '/register', heading: 'Регистрация' },
      { name: 'accounts (5 linked)', path: '/accounts', heading: 'Лицевые счета', session },
      { name: 'payment', path: `/oplata/${accountIds[0]}`, heading: 'Оплата онлайн', session },
      { name: 'support', path: '/support', heading: 'Поддержка', session },
      { name: 'settings', path: '/settings', heading: 'Настройки абонента', session },
    ];
    const rows: string[] = [];
    for (const page of pages) {
      const runs: Measured[] = [];
      // One uncounted load first: the server's own first-request costs (compiling, caches) are not the phone's.
      await measure(browser, baseUrl + page.path, page.heading, page.session).catch(() => undefined);
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, baseUrl + page.path, page.heading, page.session));
      const fcp = median(runs.map((r) => r.fcp));
      const heading = median(runs.map((r) => r.heading));
      const kib = median(runs.map((r) => r.bytes)) / 1024;
      const requests = median(runs.map((r) => r.requests));
      const verdict = Math.max(fcp, heading) <= TARGET_MS ? 'yes' : 'no';
      rows.push(
        `| ${page.name} | ${Math.round(fcp)} | ${Math.round(heading)} | ${requests} | ${kib.toFixed(0)} | ${verdict} |`,
      );
      console.log(rows.at(-1));
    }

    const date = new Date().toISOString().slice(0, 10);
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const lines = [
      `# First content on a slow phone, ${date}${label ? ` (${label})` : ''}`,
      '',
      `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `load average ${loadAtStart} at the start, ${loadavg()} at the end (other work on the machine slows the pages).` +
        (note ? ` ${note}` : ''),
      '',
      `Chromium (headless) at ${SLOW_PHONE.viewport.width}×${SLOW_PHONE.viewport.height}, slow 4G ` +
        `(${SLOW_PHONE.latencyMs} ms RTT, ${SLOW_PHONE.downloadBitsPerSecond / 1e6} Mbit/s down, ` +
        `${SLOW_PHONE.uploadBitsPerSecond / 1e3} kbit/s up) and the CPU slowed ${SLOW_PHONE.cpuSlowdown}×; a fresh ` +
        `context (cold cache) per load, median of ${RUNS} loads after one uncounted. Times in ms from navigation ` +
        `start; bytes as transferred (compressed when the server compresses). Target: both ≤ ${TARGET_MS} ms.`,
      '',
      '| page | first contentful paint | main heading | requests | KiB transferred | ≤ 3 s |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ];
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${date}-first-content${label ? `-${label}` : ''}.md`);
    writeFileSync(file, lines.join('\n'));
    console.log(`written to ${path.relative(ROOT, file)}`);
  } finally {
    await browser.close();
    await server.stop();
    await smtp.close();
    await database.close();
  }
}

await main();
