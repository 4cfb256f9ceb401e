// `npm run bench:soak [-- --minutes 10] [--label name]`: Kabinet as `npm start` runs it on the embedded database,
// fed mixed abonent traffic in bursts separated by idle gaps, some longer than every pool's idle timeout (pools
// then close their connections and reconnect to PGlite, one session). Counts requests, errors and latency per
// operation and the server's error-level log lines; writes bench/results/<date>-soak[-label].md; exits non-zero
// on any error.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { solveCaptcha } from '../server/test/support/captcha.js';
import { startSmtpSink, type SmtpSink } from '../server/test/support/smtp-sink.js';
import {
  AccountsPage_AccountsDocument,
  Captcha_ChallengeDocument,
  ConfirmPage_ConfirmEmailDocument,
  ConfirmPendingPage_ResendDocument,
  LinkAccountDialog_LinkDocument,
  LoginPage_LoginDocument,
  MeterReadings_SubmitDocument,
  PaymentPage_StartDocument,
  RegisterPage_RegisterDocument,
} from '../web/src/graphql/graphql.js';
import { percentiles } from './load.js';
import { ROOT, startEmbeddedKabinet } from './processes.js';
import { benchOption } from './common.js';

const option = benchOption;
const MINUTES = Number(option('minutes') ?? 10);
const label = option('label');
if (!(MINUTES > 0 && MINUTES <= 120)) throw new Error(`--minutes must be a number in (0, 120], got ${MINUTES}`);

/** Hard bounds: requests in all, and how long one may take. */
const MAX_REQUESTS = 50_000;
const REQUEST_TIMEOUT_MS = 30_000;
const CONFIRMED_ABONENTS = 4;
const UNCONFIRMED_ABONENTS = 2;
const PASSWORD = 'soak12';
const IDLE_TIMEOUT_S = 30; // DB_IDLE_TIMEOUT's default, which the soak runs with

