// The client's retry and error rules against a scripted fetch (no Kabinet): what is retried, with which body, after
// how long, what is thrown, and how a document's operation is told without a GraphQL parser.
import { parse, print, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  createPartnerClient,
  KabinetApiError,
  RecordReadingsDocument,
  scanOperation,
  type PartnerClientOptions,
} from '../src/index.js';

type Answer = Response | Error;

/** A fetch that answers from a script, in order, and keeps every request it was given. */
function scripted(...answers: Answer[]) {
  const calls: Array<{ body: string; headers: Record<string, string>; at: number }> = [];
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push({ body: init?.body as string, headers: init?.headers as Record<string, string>, at: Date.now() });
    const answer = answers.shift();
    if (!answer) throw new Error('the script has no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const gqlError = (code: string, extra: Record<string, unknown> = {}) => ({
  errors: [{ message: `error ${code}`, extensions: { code, ...extra } }],
});
const written = { ok: true, created: 1, updated: 0, unchanged: 0, errors: [] };
/** What undici throws when the connection is cut after the request was sent. */
const cutOff = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
/** What undici throws when nothing listens. */
const refused = () =>
  Object.assign(new TypeError('fetch failed'), {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });

const client = (fetch: typeof globalThis.fetch, retry: PartnerClientOptions['retry'] = {}) =>
  createPartnerClient({
    url: 'http://kabinet.test/graphql',
    apiKey: 'kbp_test',
    fetch,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5000, ...retry },
  });

const readings = { readings: [{ serialNumber: 'G4-1', value: '10.5' }], idempotencyKey: 'billing-run-42' };

