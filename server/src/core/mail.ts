// Outgoing letters: the `mail.send` job, sent by SMTP (nodemailer) or, without SMTP_URL, kept in a development mailbox.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { PRIORITY, type JobDefinition, type JobQueue } from './queue.js';

export interface Letter {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of letter (for logs: never the address or the body, which carry tokens). */
  kind: string;
  /**
   * The letter's Message-ID (`<uuid@host of PUBLIC_URL>`), made once when it is queued, so every attempt sends it
   * under the same one and an attempt after a crash is recognisable. Absent in letters queued before that.
   */
  messageId?: string;
}

/** Which letters were sent: the mail job skips a letter sent by an attempt whose job was not marked done. */
export interface SentLetters {
  wasSent(messageId: string): Promise<boolean>;
  record(messageId: string, kind: string): Promise<void>;
}

/**
 * Seconds an attempt may hold a letter before another may take it (after a crash): above the longest SMTP attempt
 * (connection, greeting and socket timeouts of about 10 s each), well under a minute.
 */
export const MAIL_EXPIRE_SECONDS = 40;

export interface StoredLetter extends Letter {
  id: string;
  from: string;
  createdAt: string;
}

export const MAIL_JOB = 'mail.send';

export interface MailTransport {
  send(letter: Letter): Promise<void>;
}

/** Letters of the embedded default, one JSON file each under DATA_DIR/dev-mail, shown at /dev/mail. */
export class DevMailbox implements MailTransport {
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(letter: Letter): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const stored: StoredLetter = { ...letter, id: randomUUID(), from: this.from, createdAt: new Date().toISOString() };
    await writeFile(path.join(this.dir, `${Date.now()}-${stored.id}.json`), JSON.stringify(stored), 'utf8');
  }

  async list(): Promise<StoredLetter[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const letters = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => JSON.parse(await readFile(path.join(this.dir, n), 'utf8')) as StoredLetter),
    );
    return letters.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

export interface SmtpOptions {
  /** SMTP connections kept open and used at once. */
  readonly connections: number;
  /** Milliseconds any one step (connect, greeting, a reply) may take before the attempt fails. */
  readonly timeoutMs: number;
}

export class SmtpTransport implements MailTransport {
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
    options: SmtpOptions = { connections: 1, timeoutMs: 10_000 },
  ) {
    // Pooled: letters reuse open connections instead of a handshake each. Every step has a deadline, so a server
    // that accepts TCP and never greets (or stops answering) fails the attempt, which is retried, instead of
    // holding a connection for nodemailer's defaults (30 s greeting, 10 min socket).
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: options.connections,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      dnsTimeout: options.timeoutMs,
    });
  }

  async send(letter: Letter): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: letter.to,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
      // Without one nodemailer makes a random Message-ID per attempt.
      ...(letter.messageId ? { messageId: letter.messageId } : {}),
    });
  }

  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(config: Config): MailTransport {
  return config.smtpUrl
    ? new SmtpTransport(config.smtpUrl, config.smtpFrom, {
        connections: config.mailConcurrency,
        timeoutMs: config.smtpTimeoutMs,
      })
    : new DevMailbox(path.join(config.dataDir, 'dev-mail'), config.smtpFrom);
}

/** Letters nobody is waiting for at this moment: sent after every letter a person waits for (see `sendLetter`). */
const BULK_LETTERS: ReadonlySet<string> = new Set(['reading-reminder']);

/**
 * The job that delivers letters, `concurrency` at a time; an unreachable SMTP server means retries with back-off,
 * not a lost letter. A letter recorded as sent is not sent again (its attempt died before the job was marked done);
 * one whose attempt died between the SMTP server's acceptance and the record goes again under the same Message-ID.
 * A started attempt holds its job for MAIL_EXPIRE_SECONDS, well above the SMTP step deadline.
 */
export function mailJob(
  transport: MailTransport,
  log: Logger,
  sent: SentLetters,
  concurrency = 8,
  metrics?: Metrics,
): JobDefinition<Letter> {
  return {
    name: MAIL_JOB,
    retryLimit: 20,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: MAIL_EXPIRE_SECONDS,
    concurrency,
    async handle(letter) {
      const { messageId, kind } = letter;
      if (messageId && (await sent.wasSent(messageId))) {
        log.info({ letter: kind, messageId }, 'letter already sent; not sent again');
        metrics?.letters.inc({ kind, outcome: 'duplicate' });
        return;
      }
      try {
        await transport.send(letter);
      } catch (error) {
        metrics?.letters.inc({ kind, outcome: 'failed' });
        throw error;
      }
      metrics?.letters.inc({ kind, outcome: 'sent' });
      if (messageId) await sent.record(messageId, kind);
      log.info({ letter: kind, messageId }, 'letter sent');
    },
  };
}

/** A new Message-ID on the cabinet's own host. */
export function newMessageId(publicUrl: string): string {
  return `<${randomUUID()}@${new URL(publicUrl).hostname}>`;
}

/** Queues a letter in the caller's transaction, with its Message-ID (see `Letter.messageId`) and priority. */
export function sendLetter(queue: JobQueue, em: EntityManager, letter: Letter, publicUrl: string): Promise<void> {
  return queue.enqueue(
    em,
    MAIL_JOB,
    { ...letter, messageId: letter.messageId ?? newMessageId(publicUrl) },
    { priority: letterPriority(letter) },
  );
}

/** A confirmation, a reset link or a receipt is fetched before any waiting reminder, however many wait. */
export function letterPriority(letter: Pick<Letter, 'kind'>): number {
  return BULK_LETTERS.has(letter.kind) ? PRIORITY.bulk : PRIORITY.urgent;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
