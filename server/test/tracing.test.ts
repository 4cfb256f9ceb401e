// Traces: with OTEL_EXPORTER_OTLP_ENDPOINT set, `npm start`'s entry point sends each request as one trace (the
// HTTP request, the GraphQL operation, every SQL statement, the jobs it enqueued) to an OTLP/HTTP receiver, and no
// span carries a password, token, cookie, e-mail address or account holder's name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationInput } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import { createTestDatabase } from './support/database.js';
import { freePort, postGraphQL, startProcess, startupTime, type RunningProcess } from './support/processes.js';
import { startOtlpReceiver, until, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.js';
import { trustedDocument } from './support/trusted-documents.js';
import type { Database } from '../src/core/database.js';

const PASSWORD = 'Tr4cedPw9';

let database: Database;
let dataDir: string;
let receiver: OtlpReceiver;
let main: RunningProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'kabinet-tracing-'));
  receiver = await startOtlpReceiver();
  const port = await freePort();
  main = await startProcess(
    'main.ts',
    [],
    {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      CAPTCHA_COST: '10',
      DEMO_DATA: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    `http://127.0.0.1:${port}`,
  );
}, startupTime(1));

afterAll(async () => {
  const code = await main?.stop();
  await receiver?.close();
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe('traces of one process', () => {
  it('sends a dashboard request as one trace, and nothing personal in any span', async () => {
    const base = main.baseUrl;
    const email = `traced${Date.now()}@example.ru`;
    const challenge = await postGraphQL(base, '{ captchaChallenge { challenge } }');
    const registered = await postGraphQL(
      base,
      'mutation ($input: RegisterInput!) { register(input: $input) { ok errors { code message } } }',
      {
        input: {
          ...registrationInput(email, await solveCaptcha(challenge.body.data.captchaChallenge.challenge)),
          password: PASSWORD,
          passwordRepeat: PASSWORD,
        },
      },
      { 'x-request-id': 'traced-register' },
    );
    expect(registered.body.data.register, JSON.stringify(registered.body)).toMatchObject({ ok: true });
    // Without SMTP_URL the letter lands in the development mailbox, sent by the queued job.
    const letter = await (async () => {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
        const box = (await (await fetch(`${base}/dev/mail.json`)).json()) as {
          letters: Array<{ to: string; text: string }>;
        };
        const found = box.letters.find((l) => l.to === email);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('no confirmation letter');
    })();
    const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(letter.text)![1]!;
    const confirmed = await postGraphQL(base, 'mutation ($t: String!) { confirmEmail(token: $t) { ok } }', {
      t: token,
    });
    expect(confirmed.body.data.confirmEmail.ok).toBe(true);
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: LoginInput!) { login(input: $input) { ok } }',
        variables: { input: { email, password: PASSWORD } },
      }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const linked = await postGraphQL(
      base,
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062012", proof: "4,37507" }) { ok } }',
      undefined,
      { cookie },
    );
    expect(linked.body.data.linkPersonalAccount.ok).toBe(true);
    // The dashboard as the built web client asks for it: by hash.
    const dashboard = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: trustedDocument('AccountsPage_Accounts').hash } },
      }),
    });
    const answer = (await dashboard.json()) as { data?: { me: { accounts: Array<{ holder: string }> } } };
    expect(answer.data?.me.accounts[0]?.holder).toBe('И***в И. И.');

    const operation = await until('the dashboard operation span', () =>
      receiver.spans.find((s) => s.name === 'graphql query AccountsPage_Accounts'),
    );
    const trace = () => receiver.spans.filter((s) => s.traceId === operation.traceId);
    // Its statements arrive with it; wait until the batch that carries the last of them is in.
    const statements = await until('the dashboard statements', () => {
      const found = trace().filter((s) => s.attributes['db.system'] === 'postgresql' || s.name.startsWith('pg.'));
      return found.length >= 2 ? found : undefined;
    });
    const spans = trace();
    const root = spans.find((s) => !s.parentSpanId);
    expect(root).toMatchObject({ service: 'kabinet', name: 'POST', kind: 2 /* SERVER */ });
    expect(root!.attributes['url.path']).toBe('/graphql');
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'AccountsPage_Accounts',
      'kabinet.caller.kind': 'abonent',
    });
    // One tree: every span's parent is in the same trace, down to the root.
    const ids = new Set(spans.map((s) => s.spanId));
    for (const span of spans) if (span.parentSpanId) expect(ids.has(span.parentSpanId), span.name).toBe(true);
    // The SQL is recorded as its text with placeholders, under the operation.
    const underOperation = (span: ReceivedSpan): boolean => {
      for (let at: ReceivedSpan | undefined = span; at; at = spans.find((s) => s.spanId === at?.parentSpanId)) {
        if (at.spanId === operation.spanId) return true;
      }
      return false;
    };
    const queries = statements.filter((s) => typeof s.attributes['db.query.text'] === 'string');
    expect(queries.length).toBeGreaterThanOrEqual(2);
    expect(queries.every(underOperation)).toBe(true);
    expect(queries.some((s) => String(s.attributes['db.query.text']).includes('"accounts"."account_link"'))).toBe(true);

    // The registration's letter: the job enqueued in its transaction runs in the registration's trace.
    const job = await until('the confirmation letter job span', () =>
      receiver.spans.find((s) => s.name === 'job mail.send'),
    );
    const registerTrace = receiver.spans.filter((s) => s.traceId === job.traceId);
    expect(registerTrace.some((s) => s.name === 'graphql mutation other')).toBe(true);
    expect(registerTrace.some((s) => s.kind === 2 && s.attributes['url.path'] === '/graphql')).toBe(true);

    // Nothing personal, in any span of any trace, anywhere in what was sent.
    const sent = receiver.raw.join('\n');
    for (const secret of [PASSWORD, email, token, cookie.split('=')[1]!, 'Иванов', 'Ivanov']) {
      expect(sent.includes(secret), `a span carries ${secret}`).toBe(false);
    }
    expect(sent).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect(sent.toLowerCase()).not.toContain('cookie');
  });
});
