// Meters and readings through the public API: the demo meters on an account, submitting with each of the
// supplier's rules at its boundary, replacement within a period, idempotency, concurrency, and the partner side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import type { Browser, TestKabinet } from '../../../../test/support/kabinet.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { CLOSING_DAYS, instantOf, monthInText, moscow, TEST_DAYS } from '../../../../test/support/dates.js';
import { SettableClock } from '../../../core/clock.js';
import { runSql } from '../../../core/sql.js';
import { addDays, addMonths, periodFor, todayInMoscow } from '@kabinet/common/calendar';
import { chargeKopecks, parseDecimal } from '@kabinet/common/decimal';

// Wall time unless a test sets it: the dated tests below run the same operations on chosen days.
const clock = new SettableClock();
const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' }, { clock });
const today = () => todayInMoscow(clock.now());

const metering = () => app.kabinet.subgraphs.metering.orm.em.fork();

const METERS = `query ($id: ID!) { personalAccount(id: $id) { meters {
  id serialNumber zones readingZones integerDigits fractionDigits nextVerificationOn verificationStatus
  lastReading { value period source current }
  readings(last: 3) { value period current consumption }
} } }`;
const SUBMIT = `mutation ($input: SubmitReadingsInput!) { submitReadings(input: $input) {
  ok period afterClosingDay errors { field code message }
  results { meterId zone status code message period consumption chargePreview replacedEarlier readingId }
} }`;