/** The demo accounts of the README every confirmed abonent links; `read`: its meter takes readings; `pay`: payee. */
const DEMO_ACCOUNTS = [
  { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507', read: true, pay: true },
  { supplierCode: 'voronezh', number: '3600123456', proof: '2468', read: false, pay: true },
  { supplierCode: 'kaluga', number: '4000111222', proof: undefined, read: true, pay: false },
];

/** Gaps between bursts, seconds: short, past a few timers, and past every pool's idle timeout. */
const GAP_CLASSES = [
  { name: 'short (0–5 s)', min: 0, max: 5, weight: 5 },
  { name: 'medium (10–20 s)', min: 10, max: 20, weight: 3 },
  { name: `long (35–50 s, > ${IDLE_TIMEOUT_S} s idle timeout)`, min: 35, max: 50, weight: 2 },
] as const;

/** Payload codes that are an expected business outcome of an operation (anything else `ok: false` is an error). */
const EXPECTED_CODES: Record<string, string[]> = { resendConfirmation: ['RATE_LIMITED'] };

const LOGIN = print(LoginPage_LoginDocument);
const DASHBOARD = print(AccountsPage_AccountsDocument);
const SUBMIT = print(MeterReadings_SubmitDocument);
const START_PAYMENT = print(PaymentPage_StartDocument);
const RESEND = print(ConfirmPendingPage_ResendDocument);
const REGISTER = print(RegisterPage_RegisterDocument);
const CONFIRM = print(ConfirmPage_ConfirmEmailDocument);
const LINK = print(LinkAccountDialog_LinkDocument);
const CAPTCHA = print(Captcha_ChallengeDocument);
const SUPPLIERS = '{ suppliers { code } }';

interface OperationStats {
  requests: number;
  errors: number;
  latencies: number[];
  /** Expected business refusals by code (RATE_LIMITED of a resend). */
  outcomes: Map<string, number>;
  samples: string[];
}
const stats = new Map<string, OperationStats>();
let requestsSent = 0;

function statsOf(operation: string): OperationStats {
  let s = stats.get(operation);
  if (!s) stats.set(operation, (s = { requests: 0, errors: 0, latencies: [], outcomes: new Map(), samples: [] }));
  return s;
}

function recordError(s: OperationStats, message: string): void {
  s.errors++;
  if (s.samples.length < 5) s.samples.push(`${new Date().toISOString()} ${message.slice(0, 400)}`);
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A client that keeps its cookies, like one browser tab; every request is counted under its operation's name. */
class Client {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly url: string) {}

  /**
   * Sends one operation; returns its `data` when the answer is a success or an expected business outcome, null
   * when it was an error (counted, with a sample of the message).
   */
  async send(operation: string, query: string, variables?: Record<string, unknown>): Promise<any> {
    if (++requestsSent > MAX_REQUESTS) throw new Error(`more than ${MAX_REQUESTS} requests: the soak is bounded`);
    const s = statsOf(operation);
    s.requests++;
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      for (const header of response.headers.getSetCookie()) {
        const [pair, ...attributes] = header.split(';');
        const [name, ...value] = pair!.split('=');
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
        if (expired || value.join('=') === '') this.cookies.delete(name!.trim());
        else this.cookies.set(name!.trim(), value.join('='));
      }
      text = await response.text();
    } catch (error) {
      s.latencies.push(performance.now() - started);
      recordError(s, `request failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      return null;
    }
    s.latencies.push(performance.now() - started);
    if (status !== 200) {
      recordError(s, `HTTP ${status}: ${text}`);
      return null;
    }
    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      recordError(s, `not JSON: ${text}`);
      return null;
    }
    if (body.errors?.length) {
      recordError(
        s,
        `GraphQL errors: ${body.errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join('; ')}`,
      );
      return null;
    }
    const field = Object.keys(body.data ?? {})[0];
    const payload = field ? body.data![field] : undefined;
    if (payload && typeof payload === 'object' && payload.ok === false) {
      const codes: string[] = (payload.errors ?? []).map((e: { code: string }) => e.code);
      const expected = EXPECTED_CODES[operation] ?? [];
      if (codes.length > 0 && codes.every((c) => expected.includes(c))) {
        for (const c of codes) s.outcomes.set(c, (s.outcomes.get(c) ?? 0) + 1);
        return body.data;
      }
      recordError(s, `ok: false, ${JSON.stringify(payload.errors)}`);
      return null;
    }
    return body.data ?? null;
  }
}

interface Meter {
  id: string;
  fractionDigits: number;
  /** The dial as an integer of 10^-fractionDigits units: the highest value sent or read so far. */
  dial: bigint;
  /** Submissions for one meter from several abonents take turns here, so each is above the one before. */
  turn: Promise<unknown>;
}
interface Abonent {
  n: number;
  email: string;
  client: Client;
  accounts: Array<{ id: string; supplierCode: string; read: boolean; pay: boolean }>;
}

const scaled = (value: string, digits: number): bigint => {
  const [whole, fraction = ''] = value.replace(',', '.').split('.');
  return BigInt(whole! + fraction.padEnd(digits, '0').slice(0, digits));
};
const formatted = (value: bigint, digits: number): string => {
  const text = value.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
};
const random = (min: number, max: number) => min + Math.random() * (max - min);
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function register(url: string, mail: SmtpSink, n: number, confirm: boolean): Promise<Abonent> {
  const client = new Client(url);
  const email = `soak-${n}-${Date.now()}@soak.kabinet.localhost`;
  const challenge = await client.send('captchaChallenge', CAPTCHA);
  if (!challenge) throw new Error('no CAPTCHA challenge');
  const registered = await client.send('register', REGISTER, {
    input: {
      email,
      password: PASSWORD,
      passwordRepeat: PASSWORD,
      acceptAgreement: true,
      consentToPersonalData: true,
      captcha: await solveCaptcha(challenge.captchaChallenge.challenge),
    },
  });
  if (!registered) throw new Error(`registration of ${email} failed`);
  const letter = await mail.waitFor(email, /Подтвердите регистрацию/);
  if (confirm) {
    const token = new URL(mail.linkIn(letter, '/confirm')).searchParams.get('token');
    if (!(await client.send('confirmEmail', CONFIRM, { token }))) throw new Error(`confirmation of ${email} failed`);
  }
  if (!(await client.send('login', LOGIN, { input: { email, password: PASSWORD } }))) {
    throw new Error(`login of ${email} failed`);
  }
  return { n, email, client, accounts: [] };
}

const meters = new Map<string, Meter>();

/** Reads the dashboard the web client's accounts page sends; notes each meter's dial; false on an error. */
async function dashboard(abonent: Abonent): Promise<boolean> {
  const data = await abonent.client.send('dashboard (AccountsPage_Accounts)', DASHBOARD);
  if (!data) return false;
  const accounts = data.me?.accounts as Array<{ meters: any[] }> | undefined;
  if (!accounts || accounts.length !== abonent.accounts.length) {
    recordError(
      statsOf('dashboard (AccountsPage_Accounts)'),
      `expected ${abonent.accounts.length} accounts: ${JSON.stringify(data).slice(0, 300)}`,
    );
    return false;
  }
  for (const account of accounts) {
    for (const m of account.meters) {
      const seen = [m.total?.value, ...m.comparisonReadings.map((r: { value: string }) => r.value)].filter(Boolean);
      const meter = meters.get(m.id) ?? {
        id: m.id,
        fractionDigits: m.fractionDigits,
        dial: 0n,
        turn: Promise.resolve(),
      };
      for (const value of seen) {
        const v = scaled(value, meter.fractionDigits);
        if (v > meter.dial) meter.dial = v;
      }
      meters.set(m.id, meter);
    }
  }
  return true;
}

/** The meters of each readable account, as the dashboard showed them once the links had reached metering. */
const meterIdsOf = new Map<string, string[]>();

async function submitReading(abonent: Abonent): Promise<void> {
  const account = pick(abonent.accounts.filter((a) => a.read));
  const meter = meters.get(pick(meterIdsOf.get(account.id) ?? []) ?? '');
  if (!meter) throw new Error(`no meter known for account ${account.id}`);
  const step = meter.fractionDigits > 0 ? 10n ** BigInt(meter.fractionDigits - 1) : 1n; // 0.1 m³
  const turn = meter.turn.then(async () => {
    const value = meter.dial + step;
    const payload = await abonent.client.send('submitReadings', SUBMIT, {
      input: {
        accountId: account.id,
        idempotencyKey: `soak-${abonent.n}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        readings: [{ meterId: meter.id, value: formatted(value, meter.fractionDigits) }],
      },
    });
    if (payload) meter.dial = value;
  });
  meter.turn = turn.catch(() => undefined);
  await turn;
}

