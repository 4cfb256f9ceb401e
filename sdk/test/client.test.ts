// The partner SDK against a live Kabinet on a real port: every page of an export, a bulk write longer than the
// server takes in one call, a write whose answer is lost on the way back (retried with the same key, recorded
// once), and the refusals a partner meets (a revoked or unknown key, a missing scope) as KabinetApiError.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ROWS as SERVER_MAX_ROWS } from '../../server/src/core/partner-payloads.js';
import { PartnerService } from '../../server/src/subgraphs/identity/partner/partner.service.js';
import { createPartner, type Partner } from '../../server/test/support/abonents.js';
import { startTestKabinet, type TestKabinet } from '../../server/test/support/kabinet.js';
import {
  collect,
  createPartnerClient,
  KabinetApiError,
  MAX_ROWS,
  type PartnerClient,
  type PartnerClientOptions,
  type PersonalAccountInput,
} from '../src/index.js';

let app: TestKabinet;
let url: string;

beforeAll(async () => {
  app = await startTestKabinet();
  await app.kabinet.http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.kabinet.http.server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(async () => {
  await app?.close();
});

/** Every request the client sent, with its variables, so a test can see the chunks, cursors and keys. */
function recorded(): { fetch: typeof fetch; sent: Array<{ operationName: string; variables: any }> } {
  const sent: Array<{ operationName: string; variables: any }> = [];
  return {
    sent,
    fetch: async (input, init) => {
      sent.push(JSON.parse(init?.body as string));
      return fetch(input, init);
    },
  };
}

const clientOf = (partner: Partner, options: Partial<PartnerClientOptions> = {}): PartnerClient =>
  createPartnerClient({ url, apiKey: partner.apiKey, retry: { baseDelayMs: 10 }, ...options });

const accounts = (count: number, from: number, town = 'Калуга'): PersonalAccountInput[] =>
  Array.from({ length: count }, (_, i) => ({
    number: String(from + i),
    address: `г. ${town}, ул. Тестовая, д. ${i + 1}`,
    holderName: `Абонентов Тест ${i}`,
    services: ['Газоснабжение'],
  }));

describe('MAX_ROWS', () => {
  it("is the server's row limit of one bulk write (copied into the SDK, which carries no server code)", () => {
    expect(MAX_ROWS).toBe(SERVER_MAX_ROWS);
  });
});

describe('paging', () => {
  it('follows endCursor as after until hasNextPage is false: every account once, in the order served', async () => {
    const partner = await createPartner(app, 'voronezh', ['accounts:read', 'accounts:write']);
    const rows = accounts(250, 3_700_000, 'Воронеж');
    expect(await clientOf(partner).upsertPersonalAccounts({ accounts: rows })).toMatchObject({
      ok: true,
      created: 250,
    });

    const { fetch, sent } = recorded();
    const client = clientOf(partner, { fetch });
    const pages = await collect(client.partnerAccountsPages({ first: 100 }));
    expect(pages.map((p) => [p.nodes.length, p.pageInfo.hasNextPage])).toEqual([
      [100, true],
      [100, true],
      [50, false],
    ]);
    // The first page without a cursor, each next one with the end cursor of the page before it.
    expect(sent.map((s) => s.variables.after)).toEqual([
      null,
      pages[0]!.pageInfo.endCursor,
      pages[1]!.pageInfo.endCursor,
    ]);
    expect(sent.every((s) => s.operationName === 'PartnerAccounts' && s.variables.first === 100)).toBe(true);

    const nodes = pages.flatMap((p) => p.nodes);
    expect(nodes.map((n) => n.number).sort()).toEqual(rows.map((r) => r.number).sort());
    expect(nodes.find((n) => n.number === '3700007')).toMatchObject({
      address: 'г. Воронеж, ул. Тестовая, д. 8',
      holderName: 'Абонентов Тест 7',
      services: ['Газоснабжение'],
      supplier: { code: 'voronezh' },
    });
    // The node iterator is the same pages flattened; a page of 7 gives the same accounts in the same order.
    expect(await collect(client.allPartnerAccounts({ first: 100 }))).toEqual(nodes);
    expect(await collect(client.allPartnerAccounts({ first: 7 }))).toEqual(nodes);
  });
});

describe('bulk writes', () => {
  it(`longer than MAX_ROWS are sent in chunks; a row error names the caller's row; a fixed resend completes it`, async () => {
    const partner = await createPartner(app, 'kaluga', ['accounts:read', 'accounts:write']);
    const { fetch, sent } = recorded();
    const client = clientOf(partner, { fetch });
    const rows = accounts(MAX_ROWS + 500, 4_100_000);
    rows[1234] = { ...rows[1234]!, number: '41012A4' };

    const refused = await client.upsertPersonalAccounts({ accounts: rows });
    expect(sent.map((s) => s.variables.input.accounts.length)).toEqual([MAX_ROWS, 500]);
    expect(refused).toMatchObject({
      ok: false,
      created: MAX_ROWS,
      errors: [
        {
          index: 1234,
          field: 'number',
          code: 'NUMBER_INVALID',
          message: 'Лицевой счёт должен содержать не более 10 цифр.',
        },
      ],
    });
    expect(refused.errors).toHaveLength(1);
    // Each call is all or nothing on its own: the first chunk is written, the refused one wrote none of its rows.
    expect(refused.chunks.map((c) => ({ chunk: c.chunk, offset: c.offset, rows: c.rows, ok: c.ok }))).toEqual([
      { chunk: 0, offset: 0, rows: MAX_ROWS, ok: true },
      { chunk: 1, offset: MAX_ROWS, rows: 500, ok: false },
    ]);
    expect(refused.chunks[1]!.errors[0]!.index).toBe(234);
    const held = await collect(client.allPartnerAccounts());
    expect(held.map((n) => n.number).sort()).toEqual(rows.slice(0, MAX_ROWS).map((r) => r.number));

    rows[1234] = { ...rows[1234], number: '4101234' };
    const fixed = await client.upsertPersonalAccounts({ accounts: rows });
    expect(fixed).toMatchObject({ ok: true, created: 500, updated: 0, unchanged: MAX_ROWS, errors: [] });
    // More accounts than one page of the default size (MAX_PAGE_SIZE, 1000): both pages, every account once.
    const before = sent.length;
    const all = await collect(client.allPartnerAccounts());
    expect(sent.length - before).toBe(2);
    expect(all.map((n) => n.number).sort()).toEqual(rows.map((r) => r.number).sort());
  });
});

describe('a write whose answer is lost', () => {
  it('is sent again with the same idempotency key and recorded once', async () => {
    const partner = await createPartner(app, 'sankt-peterburg', ['accounts:write', 'readings:write', 'readings:read']);
    const direct = clientOf(partner);
    await direct.upsertPersonalAccounts({ accounts: accounts(1, 7_100_001, 'Санкт-Петербург') });
    const meter = { accountNumber: '7100001', serialNumber: 'SDK-RETRY-1', initialValue: '100' };
    // Metering learns of the new account from the accounts event within seconds.
    for (const deadline = Date.now() + 30_000; ;) {
      const { ok } = await direct.upsertMeters({ meters: [meter] });
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the meter was never accepted');
      await new Promise((r) => setTimeout(r, 200));
    }

    const proxy = await losingProxy(url, (body) => body.includes('recordReadings'));
    try {
      const client = createPartnerClient({ url: proxy.url, apiKey: partner.apiKey, retry: { baseDelayMs: 10 } });
      const result = await client.recordReadings({
        readings: [{ serialNumber: 'SDK-RETRY-1', value: '105.5' }],
        idempotencyKey: 'sdk-lost-answer-1',
      });
      // The repeat is answered as the first call was: one reading created.
      expect(result).toMatchObject({ ok: true, created: 1, updated: 0, errors: [] });
      expect(result.chunks.map((c) => c.idempotencyKey)).toEqual(['sdk-lost-answer-1-0']);

      // Kabinet got the call twice, byte for byte the same (the same key), and answered the first, which was lost.
      const writes = proxy.passed.filter((p) => p.body.includes('recordReadings'));
      expect(writes.map((w) => [w.status, w.dropped])).toEqual([
        [200, true],
        [200, false],
      ]);
      expect(writes[1]!.body).toBe(writes[0]!.body);
      expect(JSON.parse(writes[0]!.body).variables.input.idempotencyKey).toBe('sdk-lost-answer-1-0');
    } finally {
      await proxy.close();
    }

    const readings = (await collect(direct.allPartnerReadings())).filter((r) => r.serialNumber === 'SDK-RETRY-1');
    expect(readings).toHaveLength(1);
    expect(readings[0]).toMatchObject({ accountNumber: '7100001', value: '105.5', source: 'INSPECTOR', current: true });
  });
});

describe('refusals', () => {
  it('a revoked or unknown key is KabinetApiError UNAUTHENTICATED with HTTP 401 and the request id, not retried', async () => {
    const partner = await createPartner(app, 'kaluga', ['accounts:read']);
    expect((await clientOf(partner).partnerApp()).supplier.code).toBe('kaluga');
    expect(
      await new PartnerService(app.kabinet.subgraphs.identity.orm.em.fork()).revoke({ keyId: partner.keyId }),
    ).toBe(true);
    for (const apiKey of [partner.apiKey, 'kbp_unknown']) {
      const { fetch, sent } = recorded();
      const error = await createPartnerClient({ url, apiKey, fetch })
        .partnerApp()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KabinetApiError);
      expect(error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'API-ключ недействителен или отозван.',
        httpStatus: 401,
        attempts: 1,
      });
      expect((error as KabinetApiError).requestId).toMatch(/^[0-9a-f-]{36}-1$/);
      expect(sent).toHaveLength(1);
    }
  });

  it('a key without the scope is KabinetApiError FORBIDDEN naming the scope; nothing is written', async () => {
    const reader = await createPartner(app, 'kaluga', ['accounts:read']);
    const client = clientOf(reader);
    const error = await client.upsertPersonalAccounts({ accounts: accounts(1, 4_200_000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KabinetApiError);
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'У API-ключа нет разрешения accounts:write.',
      extensions: { code: 'FORBIDDEN', scope: 'accounts:write' },
      // A GraphQL error in an HTTP 200 answer (a bad key is 401): the client tells by the code, not the status.
      httpStatus: 200,
      attempts: 1,
    });
    expect((await collect(client.allPartnerAccounts())).some((n) => n.number === '4200000')).toBe(false);
  });
});

interface Passed {
  body: string;
  status: number;
  dropped: boolean;
}

/**
 * An HTTP proxy in front of Kabinet that passes every request on and, for the first one `lose` picks, waits for
 * Kabinet's whole answer (so the request was carried out) and then cuts the client's connection instead of
 * answering: a response lost on its way back.
 */
async function losingProxy(
  target: string,
  lose: (body: string) => boolean,
): Promise<{ url: string; passed: Passed[]; close(): Promise<void> }> {
  const passed: Passed[] = [];
  let lost = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const upstream = await fetch(new URL(req.url ?? '/', target), {
          method: req.method,
          headers: forwardable(req.headers),
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
        });
        const answer = await upstream.text();
        const drop = !lost && lose(body);
        lost ||= drop;
        passed.push({ body, status: upstream.status, dropped: drop });
        if (drop) {
          req.socket.destroy();
          return;
        }
        const headers: Record<string, string> = {};
        upstream.headers.forEach((value, name) => {
          if (!HOP_BY_HOP.has(name)) headers[name] = value;
        });
        res.writeHead(upstream.status, headers).end(answer);
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    passed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'host',
]);

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
