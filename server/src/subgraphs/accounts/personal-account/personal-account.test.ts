// Personal accounts for abonents through the public API: supplier settings, linking with proof and its limits,
// the overview with a constant number of SQL statements, and that nobody reads an account they have not linked.
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { confirmedAbonent, createPartner, registeredAbonent } from '../../../../test/support/abonents.js';
import type { Browser } from '../../../../test/support/kabinet.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { NO_RESPONSE_EFFECTS } from '../../../core/context.js';
import {
  LINK_FAILURES_PER_HOUR,
  LINK_GUESSES_PER_ADDRESS_PER_HOUR,
  LINK_GUESSES_PER_NUMBER_PER_HOUR,
} from './link.service.js';
import { maskHolderName } from './holder-name.js';

const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' });

const LINK = `mutation ($input: LinkPersonalAccountInput!) {
  linkPersonalAccount(input: $input) { ok errors { field code message } account { id number holder } }
}`;
const UNLINK = `mutation ($id: ID!) { unlinkPersonalAccount(id: $id) { ok accountId errors { field code message } } }`;
const DASHBOARD = `{ me { accounts {
  id number address holder services balance { kopecks debt overpayment asOf }
  supplier { code name }
  tariffs { service pricePerUnit unit validFrom validTo }
  charges { month volume amount }
} } }`;

