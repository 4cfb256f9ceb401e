// The demo data written on any day: a year of charges up to last month, the tariffs and balance of this month, and
// the demo meter's year of readings ending last month, all relative to the clock the app was started with.
import { describe, expect, it } from 'vitest';
import { confirmedAbonent } from '../../../../test/support/abonents.js';
import { clockAt, TEST_DAYS } from '../../../../test/support/dates.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { addDays, addMonths, todayInMoscow } from '@kabinet/common/calendar';
import { formatScaled, parseDecimal } from '@kabinet/common/decimal';
import { runSql } from '../../../core/sql.js';
import { DEMO_METERS } from '../../metering/demo/demo-meters.js';

const ACCOUNT = `query ($id: ID!) { personalAccount(id: $id) {
  balance { asOf } charges { month }
  meters { serialNumber nextVerificationOn verificationStatus lastReading { value period submittedAt } }
  monthlyConsumption(months: 24) { month volume }
} }`;

describe.each(TEST_DAYS)('the demo data written on $name ($date)', (day) => {
  const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' }, { clock: clockAt(day) });

  it("holds a year up to last month: charges, the meter's readings and consumption, the verification date", async () => {
    const thisMonth = day.date.slice(0, 7);
    const lastMonth = addMonths(thisMonth, -1);
    const abonent = await confirmedAbonent(app, mail);
    const linked = await abonent.client.graphql(
      `mutation ($input: LinkPersonalAccountInput!) { linkPersonalAccount(input: $input) { ok account { id } } }`,
      { input: { supplierCode: 'sankt-peterburg', number: '702062012', proof: '4,37507' } },
    );
    const accountId = linked.body.data.linkPersonalAccount.account.id as string;
    // Metering hears of the link (an event) within seconds; until then the account shows no meters.
    const metering = app.kabinet.subgraphs.metering.orm.em.fork();
    for (const deadline = Date.now() + 30_000; ;) {
      const [access] = await runSql<unknown[]>(
        metering,
        `select 1 from "metering"."account_access" where "abonent_id" = ? and "account_id" = ? and "linked"`,
        [abonent.id, accountId],
      );
      if (access || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const { body } = await abonent.client.graphql(ACCOUNT, { id: accountId });
    expect(body.errors).toBeUndefined();
    const account = body.data.personalAccount;

    expect(account.balance.asOf).toBe(`${thisMonth}-01`);
    expect(account.charges.map((c: { month: string }) => c.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, -(i + 1))),
    );

    const demo = DEMO_METERS['702062012']![0]!;
    const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, i - 12));
    expect(account.monthlyConsumption).toEqual(
      months.map((month) => ({ month, volume: String(demo.monthly[Number(month.slice(5, 7)) - 1]) })),
    );
    const dial = months.reduce(
      (sum, month) => sum + parseDecimal(String(demo.monthly[Number(month.slice(5, 7)) - 1]))!.scaled,
      parseDecimal(demo.start)!.scaled,
    );
    const [meter] = account.meters;
    expect(meter).toMatchObject({
      serialNumber: demo.serialNumber,
      nextVerificationOn: addDays(day.date, demo.verificationInDays),
      verificationStatus: 'OK',
      lastReading: { value: formatScaled(dial), period: lastMonth },
    });
    // The supplier took it on the 20th of last month, Moscow time.
    expect(todayInMoscow(new Date(meter.lastReading.submittedAt))).toBe(`${lastMonth}-20`);
  });
});
