// The plausibility check through the public API: a reading far above the meter's own history (or, without one, the
// supplier's monthly maximum) and a rollover are refused with what they would mean until the abonent confirms them;
// a supplier changes the rule; inspectors' readings are exempt.
import { describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import type { Browser } from '../../../../test/support/kabinet.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { SettableClock } from '../../../core/clock.js';
import { runSql } from '../../../core/sql.js';
import { addDays, todayInMoscow } from '@kabinet/common/calendar';
import { chargeKopecks, formatScaled, parseDecimal } from '@kabinet/common/decimal';

const clock = new SettableClock();
const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' }, { clock });
const today = () => todayInMoscow(clock.now());
const metering = () => app.kabinet.subgraphs.metering.orm.em.fork();

const SUBMIT = `mutation ($input: SubmitReadingsInput!) { submitReadings(input: $input) {
  ok errors { code } results { status code message consumption chargePreview } } }`;
const METERS = `query ($id: ID!) { personalAccount(id: $id) {
  tariffs { pricePerUnit validFrom validTo } meters { id serialNumber lastReading { value source } } } }`;
const RULES = `mutation ($input: ReadingRulesInput!) { updateReadingRules(input: $input) {
  ok errors { field code } rules { plausibilityFactor monthlyMaximum } } }`;

let counter = 0;
const key = () => `plausible-${Date.now()}-${counter++}`;
const plus = (value: string, m3: string) => formatScaled(parseDecimal(value)!.scaled + parseDecimal(m3)!.scaled);

async function linked(number: string, supplierCode: string) {
  const abonent = await confirmedAbonent(app, mail);
  const { body } = await abonent.client.graphql(
    `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { account { id } } }`,
    { input: { supplierCode, number } },
  );
  const accountId = body.data.linkPersonalAccount.account.id as string;
  for (const deadline = Date.now() + 30_000; ;) {
    const access = await runSql<unknown[]>(
      metering(),
      `select 1 from "metering"."account_access" where "abonent_id" = ? and "account_id" = ? and "linked"`,
      [abonent.id, accountId],
    );
    const account = (await abonent.client.graphql(METERS, { id: accountId })).body.data.personalAccount;
    if ((access.length && account.meters.length) || Date.now() > deadline) {
      return { client: abonent.client, accountId, account };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const partners = new Map<string, Awaited<ReturnType<typeof createPartner>>>();
async function partnerOf(supplierCode: string) {
  if (!partners.has(supplierCode)) {
    partners.set(
      supplierCode,
      await createPartner(app, supplierCode, ['accounts:write', 'readings:write', 'supplier:write']),
    );
  }
  return partners.get(supplierCode)!;
}

/** A new account with one meter at 100 m³ installed 10 days ago, no readings: a meter without history. */
async function freshMeter(supplierCode = 'kaluga') {
  const partner = await partnerOf(supplierCode);
  const number = String(4_200_000_000 + (Date.now() % 1_000_000) * 100 + counter++);
  await partner.graphql(
    `mutation ($input: UpsertPersonalAccountsInput!) { upsertPersonalAccounts(input: $input) { ok } }`,
    { input: { accounts: [{ number, address: 'г. Калуга, д. 1', holderName: 'Тестов Т. Т.' }] } },
  );
  const meter = {
    accountNumber: number,
    serialNumber: `P-${number}`,
    initialValue: '100',
    installedOn: addDays(today(), -10),
  };
  for (const deadline = Date.now() + 30_000; ;) {
    const { body } = await partner.graphql(
      `mutation ($input: UpsertMetersInput!) { upsertMeters(input: $input) { ok } }`,
      { input: { meters: [meter] } },
    );
    if (body.data.upsertMeters.ok || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const account = await linked(number, supplierCode);
  return { ...account, meterId: account.account.meters[0].id as string, serialNumber: meter.serialNumber };
}

async function submit(client: Browser, input: Record<string, unknown>) {
  const { body } = await client.graphql(SUBMIT, { input: { idempotencyKey: key(), ...input } });
  expect(body.errors).toBeUndefined();
  return body.data.submitReadings;
}

async function recordedValues(meterId: string) {
  const rows = await runSql<Array<{ value: string }>>(
    metering(),
    `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "source" = 'ABONENT'`,
    [meterId],
  );
  return rows.map((r) => formatScaled(parseDecimal(r.value)!.scaled));
}

describe('implausible readings', () => {
  it("with history: far above the meter's own is refused with its consumption and charge, then confirmed with the same key", async () => {
    // Kaluga's demo meter: a year of 5–21 m³ a month.
    const { client, accountId, account } = await linked('4000111222', 'kaluga');
    const meter = account.meters[0];
    // The price valid today: the charge shown is the consumption at it.
    const price = (account.tariffs as Array<{ pricePerUnit: number; validFrom: string; validTo: string | null }>)
      .filter((t) => t.validFrom <= today() && (t.validTo === null || t.validTo >= today()))
      .sort((x, y) => y.validFrom.localeCompare(x.validFrom))[0]!.pricePerUnit;
    const idempotencyKey = key();
    const input = { accountId, idempotencyKey, readings: [{ meterId: meter.id, value: '9999,0' }] };
    const refused = await submit(client, input);
    const consumption = formatScaled(parseDecimal('9999')!.scaled - parseDecimal(meter.lastReading.value)!.scaled);
    expect(refused).toMatchObject({ ok: false, errors: [] });
    expect(refused.results).toEqual([
      {
        status: 'REFUSED',
        code: 'READING_IMPLAUSIBLE',
        message: expect.stringContaining('Расход 9\u00a0553,9 м³ намного больше обычного'),
        consumption,
        chargePreview: chargeKopecks(parseDecimal(consumption)!.scaled, price),
      },
    ]);
    expect(await recordedValues(meter.id)).toEqual([]);

    // A usual month's consumption goes through without a question.
    const usual = await submit(client, {
      accountId,
      readings: [{ meterId: meter.id, value: plus(meter.lastReading.value, '20') }],
    });
    expect(usual.results[0]).toMatchObject({ status: 'ACCEPTED', code: null });

    // The refusal kept no key: the same key with the confirmation records it.
    const confirmed = await submit(client, {
      ...input,
      readings: [{ meterId: meter.id, value: '9999,0', confirmImplausible: true }],
    });
    expect(confirmed.results[0]).toMatchObject({ status: 'ACCEPTED', consumption });
    expect(await recordedValues(meter.id)).toContain('9999');
  });

  it("without history: the supplier's monthly maximum (1000 m³ by default) decides", async () => {
    const { client, accountId, meterId } = await freshMeter();
    const above = await submit(client, { accountId, readings: [{ meterId, value: '1100,001' }] });
    expect(above.results[0]).toMatchObject({ status: 'REFUSED', code: 'READING_IMPLAUSIBLE', consumption: '1000.001' });
    const at = await submit(client, { accountId, readings: [{ meterId, value: '1100' }] });
    expect(at.results[0]).toMatchObject({ status: 'ACCEPTED', consumption: '1000' });
  });

  it('a supplier changes the rules, checked, and its readings follow them', async () => {
    const partner = await partnerOf('ivanovo');
    const defaults = (await partner.graphql(RULES, { input: {} })).body.data.updateReadingRules;
    expect(defaults.rules).toEqual({ plausibilityFactor: 5, monthlyMaximum: '1000' });
    const bad = (await partner.graphql(RULES, { input: { plausibilityFactor: 1, monthlyMaximum: '-5' } })).body.data
      .updateReadingRules;
    expect(bad.errors).toEqual([
      { field: 'plausibilityFactor', code: 'LIMIT_INVALID' },
      { field: 'monthlyMaximum', code: 'LIMIT_INVALID' },
    ]);
    const set = (await partner.graphql(RULES, { input: { plausibilityFactor: 3, monthlyMaximum: '50' } })).body.data
      .updateReadingRules;
    expect(set).toMatchObject({ ok: true, rules: { plausibilityFactor: 3, monthlyMaximum: '50' } });

    const { client, accountId, meterId } = await freshMeter('ivanovo');
    const above = await submit(client, { accountId, readings: [{ meterId, value: '150,001' }] });
    expect(above.results[0]).toMatchObject({ code: 'READING_IMPLAUSIBLE', consumption: '50.001' });
    expect((await submit(client, { accountId, readings: [{ meterId, value: '150' }] })).ok).toBe(true);

    const restored = (await partner.graphql(RULES, { input: { plausibilityFactor: 0, monthlyMaximum: '' } })).body.data
      .updateReadingRules;
    expect(restored.rules).toEqual({ plausibilityFactor: 5, monthlyMaximum: '1000' });
  });

  it('a rollover is recorded only once confirmed with the consumption it means', async () => {
    const { client, accountId, meterId } = await freshMeter();
    const asked = await submit(client, { accountId, readings: [{ meterId, value: '5', confirmRollover: true }] });
    // A 5-digit dial goes 99999,999 → 0: from 100 to 5 through zero is 99905 m³.
    expect(asked.results[0]).toMatchObject({
      status: 'REFUSED',
      code: 'READING_IMPLAUSIBLE',
      consumption: '99905',
      message: expect.stringContaining('Счётчик прошёл через ноль: расход составит 99\u00a0905 м³'),
    });
    expect(await recordedValues(meterId)).toEqual([]);
    const confirmed = await submit(client, {
      accountId,
      readings: [{ meterId, value: '5', confirmRollover: true, confirmImplausible: true }],
    });
    expect(confirmed.results[0]).toMatchObject({ status: 'ACCEPTED', consumption: '99905' });
  });

  it("inspectors' readings are exempt", async () => {
    const { meterId, serialNumber } = await freshMeter();
    const { body } = await (
      await partnerOf('kaluga')
    ).graphql(`mutation ($input: RecordReadingsInput!) { recordReadings(input: $input) { ok errors { code } } }`, {
      input: { idempotencyKey: key(), readings: [{ serialNumber, value: '50000' }] },
    });
    expect(body.data.recordReadings).toEqual({ ok: true, errors: [] });
    const [row] = await runSql<Array<{ value: string }>>(
      metering(),
      `select "value"::text as "value" from "metering"."reading" where "meter_id" = ? and "source" = 'INSPECTOR'`,
      [meterId],
    );
    expect(formatScaled(parseDecimal(row!.value)!.scaled)).toBe('50000');
  });
});