let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${keyCounter++}`;

/** An abonent with a demo account linked, once metering knows of the link and the account's meters. */
async function withAccount(number: string, supplierCode: string, proof?: string) {
  const abonent = await confirmedAbonent(app, mail);
  const { body } = await abonent.client.graphql(
    `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok account { id } } }`,
    { input: { supplierCode, number, proof } },
  );
  const accountId = body.data.linkPersonalAccount.account.id as string;
  const deadline = Date.now() + 30_000;
  let meters: any[] = [];
  for (;;) {
    const linked = await runSql<unknown[]>(
      metering(),
      `select 1 from "metering"."account_access" where "abonent_id" = ? and "account_id" = ? and "linked"`,
      [abonent.id, accountId],
    );
    meters = (await abonent.client.graphql(METERS, { id: accountId })).body.data.personalAccount.meters;
    if ((linked.length && meters.length) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ...abonent, accountId, meters };
}

const billing = new Map<string, Awaited<ReturnType<typeof createPartner>>>();
let accountCounter = 0;

/**
 * A new account of the supplier (Kaluga by default; none asks for a proof) with one meter of its own installed
 * `installedDaysAgo` days before the clock's today at 100 m³ and no readings yet, linked by a new abonent: tests that
 * submit do not share a meter.
 */
async function freshMeter(installedDaysAgo = 10, supplierCode = 'kaluga') {
  if (!billing.has(supplierCode)) {
    billing.set(supplierCode, await createPartner(app, supplierCode, ['accounts:write', 'readings:write']));
  }
  const kaluga = billing.get(supplierCode)!;
  const number = String(4_100_000_000 + (Date.now() % 1_000_000) * 100 + accountCounter++);
  await kaluga.graphql(
    `mutation ($input: UpsertPersonalAccountsInput!) { upsertPersonalAccounts(input: $input) { ok } }`,
    { input: { accounts: [{ number, address: 'г. Калуга, д. 1', holderName: 'Тестов Т. Т.' }] } },
  );
  const installedOn = addDays(today(), -installedDaysAgo);
  const UPSERT = `mutation ($input: UpsertMetersInput!) { upsertMeters(input: $input) { ok errors { code } } }`;
  const meter = { accountNumber: number, serialNumber: `T-${number}`, initialValue: '100', installedOn };
  // Metering learns of the new account from the accounts event within seconds.
  for (const deadline = Date.now() + 30_000; ;) {
    const { body } = await kaluga.graphql(UPSERT, { input: { meters: [meter] } });
    if (body.data.upsertMeters.ok || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const linked = await withAccount(number, supplierCode);
  return { ...linked, meterId: linked.meters[0].id as string };
}

async function submit(client: Browser, input: Record<string, unknown>) {
  const { body } = await client.graphql(SUBMIT, { input: { idempotencyKey: key(), ...input } });
  expect(body.errors).toBeUndefined();
  return body.data.submitReadings;
}

const addM3 = (value: string, m3: string) => {
  const sum = parseDecimal(value)!.scaled + parseDecimal(m3)!.scaled;
  const unit = 100000n;
  const fraction = (sum % unit).toString().padStart(5, '0').replace(/0+$/, '');
  return fraction ? `${sum / unit}.${fraction}` : `${sum / unit}`;
};

describe('meters on an account', () => {
  it('shows the demo meter with its dial, verification date and the last readings', async () => {
    const {
      meters,
      client: withAccountClient,
      accountId: accountIdOfMeter,
    } = await withAccount('702062012', 'sankt-peterburg', '4,37507');
    expect(meters).toHaveLength(1);
    const [meter] = meters;
    expect(meter).toMatchObject({
      serialNumber: 'G4-0418237',
      zones: 'SINGLE',
      readingZones: ['TOTAL'],
      integerDigits: 5,
      fractionDigits: 3,
      verificationStatus: 'OK',
      lastReading: { source: 'BILLING', current: true },
    });
    expect(meter.readings).toHaveLength(3);
    // A year of monthly consumption for the chart, oldest first, each month's accepted readings summed.
    const { body } = await withAccountClient.graphql(
      `query ($id: ID!) { personalAccount(id: $id) { monthlyConsumption(months: 24) { month volume } } }`,
      { id: accountIdOfMeter },
    );
    const months = body.data.personalAccount.monthlyConsumption;
    expect(months).toHaveLength(12);
    expect(months.map((m: { month: string }) => m.month)).toEqual(
      [...months.map((m: { month: string }) => m.month)].sort(),
    );
    expect(months.at(-1).volume).toBe(meter.readings[0].consumption);
    expect(meter.readings[0]).toEqual({ ...meter.readings[0], value: meter.lastReading.value, current: true });
  });
});

describe('submitting readings', () => {
  it('accepts a reading above the last one, with its consumption, period and charge preview; once per key', async () => {
    const { client, accountId, meters } = await withAccount('702062012', 'sankt-peterburg', '4,37507');
    const meter = meters[0];
    const value = addM3(meter.lastReading.value, '10.5');
    const idempotencyKey = key();
    const input = { accountId, idempotencyKey, readings: [{ meterId: meter.id, value: value.replace('.', ',') }] };
    const first = await submit(client, input);
    expect(first).toMatchObject({ ok: true, errors: [] });
    expect(first.results).toEqual([
      expect.objectContaining({
        meterId: meter.id,
        zone: 'TOTAL',
        status: 'ACCEPTED',
        code: null,
        consumption: '10.5',
        chargePreview: chargeKopecks(parseDecimal('10.5')!.scaled, 821),
        replacedEarlier: false,
      }),
    ]);
    expect(first.results[0].chargePreview).toBe(8621); // 10.5 m³ × 8,21 ₽ = 86,205 ₽ → 86,21 ₽
    expect(first.period).toBe(periodFor(today(), 25).slice(0, 7));

    const again = await submit(client, input);
    expect(again).toEqual(first);
    const recorded = await runSql<Array<{ n: number }>>(
      metering(),
      `select count(*)::int as "n" from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
      [meter.id],
    );
    expect(recorded[0]!.n).toBe(1);
  });

  it('keeps no key for a refused submission: the corrected retry with it is recorded; other readings under an accepted key are refused', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const idempotencyKey = key();
    const abonentReadings = () =>
      runSql<Array<{ value: string }>>(
        metering(),
        `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
        [meterId],
      );
    const refused = await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '99' }] });
    expect(refused.ok).toBe(false);
    expect(refused.results.map((r: { code: string }) => r.code)).toEqual(['READING_BELOW_PREVIOUS']);

    const corrected = await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '104' }] });
    expect(corrected).toMatchObject({ ok: true, errors: [], results: [{ status: 'ACCEPTED', consumption: '4' }] });
    const repeated = await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '104' }] });
    expect(repeated).toEqual(corrected);

    const other = await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '105' }] });
    expect(other).toMatchObject({
      ok: false,
      results: [],
      errors: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    expect(other.errors[0].message).toMatch(/нужен новый ключ/);
    expect(await abonentReadings()).toEqual([{ value: '104.00000' }]);
  });

  it('answers a repeat the same however its value is written, and refuses another value or meter under a kept key', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const other = await freshMeter();
    const idempotencyKey = key();
    const send = (readings: unknown[], account = accountId) =>
      submit(client, { accountId: account, idempotencyKey, readings });
    const first = await send([{ meterId, value: '104.5' }]);
    expect(first).toMatchObject({ ok: true, results: [{ status: 'ACCEPTED', consumption: '4.5' }] });
    // The same reading written another way (comma, trailing zeros, spaces) is the same request: its answer again.
    expect(await send([{ meterId, value: '104,50' }])).toEqual(first);
    expect(await send([{ meterId, value: ' 0104,500 ' }])).toEqual(first);
    for (const readings of [
      [{ meterId, value: '104.51' }],
      [
        { meterId, value: '104.5' },
        { meterId: other.meterId, value: '101' },
      ],
      [{ meterId, value: '104.5', zone: 'DAY' }],
    ]) {
      expect(await send(readings)).toMatchObject({
        ok: false,
        results: [],
        errors: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
      });
    }
    // Another abonent's meter with this key (sent by its own abonent) is that abonent's key, not this one's.
    const theirs = await submit(other.client, {
      accountId: other.accountId,
      idempotencyKey,
      readings: [{ meterId: other.meterId, value: '101' }],
    });
    expect(theirs.ok).toBe(true);
    const rows = await runSql<Array<{ value: string }>>(
      metering(),
      `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
      [meterId],
    );
    expect(rows).toEqual([{ value: '104.50000' }]);
  });

  it('refuses another value under a key kept before requests were hashed, and frees such a key kept for a refusal', async () => {
    const { id: abonentId, client, accountId, meterId } = await freshMeter();
    const idempotencyKey = key();
    const first = await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '104' }] });
    expect(first.ok).toBe(true);
    // As a submission kept before migration AddSubmissionRequestHash: no hash.
    await runSql(
      metering(),
      `update "metering"."submission" set "request_hash" = null where "caller_id" = ? and "idempotency_key" = ?`,
      [abonentId, idempotencyKey],
    );
    expect(await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '105' }] })).toMatchObject({
      ok: false,
      errors: [{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    expect(await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '104,0' }] })).toEqual(first);
    // Before refusals freed their key, a refused submission kept its answer: the corrected readings are recorded.
    const refusedKey = key();
    const refusal = {
      ok: false,
      errors: [],
      period: null,
      afterClosingDay: false,
      results: [{ meterId, zone: 'TOTAL', status: 'REFUSED', code: 'READING_BELOW_PREVIOUS', message: 'Меньше.' }],
    };
    await runSql(
      metering(),
      `insert into "metering"."submission" ("caller_id", "idempotency_key", "result") values (?, ?, ?::jsonb)`,
      [abonentId, refusedKey, JSON.stringify(refusal)],
    );
    const corrected = await submit(client, {
      accountId,
      idempotencyKey: refusedKey,
      readings: [{ meterId, value: '106' }],
    });
    expect(corrected).toMatchObject({ ok: true, results: [{ status: 'ACCEPTED', replacedEarlier: true }] });
    const current = await runSql<Array<{ value: string }>>(
      metering(),
      `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "current"`,
      [meterId],
    );
    expect(current).toEqual([{ value: '106.00000' }]);
  });

  it('records a corrected retry once when many arrive at once with one key', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const idempotencyKey = key();
    await submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '1' }] });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        submit(client, { accountId, idempotencyKey, readings: [{ meterId, value: '103' }] }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => a.results[0].readingId)).size).toBe(1);
    const rows = await runSql<Array<{ n: number }>>(
      metering(),
      `select count(*)::int as "n" from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
      [meterId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('replaces an earlier reading of the same period, keeping both in history', async () => {
    const { client, accountId, meters } = await withAccount('4000111222', 'kaluga');
    const meter = meters[0];
    const first = await submit(client, {
      accountId,
      readings: [{ meterId: meter.id, value: addM3(meter.lastReading.value, '3') }],
    });
    const second = await submit(client, {
      accountId,
      readings: [{ meterId: meter.id, value: addM3(meter.lastReading.value, '4') }],
    });
    expect(first.results[0]).toMatchObject({ status: 'ACCEPTED', replacedEarlier: false, consumption: '3' });
    // Measured from the last reading of the previous period, not from the one it replaces.
    expect(second.results[0]).toMatchObject({ status: 'ACCEPTED', replacedEarlier: true, consumption: '4' });
    // What the next one is compared with stays the last reading of an earlier period, not the one just replaced.
    const comparison = await client.graphql(
      `query ($id: ID!) { personalAccount(id: $id) { meters { comparisonReadings { zone value takenOn period } } } }`,
      { id: accountId },
    );
    expect(comparison.body.data.personalAccount.meters[0].comparisonReadings).toEqual([
      {
        zone: 'TOTAL',
        value: meter.lastReading.value,
        takenOn: expect.stringMatching(/^\d{4}-\d{2}-20$/),
        period: periodFor(today(), 25).slice(0, 7),
      },
    ]);
    const { body } = await client.graphql(METERS, { id: accountId });
    const history = body.data.personalAccount.meters[0].readings;
    expect(history.slice(0, 2).map((r: { current: boolean }) => r.current)).toEqual([true, false]);
  });

  it('refuses a value below the last one unless a rollover past the dial is confirmed', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const refused = await submit(client, { accountId, readings: [{ meterId, value: '99,999' }] });
    expect(refused.ok).toBe(false);
    expect(refused.results[0]).toMatchObject({
      status: 'REFUSED',
      code: 'READING_BELOW_PREVIOUS',
      message: 'Показание меньше предыдущего (100). Если счётчик прошёл через ноль, подтвердите это.',
    });
    // A 5-digit dial goes 99999,999 → 0: from 100 to 5 through zero is 99905 m³, recorded once confirmed as such
    // (plausibility.test.ts).
    const rolled = await submit(client, {
      accountId,
      readings: [{ meterId, value: '5', confirmRollover: true, confirmImplausible: true }],
    });
    expect(rolled.results[0]).toMatchObject({ status: 'ACCEPTED', consumption: '99905' });
  });

  it('checks the dial: fraction digits, integer digits, a number at all', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const codes = async (value: string) =>
      (await submit(client, { accountId, readings: [{ meterId, value }] })).results.map(
        (r: { code: string }) => r.code,
      );
    expect(await codes('1234,5678')).toEqual(['TOO_MANY_FRACTION_DIGITS']);
    expect(await codes('123456')).toEqual(['VALUE_TOO_LARGE']);
    expect(await codes('двенадцать')).toEqual(['VALUE_INVALID']);
    expect(await codes('-1')).toEqual(['VALUE_INVALID']);
  });

  it('refuses readings of a meter past its verification date, with the reason', async () => {
    const { client, accountId, meters } = await withAccount('3600123456', 'voronezh', '2468');
    expect(meters[0].verificationStatus).toBe('EXPIRED');
    const result = await submit(client, { accountId, readings: [{ meterId: meters[0].id, value: '99999' }] });
    expect(result.results[0]).toMatchObject({ status: 'REFUSED', code: 'METER_VERIFICATION_EXPIRED' });
    expect(result.results[0].message).toMatch(/^Срок поверки счётчика истёк \d{2}\.\d{2}\.\d{4}/);
  });

  it('records all readings of a submission or none (day and night zones)', async () => {
    const { client, accountId, meters } = await withAccount('702062013', 'sankt-peterburg', '1520,4');
    const meter = meters[0];
    expect(meter.readingZones).toEqual(['DAY', 'NIGHT']);
    const { body } = await client.graphql(
      `query ($id: ID!) { personalAccount(id: $id) { meters { day: lastReading(zone: DAY) { value } night: lastReading(zone: NIGHT) { value } } } }`,
      { id: accountId },
    );
    const { day, night } = body.data.personalAccount.meters[0];
    const mixed = await submit(client, {
      accountId,
      readings: [
        { meterId: meter.id, zone: 'DAY', value: addM3(day.value, '2') },
        { meterId: meter.id, zone: 'NIGHT', value: '1' },
      ],
    });
    expect(mixed.ok).toBe(false);
    expect(mixed.results.map((r: { zone: string; status: string }) => `${r.zone}:${r.status}`)).toEqual([
      'DAY:NOT_RECORDED',
      'NIGHT:REFUSED',
    ]);
    expect(mixed.results[0].consumption).toBe('2');
    const none = await runSql<unknown[]>(
      metering(),
      `select 1 from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
      [meter.id],
    );
    expect(none).toHaveLength(0);
    const both = await submit(client, {
      accountId,
      readings: [
        { meterId: meter.id, zone: 'DAY', value: addM3(day.value, '2') },
        { meterId: meter.id, zone: 'NIGHT', value: addM3(night.value, '1') },
      ],
    });
    expect(both.results.map((r: { status: string }) => r.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const wrongZone = await submit(client, {
      accountId,
      readings: [{ meterId: meter.id, value: addM3(day.value, '3') }],
    });
    expect(wrongZone.results[0].code).toBe('ZONE_INVALID');
  });

  it("applies the supplier's limits on daily consumption and zero consumption at their boundaries", async () => {
    // Installed 10 days ago at 100 m³, with a limit of 2 m³ a day: up to 20 m³ is accepted.
    const { client, accountId, meterId } = await freshMeter(10);
    const rules = await createPartner(app, 'kaluga', ['supplier:write']);
    const UPDATE = `mutation ($input: ReadingRulesInput!) { updateReadingRules(input: $input) { ok } }`;
    await rules.graphql(UPDATE, { input: { maxDailyConsumption: '2', allowZeroConsumption: false } });
    try {
      const over = await submit(client, { accountId, readings: [{ meterId, value: '120,001' }] });
      expect(over.results[0]).toMatchObject({ status: 'REFUSED', code: 'CONSUMPTION_TOO_HIGH' });
      expect(over.results[0].message).toBe(
        'Расход 20,001 м³ за 10 дн. больше допустимого поставщиком (2 м³ в день). Проверьте показание.',
      );
      const zero = await submit(client, { accountId, readings: [{ meterId, value: '100' }] });
      expect(zero.results[0]).toMatchObject({ status: 'REFUSED', code: 'ZERO_CONSUMPTION' });
      const atLimit = await submit(client, { accountId, readings: [{ meterId, value: '120' }] });
      expect(atLimit.results[0]).toMatchObject({ status: 'ACCEPTED', consumption: '20' });
    } finally {
      await rules.graphql(UPDATE, { input: { maxDailyConsumption: '', allowZeroConsumption: true } });
    }
  });

  it('leaves exactly one current reading when 50 submissions for one meter arrive at once', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit(client, { accountId, readings: [{ meterId, value: String(101 + i) }] }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const rows = await runSql<Array<{ current: boolean; n: number }>>(
      metering(),
      `select "current", count(*)::int as "n" from "metering"."reading"
        where "meter_id" = ? and "source" = 'ABONENT' group by "current" order by "current"`,
      [meterId],
    );
    expect(rows).toEqual([
      { current: false, n: 49 },
      { current: true, n: 1 },
    ]);
  });

  it('refuses a reading of a meter id that is no id as that reading: METER_NOT_FOUND, nothing recorded', async () => {
    const { client, meters, accountId } = await withAccount('4000111222', 'kaluga');
    const answer = await submit(client, {
      accountId,
      readings: [
        { meterId: meters[0].id, value: '1' },
        { meterId: 'not-a-meter', value: '1' },
      ],
    });
    expect(answer).toMatchObject({
      ok: false,
      results: [],
      errors: [{ field: 'readings.1', code: 'METER_NOT_FOUND' }],
    });
  });

  it('refuses an account that is not linked, and a malformed key, as a whole', async () => {
    const { client, meters, accountId } = await withAccount('4000111222', 'kaluga');
    const stranger = await confirmedAbonent(app, mail);
    const theirs = await submit(stranger.client, { accountId, readings: [{ meterId: meters[0].id, value: '1' }] });
    expect(theirs).toMatchObject({
      ok: false,
      results: [],
      errors: [{ field: 'accountId', code: 'ACCOUNT_NOT_LINKED' }],
    });
    const short = await submit(client, {
      accountId,
      idempotencyKey: 'short',
      readings: [{ meterId: meters[0].id, value: '1' }],
    });
    expect(short.errors[0].code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});

describe('the reading period', () => {
  it('answers which period a reading counts for: after the closing day, the next month', async () => {
    const { id, accountId, meterId } = await freshMeter(3);
    const { SubmitService } = await import('./submit.service.js');
    const month = today().slice(0, 7);
    const onClosingDay = await new SubmitService(metering(), moscow(`${month}-25`)).submit(id, {
      accountId,
      idempotencyKey: key(),
      readings: [{ meterId, value: '101' }],
    });
    expect(onClosingDay).toMatchObject({ ok: true, period: month, afterClosingDay: false });
    const dayAfter = await new SubmitService(metering(), moscow(`${month}-26`)).submit(id, {
      accountId,
      idempotencyKey: key(),
      readings: [{ meterId, value: '102' }],
    });
    const next = periodFor(`${month}-26`, 25).slice(0, 7);
    expect(dayAfter).toMatchObject({ ok: true, period: next, afterClosingDay: true });
    // The next period's reading is measured from this period's, and replaces nothing.
    expect(dayAfter.results[0]).toMatchObject({ consumption: '1', replacedEarlier: false });
  });

  it('counts readings after the closing day for the next month', () => {
    expect(periodFor('2026-11-25', 25)).toBe('2026-11-01');
    expect(periodFor('2026-11-26', 25)).toBe('2026-12-01');
    expect(periodFor('2026-12-26', 25)).toBe('2027-01-01');
    expect(periodFor('2026-02-01', 1)).toBe('2026-02-01');
    expect(periodFor('2026-02-02', 1)).toBe('2026-03-01');
  });
});

describe('upsertMeters', () => {
  it("writes meters of the partner's own accounts only, all or nothing", async () => {
    const partner = await createPartner(app, 'kaluga', ['readings:write', 'readings:read']);
    const UPSERT = `mutation ($input: UpsertMetersInput!) { upsertMeters(input: $input) { ok created updated unchanged errors { index field code } } }`;
    const bad = await partner.graphql(UPSERT, {
      input: {
        meters: [
          { accountNumber: '4000111222', serialNumber: 'K-1', integerDigits: 10 },
          { accountNumber: '702062012', serialNumber: 'K-2' },
        ],
      },
    });
    expect(bad.body.data.upsertMeters).toMatchObject({
      ok: false,
      errors: [{ index: 0, field: 'integerDigits', code: 'DIGITS_INVALID' }],
    });
    const otherSupplier = await partner.graphql(UPSERT, {
      input: { meters: [{ accountNumber: '702062012', serialNumber: 'K-2' }] },
    });
    expect(otherSupplier.body.data.upsertMeters.errors).toEqual([
      { index: 0, field: 'accountNumber', code: 'ACCOUNT_NOT_FOUND' },
    ]);
    const good = { accountNumber: '4000111222', serialNumber: 'K-1', nextVerificationOn: '2030-01-01' };
    expect((await partner.graphql(UPSERT, { input: { meters: [good] } })).body.data.upsertMeters).toMatchObject({
      ok: true,
      created: 1,
    });
    expect((await partner.graphql(UPSERT, { input: { meters: [good] } })).body.data.upsertMeters).toMatchObject({
      ok: true,
      unchanged: 1,
    });
    const abonent = await confirmedAbonent(app, mail);
    const asAbonent = await abonent.client.graphql(UPSERT, { input: { meters: [good] } });
    expect(asAbonent.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the partner side of readings', () => {
  const PAGE = `query ($first: Int, $after: String, $since: DateTimeISO) {
    partnerReadings(first: $first, after: $after, since: $since) {
      nodes { id accountNumber serialNumber zone value period source current consumption submittedAt }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const RECORD = `mutation ($input: RecordReadingsInput!) {
    recordReadings(input: $input) { ok created updated unchanged errors { index field code message } }
  }`;

  /** An inspector (a partner app with readings:write) recording one value for the meter under one idempotency key. */
  async function inspectorRecording(meterId: string) {
    const [meter] = await runSql<Array<{ serial_number: string }>>(
      metering(),
      'select "serial_number" from "metering"."meter" where "id" = ?',
      [meterId],
    );
    const serialNumber = meter!.serial_number;
    const inspector = await createPartner(app, 'kaluga', ['readings:write']);
    const idempotencyKey = key();
    const record = async (value: string) =>
      (await inspector.graphql(RECORD, { input: { idempotencyKey, readings: [{ serialNumber, value }] } })).body.data
        .recordReadings;
    return { record, idempotencyKey };
  }

  /** The values inspectors recorded for the meter. */
  function inspectorValues(meterId: string) {
    return runSql<Array<{ value: string }>>(
      metering(),
      `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "source" = 'INSPECTOR'`,
      [meterId],
    );
  }

  async function pageThrough(partner: { graphql: TestKabinet['graphql'] }, first: number, since?: string) {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { body }: { body: any } = await partner.graphql(PAGE, { first, after, since });
      expect(body.errors).toBeUndefined();
      nodes.push(...body.data.partnerReadings.nodes);
      if (!body.data.partnerReadings.pageInfo.hasNextPage) return nodes;
      after = body.data.partnerReadings.pageInfo.endCursor;
    }
  }

  it("exports the supplier's readings once each, in a stable order, and only its own", async () => {
    const { client, accountId, meterId, meters } = await freshMeter();
    await submit(client, { accountId, readings: [{ meterId, value: '107' }] });
    const serial = meters[0].serialNumber as string;
    const reader = await createPartner(app, 'kaluga', ['readings:read']);
    const all = await pageThrough(reader, 1000);
    expect(all.length).toBeGreaterThan(12);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(await pageThrough(reader, 7)).toEqual(all);
    expect(all.every((n) => n.accountNumber.startsWith('4'))).toBe(true);
    expect(all.filter((n) => n.serialNumber === serial)).toEqual([
      expect.objectContaining({ value: '107', source: 'ABONENT', current: true, consumption: '7' }),
    ]);
    // Saint Petersburg's billing sees none of Kaluga's readings.
    const spb = await createPartner(app, 'sankt-peterburg', ['readings:read']);
    const theirs = await pageThrough(spb, 1000);
    expect(theirs.some((n) => all.some((m) => m.id === n.id))).toBe(false);
    const since = all.at(-1).submittedAt;
    expect((await pageThrough(reader, 1000, since)).map((n) => n.id)).toContain(all.at(-1).id);
    const noScope = await createPartner(app, 'kaluga', ['readings:write']);
    expect((await noScope.graphql(PAGE, { first: 1 })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("records inspectors' readings once per key, replacing an abonent's of the same period", async () => {
    const { client, accountId, meterId } = await freshMeter();
    const [meter] = await runSql<Array<{ serial_number: string }>>(
      metering(),
      'select "serial_number" from "metering"."meter" where "id" = ?',
      [meterId],
    );
    await submit(client, { accountId, readings: [{ meterId, value: '105' }] });
    const inspector = await createPartner(app, 'kaluga', ['readings:write']);
    const input = { idempotencyKey: key(), readings: [{ serialNumber: meter!.serial_number, value: '106,5' }] };
    const first = await inspector.graphql(RECORD, { input });
    expect(first.body.data.recordReadings).toEqual({ ok: true, created: 0, updated: 1, unchanged: 0, errors: [] });
    expect((await inspector.graphql(RECORD, { input })).body.data.recordReadings).toEqual(
      first.body.data.recordReadings,
    );
    const current = await runSql<Array<{ value: string; source: string }>>(
      metering(),
      `select "value"::text as "value", "source" from "metering"."reading" where "meter_id" = ? and "current"`,
      [meterId],
    );
    expect(current).toEqual([{ value: '106.50000', source: 'INSPECTOR' }]);
    const bad = await inspector.graphql(RECORD, {
      input: {
        idempotencyKey: key(),
        readings: [
          { serialNumber: 'G4-0418237', value: '1' },
          { serialNumber: meter!.serial_number, value: '50' },
        ],
      },
    });
    expect(
      bad.body.data.recordReadings.errors.map((e: { index: number; code: string }) => `${e.index}:${e.code}`),
    ).toEqual(['0:METER_NOT_FOUND', '1:READING_BELOW_PREVIOUS']);
  });

  it('keeps no key for a refused recordReadings call: the corrected rows go with the same key; other rows under a used key are refused', async () => {
    const { meterId } = await freshMeter();
    const { record } = await inspectorRecording(meterId);
    const refused = await record('50');
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e: { code: string }) => e.code)).toEqual(['READING_BELOW_PREVIOUS']);
    // The corrected rows, sent five times at once with that key: one records, the others get its answer.
    const corrected = await Promise.all(Array.from({ length: 5 }, () => record('102')));
    expect(corrected).toEqual(Array(5).fill({ ok: true, created: 1, updated: 0, unchanged: 0, errors: [] }));
    expect(await record('102')).toEqual(corrected[0]);
    const other = await record('103');
    expect(other).toMatchObject({
      ok: false,
      created: 0,
      errors: [{ index: -1, field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    expect(await inspectorValues(meterId)).toEqual([{ value: '102.00000' }]);
  });

  it('recordReadings: the same rows however written get the answer again; under a key kept before hashing, other rows are refused', async () => {
    const { meterId } = await freshMeter();
    const { record, idempotencyKey } = await inspectorRecording(meterId);
    const first = await record('102.5');
    expect(first).toEqual({ ok: true, created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(await record('102,50')).toEqual(first);
    await runSql(metering(), `update "metering"."submission" set "request_hash" = null where "idempotency_key" = ?`, [
      idempotencyKey,
    ]);
    expect(await record('103')).toMatchObject({
      ok: false,
      errors: [{ index: -1, field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED' }],
    });
    expect(await record('102.5')).toEqual(first);
    expect(await inspectorValues(meterId)).toEqual([{ value: '102.50000' }]);
  });

  it('lets a supplier set its reading rules, checked', async () => {
    const rulesPartner = await createPartner(app, 'kirov', ['supplier:write']);
    const UPDATE = `mutation ($input: ReadingRulesInput!) { updateReadingRules(input: $input) {
      ok errors { field code } rules { maxDailyConsumption allowZeroConsumption refusePastVerification } } }`;
    expect((await rulesPartner.graphql(UPDATE, { input: {} })).body.data.updateReadingRules.rules).toEqual({
      maxDailyConsumption: null,
      allowZeroConsumption: true,
      refusePastVerification: true,
    });
    const bad = await rulesPartner.graphql(UPDATE, { input: { maxDailyConsumption: '-1' } });
    expect(bad.body.data.updateReadingRules.errors).toEqual([{ field: 'maxDailyConsumption', code: 'LIMIT_INVALID' }]);
    const set = await rulesPartner.graphql(UPDATE, {
      input: { maxDailyConsumption: '7,5', allowZeroConsumption: false },
    });
    expect(set.body.data.updateReadingRules.rules).toEqual({
      maxDailyConsumption: '7.5',
      allowZeroConsumption: false,
      refusePastVerification: true,
    });
  });
});

/**
 * Suppliers that close their period on each of CLOSING_DAYS, set once for the file; only the dated tests below have
 * abonents there, so the reminders they trigger stay theirs.
 */
const CLOSING_SUPPLIERS: Readonly<Record<number, string>> = {
  1: 'ivanovo',
  2: 'izhevsk',
  3: 'yoshkar-ola',
  25: 'krasnodar',
  // Not 25 for the reminders' own cases: on the default closing day every other test's abonent is due as well.
  28: 'zhigulevsk',
};

/** Reminders of later dated tests are noted for this abonent, but no letter queues up in front of other tests'. */
async function noReminderLetters(abonent: { client: Browser }): Promise<void> {
  const { body } = await abonent.client.graphql(
    'mutation { setReadingReminders(enabled: false) { readingReminders } }',
  );
  expect(body.data.setReadingReminders).toEqual({ readingReminders: false });
}
let closingDaysSet: Promise<void> | undefined;

/** The supplier closing on `closingDay`, once metering has its closing day (the settings event, within seconds). */
async function supplierClosingOn(closingDay: number): Promise<string> {
  closingDaysSet ??= (async () => {
    for (const [day, code] of Object.entries(CLOSING_SUPPLIERS)) {
      const settings = await createPartner(app, code, ['supplier:write']);
      const { body } = await settings.graphql(
        'mutation ($day: Int!) { updateSupplierSettings(input: { readingClosingDay: $day }) { ok } }',
        { day: Number(day) },
      );
      expect(body.data.updateSupplierSettings.ok).toBe(true);
      for (const deadline = Date.now() + 30_000; ;) {
        const [row] = await runSql<Array<{ reading_closing_day: number }>>(
          metering(),
          'select "reading_closing_day" from "metering"."supplier_settings" where "supplier_id" = ?',
          [settings.supplierId],
        );
        if (row?.reading_closing_day === Number(day)) break;
        if (Date.now() > deadline) throw new Error(`metering never heard of ${code}'s closing day`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
  await closingDaysSet;
  return CLOSING_SUPPLIERS[closingDay]!;
}

/** The periods (YYYY-MM) metering noted a reminder for, per abonent asked about. */
async function remindedPeriods(abonentIds: string[]): Promise<Array<{ abonentId: string; period: string }>> {
  return runSql<Array<{ abonentId: string; period: string }>>(
    metering(),
    `select "abonent_id" as "abonentId", to_char("period", 'YYYY-MM') as "period" from "metering"."reminder_sent"
      where "abonent_id" in (?) order by "period", "abonent_id"`,
    [abonentIds],
  );
}

const asShown = (date: string) => date.split('-').reverse().join('.');

describe('reminders across month and year ends, for closing days early in the month', () => {
  afterAll(() => clock.set(new Date()));

  // Three days before the closing date on the calendar: for closing days 1–3 that is in the month before (and, for
  // January's period, the year before); the period reminded of is the closing date's month.
  it.each([
    { closingDay: 1, remindOn: '2026-12-29', closingDate: '2027-01-01' },
    { closingDay: 2, remindOn: '2026-12-30', closingDate: '2027-01-02' },
    { closingDay: 3, remindOn: '2026-12-31', closingDate: '2027-01-03' },
    // Within the month (28: the last closing day a supplier may set, the last day of February).
    { closingDay: 28, remindOn: '2026-12-25', closingDate: '2026-12-28' },
    { closingDay: 1, remindOn: '2028-02-27', closingDate: '2028-03-01' },
    { closingDay: 3, remindOn: '2028-02-29', closingDate: '2028-03-03' },
    { closingDay: 2, remindOn: '2027-02-27', closingDate: '2027-03-02' },
    { closingDay: 28, remindOn: '2027-02-25', closingDate: '2027-02-28' },
  ])(
    'closing day $closingDay: reminded on $remindOn of the period closing $closingDate, once, unless a reading came',
    async ({ closingDay, remindOn, closingDate }) => {
      const supplier = await supplierClosingOn(closingDay);
      clock.set(moscow(remindOn, '08:00'));
      const [waiting, submitted] = await Promise.all([freshMeter(10, supplier), freshMeter(10, supplier)]);
      const abonents = [waiting.id, submitted.id];
      const { remindAbonents } = await import('./reminders.js');
      const queue = app.kabinet.queue;

      // The day before: not yet.
      await remindAbonents(metering(), queue, addDays(remindOn, -1));
      expect(await remindedPeriods(abonents)).toEqual([]);

      // On the reminder day a reading counts for the period reminded of, so its sender is not reminded.
      const sent = await submit(submitted.client, {
        accountId: submitted.accountId,
        readings: [{ meterId: submitted.meterId, value: '101' }],
      });
      expect(sent).toMatchObject({ ok: true, period: closingDate.slice(0, 7) });
      await remindAbonents(metering(), queue, today());
      expect(await remindedPeriods(abonents)).toEqual([{ abonentId: waiting.id, period: closingDate.slice(0, 7) }]);
      const letter = await mail.waitFor(waiting.email, /Напоминание: передайте показания счётчика/);
      expect(letter.text).toContain(
        `до ${asShown(closingDate)} включительно, будут учтены в расчёте за ${monthInText(closingDate.slice(0, 7))}.`,
      );
      // Once per period, however often the job runs that day.
      await remindAbonents(metering(), queue, today());
      expect(await remindedPeriods(abonents)).toHaveLength(1);
      await Promise.all([noReminderLetters(waiting), noReminderLetters(submitted)]);
    },
  );
});

describe.each(TEST_DAYS)('on $name ($date)', (day) => {
  /** A fresh meter at a supplier closing on each of CLOSING_DAYS, linked by its own abonent. */
  const meters = new Map<number, Awaited<ReturnType<typeof freshMeter>>>();
  beforeAll(async () => {
    clock.set(instantOf(day));
    const suppliers = await Promise.all(CLOSING_DAYS.map(supplierClosingOn));
    const fresh = await Promise.all(suppliers.map((supplier) => freshMeter(10, supplier)));
    CLOSING_DAYS.forEach((closingDay, i) => meters.set(closingDay, fresh[i]!));
    await Promise.all(fresh.map(noReminderLetters));
  });
  afterAll(() => clock.set(new Date()));

  it('reminds exactly the abonents whose supplier closes the period three days from today', async () => {
    const { remindAbonents } = await import('./reminders.js');
    await remindAbonents(metering(), app.kabinet.queue, today());
    const closingDate = addDays(day.date, 3);
    const due = CLOSING_DAYS.filter((d) => d === Number(closingDate.slice(8, 10)));
    expect(await remindedPeriods(CLOSING_DAYS.map((d) => meters.get(d)!.id))).toEqual(
      due.map((d) => ({ abonentId: meters.get(d)!.id, period: closingDate.slice(0, 7) })),
    );
  });

  it.each(CLOSING_DAYS)(
    'with closing day %i, counts a reading for its period, from the baseline, in the monthly consumption',
    async (closingDay) => {
      const { client, accountId, meterId } = meters.get(closingDay)!;
      const afterClosingDay = Number(day.date.slice(8, 10)) > closingDay;
      const period = addMonths(day.date.slice(0, 7), afterClosingDay ? 1 : 0);
      const before = await client.graphql(
        `query ($id: ID!) { personalAccount(id: $id) { meters { comparisonReadings { zone value takenOn period } } } }`,
        { id: accountId },
      );
      expect(before.body.data.personalAccount.meters[0].comparisonReadings).toEqual([
        { zone: 'TOTAL', value: '100', takenOn: addDays(day.date, -10), period },
      ]);
      const sent = await submit(client, { accountId, readings: [{ meterId, value: '105,5' }] });
      expect(sent).toMatchObject({ ok: true, period, afterClosingDay });
      expect(sent.results[0]).toMatchObject({ status: 'ACCEPTED', consumption: '5.5', period });
      const { body } = await client.graphql(
        `query ($id: ID!) { personalAccount(id: $id) {
           meters { lastReading { value period submittedAt } }
           monthlyConsumption(months: 3) { month volume }
         } }`,
        { id: accountId },
      );
      const account = body.data.personalAccount;
      expect(account.meters[0].lastReading).toMatchObject({ value: '105.5', period });
      // Recorded at the app's time, on the day in Moscow.
      expect(todayInMoscow(new Date(account.meters[0].lastReading.submittedAt))).toBe(day.date);
      expect(account.monthlyConsumption).toEqual([{ month: period, volume: '5.5' }]);
    },
  );
});

describe('reminders', () => {
  it('e-mails abonents without a reading this period three days before the closing day, once, unless they opted out', async () => {
    const period = periodFor(today(), 25).slice(0, 7);
    const reminderDay = `${period}-22`;
    const waiting = await freshMeter();
    const submitted = await freshMeter();
    await submit(submitted.client, {
      accountId: submitted.accountId,
      readings: [{ meterId: submitted.meterId, value: '101' }],
    });
    const optedOut = await freshMeter();
    const off = await optedOut.client.graphql('mutation { setReadingReminders(enabled: false) { readingReminders } }');
    expect(off.body.data.setReadingReminders).toEqual({ readingReminders: false });

    const { remindAbonents } = await import('./reminders.js');
    const queue = app.kabinet.queue;
    expect(await remindAbonents(metering(), queue, `${period}-21`)).toBe(0);
    const due = await remindAbonents(metering(), queue, reminderDay);
    expect(due).toBeGreaterThanOrEqual(2);
    const letter = await mail.waitFor(waiting.email, /Напоминание: передайте показания счётчика/);
    const number = (
      await runSql<Array<{ number: string }>>(
        metering(),
        'select a."number" from "metering"."account" a where a."id" = ?',
        [waiting.accountId],
      )
    )[0]!.number;
    expect(letter.text).toContain(`лицевому счёту ${number}`);
    expect(letter.text).toContain(`до 25.${period.slice(5, 7)}.${period.slice(0, 4)} включительно`);
    expect(letter.text).toContain('/accounts');
    // Once per period.
    expect(await remindAbonents(metering(), queue, reminderDay)).toBe(0);
    // Due: the abonent without a reading and the one who opted out (identity then sends nothing); not the one who
    // submitted.
    const reminded = await runSql<Array<{ abonent_id: string }>>(
      metering(),
      `select "abonent_id" from "metering"."reminder_sent" where "period" = ?::date and "abonent_id" in (?, ?, ?)`,
      [`${period}-01`, waiting.id, submitted.id, optedOut.id],
    );
    expect(reminded.map((r) => r.abonent_id).sort()).toEqual([waiting.id, optedOut.id].sort());
    const { sendReadingReminder } = await import('../../identity/abonent/reading-reminders.js');
    const identity = app.kabinet.subgraphs.identity.orm.em.fork();
    const event = { abonentId: optedOut.id, period, closingDate: `${period}-25`, accountNumbers: ['1'] };
    expect(await sendReadingReminder(identity, queue, app.config, event)).toBe(false);
    expect(await sendReadingReminder(identity, queue, app.config, { ...event, abonentId: waiting.id })).toBe(true);
  });
});