const SPB = { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' };

async function link(client: Browser, input: Record<string, unknown>) {
  const { body } = await client.graphql(LINK, { input });
  expect(body.errors).toBeUndefined();
  return body.data.linkPersonalAccount as {
    ok: boolean;
    errors: Array<{ field: string | null; code: string; message: string }>;
    account: { id: string; number: string; holder: string } | null;
  };
}

const codes = (payload: { errors: Array<{ field: string | null; code: string }> }) =>
  payload.errors.map((e) => `${e.field}:${e.code}`);

describe('supplier settings', () => {
  it('publish the number format, the proof asked for, the closing day, bank details and the receipt sample', async () => {
    const { body } = await app.graphql<{ suppliers: any[] }>(`{ suppliers {
      code linkProof readingClosingDay receiptSampleUrl
      accountNumberFormat { minDigits maxDigits hint }
      bankDetails { payeeName inn kpp account bankName bic correspondentAccount }
      support { phone email website }
    } }`);
    const byCode = new Map(body.data!.suppliers.map((s) => [s.code, s]));
    expect(byCode.get('sankt-peterburg')).toMatchObject({
      linkProof: 'METER_READING',
      readingClosingDay: 25,
      receiptSampleUrl: '/receipts/sankt-peterburg.svg',
      accountNumberFormat: { minDigits: 1, maxDigits: 10, hint: 'Лицевой счёт должен содержать не более 10 цифр.' },
      bankDetails: { inn: '7838016481', bic: '044525999', account: '40702810600000000001' },
    });
    expect(byCode.get('voronezh').linkProof).toBe('RECEIPT_PIN');
    expect(byCode.get('moskva').linkProof).toBe('LAST_CHARGE_AMOUNT');
    expect(byCode.get('kaluga').linkProof).toBe('NONE');
    // No invented payees: a supplier without details has none.
    expect(byCode.get('ivanovo')).toMatchObject({
      linkProof: 'NONE',
      bankDetails: null,
      receiptSampleUrl: '/receipt-sample.svg',
    });
  });
});

describe('linking a personal account', () => {
  it('explains what to fix in each field, before looking anything up', async () => {
    const { client } = await confirmedAbonent(app, mail);
    expect(codes(await link(client, { ...SPB, supplierCode: '' }))).toEqual(['supplierCode:SUPPLIER_REQUIRED']);
    expect(codes(await link(client, { ...SPB, supplierCode: 'atlantis' }))).toEqual(['supplierCode:SUPPLIER_REQUIRED']);
    expect(codes(await link(client, { ...SPB, number: '' }))).toEqual(['number:NUMBER_REQUIRED']);
    const letters = await link(client, { ...SPB, number: '70206201A' });
    expect(codes(letters)).toEqual(['number:NUMBER_NOT_DIGITS']);
    expect(letters.errors[0]!.message).toContain('Лицевой счёт должен содержать не более 10 цифр.');
    const long = await link(client, { ...SPB, number: '12345678901' });
    expect(long.errors).toEqual([
      { field: 'number', code: 'NUMBER_TOO_LONG', message: 'Лицевой счёт должен содержать не более 10 цифр.' },
    ]);
    expect(codes(await link(client, { ...SPB, proof: null }))).toEqual(['proof:PROOF_REQUIRED']);
    expect(codes(await link(client, { ...SPB, proof: 'четыре' }))).toEqual(['proof:PROOF_INVALID']);
    expect(codes(await link(client, { supplierCode: 'voronezh', number: '3600123456', proof: '12' }))).toEqual([
      'proof:PROOF_INVALID',
    ]);
    // None of these counted as a failed attempt: the right data still links at once.
    expect((await link(client, SPB)).ok).toBe(true);
  });

  it('gives one answer for an unknown number and a wrong proof, so numbers cannot be probed', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const unknown = await link(client, { ...SPB, number: '702062099' });
    const wrongProof = await link(client, { ...SPB, proof: '4,1' });
    expect(unknown).toEqual(wrongProof);
    expect(codes(unknown)).toEqual(['number:ACCOUNT_NOT_FOUND']);
    expect(unknown.errors[0]!.message).toBe(
      'Лицевой счёт не найден или данные указаны неверно. Проверьте номер лицевого счёта и показание счётчика по квитанции.',
    );
  });

  it('accepts the number as printed, with spaces, and the reading with a comma or a point', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const linked = await link(client, { ...SPB, number: ' 7 0 2 0 6 2 0 1 2 ', proof: '4.375070' });
    expect(linked).toMatchObject({ ok: true, errors: [], account: { number: '702062012', holder: 'И***в И. И.' } });
  });

  it('checks each kind of proof: a PIN, the last charge, nothing', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const pin = { supplierCode: 'voronezh', number: '3600123456' };
    expect(codes(await link(client, { ...pin, proof: '1357' }))).toEqual(['number:ACCOUNT_NOT_FOUND']);
    expect((await link(client, { ...pin, proof: '2468' })).ok).toBe(true);
    const charge = { supplierCode: 'moskva', number: '5012345678' };
    expect(codes(await link(client, { ...charge, proof: '82,11' }))).toEqual(['number:ACCOUNT_NOT_FOUND']);
    expect((await link(client, { ...charge, proof: '82.1' })).ok).toBe(true);
    expect((await link(client, { ...charge, proof: '82,10 ₽' })).ok).toBe(true);
    expect((await link(client, { supplierCode: 'kaluga', number: '4000111222' })).ok).toBe(true);
    const { body } = await client.graphql(DASHBOARD);
    expect(body.data.me.accounts.map((a: { number: string }) => a.number)).toEqual([
      '3600123456',
      '5012345678',
      '4000111222',
    ]);
  });

  it(`stops after ${LINK_FAILURES_PER_HOUR} failed attempts an hour, even with the right data, and says so`, async () => {
    const { client } = await confirmedAbonent(app, mail);
    const kaluga = { supplierCode: 'kaluga', number: '4000111222' };
    for (let i = 0; i < LINK_FAILURES_PER_HOUR; i++) {
      expect(codes(await link(client, { ...SPB, proof: `9${i}` }))).toEqual(['number:ACCOUNT_NOT_FOUND']);
      // Linking an account one holds, again and again, does not buy more guesses.
      if (i < LINK_FAILURES_PER_HOUR - 1) expect((await link(client, kaluga)).ok).toBe(true);
    }
    const blocked = await link(client, SPB);
    expect(codes(blocked)).toEqual(['null:RATE_LIMITED']);
    expect(blocked.errors[0]!.message).toMatch(
      /^Слишком много неудачных попыток подключения\. Попробуйте через \d+ мин\./,
    );
    // The limit is per abonent: someone else links the same account meanwhile.
    const other = await confirmedAbonent(app, mail);
    expect((await link(other.client, SPB)).ok).toBe(true);
  });

  it(`stops guesses at one number after ${LINK_GUESSES_PER_NUMBER_PER_HOUR} an hour from any cabinets, and only at that number`, async () => {
    const guessers = [
      await confirmedAbonent(app, mail),
      await confirmedAbonent(app, mail),
      await confirmedAbonent(app, mail),
    ];
    // A number Kaluga (no proof asked) does not have; each cabinet stays below its own limit.
    const guessed = { supplierCode: 'kaluga', number: '4000999001' };
    const answers: string[][] = [];
    for (const { client } of guessers) {
      for (let i = 0; i < LINK_FAILURES_PER_HOUR - 1; i++) answers.push(codes(await link(client, guessed)));
    }
    expect(answers.slice(0, LINK_GUESSES_PER_NUMBER_PER_HOUR)).toEqual(
      Array(LINK_GUESSES_PER_NUMBER_PER_HOUR).fill(['number:ACCOUNT_NOT_FOUND']),
    );
    expect(answers.slice(LINK_GUESSES_PER_NUMBER_PER_HOUR)).toEqual(
      Array(answers.length - LINK_GUESSES_PER_NUMBER_PER_HOUR).fill(['number:RATE_LIMITED']),
    );
    const blocked = await link(guessers[0]!.client, guessed);
    expect(blocked.errors[0]!.message).toMatch(
      /^Слишком много попыток подключить лицевой счёт с этим номером\. Попробуйте через (60|59) мин\./,
    );
    // The same cabinets link another number, and a cabinet with the right data elsewhere is not held up.
    expect((await link(guessers[0]!.client, { supplierCode: 'kaluga', number: '4000111222' })).ok).toBe(true);
    const legitimate = await confirmedAbonent(app, mail);
    expect((await link(legitimate.client, SPB)).ok).toBe(true);
  });

  it(`stops guesses from one client address after ${LINK_GUESSES_PER_ADDRESS_PER_HOUR} an hour across its cabinets; new links without a proof count`, async () => {
    const shared = '203.0.113.50';
    const fromShared = async () => {
      const abonent = await confirmedAbonent(app, mail);
      const there = app.browser(shared);
      for (const [name, value] of abonent.client.cookies) there.cookies.set(name, value);
      return { ...abonent, there };
    };
    let guess = 0;
    const unknown = () => ({ supplierCode: 'kaluga', number: String(4_000_998_000 + guess++) });
    const first = await fromShared();
    // A new link where no proof is asked is a guess that worked; linking it again is not a guess.
    const kaluga = { supplierCode: 'kaluga', number: '4000111222' };
    expect((await link(first.there, kaluga)).ok).toBe(true);
    expect((await link(first.there, kaluga)).ok).toBe(true);
    expect((await link(first.there, kaluga)).ok).toBe(true);
    let counted = 1;
    const perCabinet = LINK_FAILURES_PER_HOUR - 1;
    for (let i = 0; i < perCabinet; i++, counted++) {
      expect(codes(await link(first.there, unknown()))).toEqual(['number:ACCOUNT_NOT_FOUND']);
    }
    let last = first;
    while (counted < LINK_GUESSES_PER_ADDRESS_PER_HOUR) {
      last = await fromShared();
      for (let i = 0; i < perCabinet && counted < LINK_GUESSES_PER_ADDRESS_PER_HOUR; i++, counted++) {
        expect(codes(await link(last.there, unknown()))).toEqual(['number:ACCOUNT_NOT_FOUND']);
      }
    }
    const blocked = await link(last.there, unknown());
    expect(codes(blocked)).toEqual(['null:RATE_LIMITED']);
    expect(blocked.errors[0]!.message).toMatch(
      /^Слишком много попыток подключения лицевых счетов с Вашего адреса\. Попробуйте через (60|59) мин\./,
    );
    // Even the right data waits at that address; the same cabinet from its own address, and others, do not.
    expect(codes(await link(last.there, SPB))).toEqual(['null:RATE_LIMITED']);
    expect((await link(last.client, SPB)).ok).toBe(true);
    const elsewhere = await confirmedAbonent(app, mail);
    expect((await link(elsewhere.client, kaluga)).ok).toBe(true);
  });

  it('links twice harmlessly, lets a family share an account, and unlinks only the caller’s link', async () => {
    const first = await confirmedAbonent(app, mail);
    const second = await confirmedAbonent(app, mail);
    const a = await link(first.client, SPB);
    const again = await link(first.client, SPB);
    expect(again).toEqual(a);
    expect((await link(second.client, SPB)).ok).toBe(true);
    const links = await app.kabinet.subgraphs.accounts.orm.em
      .fork()
      .getConnection()
      .execute(
        'select count(*)::int as n from "accounts"."account_link" where "account_id" = ? and "abonent_id" in (?, ?)',
        [a.account!.id, first.id, second.id],
      );
    expect(links[0]!.n).toBe(2);

    const unlinked = await first.client.graphql(UNLINK, { id: a.account!.id });
    expect(unlinked.body.data.unlinkPersonalAccount).toEqual({ ok: true, accountId: a.account!.id, errors: [] });
    const twice = await first.client.graphql(UNLINK, { id: a.account!.id });
    expect(codes(twice.body.data.unlinkPersonalAccount)).toEqual(['id:NOT_LINKED']);
    expect((await first.client.graphql(DASHBOARD)).body.data.me.accounts).toEqual([]);
    expect((await second.client.graphql(DASHBOARD)).body.data.me.accounts).toHaveLength(1);
    const garbage = await second.client.graphql(UNLINK, { id: 'not-an-id' });
    expect(codes(garbage.body.data.unlinkPersonalAccount)).toEqual(['id:NOT_LINKED']);
  });
});

