// Outgoing letters: the `mail.send` job, sent by SMTP (nodemailer) or, without SMTP_URL, kept in a development mailbox.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { PRIORITY, type JobDefinition, type JobQueue } from './queue.js';

export interface Letter {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** What kind of letter (for logs: never the address or the body, which carry tokens). */
  kind: string;
}

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
 * not a lost letter. A started attempt holds its job for `expireInSeconds` (well above the SMTP step deadline).
 */
export function mailJob(transport: MailTransport, log: Logger, concurrency = 8): JobDefinition<Letter> {
  return {
    name: MAIL_JOB,
    retryLimit: 20,
    retryDelay: 15,
    retryBackoff: true,
    concurrency,
    async handle(letter) {
      await transport.send(letter);
      log.info({ letter: letter.kind }, 'letter sent');
    },
  };
}

/** Queues a letter in the caller's transaction. */
export function sendLetter(queue: JobQueue, em: EntityManager, letter: Letter): Promise<void> {
  return queue.enqueue(em, MAIL_JOB, letter, { priority: letterPriority(letter) });
}

/** A confirmation, a reset link or a receipt is fetched before any waiting reminder, however many wait. */
export function letterPriority(letter: Pick<Letter, 'kind'>): number {
  return BULK_LETTERS.has(letter.kind) ? PRIORITY.bulk : PRIORITY.urgent;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
