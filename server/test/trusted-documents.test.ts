// Trusted documents over HTTP: browsers send the web client's operations by hash; ad-hoc documents only with a key.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { createPartner, registrationInput, uniqueEmail } from './support/abonents.js';
import { solveCaptcha } from './support/captcha.js';
import type { Browser, GraphQLResult } from './support/kabinet.js';
import { startTestKabinet } from './support/kabinet.js';
import { byHash, trustedDocument } from './support/trusted-documents.js';
import { useTestKabinet } from './support/use-kabinet.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function expectRefused(result: GraphQLResult, code: string): void {
  expect(result.status).toBe(400);
  expect(result.body.data).toBeUndefined();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors![0]!.extensions).toEqual({ code });
  expect(result.body.errors![0]!.message).toMatch(/[А-Яа-яЁё]/);
}

/** Registers and signs in the way the built web client does: every operation by its hash. */
async function signedInByHash(client: Browser): Promise<string> {
  const challenge = await client.send(byHash('Captcha_Challenge'));
  const captcha = await solveCaptcha(challenge.body.data.captchaChallenge.challenge);
  const email = uniqueEmail('trusted');
  const input = registrationInput(email, captcha);
  const registered = await client.send(byHash('RegisterPage_Register', { input }));
  expect(registered.body.data?.register).toMatchObject({ ok: true });
  const login = await client.send(byHash('LoginPage_Login', { input: { email, password: input.password } }));
  expect(login.body.data?.login).toMatchObject({ ok: true });
  expect(client.cookies.size).toBe(1);
  return email;
}

describe('TRUSTED_DOCUMENTS=require', () => {
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const { app } = useTestKabinet({ TRUSTED_DOCUMENTS: 'require' }, { log: createLogger('warn', {}, sink) });

  it('a browser session sends the web client operations by hash and gets its data', async () => {
    const client = app.browser();
    const email = await signedInByHash(client);
    const me = await client.send(byHash('Session_Me'));
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({
      __typename: 'Query',
      me: { __typename: 'Abonent', email, emailConfirmed: false, id: expect.any(String) },
    });
    // The exact text of a trusted document is that document, hash or not.
    const { text } = trustedDocument('Session_Me');
    expect((await client.graphql(text)).body.data).toMatchObject({ me: { email } });
  });

  it('refuses an ad-hoc document from a browser session and from an anonymous browser', async () => {
    const client = app.browser();
    await signedInByHash(client);
    expectRefused(await client.graphql('{ me { id email } }'), 'PERSISTED_QUERY_REQUIRED');
    expectRefused(await app.browser().graphql('{ suppliers { code } }'), 'PERSISTED_QUERY_REQUIRED');
    // A trusted document changed by a single space is another document.
    const { text } = trustedDocument('SuppliersPage_Suppliers');
    expectRefused(await app.browser().graphql(`${text} `), 'PERSISTED_QUERY_REQUIRED');
    // Registering an automatic persisted query (the text with its right hash) is an ad-hoc document too.
    const query = '{ suppliers { code name } }';
    const apq = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expectRefused(await client.send({ query, extensions: apq }), 'PERSISTED_QUERY_REQUIRED');
    expectRefused(await client.send({ extensions: apq }), 'PERSISTED_QUERY_UNKNOWN');
    // Refusals are logged at warn with their code, never the document.
    const refused = logLines.filter((line) => line.msg === 'request refused');
    expect(refused.map((line) => line.refused)).toContainEqual([{ code: 'PERSISTED_QUERY_REQUIRED' }]);
    expect(JSON.stringify(refused)).not.toContain('suppliers');
  });

  it('refuses a hash that is no trusted document, also one a partner registered', async () => {
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } };
    expectRefused(await app.browser().send(unknown), 'PERSISTED_QUERY_UNKNOWN');
    const partner = await createPartner(app, 'kaluga', ['accounts:read']);
    const query = '{ suppliers { code region } }';
    const apq = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${partner.apiKey}` };
    const post = async (body: object, extra: Record<string, string> = {}) => {
      const response = await app.kabinet.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...headers, ...extra },
        payload: JSON.stringify(body),
      });
      return { status: response.statusCode, body: response.json() } as GraphQLResult;
    };
    // With a key an unregistered hash is Apollo Server's APQ miss, which tells the client to send the text.
    const unregistered = await post({ extensions: apq });
    expect(unregistered.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions: apq })).status).toBe(200);
    expect((await post({ extensions: apq })).body.data).toMatchObject({ suppliers: expect.any(Array) });
    // The partner's automatic persisted query is not the web client's: a browser sending its hash is refused.
    expectRefused(await app.browser().send({ extensions: apq }), 'PERSISTED_QUERY_UNKNOWN');
  });

  it('lets a partner send ad-hoc documents, within the partner cost limit', async () => {
    const partner = await createPartner(app, 'voronezh', ['accounts:read']);
    const adHoc = await partner.graphql(
      '{ partnerApp { name supplier { code } } partnerAccounts(first: 10) { nodes { number } } }',
    );
    expect(adHoc.status).toBe(200);
    expect(adHoc.body.data).toMatchObject({ partnerApp: { supplier: { code: 'voronezh' } } });
    // Above MAX_PARTNER_QUERY_COST (200 000) a partner's document is refused as before.
    const costly = await partner.graphql(
      '{ partnerAccounts(first: 1000) { nodes { meters { readings(last: 100) { id value zone } } } } }',
    );
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    // A partner may use the web client's hashes too.
    const byKey = await app.kabinet.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partner.apiKey}` },
      payload: JSON.stringify(byHash('SuppliersPage_Suppliers')),
    });
    expect(byKey.json()).toMatchObject({ data: { suppliers: expect.any(Array) } });
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default outside production)', () => {
  const { app } = useTestKabinet();

  it('takes ad-hoc documents from browsers and still resolves the web client hashes', async () => {
    expect(app.config.trustedDocuments.mode).toBe('allow');
    const client = app.browser();
    expect((await client.graphql('{ suppliers { code } }')).body.data).toMatchObject({ suppliers: expect.any(Array) });
    expect((await client.send(byHash('SuppliersPage_Suppliers'))).body.data).toMatchObject({
      suppliers: expect.any(Array),
    });
    // An unknown hash is an automatic persisted query not registered yet: the client may send its text.
    const unknown = await client.send({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

it('refuses to start without a readable, well-formed manifest', async () => {
  await expect(
    startTestKabinet({ TRUSTED_DOCUMENTS_MANIFEST: '/nonexistent/persisted-documents.json' }),
  ).rejects.toThrow(/trusted documents manifest .* cannot be read.*npm run codegen/);
});
