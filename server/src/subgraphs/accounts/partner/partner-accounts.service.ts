// The partner API's writes and export: all or nothing per call, one supplier only, a few statements per call.
import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage } from '../../../core/cursor.js';
import {
  ACCOUNTS_REGISTERED,
  BALANCES_SET,
  TARIFFS_SET,
  type AccountsRegistered,
  type BalancesSet,
  type TariffsSet,
} from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import { runSql } from '../../../core/sql.js';
import { isDate, isMonth, todayInMoscow } from '@kabinet/common/calendar';
import {
  ACCOUNT_COLUMNS,
  toPersonalAccount,
  type AccountRow,
  type PersonalAccount,
} from '../personal-account/personal-account.types.js';
import { normalizeAccountNumber } from '../../../core/account-number.js';
import { readingText } from '@kabinet/common/decimal';
import { hashReceiptPin, PIN } from '../personal-account/proof.js';
import { Supplier } from '../supplier/supplier.entity.js';
import type {
  AccountTariffsInput,
  BalanceInput,
  ChargeInput,
  PersonalAccountInput,
} from './partner-accounts.inputs.js';
import { MAX_ROWS, PartnerWritePayload, RowError } from '../../../core/partner-payloads.js';
import type { PersonalAccountPage } from './partner-accounts.payloads.js';

export const MAX_PAGE = 1000;
const VOLUME = /^\d{1,10}(\.\d{1,3})?$/;

