// The partner API: API keys (issued by the operator's command, hashed, revocable), bulk writes that are all or
// nothing, paging in a stable order, and a partner that never reaches another supplier's data or an abonent's role.
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner, type Partner } from '../../../../test/support/abonents.js';
import { SERVER_URL } from '../../../../test/support/database.js';
import { runProcess } from '../../../../test/support/processes.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { hashToken } from '../../../core/tokens.js';

const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' });
let spb: Partner;
let voronezh: Partner;

beforeAll(async () => {
  spb = await createPartner(app, 'sankt-peterburg', ['accounts:read', 'accounts:write']);
  voronezh = await createPartner(app, 'voronezh', ['accounts:read', 'accounts:write']);
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

async function rowCount(where: string, params: unknown[]): Promise<number> {
  const rows = await app.kabinet.subgraphs.accounts.orm.em
    .fork()
    .getConnection()
    .execute(`select count(*)::int as n from "accounts"."personal_account" where ${where}`, params);
  return rows[0]!.n;
}

describe('API keys', () => {
  it('make the caller the partner app: its name, scopes and supplier', async () => {
    const { body } = await spb.graphql('{ partnerApp { id name scopes supplier { code name } } }');
    expect(body).toEqual({
      data: {
        partnerApp: {
          id: spb.appId,
          name: 'Биллинг sankt-peterburg',
          scopes: ['accounts:read', 'accounts:write'],
          supplier: { code: 'sankt-peterburg', name: 'Межрегионгаз Санкт-Петербург' },
        },
      },
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
    const malformed = await app.graphql('{ partnerApp { id } }', {}, { authorization: 'Token abc' });
    expect(malformed.status).toBe(401);
    expect(malformed.body.errors?.[0]).toMatchObject({
      message: 'Заголовок Authorization должен иметь вид «Bearer <API-ключ>».',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const unknown = await app.graphql('{ partnerApp { id } }', {}, { authorization: 'Bearer kbp_unknown' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.message).toBe('API-ключ недействителен или отозван.');

    const temporary = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    expect((await temporary.graphql('{ partnerApp { id } }')).status).toBe(200);
    const { PartnerService } = await import('../../identity/partner/partner.service.js');
    const service = new PartnerService(app.kabinet.subgraphs.identity.orm.em.fork());
    expect(await service.revoke({ keyId: temporary.keyId })).toBe(true);
    expect((await temporary.graphql('{ partnerApp { id } }')).status).toBe(401);
    // A new key of the same app works; revoking the app revokes every key it has.
    const next = await service.issueKey(temporary.appId);
    const nextCall = await app.graphql('{ partnerApp { id } }', {}, { authorization: `Bearer ${next.apiKey}` });
    expect(nextCall.body.data).toEqual({ partnerApp: { id: temporary.appId } });
    expect(await service.revoke({ appId: temporary.appId })).toBe(true);
    const afterApp = await app.graphql('{ partnerApp { id } }', {}, { authorization: `Bearer ${next.apiKey}` });
    expect(afterApp.status).toBe(401);
  });

  it('never pass as an abonent, and an abonent session never passes as a partner', async () => {
    const abonent = await confirmedAbonent(app, mail);
    // A session cannot write the registry.
    const asAbonent = await abonent.client.graphql(UPSERT, { input: { accounts: accounts(1, 8_000_000) } });
    expect(asAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const pageAsAbonent = await abonent.client.graphql(PAGE, { first: 1 });
    expect(pageAsAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A key cannot act as an abonent.
    const me = await spb.graphql('{ me { id } }');
    expect(me.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const link = await spb.graphql(
      'mutation { linkPersonalAccount(input: { supplierCode: "sankt-peterburg", number: "702062012", proof: "4,37507" }) { ok } }',
    );
    expect(link.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A session cookie sent along with a key is not looked at: the request is the partner's alone.
    const cookie = [...abonent.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const both = { cookie, authorization: `Bearer ${spb.apiKey}` };
    expect((await app.graphql('{ partnerApp { id } }', {}, both)).body.data).toEqual({ partnerApp: { id: spb.appId } });
    expect((await app.graphql('{ me { id } }', {}, both)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A session token is not an API key.
    const sessionToken = [...abonent.client.cookies.values()][0]!;
    expect((await app.graphql('{ partnerApp { id } }', {}, { authorization: `Bearer ${sessionToken}` })).status).toBe(
      401,
    );
  });

  it('carry only the scopes given: a read-only key cannot write', async () => {
    const reader = await createPartner(app, 'sankt-peterburg', ['accounts:read']);
    const { body } = await reader.graphql(UPSERT, { input: { accounts: accounts(1, 8_100_000) } });
    expect(body.errors?.[0]).toMatchObject({
      message: 'У API-ключа нет разрешения accounts:write.',
      extensions: { code: 'FORBIDDEN', scope: 'accounts:write' },
    });
    expect((await reader.graphql(PAGE, { first: 1 })).body.errors).toBeUndefined();
  });
});

describe('upsertPersonalAccounts', () => {
  it('writes 1000 accounts all or nothing: one bad row refuses the call with its index, and nothing is written', async () => {
    const batch = accounts(1000, 9_000_000);
    batch[617] = { ...batch[617]!, number: '90006A7' };
    const refused = await spb.graphql(UPSERT, { input: { accounts: batch } });
    expect(refused.body.data.upsertPersonalAccounts).toEqual({
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
    const written = await spb.graphql(UPSERT, { input: { accounts: batch } });
    expect(written.body.data.upsertPersonalAccounts).toMatchObject({
      ok: true,
      created: 1000,
      updated: 0,
      unchanged: 0,
    });
    expect(await rowCount(`"supplier_id" = ? and "number" between '9000000' and '9000999'`, [spb.supplierId])).toBe(
      1000,
    );

    // Idempotent: the same call again changes nothing; one changed row is one update.
    const replay = await spb.graphql(UPSERT, { input: { accounts: batch } });
    expect(replay.body.data.upsertPersonalAccounts).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: 1000,
    });
    batch[3] = { ...batch[3]!, address: 'г. Санкт-Петербург, новый адрес' };
    const changed = await spb.graphql(UPSERT, { input: { accounts: batch } });
    expect(changed.body.data.upsertPersonalAccounts).toMatchObject({
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
    const { body } = await spb.graphql(UPSERT, { input: { accounts: rows } });
    expect(
      body.data.upsertPersonalAccounts.errors.map(
        (e: { index: number; field: string; code: string }) => `${e.index}:${e.field}:${e.code}`,
      ),
    ).toEqual([
      '0:address:REQUIRED',
      '0:balanceAsOf:DATE_INVALID',
      '1:number:DUPLICATE_ROW',
      '1:receiptPin:PIN_INVALID',
      '1:receiptReading:READING_INVALID',
    ]);
  });

  it('refuses more than 1000 rows at the gateway', async () => {
    const { status, body } = await spb.graphql(UPSERT, { input: { accounts: accounts(1001, 9_500_000) } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('LIST_ARGUMENT_TOO_LONG');
  });
});

describe('charges, balances and tariffs', () => {
  it('reach the abonent who linked the account; an older balance does not overwrite a newer one', async () => {
    await spb.graphql(UPSERT, {
      input: {
        accounts: [{ number: '7777001', address: 'СПб, д. 1', holderName: 'Смирнов С. С.', receiptReading: '10' }],
      },
    });
    const charges = await spb.graphql(
      `mutation ($input: UpsertChargesInput!) { upsertCharges(input: $input) { ok created updated unchanged errors { index code } } }`,
      {
        input: {
          charges: [
            { accountNumber: '7777001', month: '2026-09', volume: '5.5', amount: 4516 },
            { accountNumber: '7777001', month: '2026-10', volume: '7.125', amount: 5850 },
          ],
        },
      },
    );
    expect(charges.body.data.upsertCharges).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0, errors: [] });
    const corrected = await spb.graphql(
      `mutation ($input: UpsertChargesInput!) { upsertCharges(input: $input) { ok created updated unchanged } }`,
      { input: { charges: [{ accountNumber: '7777001', month: '2026-10', volume: '7.125', amount: 5851 }] } },
    );
    expect(corrected.body.data.upsertCharges).toEqual({ ok: true, created: 0, updated: 1, unchanged: 0 });

    const SET_BALANCES = `mutation ($input: SetBalancesInput!) { setBalances(input: $input) { ok updated unchanged } }`;
    const newer = await spb.graphql(SET_BALANCES, {
      input: { balances: [{ accountNumber: '7777001', balance: 5851, asOf: '2026-11-01' }] },
    });
    expect(newer.body.data.setBalances).toEqual({ ok: true, updated: 1, unchanged: 0 });
    const older = await spb.graphql(SET_BALANCES, {
      input: { balances: [{ accountNumber: '7777001', balance: 999, asOf: '2026-10-01' }] },
    });
    expect(older.body.data.setBalances).toEqual({ ok: true, updated: 0, unchanged: 1 });

    const SET_TARIFFS = `mutation ($input: SetTariffsInput!) { setTariffs(input: $input) { ok errors { index field code } } }`;
    const tariffs = [
      { service: 'Газоснабжение', pricePerUnit: 821, validFrom: '2026-07-01' },
      { service: 'Газоснабжение', pricePerUnit: 779, validFrom: '2025-07-01', validTo: '2026-06-30' },
    ];
    expect(
      (await spb.graphql(SET_TARIFFS, { input: { accounts: [{ accountNumber: '7777001', tariffs }] } })).body.data
        .setTariffs.ok,
    ).toBe(true);
    const badTariff = await spb.graphql(SET_TARIFFS, {
      input: {
        accounts: [
          {
            accountNumber: '7777001',
            tariffs: [{ service: 'Газ', pricePerUnit: 0, validFrom: '2026-07-01', validTo: '2026-01-01' }],
          },
        ],
      },
    });
    expect(badTariff.body.data.setTariffs.errors).toEqual([
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
    const charge = await spb.graphql(
      `mutation { upsertCharges(input: { charges: [{ accountNumber: "3600123456", month: "2026-10", volume: "1", amount: 100 }] }) {
        ok errors { index field code message } } }`,
    );
    expect(charge.body.data.upsertCharges).toEqual({
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
    const balance = await spb.graphql(
      `mutation { setBalances(input: { balances: [{ accountNumber: "3600123456", balance: 1, asOf: "2030-01-01" }] }) { ok } }`,
    );
    expect(balance.body.data.setBalances.ok).toBe(false);

    // Upserting the same number creates Saint Petersburg's own account; Voronezh's stays as it was.
    const own = await spb.graphql(UPSERT, {
      input: { accounts: [{ number: '3600123456', address: 'СПб', holderName: 'Чужой Ч. Ч.', balance: 1 }] },
    });
    expect(own.body.data.upsertPersonalAccounts).toMatchObject({ ok: true, created: 1 });
    const voronezhPage = await voronezh.graphql(PAGE, { first: 1000 });
    const theirs = voronezhPage.body.data.partnerAccounts.nodes.find(
      (n: { number: string }) => n.number === '3600123456',
    );
    expect(theirs).toMatchObject({
      holderName: 'Петрова Анна Сергеевна',
      balance: { kopecks: 45210 },
      supplier: { code: 'voronezh' },
    });

    const byId = await spb.graphql(`query ($id: ID!) { personalAccount(id: $id) { number } }`, { id: theirs.id });
    expect(byId.body).toEqual({ data: { personalAccount: null } });
    const spbNodes = await pageThrough(spb, 1000);
    expect(spbNodes.every((n) => n.supplier.code === 'sankt-peterburg')).toBe(true);
    expect(spbNodes.some((n) => n.id === theirs.id)).toBe(false);
  });
});

describe('partnerAccounts', () => {
  it('pages through every account once, in a stable order, and picks up changes with updatedSince', async () => {
    const all = await pageThrough(voronezh, 1000);
    await voronezh.graphql(UPSERT, { input: { accounts: accounts(25, 3_650_000) } });
    const paged = await pageThrough(voronezh, 10);
    expect(paged).toHaveLength(all.length + 25);
    expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
    expect(await pageThrough(voronezh, 7)).toEqual(paged);

    const since = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await voronezh.graphql(UPSERT, {
      input: { accounts: accounts(1, 3_650_003, { address: 'Воронеж, новый адрес' }) },
    });
    const changed = await voronezh.graphql(PAGE, { first: 100, since: since.toISOString() });
    expect(changed.body.data.partnerAccounts.nodes.map((n: { number: string }) => n.number)).toEqual(['3650003']);
  });

  it('refuses a forged cursor and a page size out of range, saying what to pass', async () => {
    const forged = await voronezh.graphql(PAGE, { first: 10, after: 'bm90LWEtY3Vyc29y' });
    expect(forged.body.errors?.[0]).toMatchObject({
      message: 'Неверный курсор: передайте endCursor предыдущей страницы.',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    const zero = await voronezh.graphql(PAGE, { first: 0 });
    expect(zero.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('updateSupplierSettings', () => {
  const UPDATE = `mutation ($input: SupplierSettingsInput!) {
    updateSupplierSettings(input: $input) { ok errors { field code } supplier { code linkProof readingClosingDay
      accountNumberFormat { hint } bankDetails { inn account bic } support { phone address } } }
  }`;

  it("changes the partner's own supplier only, with the scope, after checking the payee's control digits", async () => {
    const billing = await createPartner(app, 'ivanovo', ['supplier:write']);
    const bad = await billing.graphql(UPDATE, {
      input: {
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
      },
    });
    expect(
      bad.body.data.updateSupplierSettings.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
    ).toEqual([
      'accountNumberFormat:FORMAT_INVALID',
      'readingClosingDay:DAY_INVALID',
      'bankDetails.inn:INN_INVALID',
      'bankDetails.account:ACCOUNT_INVALID',
      'receiptSampleUrl:URL_INVALID',
    ]);

    const good = await billing.graphql(UPDATE, {
      input: {
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
      },
    });
    expect(good.body.data.updateSupplierSettings).toEqual({
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
    expect((await spb.graphql(UPDATE, { input: { readingClosingDay: 1 } })).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
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
      const me = await app.graphql(
        '{ partnerApp { name supplier { code } } }',
        {},
        { authorization: `Bearer ${apiKey}` },
      );
      expect(me.body.data).toEqual({ partnerApp: { name: 'Биллинг Калуги', supplier: { code: 'kaluga' } } });

      const listed = await runProcess('partner-main.ts', ['list'], env);
      expect(listed.output).toContain('«Биллинг Калуги»');
      expect(listed.output).not.toContain(apiKey!);

      const revoked = await runProcess('partner-main.ts', ['revoke', '--key', keyId!], env);
      expect(revoked.output).toContain('Revoked.');
      expect((await app.graphql('{ partnerApp { name } }', {}, { authorization: `Bearer ${apiKey}` })).status).toBe(
        401,
      );

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

async function pageThrough(partner: Partner, first: number) {
  const nodes: Array<{ id: string; number: string; supplier: { code: string } }> = [];
  let after: string | null = null;
  for (;;) {
    const { body }: { body: any } = await partner.graphql(PAGE, { first, after });
    expect(body.errors).toBeUndefined();
    nodes.push(...body.data.partnerAccounts.nodes);
    if (!body.data.partnerAccounts.pageInfo.hasNextPage) return nodes;
    after = body.data.partnerAccounts.pageInfo.endCursor;
  }
}
