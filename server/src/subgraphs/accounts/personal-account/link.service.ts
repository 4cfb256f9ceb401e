// Linking personal accounts to a cabinet: the number and the supplier's proof must match the registry.
import type { EntityManager } from '@mikro-orm/postgresql';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import { cachedPerStore, createLimit, type RateLimitStores } from '../../../core/rate-limit.js';
import { ACCOUNT_ACCESS_CHANGED, type AccountAccessChanged } from '../../../core/events.js';
import type { JobQueue } from '../../../core/queue.js';
import { runSql } from '../../../core/sql.js';
import type { AccountsContext } from '../accounts.context.js';
import { LinkProof, type Supplier } from '../supplier/supplier.entity.js';
import { SupplierService } from '../supplier/supplier.service.js';
import type { LinkPersonalAccountInput } from './link.inputs.js';
import { LinkPersonalAccountPayload, UnlinkPersonalAccountPayload } from './link.payloads.js';
import { ACCOUNT_COLUMNS, toPersonalAccount, type AccountRow } from './personal-account.types.js';
import { normalizeAccountNumber } from '../../../core/account-number.js';
import { readingText } from '@kabinet/common/decimal';
import { hashReceiptPin, parseRubles, PIN } from './proof.js';

/** Failed attempts (unknown number or wrong proof) per abonent and hour: enough for typos, too few to probe. */
export const LINK_FAILURES_PER_HOUR = 5;
/**
 * Guesses at one account number (a supplier's) per hour, whoever makes them: a family links its account a few
 * times, many cabinets trying one number are someone probing it.
 */
export const LINK_GUESSES_PER_NUMBER_PER_HOUR = 10;
/** Guesses from one client address per hour, across the cabinets behind it (the login limit's order). */
export const LINK_GUESSES_PER_ADDRESS_PER_HOUR = 30;
/** Accounts one cabinet may hold: a family's, a landlord's few flats; not a registry's worth. */
export const MAX_LINKED_ACCOUNTS = 50;

const limits = cachedPerStore((stores: RateLimitStores) => ({
  linkFailures: createLimit(stores, 'link-failures', LINK_FAILURES_PER_HOUR, 60 * 60),
  guessesByNumber: createLimit(stores, 'link-number', LINK_GUESSES_PER_NUMBER_PER_HOUR, 60 * 60),
  guessesByAddress: createLimit(stores, 'link-address', LINK_GUESSES_PER_ADDRESS_PER_HOUR, 60 * 60),
}));

const PROOF_PROMPTS: Record<Exclude<LinkProof, LinkProof.NONE>, { required: string; invalid: string; name: string }> = {
  [LinkProof.RECEIPT_PIN]: {
    required: 'Введите ПИН-код, напечатанный на квитанции.',
    invalid: 'ПИН-код состоит из 4–8 цифр, как на квитанции.',
    name: 'ПИН-код',
  },
  [LinkProof.LAST_CHARGE_AMOUNT]: {
    required: 'Введите сумму последнего начисления из квитанции.',
    invalid: 'Сумму укажите в рублях, например 1234,56.',
    name: 'сумму последнего начисления',
  },
  [LinkProof.METER_READING]: {
    required: 'Введите показание счётчика, указанное в квитанции.',
    invalid: 'Показание укажите числом, например 4,37507.',
    name: 'показание счётчика',
  },
};

export class LinkService {
  constructor(private readonly ctx: AccountsContext) {}