export class PartnerAccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly supplierId: string,
    /** Where the facts other subgraphs copy (new accounts, tariffs) are published, in the writing transaction. */
    private readonly queue: JobQueue,
    /** When the writes happen (the request's clock): the balance date when none is given, the events' time. */
    private readonly now = new Date(),
  ) {}

  async upsertAccounts(rows: PersonalAccountInput[]): Promise<PartnerWritePayload> {
    const supplier = await this.supplier();
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const today = todayInMoscow(this.now);
    const records = rows.map((row, index) => {
      const number = this.checkNumber(supplier, row.number, index, 'number', errors);
      if (number !== null) {
        if (seen.has(number)) errors.push(duplicate(index, 'number', seen.get(number)!));
        else seen.set(number, index);
      }
      const address = text(row.address, 500, index, 'address', 'адрес', errors);
      const holderName = text(row.holderName, 200, index, 'holderName', 'ФИО владельца', errors);
      const services = (row.services ?? []).map((s, i) => text(s, 100, index, `services[${i}]`, 'услугу', errors));
      if (services.length > 10) errors.push(RowError.of(index, 'services', 'TOO_MANY_SERVICES', 'Не более 10 услуг.'));
      if (row.balanceAsOf != null && !isDate(row.balanceAsOf)) errors.push(badDate(index, 'balanceAsOf'));
      if (row.receiptPin != null && !PIN.test(row.receiptPin)) {
        errors.push(RowError.of(index, 'receiptPin', 'PIN_INVALID', 'ПИН-код — от 4 до 8 цифр.'));
      }
      const reading = row.receiptReading == null ? null : readingText(row.receiptReading);
      if (row.receiptReading != null && reading === null) {
        errors.push(
          RowError.of(index, 'receiptReading', 'READING_INVALID', 'Показание — десятичное число, например 4.37507.'),
        );
      }
      return {
        number,
        address,
        holder_name: holderName,
        services,
        balance_kopecks: row.balance ?? null,
        balance_as_of: row.balance == null ? null : (row.balanceAsOf ?? today),
        receipt_pin_hash:
          row.receiptPin == null || number === null ? null : hashReceiptPin(supplier.id, number, row.receiptPin),
        receipt_reading: reading,
      };
    });
    if (rows.length > MAX_ROWS) errors.unshift(tooMany());
    if (errors.length) return PartnerWritePayload.refused(errors);

    return this.em.transactional(async (tx) => {
      await this.serialize(tx);
      const [result] = await runSql<Array<{ updated: string; added: unknown; balances: BalancesSet['accounts'] }>>(
        tx,
        `with "input" as (
           select * from jsonb_to_recordset(?::jsonb) as r("number" text, "address" text, "holder_name" text,
             "services" text[], "balance_kopecks" bigint, "balance_as_of" date, "receipt_pin_hash" text,
             "receipt_reading" numeric)
         ), "changed" as (
           update "accounts"."personal_account" a set
             "address" = i."address", "holder_name" = i."holder_name", "services" = i."services",
             "balance_kopecks" = coalesce(i."balance_kopecks", a."balance_kopecks"),
             "balance_as_of" = coalesce(i."balance_as_of", a."balance_as_of"),
             "receipt_pin_hash" = coalesce(i."receipt_pin_hash", a."receipt_pin_hash"),
             "receipt_reading" = coalesce(i."receipt_reading", a."receipt_reading"),
             "updated_at" = clock_timestamp()
             from "input" i
            where a."supplier_id" = ? and a."number" = i."number"
              and (a."address", a."holder_name", a."services", a."balance_kopecks", a."balance_as_of",
                   a."receipt_pin_hash", a."receipt_reading")
                  is distinct from
                  (i."address", i."holder_name", i."services", coalesce(i."balance_kopecks", a."balance_kopecks"),
                   coalesce(i."balance_as_of", a."balance_as_of"), coalesce(i."receipt_pin_hash", a."receipt_pin_hash"),
                   coalesce(i."receipt_reading", a."receipt_reading"))
           returning a."id", a."number", a."balance_kopecks", a."balance_as_of"
         ), "added" as (
           insert into "accounts"."personal_account" ("supplier_id", "number", "address", "holder_name", "services",
             "balance_kopecks", "balance_as_of", "receipt_pin_hash", "receipt_reading")
           select ?, i."number", i."address", i."holder_name", i."services", coalesce(i."balance_kopecks", 0),
                  i."balance_as_of", i."receipt_pin_hash", i."receipt_reading"
             from "input" i
            where not exists (select 1 from "accounts"."personal_account" a
                               where a."supplier_id" = ? and a."number" = i."number")
           returning "id", "number", "balance_kopecks", "balance_as_of"
         )
         select (select count(*) from "changed") as "updated",
                (select coalesce(json_agg(json_build_object('id', "id", 'number', "number")), '[]') from "added") as "added",
                (select coalesce(json_agg(json_build_object('id', "id", 'number', "number",
                   'balanceKopecks', "balance_kopecks", 'asOf', "balance_as_of")), '[]')
                   from (select * from "changed" union all select * from "added") b) as "balances"`,
        [JSON.stringify(records), supplier.id, supplier.id, supplier.id],
      );
      const added = result!.added as Array<{ id: string; number: string }>;
      if (added.length) {
        await this.queue.publish(tx, ACCOUNTS_REGISTERED, {
          supplierId: supplier.id,
          accounts: added,
        } satisfies AccountsRegistered);
      }
      await this.publishBalances(tx, result!.balances);
      return PartnerWritePayload.done(rows.length, added.length, Number(result!.updated));
    });
  }

  async upsertCharges(rows: ChargeInput[]): Promise<PartnerWritePayload> {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const records = rows.map((row, index) => {
      const number = normalizeAccountNumber(row.accountNumber ?? '');
      if (!isMonth(row.month ?? '')) {
        errors.push(RowError.of(index, 'month', 'MONTH_INVALID', 'Месяц укажите в виде ГГГГ-ММ, например 2026-01.'));
      }
      if (!VOLUME.test(row.volume ?? '')) {
        errors.push(
          RowError.of(
            index,
            'volume',
            'VOLUME_INVALID',
            'Объём — неотрицательное число, не более 3 знаков после точки.',
          ),
        );
      }
      const key = `${number}|${row.month}`;
      if (seen.has(key)) errors.push(duplicate(index, 'month', seen.get(key)!));
      else seen.set(key, index);
      return { row: index, number, month: `${row.month}-01`, volume: row.volume, amount_kopecks: row.amount };
    });
    return this.writeForAccounts(rows.length, records, errors, async (tx, json) => {
      const [result] = await runSql<Array<{ created: string; updated: string }>>(
        tx,
        `with "input" as (
           select a."id" as "account_id", r."month", r."volume", r."amount_kopecks"
             from jsonb_to_recordset(?::jsonb) as r("number" text, "month" date, "volume" numeric, "amount_kopecks" bigint)
             join "accounts"."personal_account" a on a."supplier_id" = ? and a."number" = r."number"
         ), "written" as (
           insert into "accounts"."charge" ("account_id", "month", "volume", "amount_kopecks")
           select "account_id", "month", "volume", "amount_kopecks" from "input"
           on conflict ("account_id", "month") do update
             set "volume" = excluded."volume", "amount_kopecks" = excluded."amount_kopecks", "updated_at" = now()
             where ("charge"."volume", "charge"."amount_kopecks") is distinct from (excluded."volume", excluded."amount_kopecks")
           returning (xmax = 0) as "inserted"
         )
         select count(*) filter (where "inserted") as "created", count(*) filter (where not "inserted") as "updated"
           from "written"`,
        [json, this.supplierId],
      );
      return [Number(result!.created), Number(result!.updated)];
    });
  }

  async setBalances(rows: BalanceInput[]): Promise<PartnerWritePayload> {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const records = rows.map((row, index) => {
      const number = normalizeAccountNumber(row.accountNumber ?? '');
      if (!isDate(row.asOf ?? '')) errors.push(badDate(index, 'asOf'));
      if (seen.has(number)) errors.push(duplicate(index, 'accountNumber', seen.get(number)!));
      else seen.set(number, index);
      return { row: index, number, balance_kopecks: row.balance, balance_as_of: row.asOf };
    });
    return this.writeForAccounts(rows.length, records, errors, async (tx, json) => {
      const changed = await runSql<BalancesSet['accounts']>(
        tx,
        `update "accounts"."personal_account" a
            set "balance_kopecks" = r."balance_kopecks", "balance_as_of" = r."balance_as_of", "updated_at" = clock_timestamp()
           from jsonb_to_recordset(?::jsonb) as r("number" text, "balance_kopecks" bigint, "balance_as_of" date)
          where a."supplier_id" = ? and a."number" = r."number"
            and (a."balance_as_of" is null or r."balance_as_of" >= a."balance_as_of")
            and (a."balance_kopecks", a."balance_as_of") is distinct from (r."balance_kopecks", r."balance_as_of")
          returning a."id", a."number", a."balance_kopecks"::int as "balanceKopecks", to_char(a."balance_as_of", 'YYYY-MM-DD') as "asOf"`,
        [json, this.supplierId],
      );
      await this.publishBalances(tx, changed);
      return [0, changed.length];
    });
  }

  async setTariffs(rows: AccountTariffsInput[]): Promise<PartnerWritePayload> {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const records = rows.flatMap((row, index): Array<{ row: number; number: string; [column: string]: unknown }> => {
      const number = normalizeAccountNumber(row.accountNumber ?? '');
      if (seen.has(number)) errors.push(duplicate(index, 'accountNumber', seen.get(number)!));
      else seen.set(number, index);
      const periods = new Set<string>();
      if (!row.tariffs.length) return [{ row: index, number, service: null }];
      return row.tariffs.map((tariff, i) => {
        const at = `tariffs[${i}]`;
        const service = text(tariff.service, 100, index, `${at}.service`, 'услугу', errors);
        if (!(tariff.pricePerUnit > 0)) {
          errors.push(RowError.of(index, `${at}.pricePerUnit`, 'PRICE_INVALID', 'Цена — положительное число копеек.'));
        }
        if (!isDate(tariff.validFrom ?? '')) errors.push(badDate(index, `${at}.validFrom`));
        if (tariff.validTo != null && !isDate(tariff.validTo)) errors.push(badDate(index, `${at}.validTo`));
        else if (tariff.validTo != null && tariff.validTo < tariff.validFrom) {
          errors.push(RowError.of(index, `${at}.validTo`, 'PERIOD_INVALID', 'Конец периода раньше его начала.'));
        }
        const key = `${service}|${tariff.validFrom}`;
        if (periods.has(key)) {
          errors.push(
            RowError.of(index, `${at}.validFrom`, 'DUPLICATE_ROW', 'Этот тариф с этой даты уже указан выше.'),
          );
        }
        periods.add(key);
        return {
          row: index,
          number,
          service,
          price_kopecks: tariff.pricePerUnit,
          unit: text(tariff.unit ?? 'м³', 16, index, `${at}.unit`, 'единицу', errors),
          valid_from: tariff.validFrom,
          valid_to: tariff.validTo ?? null,
        };
      });
    });
    return this.writeForAccounts(rows.length, records, errors, async (tx, json) => {
      await runSql(
        tx,
        `delete from "accounts"."tariff" t using "accounts"."personal_account" a
          where t."account_id" = a."id" and a."supplier_id" = ?
            and a."number" in (select r."number" from jsonb_to_recordset(?::jsonb) as r("number" text))`,
        [this.supplierId, json],
      );
      await runSql(
        tx,
        `insert into "accounts"."tariff" ("account_id", "service", "price_kopecks", "unit", "valid_from", "valid_to")
         select a."id", r."service", r."price_kopecks", r."unit", r."valid_from", r."valid_to"
           from jsonb_to_recordset(?::jsonb) as r("number" text, "service" text, "price_kopecks" integer, "unit" text,
                                                  "valid_from" date, "valid_to" date)
           join "accounts"."personal_account" a on a."supplier_id" = ? and a."number" = r."number"
          where r."service" is not null`,
        [json, this.supplierId],
      );
      // What metering copies for charge previews: each account's tariffs as they now are.
      const tariffs = await runSql<TariffsSet['accounts']>(
        tx,
        `select a."id", a."supplier_id" as "supplierId", a."number", coalesce(json_agg(json_build_object('service', t."service", 'pricePerUnit', t."price_kopecks",
                  'unit', t."unit", 'validFrom', t."valid_from", 'validTo', t."valid_to"))
                  filter (where t."id" is not null), '[]') as "tariffs"
           from "accounts"."personal_account" a left join "accounts"."tariff" t on t."account_id" = a."id"
          where a."supplier_id" = ? and a."number" in (select r."number" from jsonb_to_recordset(?::jsonb) as r("number" text))
          group by a."id", a."supplier_id", a."number"`,
        [this.supplierId, json],
      );
      await this.queue.publish(tx, TARIFFS_SET, {
        at: new Date().toISOString(),
        accounts: tariffs,
      } satisfies TariffsSet);
      return [0, rows.length];
    });
  }

  /** A page of the supplier's accounts in (updated_at, id) order; `after` is the previous page's endCursor. */
  page(args: { first: number; after?: string | null; updatedSince?: Date | null }): Promise<PersonalAccountPage> {
    return keysetPage<AccountRow & { holder_name: string; cursor_time: string }, PersonalAccount>(
      this.em,
      { first: args.first, after: args.after, since: args.updatedSince },
      {
        select: `select ${ACCOUNT_COLUMNS}, a."updated_at"::text as "cursor_time" from "accounts"."personal_account" a`,
        time: 'a."updated_at"',
        id: 'a."id"',
        where: 'a."supplier_id" = ?',
        params: [this.supplierId],
        maxPage: MAX_PAGE,
      },
      toPersonalAccount,
    );
  }

  /** Other subgraphs keep the balances (payments: what is due), in the writing transaction. */
  private async publishBalances(tx: EntityManager, accounts: BalancesSet['accounts']): Promise<void> {
    if (!accounts.length) return;
    const at = new Date().toISOString();
    // The same time payments keeps: online payments after it are not in these balances yet (online-payments.ts).
    await runSql(
      tx,
      `update "accounts"."personal_account" set "balance_recorded_at" = ?
        where "id" in (select "value"::uuid from jsonb_array_elements_text(?::jsonb))`,
      [at, JSON.stringify(accounts.map((a) => a.id))],
    );
    await this.queue.publish(tx, BALANCES_SET, {
      at,
      supplierId: this.supplierId,
      accounts: accounts.map((a) => ({
        ...a,
        balanceKopecks: Number(a.balanceKopecks),
        asOf: a.asOf?.slice(0, 10) ?? null,
      })),
    } satisfies BalancesSet);
  }

  /** Shared shape of the writes that name accounts by number: validate, resolve numbers, write, all or nothing. */
  private async writeForAccounts(
    total: number,
    records: Array<{ row: number; number: string }>,
    errors: RowError[],
    write: (tx: EntityManager, json: string) => Promise<[number, number]>,
  ): Promise<PartnerWritePayload> {
    if (total > MAX_ROWS) errors.unshift(tooMany());
    if (errors.length) return PartnerWritePayload.refused(sortByRow(errors));
    return this.em.transactional(async (tx) => {
      await this.serialize(tx);
      const numbers = [...new Set(records.map((r) => r.number))];
      const known = new Set(
        (
          await runSql<Array<{ number: string }>>(
            tx,
            `select "number" from "accounts"."personal_account"
              where "supplier_id" = ? and "number" in (select jsonb_array_elements_text(?::jsonb))`,
            [this.supplierId, JSON.stringify(numbers)],
          )
        ).map((r) => r.number),
      );
      const missing = new Map<number, string>();
      for (const record of records) if (!known.has(record.number)) missing.set(record.row, record.number);
      if (missing.size) {
        return PartnerWritePayload.refused(
          [...missing].map(([row, number]) =>
            RowError.of(row, 'accountNumber', 'ACCOUNT_NOT_FOUND', `Лицевой счёт ${number} у поставщика не найден.`),
          ),
        );
      }
      const [created, updated] = await write(tx, JSON.stringify(records));
      return PartnerWritePayload.done(total, created, updated);
    });
  }

  /** Writes of one supplier take turns, so two billing runs at once cannot interleave half-way. */
  private async serialize(tx: EntityManager): Promise<void> {
    await runSql(tx, `select pg_advisory_xact_lock(hashtext(?))`, [`accounts.partner-write.${this.supplierId}`]);
  }

  private async supplier(): Promise<Supplier> {
    return this.em.findOneOrFail(Supplier, { id: this.supplierId });
  }

  private checkNumber(
    supplier: Supplier,
    raw: string,
    index: number,
    field: string,
    errors: RowError[],
  ): string | null {
    const number = normalizeAccountNumber(raw ?? '');
    const ok =
      /^[0-9]+$/.test(number) &&
      number.length >= supplier.accountNumberMinDigits &&
      number.length <= supplier.accountNumberMaxDigits;
    if (!ok) errors.push(RowError.of(index, field, 'NUMBER_INVALID', supplier.accountNumberFormat.hint));
    return ok ? number : null;
  }
}

function sortByRow(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.index - b.index);
}

function text(value: string, max: number, index: number, field: string, what: string, errors: RowError[]): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) errors.push(RowError.of(index, field, 'REQUIRED', `Укажите ${what}.`));
  else if (trimmed.length > max) errors.push(RowError.of(index, field, 'TOO_LONG', `Не более ${max} символов.`));
  return trimmed;
}

function duplicate(index: number, field: string, first: number): RowError {
  return RowError.of(index, field, 'DUPLICATE_ROW', `Повтор строки ${first}: в одном вызове каждая строка один раз.`);
}

function badDate(index: number, field: string): RowError {
  return RowError.of(index, field, 'DATE_INVALID', 'Дату укажите в виде ГГГГ-ММ-ДД, например 2026-01-31.');
}

function tooMany(): RowError {
  return RowError.of(-1, null, 'TOO_MANY_ROWS', `Не более ${MAX_ROWS} строк за один вызов.`);
}
