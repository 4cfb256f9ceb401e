// The partner API through the partner SDK (sdk/), as a supplier's billing calls it over HTTP: API keys (issued by
// the operator's command, hashed, revocable), bulk writes that are all or nothing, paging in a stable order, and a
// partner that never reaches another supplier's data or an abonent's role. What the SDK cannot send (a malformed
// Authorization header, a cookie along with a key) and what abonents send stays raw GraphQL.
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  createPartnerClient,
  KabinetApiError,
  UpsertPersonalAccountsDocument,
  type BulkWriteResult,
  type PartnerClient,
} from '../../sdk/src/index.js';
import { hashToken } from '../src/core/tokens.js';
import { PartnerService } from '../src/subgraphs/identity/partner/partner.service.js';
import { confirmedAbonent, createPartner, type Partner } from './support/abonents.js';
import { SERVER_URL } from './support/database.js';
import { runProcess } from './support/processes.js';
import { useTestKabinet } from './support/use-kabinet.js';

const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' });
let url: string;
let spb: Partner;
let voronezh: Partner;
let spbApi: PartnerClient;
let voronezhApi: PartnerClient;

/** An SDK client with this key, on the Kabinet of this file (listening on a real port). */
const sdk = (apiKey: string) => createPartnerClient({ url, apiKey, retry: { baseDelayMs: 10 } });