  async link(abonentId: string, input: LinkPersonalAccountInput): Promise<LinkPersonalAccountPayload> {
    const fail = (error: UserError) => failed(LinkPersonalAccountPayload, [error], { account: null });
    const code = input.supplierCode?.trim();
    const supplier = code ? await new SupplierService(this.ctx.em).findByCode(code) : null;
    if (!supplier) return fail(UserError.of('supplierCode', 'SUPPLIER_REQUIRED', 'Выберите поставщика услуг.'));

    const number = normalizeAccountNumber(input.number ?? '');
    const numberError = checkNumber(supplier, number);
    if (numberError) return fail(numberError);

    const proof = readProof(supplier.linkProof, input.proof);
    if ('error' in proof) return fail(proof.error);

    const {
      linkFailures: limit,
      guessesByNumber,
      guessesByAddress,
    } = limits({
      em: this.ctx.em,
      redis: this.ctx.redis,
      schemaName: 'accounts',
      tableName: 'attempt_limit',
    });
    // Keyed by the number as typed, found or not: the limit answers alike for numbers that exist and that do not.
    const numberKey = `${supplier.id}:${number}`;
    const address = this.ctx.clientIp;
    const wait = await limit.exhausted(abonentId);
    if (wait !== null) return fail(tooManyAttempts(wait));
    const addressWait = await guessesByAddress.exhausted(address);
    if (addressWait !== null) return fail(tooManyFromAddress(addressWait));
    const numberWait = await guessesByNumber.exhausted(numberKey);
    if (numberWait !== null) return fail(tooManyForNumber(numberWait));
    /** Counts a guess at this number from this address; the wait when that used a limit up, else null. */
    const countGuess = async (): Promise<UserError | null> => {
      const byAddress = await guessesByAddress.hit(address);
      const byNumber = await guessesByNumber.hit(numberKey);
      if (byAddress !== null) return tooManyFromAddress(byAddress);
      if (byNumber !== null) return tooManyForNumber(byNumber);
      return null;
    };

    const rows: Array<
      AccountRow & { receipt_pin_hash: string | null; receipt_reading: string | null; last_charge: string | null }
    > = await runSql(
      this.ctx.em,
      `select ${ACCOUNT_COLUMNS}, a."receipt_pin_hash", a."receipt_reading"::text as "receipt_reading",
              (select c."amount_kopecks" from "accounts"."charge" c where c."account_id" = a."id"
                order by c."month" desc limit 1) as "last_charge"
         from "accounts"."personal_account" a where a."supplier_id" = ? and a."number" = ?`,
      [supplier.id, number],
    );
    const row = rows[0];
    const matches =
      row !== undefined &&
      (proof.kind === LinkProof.NONE ||
        (proof.kind === LinkProof.RECEIPT_PIN &&
          row.receipt_pin_hash === hashReceiptPin(supplier.id, number, proof.value)) ||
        (proof.kind === LinkProof.LAST_CHARGE_AMOUNT &&
          row.last_charge !== null &&
          Number(row.last_charge) === proof.value) ||
        (proof.kind === LinkProof.METER_READING &&
          row.receipt_reading !== null &&
          readingText(row.receipt_reading) === proof.value));
    if (!row || !matches) {
      // Not found and wrong proof are one answer: a stranger learns nothing about which numbers exist.
      const waitNow = await limit.hit(abonentId);
      if (waitNow !== null) return fail(tooManyAttempts(waitNow));
      const guessLimited = await countGuess();
      if (guessLimited) return fail(guessLimited);
      const what = proof.kind === LinkProof.NONE ? '' : ` и ${PROOF_PROMPTS[proof.kind].name}`;
      return fail(
        UserError.of(
          'number',
          'ACCOUNT_NOT_FOUND',
          `Лицевой счёт не найден или данные указаны неверно. Проверьте номер лицевого счёта${what} по квитанции.`,
        ),
      );
    }

    if (proof.kind === LinkProof.NONE) {
      // Without a proof a found number is a guess that worked: it counts, unless the caller holds the link already.
      const [held] = await runSql<unknown[]>(
        this.ctx.em,
        `select 1 from "accounts"."account_link" where "abonent_id" = ? and "account_id" = ?`,
        [abonentId, row.id],
      );
      if (!held) {
        const guessLimited = await countGuess();
        if (guessLimited) return fail(guessLimited);
      }
    }

    const linked = await this.ctx.em.transactional(async (tx) => {
      const [count] = await runSql<Array<{ n: string; already: boolean }>>(
        tx,
        `select count(*) as "n", bool_or("account_id" = ?) as "already"
           from "accounts"."account_link" where "abonent_id" = ?`,
        [row.id, abonentId],
      );
      if (!count?.already && Number(count?.n ?? 0) >= MAX_LINKED_ACCOUNTS) return false;
      const inserted = await runSql<Array<{ at: string }>>(
        tx,
        `insert into "accounts"."account_link" ("abonent_id", "account_id") values (?, ?) on conflict do nothing
         returning clock_timestamp()::text as "at"`,
        [abonentId, row.id],
      );
      if (inserted[0]) await publishAccess(tx, this.ctx.queue, abonentId, row.id, true, inserted[0].at);
      return true;
    });
    if (!linked) {
      return fail(
        UserError.of(
          null,
          'TOO_MANY_ACCOUNTS',
          `К одному Личному кабинету можно подключить не более ${MAX_LINKED_ACCOUNTS} лицевых счетов.`,
        ),
      );
    }
    // No reset on success: linking an account one holds (again) must not buy more guesses at others.
    return succeeded(LinkPersonalAccountPayload, { account: toPersonalAccount(row) });
  }

