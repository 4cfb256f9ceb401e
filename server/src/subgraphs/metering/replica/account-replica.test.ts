// Metering's copy of the accounts facts follows the accounts subgraph through events: new accounts, links and
// unlinks (a deleted cabinet's too), tariffs and closing days; late or repeated deliveries change nothing.
import { describe, expect, it } from 'vitest';
import { confirmedAbonent, createPartner } from '../../../../test/support/abonents.js';
import { useTestKabinet } from '../../../../test/support/use-kabinet.js';
import { runSql } from '../../../core/sql.js';
import { recordAccess } from '../../../core/account-replica.js';

const { app, mail } = useTestKabinet({ DEMO_DATA: 'true' });

const metering = () => app.kabinet.subgraphs.metering.orm.em.fork();

/** Polls `read` until `done` holds (events are delivered by the job queue, within seconds). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const access = (abonentId: string, accountId: string) =>
  runSql<Array<{ linked: boolean; changed_at: Date }>>(
    metering(),
    'select "linked", "changed_at" from "metering"."account_access" where "abonent_id" = ? and "account_id" = ?',
    [abonentId, accountId],
  );

/** Whether the abonent's link to the account is recorded, once it reads `linked` (or the wait is over). */
const linkedOnceSettled = async (abonentId: string, accountId: string, linked: boolean) =>
  (
    await eventually(
      () => access(abonentId, accountId),
      (r) => r[0]?.linked === linked,
    )
  )[0]?.linked;

describe("metering's copy of the accounts facts", () => {
  it('learns of new accounts with their supplier, number and tariffs', async () => {
    const rows = await eventually(
      () =>
        runSql<Array<{ number: string; tariffs: Array<{ pricePerUnit: number; validTo: string | null }> }>>(
          metering(),
          `select "number", "tariffs" from "metering"."account" where "number" = '702062012'`,
        ),
      (r) => r.length === 1 && r[0]!.tariffs.length === 2,
    );
    expect(rows[0]!.tariffs.find((t) => t.validTo === null)?.pricePerUnit).toBe(821);
  });

  it('follows links and unlinks, and a deleted cabinet', async () => {
    const owner = await confirmedAbonent(app, mail);
    const LINK = `mutation { linkPersonalAccount(input: { supplierCode: "kaluga", number: "4000111222" }) { account { id } } }`;
    const accountId = (await owner.client.graphql(LINK)).body.data.linkPersonalAccount.account.id as string;
    expect(await linkedOnceSettled(owner.id, accountId, true)).toBe(true);

    await owner.client.graphql(`mutation ($id: ID!) { unlinkPersonalAccount(id: $id) { ok } }`, { id: accountId });
    expect(await linkedOnceSettled(owner.id, accountId, false)).toBe(false);

    await owner.client.graphql(LINK);
    await linkedOnceSettled(owner.id, accountId, true);
    await owner.client.graphql('mutation ($p: String!) { deleteCabinet(password: $p) { ok } }', { p: owner.password });
    expect(await linkedOnceSettled(owner.id, accountId, false)).toBe(false);
  });

  it('ignores a delivery older than what it holds, and a repeated one', async () => {
    const abonentId = '00000000-0000-4000-8000-000000000001';
    const accountId = '00000000-0000-4000-8000-000000000002';
    const record = (linked: boolean, at: string) =>
      recordAccess(metering(), 'metering', { abonentId, accountId, linked, at });
    await record(true, '2026-11-20 10:00:00.000002+00');
    await record(false, '2026-11-20 10:00:00.000001+00');
    expect((await access(abonentId, accountId))[0]?.linked).toBe(true);
    await record(false, '2026-11-20 10:00:00.000003+00');
    await record(false, '2026-11-20 10:00:00.000003+00');
    const [row] = await access(abonentId, accountId);
    expect(row?.linked).toBe(false);
    expect(new Date(row!.changed_at).toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it("follows a supplier's closing day", async () => {
    const billing = await createPartner(app, 'kirov', ['supplier:write']);
    await billing.graphql('mutation { updateSupplierSettings(input: { readingClosingDay: 20 }) { ok } }');
    const rows = await eventually(
      () =>
        runSql<Array<{ reading_closing_day: number }>>(
          metering(),
          `select "reading_closing_day" from "metering"."supplier_settings" where "supplier_id" = ?`,
          [billing.supplierId],
        ),
      (r) => r.length === 1,
    );
    expect(rows).toEqual([{ reading_closing_day: 20 }]);
  });
});
