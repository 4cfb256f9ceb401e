// A letter whose sending process is killed (kill -9): how long until it goes again, how many copies arrive and under
// how many Message-IDs, and what an idle Kabinet costs PostgreSQL in transactions a second (pg-boss's maintenance).
// `npm run bench:mail-crash` (PostgreSQL at BENCH_POSTGRES_URL, default the local server; its own database).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort, startProcess, type RunningProcess } from '../server/test/support/processes.js';
import { registrationInput } from '../server/test/support/abonents.js';
import { solveCaptcha } from '../server/test/support/captcha.js';
import { ROOT } from './processes.js';

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'kabinet_bench_mail_crash';

interface Received {
  to: string;
  messageId: string;
  at: number;
}

/** An SMTP sink; `onLetter` decides, per letter, what happens before it is accepted (stall, kill the sender). */
async function sink(onLetter: (to: string) => 'accept' | 'stall' | 'kill-then-accept') {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.value[0]?.address ?? '';
          const action = onLetter(to);
          if (action === 'stall') return; // never answered: the sender waits until it is killed
          if (action === 'kill-then-accept') killSender();
          received.push({ to, messageId: parsed.messageId ?? '', at: Date.now() });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let current: RunningProcess | undefined;
function killSender() {
  current?.child.kill('SIGKILL');
}

async function start(databaseUrl: string, smtpUrl: string, port: number): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${port}`;
  current = await startProcess(
    'main.ts',
    [],
    { DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, PORT: String(port), PUBLIC_URL: url, CAPTCHA_COST: '10' },
    url,
  );
  return current;
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any };
}

async function register(url: string, email: string) {
  const challenge = await graphql(url, '{ captchaChallenge { challenge } }');
  const captcha = await solveCaptcha(challenge.data.captchaChallenge.challenge as string);
  const answer = await graphql(
    url,
    'mutation ($input: RegisterInput!) { register(input: $input) { ok errors { field code } } }',
    { input: registrationInput(email, captcha) },
  );
  if (!answer.data?.register?.ok) throw new Error(`registration failed: ${JSON.stringify(answer)}`);
}

async function until<T>(what: string, read: () => T | undefined, ms = 600_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Transactions a second on the database over `seconds`, after 20 s to settle (this reading's own included). */
async function idleTransactions(databaseUrl: string, seconds: number): Promise<string> {
  await new Promise((r) => setTimeout(r, 20_000));
  const stats = new pg.Client({ connectionString: databaseUrl });
  await stats.connect();
  const commits = async () =>
    Number(
      (
        await stats.query<{ n: string }>(
          `select xact_commit + xact_rollback as n from pg_stat_database where datname = $1`,
          [DATABASE],
        )
      ).rows[0]!.n,
    );
  const before = await commits();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = await commits();
  await stats.end();
  return ((after - before) / seconds).toFixed(1);
}

async function main() {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE}`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const databaseUrl = new URL(SERVER_URL);
  databaseUrl.pathname = `/${DATABASE}`;

  const plan = new Map<string, Array<'accept' | 'stall' | 'kill-then-accept'>>();
  const smtp = await sink((to) => plan.get(to)?.shift() ?? 'accept');
  const port = await freePort();
  const lines: string[] = [];
  try {
    if (process.env.BENCH_IDLE_ONLY) {
      const kabinet = await start(databaseUrl.toString(), smtp.url, port);
      console.log(`idle: ${await idleTransactions(databaseUrl.toString(), 60)} transactions a second`);
      await kabinet.stop();
      return;
    }
    // 1. Killed while the SMTP server has not answered yet: the letter is not sent; when does it go again?
    const stalled = 'stalled@example.ru';
    plan.set(stalled, ['stall']);
    let kabinet = await start(databaseUrl.toString(), smtp.url, port);
    await register(kabinet.baseUrl, stalled);
    await until('the stalled attempt', () => (plan.get(stalled)!.length === 0 ? true : undefined));
    const killedAt = Date.now();
    killSender();
    kabinet = await start(databaseUrl.toString(), smtp.url, port);
    const restartedAt = Date.now();
    const first = await until('the letter again', () => smtp.received.find((l) => l.to === stalled));
    lines.push(
      `| killed before the SMTP server answered | ${((first.at - killedAt) / 1000).toFixed(1)} s after the kill ` +
        `(${((first.at - restartedAt) / 1000).toFixed(1)} s after the restart was ready) | ` +
        `${smtp.received.filter((l) => l.to === stalled).length} | 1 |`,
    );

    // 2. Killed the moment the SMTP server accepted the letter, before the record: it goes again, under its id.
    const accepted = 'accepted@example.ru';
    plan.set(accepted, ['kill-then-accept']);
    await register(kabinet.baseUrl, accepted);
    await until('the accepted letter', () => smtp.received.find((l) => l.to === accepted));
    const killed2 = Date.now();
    kabinet = await start(databaseUrl.toString(), smtp.url, port);
    const copies = await until('the second copy', () => {
      const all = smtp.received.filter((l) => l.to === accepted);
      return all.length >= 2 ? all : undefined;
    });
    lines.push(
      `| killed after the SMTP server accepted, before the record | ${((copies[1]!.at - killed2) / 1000).toFixed(1)} s ` +
        `after the kill | ${copies.length} | ${new Set(copies.map((l) => l.messageId)).size} |`,
    );

    // 3. Idle: transactions a second on its database while Kabinet waits for work (one process).
    const idleSeconds = 60;
    const idle = await idleTransactions(databaseUrl.toString(), idleSeconds);
    await kabinet.stop();

    const report = [
      `# A letter through kill -9 (${new Date().toISOString().slice(0, 10)})`,
      '',
      '`npm run bench:mail-crash`: one Kabinet process on PostgreSQL, a local SMTP sink; the process is killed',
      '(SIGKILL) while it sends a confirmation letter, then started again.',
      '',
      '| when the process died | the letter arrived | copies | Message-IDs |',
      '| --- | --- | --- | --- |',
      ...lines,
      '',
      `Idle, one process: ${idle} transactions a second on its database (pg_stat_database, ${idleSeconds} s, `,
      'the statistics reads of this script included).',
      '',
    ].join('\n');
    console.log(report);
    const file = path.join(ROOT, 'bench/results', `${new Date().toISOString().slice(0, 10)}-mail-crash.md`);
    await writeFile(file, report, 'utf8');
    console.log(`written to ${path.relative(ROOT, file)}`);
  } finally {
    killSender();
    await smtp.close();
  }
}

await main();
process.exit(0);