  async unlink(abonentId: string, accountId: string): Promise<UnlinkPersonalAccountPayload> {
    const rows = /^[0-9a-f-]{36}$/i.test(accountId)
      ? await this.ctx.em.transactional(async (tx) => {
          const deleted = await runSql<Array<{ at: string }>>(
            tx,
            `delete from "accounts"."account_link" where "abonent_id" = ? and "account_id" = ?
             returning clock_timestamp()::text as "at"`,
            [abonentId, accountId],
          );
          if (deleted[0]) await publishAccess(tx, this.ctx.queue, abonentId, accountId, false, deleted[0].at);
          return deleted;
        })
      : [];
    if (!rows.length) {
      return failed(
        UnlinkPersonalAccountPayload,
        [UserError.of('id', 'NOT_LINKED', 'Этот лицевой счёт не подключён к Вашему Личному кабинету.')],
        { accountId: null },
      );
    }
    return succeeded(UnlinkPersonalAccountPayload, { accountId });
  }
}

/** Unlinks every account of a deleted cabinet (the identity subgraph's `abonent.deleted` event). */
export async function unlinkAll(em: EntityManager, queue: JobQueue, abonentId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const deleted = await runSql<Array<{ account_id: string; at: string }>>(
      tx,
      `delete from "accounts"."account_link" where "abonent_id" = ? returning "account_id", clock_timestamp()::text as "at"`,
      [abonentId],
    );
    for (const link of deleted) await publishAccess(tx, queue, abonentId, link.account_id, false, link.at);
  });
}

/** Tells the subgraphs that copy access (metering) that an abonent's access to an account began or ended. */
function publishAccess(
  tx: EntityManager,
  queue: JobQueue,
  abonentId: string,
  accountId: string,
  linked: boolean,
  at: string,
) {
  return queue.publish(tx, ACCOUNT_ACCESS_CHANGED, { abonentId, accountId, linked, at } satisfies AccountAccessChanged);
}

function checkNumber(supplier: Supplier, number: string): UserError | null {
  const hint = supplier.accountNumberFormat.hint;
  if (!number)
    return UserError.of('number', 'NUMBER_REQUIRED', 'Введите номер лицевого счёта, указанный на квитанции.');
  if (!/^[0-9]+$/.test(number))
    return UserError.of('number', 'NUMBER_NOT_DIGITS', `${hint} Уберите буквы и другие знаки.`);
  if (number.length > supplier.accountNumberMaxDigits) return UserError.of('number', 'NUMBER_TOO_LONG', hint);
  if (number.length < supplier.accountNumberMinDigits) return UserError.of('number', 'NUMBER_TOO_SHORT', hint);
  return null;
}

type Proof =
  | { kind: LinkProof.NONE }
  | { kind: LinkProof.RECEIPT_PIN; value: string }
  | { kind: LinkProof.LAST_CHARGE_AMOUNT; value: number }
  | { kind: LinkProof.METER_READING; value: string };

function readProof(kind: LinkProof, raw: string | null | undefined): Proof | { error: UserError } {
  if (kind === LinkProof.NONE) return { kind };
  const prompt = PROOF_PROMPTS[kind];
  const text = (raw ?? '').trim();
  if (!text) return { error: UserError.of('proof', 'PROOF_REQUIRED', prompt.required) };
  const invalid = { error: UserError.of('proof', 'PROOF_INVALID', prompt.invalid) };
  switch (kind) {
    case LinkProof.RECEIPT_PIN:
      return PIN.test(text) ? { kind, value: text } : invalid;
    case LinkProof.LAST_CHARGE_AMOUNT: {
      const kopecks = parseRubles(text);
      return kopecks === null ? invalid : { kind, value: kopecks };
    }
    case LinkProof.METER_READING: {
      const reading = readingText(text);
      return reading === null ? invalid : { kind, value: reading };
    }
  }
}

function tooManyForNumber(waitSeconds: number): UserError {
  return UserError.of(
    'number',
    'RATE_LIMITED',
    `Слишком много попыток подключить лицевой счёт с этим номером. Попробуйте через ${minutesOf(waitSeconds)} мин. ` +
      'или напишите в поддержку.',
  );
}

function tooManyFromAddress(waitSeconds: number): UserError {
  return UserError.of(
    null,
    'RATE_LIMITED',
    `Слишком много попыток подключения лицевых счетов с Вашего адреса. Попробуйте через ${minutesOf(waitSeconds)} мин. ` +
      'или напишите в поддержку.',
  );
}

function minutesOf(waitSeconds: number): number {
  return Math.max(1, Math.ceil(waitSeconds / 60));
}

function tooManyAttempts(waitSeconds: number): UserError {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return UserError.of(
    null,
    'RATE_LIMITED',
    `Слишком много неудачных попыток подключения. Попробуйте через ${minutes} мин. или напишите в поддержку.`,
  );
}