describe('the overview', () => {
  it('shows the account with a masked holder, its balance, tariffs and the last 12 months of charges', async () => {
    const { client } = await confirmedAbonent(app, mail);
    await link(client, SPB);
    const { body } = await client.graphql(DASHBOARD);
    expect(body.errors).toBeUndefined();
    const [account] = body.data.me.accounts;
    expect(account).toMatchObject({
      number: '702062012',
      address: 'г. Санкт-Петербург, Невский пр., д. 1, кв. 1',
      holder: 'И***в И. И.',
      services: ['Газоснабжение'],
      balance: { kopecks: 123456, debt: 123456, overpayment: 0 },
      supplier: { code: 'sankt-peterburg', name: 'Межрегионгаз Санкт-Петербург' },
    });
    expect(account.balance.asOf).toMatch(/^\d{4}-\d{2}-01$/);
    expect(account.tariffs).toHaveLength(2);
    expect(account.tariffs[0]).toMatchObject({
      service: 'Газоснабжение',
      pricePerUnit: 821,
      unit: 'м³',
      validTo: null,
    });
    expect(account.charges).toHaveLength(12);
    const months = account.charges.map((c: { month: string }) => c.month);
    expect(months).toEqual([...months].sort().reverse());
    for (const charge of account.charges) {
      expect(charge.volume).toMatch(/^\d+\.\d{3}$/);
      expect(Number.isInteger(charge.amount)).toBe(true);
    }
  });

  it('gives the payment QR payload of ГОСТ Р 56042-2014 for the amount due, from the supplier’s bank details', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const { account } = await link(client, SPB);
    const { body } = await client.graphql(
      `query ($id: ID!) { personalAccount(id: $id) { paymentQr { payload amount period } charges { month } } }`,
      { id: account!.id },
    );
    const { paymentQr, charges } = body.data.personalAccount;
    const [year, month] = (charges[0].month as string).split('-');
    expect(paymentQr).toEqual({
      amount: 123456,
      period: charges[0].month,
      payload:
        'ST00012|Name=ЗАО "Газпром межрегионгаз Санкт-Петербург" (демо)|PersonalAcc=40702810600000000001|' +
        'BankName=ДЕМО-БАНК (ПАО)|BIC=044525999|CorrespAcc=30101810600000000999|PayeeINN=7838016481|KPP=783801001|' +
        `PersAcc=702062012|Sum=123456|Purpose=Оплата за газ, лицевой счёт 702062012, за ${month}.${year}|` +
        `PaymPeriod=${month}${year}|TechCode=02`,
    });
    // A supplier without bank details has no QR code; an overpaid account's carries no sum.
    const kaluga = await link(client, { supplierCode: 'kaluga', number: '4000111222' });
    const none = await client.graphql(`query ($id: ID!) { personalAccount(id: $id) { paymentQr { payload } } }`, {
      id: kaluga.account!.id,
    });
    expect(none.body.data.personalAccount.paymentQr).toBeNull();
    const overpaid = await link(client, { supplierCode: 'sankt-peterburg', number: '702062013', proof: '1520,4' });
    const noSum = await client.graphql(
      `query ($id: ID!) { personalAccount(id: $id) { paymentQr { payload amount } } }`,
      {
        id: overpaid.account!.id,
      },
    );
    expect(noSum.body.data.personalAccount.paymentQr.amount).toBeNull();
    expect(noSum.body.data.personalAccount.paymentQr.payload).not.toContain('|Sum=');
  });

  it('filters charges by month and refuses a malformed month with a clear message', async () => {
    const { client } = await confirmedAbonent(app, mail);
    const { account } = await link(client, SPB);
    const all = (await client.graphql(DASHBOARD)).body.data.me.accounts[0].charges as Array<{ month: string }>;
    const [newest, second] = all;
    const query = `query ($id: ID!, $from: String, $to: String) {
      personalAccount(id: $id) { charges(from: $from, to: $to) { month } } }`;
    const one = await client.graphql(query, { id: account!.id, from: second!.month, to: second!.month });
    expect(one.body.data.personalAccount.charges).toEqual([{ month: second!.month }]);
    const fromOnly = await client.graphql(query, { id: account!.id, from: second!.month });
    expect(fromOnly.body.data.personalAccount.charges).toEqual([{ month: newest!.month }, { month: second!.month }]);
    const bad = await client.graphql(query, { id: account!.id, from: '2026-13' });
    expect(bad.body.errors?.[0]).toMatchObject({
      message: 'Месяц «from» укажите в виде ГГГГ-ММ, например 2026-01.',
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    });
  });

  it('costs the same few SQL statements for 1 account as for 20 (batched per request)', async () => {
    const partner = await createPartner(app, 'kaluga', ['accounts:write', 'accounts:read']);
    const numbers = Array.from({ length: 20 }, (_, i) => String(7_100_000 + i));
    const written = await partner.graphql(
      `mutation ($input: UpsertPersonalAccountsInput!) { upsertPersonalAccounts(input: $input) { ok errors { code } } }`,
      {
        input: {
          accounts: numbers.map((number) => ({ number, address: `Калуга, д. ${number}`, holderName: 'Орлов О. О.' })),
        },
      },
    );
    expect(written.body.data.upsertPersonalAccounts.ok).toBe(true);
    await partner.graphql(`mutation ($input: UpsertChargesInput!) { upsertCharges(input: $input) { ok } }`, {
      input: {
        charges: numbers.map((accountNumber) => ({ accountNumber, month: '2026-01', volume: '1.5', amount: 1200 })),
      },
    });
    const one = await confirmedAbonent(app, mail);
    const many = await confirmedAbonent(app, mail);
    await link(one.client, { supplierCode: 'kaluga', number: numbers[0] });
    for (const number of numbers) expect((await link(many.client, { supplierCode: 'kaluga', number })).ok).toBe(true);

    const count = async (client: Browser) => {
      const statements = await countStatements(() => client.graphql(DASHBOARD));
      return statements;
    };
    const forOne = await count(one.client);
    const forMany = await count(many.client);
    expect(forOne.result.body.data.me.accounts).toHaveLength(1);
    expect(forMany.result.body.data.me.accounts).toHaveLength(20);
    // The same statements (the ORM writes the ids into the text, so only their number is compared).
    expect(forMany.statements).toHaveLength(forOne.statements.length);
    // The abonent's links with their accounts and suppliers, the tariffs, the charges.
    expect(forMany.statements).toHaveLength(3);
  });
});