beforeAll(async () => {
  await app.kabinet.http.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.kabinet.http.server.address() as AddressInfo).port}/graphql`;
  spb = await createPartner(app, 'sankt-peterburg', ['accounts:read', 'accounts:write']);
  voronezh = await createPartner(app, 'voronezh', ['accounts:read', 'accounts:write']);
  spbApi = sdk(spb.apiKey);
  voronezhApi = sdk(voronezh.apiKey);
});

const UPSERT = `mutation ($input: UpsertPersonalAccountsInput!) {
  upsertPersonalAccounts(input: $input) { ok created updated unchanged errors { index field code message } }
}`;
const PAGE = `query ($first: Int, $after: String, $since: DateTimeISO) {
  partnerAccounts(first: $first, after: $after, updatedSince: $since) {
    nodes { id number holderName balance { kopecks } supplier { code } } pageInfo { hasNextPage endCursor }
  }
}`;

function accounts(count: number, from: number, extra: Record<string, unknown> = {}) {
  return Array.from({ length: count }, (_, i) => ({
    number: String(from + i),
    address: `г. Санкт-Петербург, ул. Тестовая, д. ${i + 1}`,
    holderName: `Абонентов Тест ${i}`,
    services: ['Газоснабжение'],
    ...extra,
  }));
}

/** A bulk write's totals and errors, as the one call of up to 1000 rows answered them. */
function payload(result: BulkWriteResult): Omit<BulkWriteResult, 'chunks'> {
  expect(result.chunks).toHaveLength(1);
  const { ok, created, updated, unchanged, errors } = result;
  return { ok, created, updated, unchanged, errors };
}

/** The error a call was refused with (fails the test when it was not refused). */
async function refusal(call: Promise<unknown>): Promise<KabinetApiError> {
  const error = await call.then(
    () => new Error('expected the call to be refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KabinetApiError);
  return error as KabinetApiError;
}

async function rowCount(where: string, params: unknown[]): Promise<number> {
  const rows = await app.kabinet.subgraphs.accounts.orm.em
    .fork()
    .getConnection()
    .execute(`select count(*)::int as n from "accounts"."personal_account" where ${where}`, params);
  return rows[0]!.n;
}

describe('API keys', () => {
  it('make the caller the partner app: its name, scopes and supplier', async () => {
    expect(await spbApi.partnerApp()).toEqual({
      id: spb.appId,
      name: 'Биллинг sankt-peterburg',
      scopes: ['accounts:read', 'accounts:write'],
      createdAt: expect.any(String),
      supplier: { id: expect.any(String), code: 'sankt-peterburg', name: 'Межрегионгаз Санкт-Петербург' },
    });
  });

  it('are stored as hashes only, and record when they were last used', async () => {
    const rows = await app.kabinet.subgraphs.identity.orm.em
      .fork()
      .getConnection()
      .execute('select * from "identity"."partner_api_key" where "id" = ?', [spb.keyId]);
    expect(rows[0]!.key_hash).toBe(hashToken(spb.apiKey));
    expect(JSON.stringify(rows[0]!)).not.toContain(spb.apiKey.slice(4));
    expect(rows[0]!.prefix).toBe(spb.apiKey.slice(0, 12));
    expect(rows[0]!.last_used_at).not.toBeNull();
  });

  it('refuse a malformed header, an unknown key and a revoked key with 401 and a clear message', async () => {
    // The SDK always sends `Bearer <key>`: a malformed header only a hand-made request can send.
    const malformed = await app.graphql('{ partnerApp { id } }', {}, { authorization: 'Token abc' });
    expect(malformed.status).toBe(401);
    expect(malformed.body.errors?.[0]).toMatchObject({
      message: 'Заголовок Authorization должен иметь вид «Bearer <API-ключ>».',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const unknown = await refusal(sdk('kbp_unknown').partnerApp());
    expect(unknown.httpStatus).toBe(401);
    expect(unknown.message).toBe('API-ключ недействителен или отозван.');

    const temporary = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    expect((await sdk(temporary.apiKey).partnerApp()).id).toBe(temporary.appId);
    const service = new PartnerService(app.kabinet.subgraphs.identity.orm.em.fork());
    expect(await service.revoke({ keyId: temporary.keyId })).toBe(true);
    expect((await refusal(sdk(temporary.apiKey).partnerApp())).httpStatus).toBe(401);
    // A new key of the same app works; revoking the app revokes every key it has.
    const next = await service.issueKey(temporary.appId);
    expect((await sdk(next.apiKey).partnerApp()).id).toBe(temporary.appId);
    expect(await service.revoke({ appId: temporary.appId })).toBe(true);
    expect((await refusal(sdk(next.apiKey).partnerApp())).httpStatus).toBe(401);
  });

  it('never pass as an abonent, and an abonent session never passes as a partner', async () => {
    const abonent = await confirmedAbonent(app, mail);
    // A session cannot write the registry.
    const asAbonent = await abonent.client.graphql(UPSERT, { input: { accounts: accounts(1, 8_000_000) } });
    expect(asAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const pageAsAbonent = await abonent.client.graphql(PAGE, { first: 1 });
    expect(pageAsAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A key cannot act as an abonent.
    expect((await refusal(spbApi.request('{ me { id } }'))).code).toBe('UNAUTHENTICATED');
    const link = spbApi.request(
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062012", proof: "4,37507" }) { ok } }',
    );
    expect((await refusal(link)).code).toBe('UNAUTHENTICATED');
    // A session cookie sent along with a key is not looked at: the request is the partner's alone.
    const cookie = [...abonent.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const both = { cookie, authorization: `Bearer ${spb.apiKey}` };
    expect((await app.graphql('{ partnerApp { id } }', {}, both)).body.data).toEqual({ partnerApp: { id: spb.appId } });
    expect((await app.graphql('{ me { id } }', {}, both)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A session token is not an API key.
    const sessionToken = [...abonent.client.cookies.values()][0]!;
    expect((await refusal(sdk(sessionToken).partnerApp())).httpStatus).toBe(401);
  });

  it('carry only the scopes given: a read-only key cannot write', async () => {
    const reader = sdk((await createPartner(app, 'sankt-peterburg', ['accounts:read'])).apiKey);
    const refused = await refusal(reader.upsertPersonalAccounts({ accounts: accounts(1, 8_100_000) }));
    expect(refused).toMatchObject({
      message: 'У API-ключа нет разрешения accounts:write.',
      code: 'FORBIDDEN',
      extensions: { code: 'FORBIDDEN', scope: 'accounts:write' },
    });
    // A page read does not throw: no GraphQL errors.
    expect((await reader.partnerAccounts({ first: 1 })).nodes).toBeInstanceOf(Array);
  });
});

describe('upsertPersonalAccounts', () => {
  it('writes 1000 accounts all or nothing: one bad row refuses the call with its index, and nothing is written', async () => {
    const batch = accounts(1000, 9_000_000);
    batch[617] = { ...batch[617]!, number: '90006A7' };
    const refused = await spbApi.upsertPersonalAccounts({ accounts: batch });
    expect(payload(refused)).toEqual({
      ok: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          index: 617,
          field: 'number',
          code: 'NUMBER_INVALID',
          message: 'Лицевой счёт должен содержать не более 10 цифр.',
        },
      ],
    });
    expect(await rowCount(`"number" between '9000000' and '9000999'`, [])).toBe(0);

    batch[617] = { ...batch[617], number: '9000617' };
    const written = await spbApi.upsertPersonalAccounts({ accounts: batch });
    expect(payload(written)).toMatchObject({
      ok: true,
      created: 1000,
      updated: 0,
      unchanged: 0,
    });
    expect(await rowCount(`"supplier_id" = ? and "number" between '9000000' and '9000999'`, [spb.supplierId])).toBe(
      1000,
    );

    // Idempotent: the same call again changes nothing; one changed row is one update.
    const replay = await spbApi.upsertPersonalAccounts({ accounts: batch });
    expect(payload(replay)).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: 1000,
    });
    batch[3] = { ...batch[3]!, address: 'г. Санкт-Петербург, новый адрес' };
    const changed = await spbApi.upsertPersonalAccounts({ accounts: batch });
    expect(payload(changed)).toMatchObject({
      ok: true,
      created: 0,
      updated: 1,
      unchanged: 999,
    });
  });

  it('lists every problem of every row, duplicates included', async () => {
    const rows = [
      { number: '123', address: ' ', holderName: 'А', balanceAsOf: '2026-02-30' },
      { number: '123', address: 'x', holderName: 'Б', receiptPin: '12', receiptReading: 'abc' },
    ];
    const { errors } = await spbApi.upsertPersonalAccounts({ accounts: rows });
    expect(errors.map((e) => `${e.index}:${e.field}:${e.code}`)).toEqual([
      '0:address:REQUIRED',
      '0:balanceAsOf:DATE_INVALID',
      '1:number:DUPLICATE_ROW',
      '1:receiptPin:PIN_INVALID',
      '1:receiptReading:READING_INVALID',
    ]);
  });

  it('refuses more than 1000 rows at the gateway', async () => {
    // The SDK's method would send them in two calls; one call of 1001 rows, as `request` sends it, is refused.
    const refused = await refusal(
      spbApi.request(UpsertPersonalAccountsDocument, { input: { accounts: accounts(1001, 9_500_000) } }),
    );
    expect(refused.httpStatus).toBe(400);
    expect(refused.code).toBe('LIST_ARGUMENT_TOO_LONG');
  });
});

describe('charges, balances and tariffs', () => {
  it('reach the abonent who linked the account; an older balance does not overwrite a newer one', async () => {
    await spbApi.upsertPersonalAccounts({
      accounts: [{ number: '7777001', address: 'СПб, д. 1', holderName: 'Смирнов С. С.', receiptReading: '10' }],
    });
    const charges = await spbApi.upsertCharges({
      charges: [
        { accountNumber: '7777001', month: '2026-09', volume: '5.5', amount: 4516 },
        { accountNumber: '7777001', month: '2026-10', volume: '7.125', amount: 5850 },
      ],
    });
    expect(payload(charges)).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0, errors: [] });
    const corrected = await spbApi.upsertCharges({
      charges: [{ accountNumber: '7777001', month: '2026-10', volume: '7.125', amount: 5851 }],
    });
    expect(payload(corrected)).toEqual({ ok: true, created: 0, updated: 1, unchanged: 0, errors: [] });

    const newer = await spbApi.setBalances({
      balances: [{ accountNumber: '7777001', balance: 5851, asOf: '2026-11-01' }],
    });
    expect(payload(newer)).toMatchObject({ ok: true, updated: 1, unchanged: 0, errors: [] });
    const older = await spbApi.setBalances({
      balances: [{ accountNumber: '7777001', balance: 999, asOf: '2026-10-01' }],
    });
    expect(payload(older)).toMatchObject({ ok: true, updated: 0, unchanged: 1, errors: [] });

    const tariffs = [
      { service: 'Газоснабжение', pricePerUnit: 821, validFrom: '2026-07-01' },
      { service: 'Газоснабжение', pricePerUnit: 779, validFrom: '2025-07-01', validTo: '2026-06-30' },
    ];
    expect((await spbApi.setTariffs({ accounts: [{ accountNumber: '7777001', tariffs }] })).ok).toBe(true);
    const badTariff = await spbApi.setTariffs({
      accounts: [
        {
          accountNumber: '7777001',
          tariffs: [{ service: 'Газ', pricePerUnit: 0, validFrom: '2026-07-01', validTo: '2026-01-01' }],
        },
      ],
    });
    expect(badTariff.errors.map(({ index, field, code }) => ({ index, field, code }))).toEqual([
      { index: 0, field: 'tariffs[0].pricePerUnit', code: 'PRICE_INVALID' },
      { index: 0, field: 'tariffs[0].validTo', code: 'PERIOD_INVALID' },
    ]);

    const abonent = await confirmedAbonent(app, mail);
    await abonent.client.graphql(
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "7777001", proof: "10,0" }) { ok } }',
    );
    const { body } = await abonent.client.graphql(
      `{ me { accounts { holder balance { kopecks asOf } tariffs { pricePerUnit validFrom validTo }
           charges(from: "2026-09", to: "2026-10") { month volume amount } } } }`,
    );
    expect(body.data.me.accounts).toEqual([
      {
        holder: 'С***в С. С.',
        balance: { kopecks: 5851, asOf: '2026-11-01' },
        tariffs: [
          { pricePerUnit: 821, validFrom: '2026-07-01', validTo: null },
          { pricePerUnit: 779, validFrom: '2025-07-01', validTo: '2026-06-30' },
        ],
        charges: [
          { month: '2026-10', volume: '7.125', amount: 5851 },
          { month: '2026-09', volume: '5.500', amount: 4516 },
        ],
      },
    ]);
  });
});

describe('isolation between suppliers', () => {
  it("a partner neither reads nor writes another supplier's accounts", async () => {
    // 3600123456 is a Voronezh account; for the Saint Petersburg partner it does not exist.
    const charge = await spbApi.upsertCharges({
      charges: [{ accountNumber: '3600123456', month: '2026-10', volume: '1', amount: 100 }],
    });
    expect(payload(charge)).toMatchObject({
      ok: false,
      errors: [
        {
          index: 0,
          field: 'accountNumber',
          code: 'ACCOUNT_NOT_FOUND',
          message: 'Лицевой счёт 3600123456 у поставщика не найден.',
        },
      ],
    });
    expect(charge.errors).toHaveLength(1);
    const balance = await spbApi.setBalances({
      balances: [{ accountNumber: '3600123456', balance: 1, asOf: '2030-01-01' }],
    });
    expect(balance.ok).toBe(false);

    // Upserting the same number creates Saint Petersburg's own account; Voronezh's stays as it was.
    const own = await spbApi.upsertPersonalAccounts({
      accounts: [{ number: '3600123456', address: 'СПб', holderName: 'Чужой Ч. Ч.', balance: 1 }],
    });
    expect(payload(own)).toMatchObject({ ok: true, created: 1 });
    const voronezhPage = await voronezhApi.partnerAccounts({ first: 1000 });
    const theirs = voronezhPage.nodes.find((n) => n.number === '3600123456')!;
    expect(theirs).toMatchObject({
      holderName: 'Петрова Анна Сергеевна',
      balance: { kopecks: 45210 },
      supplier: { code: 'voronezh' },
    });

    const byId = await spbApi.request(`query ($id: ID!) { personalAccount(id: $id) { number } }`, { id: theirs.id });
    expect(byId).toEqual({ personalAccount: null });
    const spbNodes = await collect(spbApi.allPartnerAccounts({ first: 1000 }));
    expect(spbNodes.every((n) => n.supplier.code === 'sankt-peterburg')).toBe(true);
    expect(spbNodes.some((n) => n.id === theirs.id)).toBe(false);
  });
});

describe('partnerAccounts', () => {
  it('pages through every account once, in a stable order, and picks up changes with updatedSince', async () => {
    const all = await collect(voronezhApi.allPartnerAccounts({ first: 1000 }));
    await voronezhApi.upsertPersonalAccounts({ accounts: accounts(25, 3_650_000) });
    const paged = await collect(voronezhApi.allPartnerAccounts({ first: 10 }));
    expect(paged).toHaveLength(all.length + 25);
    expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
    expect(await collect(voronezhApi.allPartnerAccounts({ first: 7 }))).toEqual(paged);

    const since = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await voronezhApi.upsertPersonalAccounts({
      accounts: accounts(1, 3_650_003, { address: 'Воронеж, новый адрес' }),
    });
    const changed = await voronezhApi.partnerAccounts({ first: 100, updatedSince: since.toISOString() });
    expect(changed.nodes.map((n) => n.number)).toEqual(['3650003']);
  });

  it('refuses a forged cursor and a page size out of range, saying what to pass', async () => {
    const forged = await refusal(voronezhApi.partnerAccounts({ first: 10, after: 'bm90LWEtY3Vyc29y' }));
    expect(forged).toMatchObject({
      message: 'Неверный курсор: передайте endCursor предыдущей страницы.',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    expect((await refusal(voronezhApi.partnerAccounts({ first: 0 }))).code).toBe('BAD_USER_INPUT');
  });
});

describe('updateSupplierSettings', () => {
  it("changes the partner's own supplier only, with the scope, after checking the payee's control digits", async () => {
    const billing = sdk((await createPartner(app, 'ivanovo', ['supplier:write'])).apiKey);
    const bad = await billing.updateSupplierSettings({
      readingClosingDay: 31,
      accountNumberFormat: { minDigits: 8, maxDigits: 6 },
      receiptSampleUrl: 'https://evil.example/receipt.png',
      bankDetails: {
        payeeName: 'Межрегионгаз Иваново',
        inn: '3700000002',
        account: '40702810900000000001',
        bankName: 'ДЕМО-БАНК',
        bic: '044525999',
        correspondentAccount: '30101810600000000999',
      },
    });
    expect(bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'accountNumberFormat:FORMAT_INVALID',
      'readingClosingDay:DAY_INVALID',
      'bankDetails.inn:INN_INVALID',
      'bankDetails.account:ACCOUNT_INVALID',
      'receiptSampleUrl:URL_INVALID',
    ]);

    const good = await billing.updateSupplierSettings({
      linkProof: 'RECEIPT_PIN',
      readingClosingDay: 20,
      accountNumberFormat: { minDigits: 8, maxDigits: 8 },
      bankDetails: {
        payeeName: 'Межрегионгаз Иваново',
        inn: '3664000003',
        kpp: '370201001',
        account: '40702810600000000001',
        bankName: 'ДЕМО-БАНК',
        bic: '044525999',
        correspondentAccount: '30101810600000000999',
      },
      support: { phone: '+7 (4932) 00-00-00', address: ' г. Иваново, ул. Демо, д. 1 ' },
    });
    expect(good).toMatchObject({
      ok: true,
      errors: [],
      supplier: {
        code: 'ivanovo',
        linkProof: 'RECEIPT_PIN',
        readingClosingDay: 20,
        accountNumberFormat: { hint: 'Лицевой счёт должен содержать 8 цифр.' },
        bankDetails: { inn: '3664000003', account: '40702810600000000001', bic: '044525999' },
        support: { phone: '+7 (4932) 00-00-00', address: 'г. Иваново, ул. Демо, д. 1' },
      },
    });
    const publicView = await app.graphql('{ supplier(code: "ivanovo") { linkProof } }');
    expect(publicView.body.data).toEqual({ supplier: { linkProof: 'RECEIPT_PIN' } });
    // Keys without the scope cannot; Saint Petersburg's settings are untouched by Ivanovo's partner.
    expect((await refusal(spbApi.updateSupplierSettings({ readingClosingDay: 1 }))).code).toBe('FORBIDDEN');
    const spbView = await app.graphql('{ supplier(code: "sankt-peterburg") { readingClosingDay linkProof } }');
    expect(spbView.body.data).toEqual({ supplier: { readingClosingDay: 25, linkProof: 'METER_READING' } });
  });
});

describe('npm run partner', () => {
  it.skipIf(!SERVER_URL)(
    'creates an app with a key shown once, lists it and revokes it',
    async () => {
      const env = { DATABASE_URL: app.database.url, LOG_LEVEL: 'silent' };
      const created = await runProcess(
        'partner-main.ts',
        ['create', '--supplier', 'kaluga', '--name', 'Биллинг Калуги', '--scopes', 'accounts:read,accounts:write'],
        env,
      );
      expect(created.code, created.output).toBe(0);
      const apiKey = /^\s+(kbp_[A-Za-z0-9_-]{43})$/m.exec(created.output)?.[1];
      const keyId = /^Key ([0-9a-f-]{36}):$/m.exec(created.output)?.[1];
      expect(apiKey).toBeDefined();
      expect(await sdk(apiKey!).partnerApp()).toMatchObject({ name: 'Биллинг Калуги', supplier: { code: 'kaluga' } });

      const listed = await runProcess('partner-main.ts', ['list'], env);
      expect(listed.output).toContain('«Биллинг Калуги»');
      expect(listed.output).not.toContain(apiKey!);

      const revoked = await runProcess('partner-main.ts', ['revoke', '--key', keyId!], env);
      expect(revoked.output).toContain('Revoked.');
      expect((await refusal(sdk(apiKey!).partnerApp())).httpStatus).toBe(401);

      const badScope = await runProcess(
        'partner-main.ts',
        ['create', '--supplier', 'kaluga', '--name', 'x', '--scopes', 'everything'],
        env,
      );
      expect(badScope.code).toBe(2);
      expect(badScope.output).toContain('unknown scope everything');
      const badSupplier = await runProcess(
        'partner-main.ts',
        ['create', '--supplier', 'atlantis', '--name', 'x', '--scopes', 'accounts:read'],
        env,
      );
      expect(badSupplier.output).toContain('no supplier with code atlantis');
      // Five processes, each starting four subgraphs: slow on a busy machine, and not what this test is about.
    },
    180_000,
  );
});