describe('retries', () => {
  it('repeat a write cut off, answered 502/503/504/429 or TIMEOUT, SERVER_BUSY, SERVICE_UNAVAILABLE, with the same body each time', async () => {
    const { fetch, calls } = scripted(
      cutOff(),
      json(502, {}),
      json(503, gqlError('SERVICE_UNAVAILABLE'), { 'retry-after': '0' }),
      json(504, gqlError('TIMEOUT')),
      json(429, gqlError('SERVER_BUSY', { retryAfterSeconds: 0 })),
      json(200, gqlError('SERVICE_UNAVAILABLE')),
      json(200, { data: { recordReadings: written } }),
    );
    const result = await client(fetch, { attempts: 7 }).recordReadings(readings);
    expect(result).toMatchObject({ ok: true, created: 1 });
    expect(calls).toHaveLength(7);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    expect(JSON.parse(calls[0]!.body)).toEqual({
      query: RecordReadingsDocument.toString(),
      operationName: 'RecordReadings',
      variables: { input: { readings: readings.readings, idempotencyKey: 'billing-run-42-0' } },
    });
    expect(calls[0]!.headers.authorization).toBe('Bearer kbp_test');
    // Each attempt has its own request id, with the attempt's number, so Kabinet's log tells them apart.
    expect(calls.map((c) => c.headers['x-request-id']!.replace(/^[0-9a-f-]{36}-/, ''))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
  });

  it('wait as Retry-After says, and give up when it asks for longer than maxDelayMs', async () => {
    const { fetch, calls } = scripted(
      json(503, gqlError('SERVICE_UNAVAILABLE'), { 'retry-after': '1' }),
      json(200, { data: { recordReadings: written } }),
    );
    await client(fetch).recordReadings(readings);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);

    const tooLong = scripted(
      json(503, gqlError('SERVICE_UNAVAILABLE'), { 'retry-after': '120', 'x-request-id': 'req-123456' }),
    );
    const error = await client(tooLong.fetch)
      .recordReadings(readings)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KabinetApiError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503, requestId: 'req-123456', attempts: 1 });
    expect(tooLong.calls).toHaveLength(1);
  });

  it('back off exponentially, capped at maxDelayMs, and throw the last error after the last attempt', async () => {
    const { fetch, calls } = scripted(json(502, {}), json(502, {}), json(502, {}), json(502, {}));
    const error = await client(fetch, { attempts: 4, baseDelayMs: 40, maxDelayMs: 100 })
      .partnerApp()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_502', httpStatus: 502, attempts: 4, retryable: true });
    const waits = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    // Jittered within [half, all] of 40, 80, then 160 capped to 100 ms.
    expect(waits[0]).toBeGreaterThanOrEqual(19);
    expect(waits[1]).toBeGreaterThanOrEqual(39);
    expect(waits[2]).toBeGreaterThanOrEqual(49);
    expect(waits[2]).toBeLessThan(100 + 50);
  });

  it('never repeat a mutation that is not repeatable once it may have arrived; only when it provably never left', async () => {
    const answer = { answerSupportRequest: { ok: true, errors: [], supportRequest: null } };
    const cut = scripted(cutOff(), json(200, { data: answer }));
    const error = await client(cut.fetch)
      .answerSupportRequest({ number: 7, text: 'Ответ' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', httpStatus: undefined, notSent: false, attempts: 1 });
    expect((error as KabinetApiError).requestId).toMatch(/^[0-9a-f-]{36}-1$/);
    expect(cut.calls).toHaveLength(1);

    const timedOut = scripted(json(504, gqlError('TIMEOUT')));
    await expect(client(timedOut.fetch).answerSupportRequest({ number: 7, text: 'Ответ' })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(timedOut.calls).toHaveLength(1);

    const notSent = scripted(refused(), json(200, { data: answer }));
    expect(await client(notSent.fetch).answerSupportRequest({ number: 7, text: 'Ответ' })).toMatchObject({ ok: true });
    expect(notSent.calls).toHaveLength(2);

    // `request` decides the same from the document; `repeatable: true` says a repeat is harmless.
    const generic = scripted(cutOff(), json(200, { data: answer }));
    const doc = 'mutation { answerSupportRequest(input: { number: 7, text: "x" }) { ok } }';
    await expect(client(generic.fetch).request(doc)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    const forced = scripted(cutOff(), json(200, { data: answer }));
    await client(forced.fetch).request(doc, {}, { repeatable: true });
    expect(forced.calls).toHaveLength(2);
  });

  it('do not repeat what a repeat cannot fix: FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT, INTERNAL_SERVER_ERROR', async () => {
    for (const [status, code] of [
      [200, 'FORBIDDEN'],
      [401, 'UNAUTHENTICATED'],
      [400, 'BAD_USER_INPUT'],
      [500, 'INTERNAL_SERVER_ERROR'],
    ] as const) {
      const { fetch, calls } = scripted(
        json(status, gqlError(code, { scope: 'accounts:write' }), { 'x-request-id': 'req-abcdef' }),
      );
      const error = await client(fetch)
        .partnerApp()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KabinetApiError);
      expect(error).toMatchObject({
        code,
        message: `error ${code}`,
        httpStatus: status,
        requestId: 'req-abcdef',
        retryable: false,
        extensions: { code, scope: 'accounts:write' },
      });
      expect(calls).toHaveLength(1);
    }
  });

  it('a 200 without JSON is an error of its own, not data', async () => {
    const { fetch } = scripted(new Response('<html>proxy</html>', { status: 200 }));
    await expect(client(fetch).partnerApp()).rejects.toMatchObject({ code: 'HTTP_200', retryable: false });
  });
});

describe('bulk writes', () => {
  it('split rows into chunks of chunkSize, keys <key>-<chunk>, and map row errors back to the caller’s rows', async () => {
    const { fetch, calls } = scripted(
      json(200, { data: { recordReadings: { ...written, created: 2 } } }),
      json(200, {
        data: {
          recordReadings: {
            ok: false,
            created: 0,
            updated: 0,
            unchanged: 0,
            errors: [{ index: 1, field: 'value', code: 'READING_INVALID', message: '…' }],
          },
        },
      }),
      json(200, { data: { recordReadings: { ...written, created: 1 } } }),
    );
    const rows = Array.from({ length: 5 }, (_, i) => ({ serialNumber: `G4-${i}`, value: `${i}` }));
    const result = await createPartnerClient({
      url: 'http://kabinet.test/graphql',
      apiKey: 'k',
      fetch,
      chunkSize: 2,
    }).recordReadings({ readings: rows, idempotencyKey: 'run-2026-11' });
    expect(calls.map((c) => JSON.parse(c.body).variables.input)).toEqual([
      { readings: rows.slice(0, 2), idempotencyKey: 'run-2026-11-0' },
      { readings: rows.slice(2, 4), idempotencyKey: 'run-2026-11-1' },
      { readings: rows.slice(4), idempotencyKey: 'run-2026-11-2' },
    ]);
    expect(result).toMatchObject({
      ok: false,
      created: 3,
      errors: [{ index: 3, field: 'value', code: 'READING_INVALID' }],
    });
    expect(result.chunks.map((c) => [c.chunk, c.offset, c.rows, c.ok, c.idempotencyKey])).toEqual([
      [0, 0, 2, true, 'run-2026-11-0'],
      [1, 2, 2, false, 'run-2026-11-1'],
      [2, 4, 1, true, 'run-2026-11-2'],
    ]);
  });

  it('that fail midway throw, with the chunks answered before the failure', async () => {
    const { fetch, calls } = scripted(
      json(200, { data: { setBalances: { ...written, created: 0, updated: 2 } } }),
      json(400, gqlError('BAD_USER_INPUT', { field: '$input.balances[0].asOf' })),
    );
    const rows = Array.from({ length: 5 }, (_, i) => ({
      accountNumber: `40001112${i}`,
      balance: i,
      asOf: '2026-11-01',
    }));
    const error = await createPartnerClient({ url: 'http://kabinet.test/graphql', apiKey: 'k', fetch, chunkSize: 2 })
      .setBalances({ balances: rows })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', httpStatus: 400 });
    expect((error as KabinetApiError).completedChunks?.map((c) => [c.chunk, c.ok, c.updated])).toEqual([[0, true, 2]]);
    expect(calls).toHaveLength(2);
  });

  it('refuse a key that is too short, or too long for its chunks’ suffixes, before sending anything', async () => {
    const { fetch, calls } = scripted();
    const c = createPartnerClient({ url: 'http://kabinet.test/graphql', apiKey: 'k', fetch, chunkSize: 1 });
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ serialNumber: `G4-${i}`, value: '1' }));
    await expect(c.recordReadings({ readings: rows(1), idempotencyKey: 'short' })).rejects.toThrow(RangeError);
    // 98 characters leave room for "-0" … "-9", not for "-10".
    await expect(c.recordReadings({ readings: rows(11), idempotencyKey: 'k'.repeat(98) })).rejects.toThrow(
      /8 to 97 characters for 11 chunk/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe('scanOperation', () => {
  it('tells the kind, name and root fields of a document without parsing it', () => {
    expect(scanOperation(RecordReadingsDocument.toString())).toEqual({
      kind: 'mutation',
      name: 'RecordReadings',
      rootFields: ['recordReadings'],
    });
    expect(scanOperation('{ partnerApp { id } }')).toEqual({
      kind: 'query',
      name: undefined,
      rootFields: ['partnerApp'],
    });
    expect(
      scanOperation(`
        # mutation Fake { answerSupportRequest }
        fragment F on PartnerWritePayload { ok }
        mutation Two($a: UpsertChargesInput! = { charges: [] }) @dir(x: "mutation { y }") {
          first: upsertCharges(input: $a) { ...F }
          setBalances(input: { balances: [] }) @skip(if: false) { ok }
        }`),
    ).toEqual({ kind: 'mutation', name: 'Two', rootFields: ['upsertCharges', 'setBalances'] });
    expect(scanOperation('mutation { ... on Mutation { setBalances(input: {balances: []}) { ok } } }').rootFields).toBe(
      undefined,
    );
  });

  it('parsed documents are read from their AST (and sent as their source)', async () => {
    const { fetch, calls } = scripted(cutOff(), json(200, { data: { setBalances: written } }));
    const ast = parse('mutation SetOne { setBalances(input: { balances: [] }) { ok } }');
    await client(fetch).request(ast);
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({
      query: 'mutation SetOne { setBalances(input: { balances: [] }) { ok } }',
      operationName: 'SetOne',
    });

    // Without its source (codegen's AST documents have none) it is printed by graphql-js.
    const bare = scripted(json(200, { data: { setBalances: written } }));
    const withoutSource: DocumentNode = { ...ast, loc: undefined };
    await client(bare.fetch).request(withoutSource);
    expect(JSON.parse(bare.calls[0]!.body).query).toBe(print(ast));
  });
});
