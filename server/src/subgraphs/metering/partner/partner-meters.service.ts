// The supplier's billing writes its meters: all or nothing per call, by serial number within the supplier.
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeAccountNumber } from '../../../core/account-number.js';
import { isDate } from '@kabinet/common/calendar';
import { MAX_ROWS, PartnerWritePayload, RowError } from '../../../core/partner-payloads.js';
import { runSql } from '../../../core/sql.js';
import { parseDecimal } from '@kabinet/common/decimal';
import { MeterZones } from '../meter/meter.types.js';
import type { MeterInput } from './partner-meters.inputs.js';

export async function upsertMeters(
  em: EntityManager,
  supplierId: string,
  rows: MeterInput[],
): Promise<PartnerWritePayload> {
  const errors: RowError[] = [];
  if (rows.length > MAX_ROWS)
    errors.push(RowError.of(-1, null, 'TOO_MANY_ROWS', `Не более ${MAX_ROWS} строк за один вызов.`));
  const seen = new Map<string, number>();
  const records = rows.map((row, index) => {
    const number = normalizeAccountNumber(row.accountNumber ?? '');
    const serial = (row.serialNumber ?? '').trim();
    if (!serial || serial.length > 40)
      errors.push(RowError.of(index, 'serialNumber', 'SERIAL_INVALID', 'Заводской номер: от 1 до 40 символов.'));
    if (seen.has(serial))
      errors.push(RowError.of(index, 'serialNumber', 'DUPLICATE_ROW', `Повтор строки ${seen.get(serial)}.`));
    else seen.set(serial, index);
    const integerDigits = row.integerDigits ?? 5;
    const fractionDigits = row.fractionDigits ?? 3;
    if (!(integerDigits >= 1 && integerDigits <= 9))
      errors.push(RowError.of(index, 'integerDigits', 'DIGITS_INVALID', 'Целых разрядов: от 1 до 9.'));
    if (!(fractionDigits >= 0 && fractionDigits <= 5))
      errors.push(RowError.of(index, 'fractionDigits', 'DIGITS_INVALID', 'Дробных разрядов: от 0 до 5.'));
    const initial = parseDecimal(row.initialValue ?? '0');
    if (!initial || initial.fraction.length > fractionDigits || initial.whole.length > integerDigits) {
      errors.push(
        RowError.of(index, 'initialValue', 'VALUE_INVALID', 'Начальное показание не умещается в разряды счётчика.'),
      );
    }
    for (const field of ['installedOn', 'nextVerificationOn'] as const) {
      const value = row[field];
      if (value != null && !isDate(value))
        errors.push(RowError.of(index, field, 'DATE_INVALID', 'Дату укажите в виде ГГГГ-ММ-ДД.'));
    }
    const status = row.status ?? 'ACTIVE';
    if (!['ACTIVE', 'REMOVED'].includes(status))
      errors.push(RowError.of(index, 'status', 'STATUS_INVALID', 'Состояние: ACTIVE или REMOVED.'));
    return {
      row: index,
      number,
      serial_number: serial,
      zones: row.zones ?? MeterZones.SINGLE,
      integer_digits: integerDigits,
      fraction_digits: fractionDigits,
      initial_value: initial?.text ?? '0',
      installed_on: row.installedOn ?? null,
      next_verification_on: row.nextVerificationOn ?? null,
      status,
    };
  });
  if (errors.length) return PartnerWritePayload.refused(errors.sort((a, b) => a.index - b.index));

  return em.transactional(async (tx) => {
    await runSql(tx, `select pg_advisory_xact_lock(hashtext(?))`, [`metering.partner-write.${supplierId}`]);
    // Accounts come from metering's copy of the registry, which follows the accounts subgraph within seconds.
    const known = new Map(
      (
        await runSql<Array<{ id: string; number: string }>>(
          tx,
          `select "id", "number" from "metering"."account"
            where "supplier_id" = ? and "number" in (select jsonb_array_elements_text(?::jsonb))`,
          [supplierId, JSON.stringify([...new Set(records.map((r) => r.number))])],
        )
      ).map((a) => [a.number, a.id]),
    );
    const missing = records.filter((r) => !known.has(r.number));
    if (missing.length) {
      return PartnerWritePayload.refused(
        missing.map((r) =>
          RowError.of(
            r.row,
            'accountNumber',
            'ACCOUNT_NOT_FOUND',
            `Лицевой счёт ${r.number} у поставщика не найден (только что созданный появляется здесь через несколько секунд).`,
          ),
        ),
      );
    }
    const json = JSON.stringify(records.map((r) => ({ ...r, account_id: known.get(r.number) })));
    const [result] = await runSql<Array<{ created: string; updated: string }>>(
      tx,
      `with "written" as (
         insert into "metering"."meter" ("account_id", "supplier_id", "serial_number", "zones", "integer_digits",
           "fraction_digits", "initial_value", "installed_on", "next_verification_on", "status")
         select r."account_id", ?, r."serial_number", r."zones", r."integer_digits", r."fraction_digits",
                r."initial_value", r."installed_on", r."next_verification_on", r."status"
           from jsonb_to_recordset(?::jsonb) as r("account_id" uuid, "serial_number" text, "zones" text,
             "integer_digits" smallint, "fraction_digits" smallint, "initial_value" numeric, "installed_on" date,
             "next_verification_on" date, "status" text)
         on conflict ("supplier_id", "serial_number") do update set
           "account_id" = excluded."account_id", "zones" = excluded."zones", "integer_digits" = excluded."integer_digits",
           "fraction_digits" = excluded."fraction_digits", "initial_value" = excluded."initial_value",
           "installed_on" = excluded."installed_on", "next_verification_on" = excluded."next_verification_on",
           "status" = excluded."status", "updated_at" = clock_timestamp()
         where ("meter"."account_id", "meter"."zones", "meter"."integer_digits", "meter"."fraction_digits",
                "meter"."initial_value", "meter"."installed_on", "meter"."next_verification_on", "meter"."status")
               is distinct from
               (excluded."account_id", excluded."zones", excluded."integer_digits", excluded."fraction_digits",
                excluded."initial_value", excluded."installed_on", excluded."next_verification_on", excluded."status")
         returning (xmax = 0) as "inserted"
       )
       select count(*) filter (where "inserted") as "created", count(*) filter (where not "inserted") as "updated"
         from "written"`,
      [supplierId, json],
    );
    return PartnerWritePayload.done(rows.length, Number(result!.created), Number(result!.updated));
  });
}