describe('who may read an account', () => {
  it('is null for someone who has not linked it, on every path the schema has', async () => {
    const owner = await confirmedAbonent(app, mail);
    const { account } = await link(owner.client, SPB);
    const stranger = await confirmedAbonent(app, mail);
    const byId = `query ($id: ID!) { personalAccount(id: $id) { number holder balance { kopecks } } }`;
    expect((await owner.client.graphql(byId, { id: account!.id })).body.data.personalAccount.number).toBe('702062012');
    expect((await stranger.client.graphql(byId, { id: account!.id })).body).toEqual({
      data: { personalAccount: null },
    });
    expect((await stranger.client.graphql(DASHBOARD)).body.data.me.accounts).toEqual([]);

    // Straight at the subgraph, as a forged gateway fetch would be: entity references resolve to null.
    const accounts = app.kabinet.subgraphs.accounts;
    const { execute, parse } = await import('graphql');
    const asStranger = accounts.createContext({
      requestId: 't',
      caller: { kind: 'abonent', abonentId: stranger.id, emailConfirmed: true },
      clientIp: '127.0.0.1',
      log: app.kabinet.http.log.child({}, { level: 'silent' }),
      response: NO_RESPONSE_EFFECTS,
    });
    const entities = await execute({
      schema: accounts.schema,
      document: parse(`query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on PersonalAccount { number } ... on Abonent { accounts { number } } } }`),
      variableValues: {
        r: [
          { __typename: 'PersonalAccount', id: account!.id },
          { __typename: 'Abonent', id: owner.id },
        ],
      },
      contextValue: asStranger,
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([null, null]);

    // The full name is for the supplier's own billing system only.
    const holderName = await owner.client.graphql(`query ($id: ID!) { personalAccount(id: $id) { holderName } }`, {
      id: account!.id,
    });
    expect(holderName.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('needs a confirmed e-mail for everything here, and a login', async () => {
    const { client } = await registeredAbonent(app);
    const linkTry = await client.graphql(LINK, { input: SPB });
    expect(linkTry.body.errors?.[0], JSON.stringify(linkTry.body)).toMatchObject({
      extensions: { code: 'EMAIL_NOT_CONFIRMED' },
    });
    const dashboard = await client.graphql(DASHBOARD);
    expect(dashboard.body.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_CONFIRMED');
    const byId = await client.graphql(`{ personalAccount(id: "00000000-0000-0000-0000-000000000000") { number } }`);
    expect(byId.body.errors?.[0]?.extensions?.code).toBe('EMAIL_NOT_CONFIRMED');
    const anonymous = await app.browser().graphql(LINK, { input: SPB });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("drops a deleted cabinet's links (the abonent.deleted event), and keeps the account", async () => {
    const owner = await confirmedAbonent(app, mail);
    const { account } = await link(owner.client, SPB);
    const deleted = await owner.client.graphql(
      'mutation ($p: String!) { deleteCabinet(password: $p) { ok errors { code } } }',
      { p: owner.password },
    );
    expect(deleted.body.data.deleteCabinet.ok).toBe(true);
    const connection = app.kabinet.subgraphs.accounts.orm.em.fork().getConnection();
    const linksOf = async () =>
      (
        await connection.execute('select count(*)::int as n from "accounts"."account_link" where "abonent_id" = ?', [
          owner.id,
        ])
      )[0]!.n;
    const deadline = Date.now() + 20_000;
    while ((await linksOf()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await linksOf()).toBe(0);
    const stillThere = await connection.execute(
      'select count(*)::int as n from "accounts"."personal_account" where "id" = ?',
      [account!.id],
    );
    expect(stillThere[0]!.n).toBe(1);
  });
});

describe('the holder mask', () => {
  it('keeps the first and last letter of the surname and the initials', () => {
    expect(maskHolderName('Иванов И. И.')).toBe('И***в И. И.');
    expect(maskHolderName('Иванов Иван Иванович')).toBe('И***в И. И.');
    expect(maskHolderName('  Ли  Мин ')).toBe('Л*** М.');
    expect(maskHolderName('Петрова-Водкина Анна')).toBe('П***а А.');
  });
});

/** Runs `work` and records the SQL statements the accounts subgraph sent meanwhile. */
/** The statements the accounts subgraph's pool sends while `work` runs (its connections name themselves). */
async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  // A spy calls through to the real method with the client as `this`, and is restored afterwards.
  const query = vi.spyOn(pg.Client.prototype, 'query');
  try {
    const result = await work();
    const statements = query.mock.calls.flatMap(([sql], call) => {
      const client = query.mock.contexts[call] as { connectionParameters: { application_name?: string } };
      if (client.connectionParameters.application_name !== 'kabinet-accounts') return [];
      const statement = sql as unknown as string | { text: string };
      return [typeof statement === 'string' ? statement : statement.text];
    });
    return { result, statements };
  } finally {
    query.mockRestore();
  }
}