async function startPayment(abonent: Abonent, publicUrl: string): Promise<void> {
  const account = pick(abonent.accounts.filter((a) => a.pay));
  const payload = await abonent.client.send('startPayment', START_PAYMENT, {
    input: {
      accountId: account.id,
      purpose: 'CUSTOM',
      amount: 100 * Math.floor(random(1, 5000)),
      receiptEmail: abonent.email,
      idempotencyKey: `soak-pay-${abonent.n}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      returnUrl: `${publicUrl}/oplata/rezultat`,
    },
  });
  if (payload && !payload.startPayment.confirmationUrl) {
    recordError(statsOf('startPayment'), `ok without a confirmationUrl: ${JSON.stringify(payload)}`);
  }
}

function pickGap(): (typeof GAP_CLASSES)[number] {
  const total = GAP_CLASSES.reduce((sum, g) => sum + g.weight, 0);
  let at = Math.random() * total;
  for (const g of GAP_CLASSES) if ((at -= g.weight) < 0) return g;
  return GAP_CLASSES[0];
}

function machine(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim()
    ? ' (with uncommitted changes)'
    : '';
  const pglite = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  return [
    `- ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}`,
    `- Node ${process.version}; the embedded database (PGlite ${pglite.version}); the server and the load generator share the machine (and other people's tests ran meanwhile)`,
    `- Kabinet at ${commit}${dirty}`,
  ].join('\n');
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-soak-'));
  const mail = await startSmtpSink();
  const server = await startEmbeddedKabinet(dataDir, {
    DEMO_DATA: 'true',
    CAPTCHA_COST: '10',
    SMTP_URL: mail.url,
    DB_IDLE_TIMEOUT: `${IDLE_TIMEOUT_S}s`,
  });
  const publicUrl = server.baseUrl;
  const startedAt = new Date();
  const gaps: Array<{ kind: string; seconds: number }> = [];
  let bursts = 0;
  let setupError: unknown = null;
  let exitCode: number | null = null;
  try {
    const anonymous = new Client(server.url);
    const suppliers = await anonymous.send('suppliers', SUPPLIERS);
    const codes = new Set<string>((suppliers?.suppliers ?? []).map((s: { code: string }) => s.code));
    const missing = DEMO_ACCOUNTS.filter((a) => !codes.has(a.supplierCode)).map((a) => a.supplierCode);
    if (missing.length) throw new Error(`no suppliers ${missing.join(', ')} among ${[...codes].join(', ')}`);

    const confirmed: Abonent[] = [];
    for (let n = 1; n <= CONFIRMED_ABONENTS; n++) confirmed.push(await register(server.url, mail, n, true));
    const unconfirmed: Abonent[] = [];
    for (let n = 1; n <= UNCONFIRMED_ABONENTS; n++) {
      unconfirmed.push(await register(server.url, mail, CONFIRMED_ABONENTS + n, false));
    }
    for (const abonent of confirmed) {
      for (const demo of DEMO_ACCOUNTS) {
        const linked = await abonent.client.send('linkPersonalAccount', LINK, {
          input: { supplierCode: demo.supplierCode, number: demo.number, proof: demo.proof },
        });
        if (!linked) throw new Error(`${abonent.email} could not link ${demo.number}`);
        abonent.accounts.push({ id: linked.linkPersonalAccount.account.id, ...demo });
      }
    }
    // Links reach metering and payments by events within seconds: wait until every readable account shows meters.
    const linkedBy = Date.now() + 60_000;
    for (;;) {
      const shown = await Promise.all(
        confirmed.map(async (a) => {
          const data = await a.client.send('dashboard (AccountsPage_Accounts)', DASHBOARD);
          return (data?.me?.accounts ?? []) as Array<{ id: string; meters: Array<{ id: string }> }>;
        }),
      );
      const readable = new Set(confirmed.flatMap((a) => a.accounts.filter((x) => x.read).map((x) => x.id)));
      const withMeters = shown.flat().filter((x) => readable.has(x.id) && x.meters.length > 0);
      if (
        new Set(withMeters.map((x) => x.id)).size === readable.size &&
        withMeters.length === shown.flat().filter((x) => readable.has(x.id)).length
      ) {
        for (const x of withMeters)
          meterIdsOf.set(
            x.id,
            x.meters.map((m) => m.id),
          );
        break;
      }
      if (Date.now() > linkedBy) throw new Error('the links did not reach metering within 60 s');
      await sleep(1000);
    }
    for (const a of confirmed) await dashboard(a);
    await sleep(3000); // …and payments

    // The mix of a burst: each entry an operation by a random abonent.
    const operations: Array<{ weight: number; run: () => Promise<unknown> }> = [
      {
        weight: 2,
        run: () => {
          const a = pick([...confirmed, ...unconfirmed]);
          return new Client(server.url).send('login', LOGIN, { input: { email: a.email, password: PASSWORD } });
        },
      },
      { weight: 5, run: () => dashboard(pick(confirmed)) },
      { weight: 2, run: () => submitReading(pick(confirmed)) },
      { weight: 1, run: () => startPayment(pick(confirmed), publicUrl) },
      { weight: 1, run: () => pick(unconfirmed).client.send('resendConfirmation', RESEND) },
      { weight: 1, run: () => anonymous.send('suppliers', SUPPLIERS) },
    ];
    const totalWeight = operations.reduce((sum, o) => sum + o.weight, 0);
    const anyOperation = () => {
      let at = Math.random() * totalWeight;
      for (const o of operations) if ((at -= o.weight) < 0) return o.run();
      return operations[0]!.run();
    };
    const burst = async () => {
      bursts++;
      // What broke after quiet first: a login and a resend open every burst, then a mix on 1–4 connections.
      const a = pick(confirmed);
      await new Client(server.url).send('login', LOGIN, { input: { email: a.email, password: PASSWORD } });
      await pick(unconfirmed).client.send('resendConfirmation', RESEND);
      let left = Math.floor(random(5, 30));
      await Promise.all(
        Array.from({ length: Math.floor(random(1, 5)) }, async () => {
          while (left-- > 0) await anyOperation();
        }),
      );
    };

    const deadline = Date.now() + MINUTES * 60_000;
    let first = true;
    while (Date.now() < deadline) {
      await burst();
      // The first gap is a long one, so even a short soak passes an idle timeout once.
      const kind = first ? GAP_CLASSES[2] : pickGap();
      first = false;
      const seconds = Math.min(random(kind.min, kind.max), Math.max(0, (deadline - Date.now()) / 1000));
      gaps.push({ kind: kind.name, seconds });
      await sleep(seconds * 1000);
    }
    await burst(); // after the last gap
    await Promise.all([...meters.values()].map((m) => m.turn));
  } catch (error) {
    setupError = error;
  } finally {
    exitCode = await server.stop();
    await mail.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const finishedAt = new Date();

  // The server's log: pino JSON lines whose level is a label (logger.ts); error is pino's 50, fatal 60.
  const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
  const logLines = server.output().split('\n').filter(Boolean);
  const levelled = logLines.flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number | string };
      const level = typeof entry.level === 'string' ? LEVELS[entry.level] : entry.level;
      return typeof level === 'number' ? [{ level, line }] : [];
    } catch {
      return [];
    }
  });
  const errorLines = levelled.filter((l) => l.level >= 50);
  const warnLines = levelled.filter((l) => l.level === 40);

  const rows = [...stats].map(([name, s]) => {
    const p = percentiles(s.latencies);
    const outcomes = [...s.outcomes].map(([code, count]) => `${code} ${count}`).join(', ') || '–';
    return [name, s.requests, s.errors, ms(p.p50), ms(p.p99), outcomes];
  });
  const totalRequests = [...stats.values()].reduce((sum, s) => sum + s.requests, 0);
  const totalErrors = [...stats.values()].reduce((sum, s) => sum + s.errors, 0);
  const gapRows = GAP_CLASSES.map((g) => {
    const taken = gaps.filter((x) => x.kind === g.name);
    return [
      g.name,
      taken.length,
      taken.reduce((sum, x) => sum + x.seconds, 0).toFixed(0),
      taken.length ? Math.max(...taken.map((x) => x.seconds)).toFixed(1) : '–',
    ];
  });
  const longest = gaps.length ? Math.max(...gaps.map((g) => g.seconds)) : 0;
  // A log this soak cannot read would hide its errors: no level on most lines fails the run too.
  const unreadableLog = levelled.length < logLines.length / 2;
  const failed = totalErrors > 0 || errorLines.length > 0 || unreadableLog || exitCode !== 0 || setupError !== null;

  const table = (header: string[], body: Array<Array<string | number>>) => [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...body.map((row) => `| ${row.join(' | ')} |`),
  ];
  const date = startedAt.toISOString().slice(0, 10);
  const report = [
    `# Soak of the embedded database ${date}${label ? ` (${label})` : ''}`,
    '',
    machine(),
    `- \`npm run bench:soak -- --minutes ${MINUTES}\`: \`main.ts\` (what \`npm start\` runs) without DATABASE_URL, a fresh ` +
      `DATA_DIR, DEMO_DATA=true, CAPTCHA_COST=10, DB_IDLE_TIMEOUT=${IDLE_TIMEOUT_S}s, letters to a local SMTP sink; ` +
      `from ${startedAt.toISOString()} to ${finishedAt.toISOString()}`,
    `- ${CONFIRMED_ABONENTS} abonents registered (CAPTCHA solved), confirmed by the letter's link and logged in, each ` +
      `linking ${DEMO_ACCOUNTS.map((a) => `${a.supplierCode} ${a.number}`).join(', ')}; ${UNCONFIRMED_ABONENTS} more ` +
      'left unconfirmed for resendConfirmation',
    `- ${bursts} bursts (each a login, a resend, then 5–29 operations of the mix on 1–4 connections) separated by ` +
      `${gaps.length} gaps, the longest ${longest.toFixed(1)} s`,
    '',
    `## Result: ${failed ? 'FAILED' : 'passed'}`,
    '',
    `${totalRequests} requests, ${totalErrors} errors; ${errorLines.length} error-level lines in the server's log ` +
      `(${warnLines.length} warnings; ${levelled.length} of its ${logLines.length} lines are pino JSON with a level); the server ` +
      `exited with ${exitCode} on SIGTERM.` +
      (setupError ? ` The soak stopped early: ${describeError(setupError)}` : ''),
    '',
    '## Operations',
    '',
    'An error is an HTTP status other than 200, a failed request, GraphQL `errors`, or `ok: false` with a code that ' +
      'is not an expected outcome of the operation (only RATE_LIMITED of a resend is: once a minute); latency in ms. ' +
      'Setup (register, confirm, link) counts too. The dashboard is the web client’s own `AccountsPage_Accounts`.',
    '',
    ...table(['operation', 'requests', 'errors', 'p50', 'p99', 'expected refusals'], rows),
    '',
    '## Gaps',
    '',
    ...table(['kind', 'taken', 'seconds in all', 'longest'], gapRows),
    '',
  ];
  const samples = [...stats].filter(([, s]) => s.samples.length);
  if (samples.length) {
    report.push('## Error samples', '');
    for (const [name, s] of samples)
      for (const sample of s.samples) report.push(`- ${name}: \`${sample.replace(/`/g, "'")}\``);
    report.push('');
  }
  if (errorLines.length) {
    report.push(`## Error-level log lines (${errorLines.length}, the first 10)`, '', '```');
    report.push(...errorLines.slice(0, 10).map((l) => l.line.slice(0, 600)), '```', '');
  }
  if (warnLines.length) {
    report.push(`## Warnings in the log (${warnLines.length}, the first 5)`, '', '```');
    report.push(...warnLines.slice(0, 5).map((l) => l.line.slice(0, 600)), '```', '');
  }
  if (setupError)
    report.push(
      '## Stopped early',
      '',
      '```',
      setupError instanceof Error ? (setupError.stack ?? setupError.message) : describeError(setupError),
      '```',
      '',
    );

  const text = report.join('\n');
  console.log(text);
  const file = path.join(ROOT, 'bench/results', `${date}-soak${label ? `-${label}` : ''}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`written to ${path.relative(ROOT, file)}`);
  console.log(
    `${failed ? 'FAILED' : 'passed'}: ${totalRequests} requests, ${totalErrors} errors, ${errorLines.length} ` +
      `error-level log lines, exit code ${exitCode}; ${gaps.length} gaps, the longest ${longest.toFixed(1)} s`,
  );
  process.exitCode = failed ? 1 : 0;
}

await main();

/** What went wrong, readable whatever was thrown. */
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
}
