// Outgoing letters: the `mail.send` job, sent by SMTP (nodemailer) or, without SMTP_URL, kept in a development mailbox.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { JobDefinition, JobQueue } from './queue.js';

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

export class SmtpTransport implements MailTransport {
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
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
}

export function createMailTransport(config: Config): MailTransport {
  return config.smtpUrl
    ? new SmtpTransport(config.smtpUrl, config.smtpFrom)
    : new DevMailbox(path.join(config.dataDir, 'dev-mail'), config.smtpFrom);
}

/** The job that delivers letters; an unreachable SMTP server means retries with back-off, not a lost letter. */
export function mailJob(transport: MailTransport, log: Logger): JobDefinition<Letter> {
  return {
    name: MAIL_JOB,
    retryLimit: 20,
    retryDelay: 15,
    retryBackoff: true,
    async handle(letter) {
      await transport.send(letter);
      log.info({ letter: letter.kind }, 'letter sent');
    },
  };
}

/** Queues a letter in the caller's transaction. */
export function sendLetter(queue: JobQueue, em: EntityManager, letter: Letter): Promise<void> {
  return queue.enqueue(em, MAIL_JOB, letter);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
