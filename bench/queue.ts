// `npm run bench:queue [-- --letters 2000] [--reminders 10000] [--idle 30]`: the job queue as letters see it.
// 1. Letters per second from one process (the mail job of `npm start`, its SMTP settings) to a local SMTP sink.
// 2. How long a password-reset letter takes to reach the sink while `--reminders` reading reminders wait.
// 3. Idle CPU of `npm start` on the embedded database, over `--idle` seconds after it is ready.
// On DATABASE_URL (a fresh database is made on it, and dropped) or, without it, the embedded database.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../server/src/core/database.js';
import { createTestDatabase } from '../server/test/support/database.js';
import { createLogger } from '../server/src/core/logger.js';
import {
  MAIL_JOB,
  SmtpTransport,
  letterPriority,
  mailJob,
  newMessageId,
  type Letter,
  type SentLetters,
} from '../server/src/core/mail.js';
import { JobQueue } from '../server/src/core/queue.js';
import { loadConfig } from '../server/src/core/config.js';
import { startEmbeddedKabinet } from './processes.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const LETTERS = option('letters', 2000);
const REMINDERS = option('reminders', 10_000);
const IDLE_SECONDS = option('idle', 30);
const config = loadConfig({});
const log = createLogger('warn');

/** An SMTP sink that keeps only each letter's subject (no parsing beyond the header), with arrival times. */
async function startSink() {
  const arrivals: Array<{ subject: string; at: number }> = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).subarray(0, 4096).toString('latin1');
        arrivals.push({ subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '', at: performance.now() });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    async until(check: () => boolean, timeoutMs: number) {
      const deadline = performance.now() + timeoutMs;
      while (!check()) {
        if (performance.now() > deadline) throw new Error('the sink waited too long');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const letter = (kind: string, subject: string): Letter => ({
  kind,
  messageId: newMessageId('https://lk.example.ru'),
  to: 'abonent@example.ru',
  subject,
  text: 'Текст письма '.repeat(40),
  html: `<p>${'Текст письма '.repeat(40)}</p>`,
});

/**
 * The record of letters sent, as identity keeps it (a lookup before and an insert after each letter), in a table of
 * the same shape as `identity.sent_letter`.
 */
async function sentLetterTable(sql: pg.Pool): Promise<SentLetters> {
  await sql.query(
    `create table bench_sent_letter (message_id text primary key, kind text not null, sent_at timestamptz not null default now())`,
  );
  return {
    async wasSent(messageId) {
      const { rows } = await sql.query('select 1 from bench_sent_letter where message_id = $1', [messageId]);
      return rows.length > 0;
    },
    async record(messageId, kind) {
      await sql.query('insert into bench_sent_letter (message_id, kind) values ($1, $2) on conflict do nothing', [
        messageId,
        kind,
      ]);
    },
  };
}

/** Commits `letters` as mail jobs in one transaction, at the priorities `sendLetter` gives them. */
async function commitLetters(queue: JobQueue, sql: pg.Pool, letters: Letter[]): Promise<void> {
  {
    const client = await sql.connect();
    try {
      await client.query('begin');
      for (const l of letters) {
        await queue.enqueueOn(client, MAIL_JOB, l, { priority: letterPriority(l) });
      }
      await client.query('commit');
    } finally {
      client.release();
    }
  }
  queue.wake(MAIL_JOB);
}

async function letterFigures() {
  const database = await createTestDatabase();
  const sink = await startSink();
  const sql = new pg.Pool({ connectionString: database.url, max: 1 });
  // The mail job's record of letters sent: its own pool, as identity's ORM pool is.
  const records = new pg.Pool({ connectionString: database.url, max: database.embedded ? 1 : 4 });
  records.on('error', () => {});
  sql.on('error', () => {}); // the database is dropped at the end, with its connections
  const queue = await JobQueue.start(database.url, log, { max: database.embedded ? 2 : 4, listen: !database.embedded });
  const transport = new SmtpTransport(sink.url, config.smtpFrom, {
    connections: config.mailConcurrency,
    timeoutMs: config.smtpTimeoutMs,
  });
  const sent = await sentLetterTable(records);
  try {
    // Enqueued before the mail job is worked, so the rate is the sending alone.
    await queue.boss.createQueue(MAIL_JOB);
    await commitLetters(
      queue,
      sql,
      Array.from({ length: LETTERS }, (_, n) => letter('payment-receipt', `Receipt ${n}`)),
    );
    const started = performance.now();
    await queue.register(mailJob(transport, log, sent, config.mailConcurrency));
    await sink.until(() => sink.arrivals.length >= LETTERS, 600_000);
    const perSecond = LETTERS / ((performance.now() - started) / 1000);

    // A reminder wave committed at once, then one reset letter right behind it.
    const before = sink.arrivals.length;
    await commitLetters(
      queue,
      sql,
      Array.from({ length: REMINDERS }, (_, n) => letter('reading-reminder', `Reminder ${n}`)),
    );
    const client = await sql.connect();
    const resetAt = performance.now();
    await client.query('begin');
    const reset = letter('reset-password', 'Reset');
    await queue.enqueueOn(client, MAIL_JOB, reset, { priority: letterPriority(reset) });
    await client.query('commit');
    client.release();
    queue.wake(MAIL_JOB);
    await sink.until(() => sink.arrivals.some((a) => a.subject === 'Reset'), 600_000);
    const resetArrival = sink.arrivals.find((a) => a.subject === 'Reset')!;
    const resetSeconds = (resetArrival.at - resetAt) / 1000;
    const remindersWaiting = REMINDERS - (sink.arrivals.indexOf(resetArrival) - before);
    return { perSecond, resetSeconds, remindersWaiting, embedded: database.embedded };
  } finally {
    await queue.stop();
    transport.close();
    await sql.end();
    await records.end();
    await sink.close();
    await database.close();
  }
}

/** CPU seconds (user + system) of a process so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function idleFigure() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-bench-idle-'));
  const kabinet = await startEmbeddedKabinet(dataDir, { LOG_LEVEL: 'warn' });
  try {
    // Past the start's own work (migrations, demo data, the first sweep).
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const cpuBefore = cpuSeconds(kabinet.child.pid!);
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const share = (cpuSeconds(kabinet.child.pid!) - cpuBefore) / ((performance.now() - wallBefore) / 1000);
    return { share };
  } finally {
    await kabinet.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const letters = await letterFigures();
const idle = await idleFigure();
const lines = [
  `# Job queue, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `\`npm run bench:queue -- --letters ${LETTERS} --reminders ${REMINDERS} --idle ${IDLE_SECONDS}\`, on ${
    letters.embedded ? 'the embedded database' : 'PostgreSQL (DATABASE_URL)'
  }, Node ${process.version}, MAIL_CONCURRENCY ${config.mailConcurrency}.`,
  '',
  '| measure | result | target |',
  '|---|---|---|',
  `| letters per second, one process, to a local SMTP sink | ${letters.perSecond.toFixed(0)} | ≥ 50 |`,
  `| reset letter's arrival with ${letters.remindersWaiting} of ${REMINDERS} reminders still waiting | ${letters.resetSeconds.toFixed(2)} s | < 10 s |`,
  `| idle CPU of \`npm start\` on the embedded database, ${IDLE_SECONDS} s | ${(idle.share * 100).toFixed(2)} % of a core | < 1 % |`,
  '',
];
process.stdout.write(lines.join('\n'));
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
if (out) await writeFile(out, lines.join('\n'));
