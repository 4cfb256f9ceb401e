// A real SMTP server on loopback (smtp-server) that keeps every letter, parsed, for tests to read.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../src/core/database.js';

export interface ReceivedLetter {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID header as sent, with its angle brackets. */
  messageId: string;
}

export interface SmtpSink {
  readonly url: string;
  readonly letters: ReceivedLetter[];
  /** Waits for the next letter to `to` matching `subject` (a letter already received counts). */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ReceivedLetter>;
  /** The first link in a letter whose path starts with `path`. */
  linkIn(letter: ReceivedLetter, path: string): string;
  close(): Promise<void>;
}

export async function startSmtpSink(atPort?: number): Promise<SmtpSink> {
  const letters: ReceivedLetter[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          letters.push({
            to,
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
          });
          callback();
        })
        .catch(callback);
    },
  });
  const port = atPort ?? (await freePort());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    letters,
    async waitFor(to, subject, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      const seen = new Set<ReceivedLetter>();
      while (Date.now() < deadline) {
        const found = letters.find(
          (l) => !seen.has(l) && l.to.some((a) => a.toLowerCase() === to.toLowerCase()) && subject.test(l.subject),
        );
        if (found) {
          letters.splice(letters.indexOf(found), 1);
          return found;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(
        `no letter to ${to} matching ${subject} within ${timeoutMs} ms; got: ${letters.map((l) => l.subject).join(', ')}`,
      );
    },
    linkIn(letter, path) {
      const match = letter.text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}[^\\s]*`));
      if (!match) throw new Error(`no ${path} link in letter «${letter.subject}»:\n${letter.text}`);
      return match[0];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
