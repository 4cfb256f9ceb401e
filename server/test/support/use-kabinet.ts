// The setup most API test files share: an SMTP sink and Kabinet sending its letters there, started before the
// file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { startTestKabinet, type TestKabinet, type TestKabinetOptions } from './kabinet.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/**
 * Registers beforeAll/afterAll that start an SMTP sink and Kabinet (with a low captcha cost, then `env`) and close
 * them. The returned `app` and `mail` forward to them, so a test uses them directly once beforeAll has run.
 */
export function useTestKabinet(
  env: Record<string, string> = {},
  options: TestKabinetOptions = {},
): { app: TestKabinet; mail: SmtpSink } {
  let started: TestKabinet | undefined;
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    started = await startTestKabinet({ SMTP_URL: sink.url, CAPTCHA_COST: '10', ...env }, options);
  });
  afterAll(async () => {
    await started?.close();
    await sink?.close();
  });
  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestKabinet: used before beforeAll ran');
    return value;
  };
  const app: TestKabinet = {
    get kabinet() {
      return running(started).kabinet;
    },
    get config() {
      return running(started).config;
    },
    get database() {
      return running(started).database;
    },
    graphql: (query, variables, headers) => running(started).graphql(query, variables, headers),
    browser: (clientIp) => running(started).browser(clientIp),
    close: () => running(started).close(),
  };
  const mail: SmtpSink = {
    get url() {
      return running(sink).url;
    },
    get letters() {
      return running(sink).letters;
    },
    waitFor: (to, subject, timeoutMs) => running(sink).waitFor(to, subject, timeoutMs),
    linkIn: (letter, path) => running(sink).linkIn(letter, path),
    close: () => running(sink).close(),
  };
  return { app, mail };
}
