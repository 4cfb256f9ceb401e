// Starting a payment: checks, the readings through metering's rules, one payment per idempotency key, then the
// payment at the acquirer. A payment is recorded (CREATED) before the acquirer is asked, with our id as the
// acquirer's idempotence key, so a timeout never makes a second payment: the retry (or reconciliation) asks again
// with the same key and gets the same one.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseDecimal } from '@kabinet/common/decimal';
import { formatMoney } from '@kabinet/common/money';
import { runSql } from '../../../core/sql.js';
import { ReadingZone } from '../../metering/meter/meter.types.js';
import { failed, succeeded, UserError } from '../../../core/user-error.js';
import type { PaymentsContext } from '../payments.context.js';
import { createPaymentProvider } from '../provider/index.js';
import { ProviderError, type PaymentProvider } from '../provider/provider.js';
import type { StartPaymentInput } from './payment.inputs.js';
import { StartPaymentPayload } from './payment.payloads.js';
import {
  Payment,
  PAYMENT_UNAVAILABLE_REASON,
  PaymentPurpose,
  PaymentStatus,
  type PaymentRow,
} from './payment.types.js';
import { receiptItemDescription } from './receipt-letter.js';
import { applyProviderState, type StatusDependencies, type StatusSource } from './status.js';
import { amountDue } from './amount-due.js';
import { debtInProgress, openDebtPayment } from './debt-in-progress.js';
import { payloadCode, type PayloadCode } from '../../../core/payload-codes.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_KOPECKS = 100;

/** Readings sent with a payment are submitted under this key, so a retried start never submits them twice. */
export function readingsKey(paymentKey: string): string {
  return `payment:${paymentKey}`;
}

const SUBMIT_READINGS = `
  mutation PaymentReadings($input: SubmitReadingsInput!) {
    submitReadings(input: $input) {
      ok
      errors { field code message }
      results { meterId zone status code message }
    }
  }`;

interface SubmitReadingsAnswer {
  submitReadings: {
    ok: boolean;
    errors: Array<{ field: string | null; code: string; message: string }>;
    results: Array<{ meterId: string; zone: ReadingZone; status: string; code: string | null; message: string | null }>;
  };
}

export class StartPaymentService {
  private readonly provider: PaymentProvider;

  constructor(private readonly ctx: PaymentsContext) {
    this.provider = createPaymentProvider(ctx);
  }

  async start(abonentId: string, input: StartPaymentInput): Promise<StartPaymentPayload> {
    const problems = this.validate(input);
    if (problems.length) return failed(StartPaymentPayload, problems, { payment: null, confirmationUrl: null });
    const hashes = requestHashes(input);

    const existing = await this.byKey(abonentId, input.idempotencyKey);
    if (existing) return this.resume(existing, hashes);

    const [account] = await runSql<
      Array<{ id: string; supplier_id: string; number: string; payee_name: string | null }>
    >(
      this.ctx.em,
      `select a."id", a."supplier_id", a."number", s."payee_name"
         from "payments"."account" a
         join "payments"."account_access" x on x."account_id" = a."id" and x."abonent_id" = ? and x."linked"
         left join "payments"."supplier" s on s."id" = a."supplier_id"
        where a."id" = ?`,
      [abonentId, input.accountId],
    );
    if (!account) {
      return this.refuse('accountId', 'ACCOUNT_NOT_FOUND', 'Лицевой счёт не подключён к кабинету.');
    }
    if (!account.payee_name) {
      return this.refuse('accountId', 'PAYMENT_UNAVAILABLE', PAYMENT_UNAVAILABLE_REASON);
    }
    let amount: number;
    if (input.purpose === PaymentPurpose.DEBT) {
      const [due] = await amountDue(this.ctx.em, [account.id]);
      if (due!.debt === null) {
        return this.refuse('purpose', 'DEBT_UNKNOWN', 'Сумма долга ещё не известна: укажите сумму сами.');
      }
      if (due!.due <= 0) return this.refuse('purpose', 'NOTHING_DUE', 'Задолженности нет: укажите сумму сами.');
      if (due!.due > this.ctx.config.payments.maxKopecks) {
        return this.refuse('purpose', 'AMOUNT_TOO_LARGE', this.tooLarge());
      }
      amount = due!.due;
      const open = await openDebtPayment(this.ctx.em, account.id);
      if (open) return debtInProgress(open, abonentId);
    } else {
      amount = input.amount!;
    }

    let readingsSubmitted = 0;
    if (input.readings?.length) {
      const refusals = await this.submitReadings(input);
      if (refusals.length) return failed(StartPaymentPayload, refusals, { payment: null, confirmationUrl: null });
      readingsSubmitted = input.readings.length;
    }

    const id = randomUUID();
    const inserted = await this.ctx.em.transactional(async (tx) => {
      if (input.purpose === PaymentPurpose.DEBT) {
        // Two DEBT starts at once: the account's row lock makes the second wait and then see the first.
        await runSql(tx, `select 1 from "payments"."account" where "id" = ? for update`, [account.id]);
        const open = await openDebtPayment(tx, account.id);
        if (open) return { open };
      }
      const [row] = await runSql<PaymentRow[]>(
        tx,
        `insert into "payments"."payment" ("id", "abonent_id", "account_id", "supplier_id", "account_number", "purpose",
           "amount_kopecks", "status", "provider", "return_url", "receipt_email", "idempotency_key", "request_hash",
           "readings_submitted")
         values (?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?)
         on conflict on constraint "payment_idempotency_key_unique" do nothing
         returning *`,
        [
          id,
          abonentId,
          account.id,
          account.supplier_id,
          account.number,
          input.purpose,
          amount,
          this.provider.name,
          withPaymentId(input.returnUrl, id),
          input.receiptEmail.trim(),
          input.idempotencyKey,
          hashes[0],
          readingsSubmitted,
        ],
      );
      if (row) {
        await runSql(
          tx,
          `insert into "payments"."status_change" ("payment_id", "from_status", "to_status", "source")
           values (?, null, 'CREATED', 'start')`,
          [id],
        );
      }
      return row;
    });
    if (inserted && 'open' in inserted) return debtInProgress(inserted.open, abonentId);
    // Lost a race with the same key sent twice at once: the other call's payment is the one.
    if (!inserted) return this.resume((await this.byKey(abonentId, input.idempotencyKey))!, hashes);
    return this.openAtProvider(inserted);
  }

  /** A repeated start: the same payment, asked at the acquirer again if that never succeeded. */
  private async resume(row: PaymentRow, hashes: readonly string[]): Promise<StartPaymentPayload> {
    if (!hashes.includes(row.request_hash)) {
      return this.refuse(
        'idempotencyKey',
        'IDEMPOTENCY_KEY_REUSED',
        'Этот ключ уже использован для другого платежа: начните оплату заново.',
      );
    }
    if (row.status === PaymentStatus.CREATED) return this.openAtProvider(row);
    return this.answer(row);
  }

  private async openAtProvider(row: PaymentRow): Promise<StartPaymentPayload> {
    const outcome = await openAtProvider(this.ctx.em, this.provider, this.statusDeps(), row);
    const current = (await this.byKey(row.abonent_id, row.idempotency_key))!;
    if (outcome === 'unavailable') {
      return failed(
        StartPaymentPayload,
        [UserError.of(null, 'PROVIDER_UNAVAILABLE', 'Платёжный сервис не отвечает. Повторите попытку через минуту.')],
        { payment: Payment.fromRow(current, row.abonent_id), confirmationUrl: null },
      );
    }
    return this.answer(current);
  }

  private answer(row: PaymentRow): StartPaymentPayload {
    const payment = Payment.fromRow(row, row.abonent_id);
    if (row.status === PaymentStatus.CANCELED && row.cancellation_reason === 'provider_refused') {
      return failed(
        StartPaymentPayload,
        [UserError.of(null, 'PROVIDER_REFUSED', 'Платёжный сервис не принял платёж. Попробуйте позже.')],
        { payment, confirmationUrl: null },
      );
    }
    return succeeded(StartPaymentPayload, { payment, confirmationUrl: payment.confirmationUrl });
  }

  private async submitReadings(input: StartPaymentInput): Promise<UserError[]> {
    const readings = input.readings!;
    const subgraphs = this.ctx.subgraphs;
    if (!subgraphs) throw new Error('payments needs a subgraph client to submit readings');
    const result = await subgraphs
      .execute<SubmitReadingsAnswer>('metering', { ...this.ctx, origin: 'payments' }, SUBMIT_READINGS, {
        input: { accountId: input.accountId, readings, idempotencyKey: readingsKey(input.idempotencyKey) },
      })
      .catch((error: unknown) => {
        this.ctx.log.warn({ err: error }, 'readings with a payment: metering did not answer');
        return null;
      });
    const answer = result?.data?.submitReadings;
    if (!answer) {
      if (result?.errors)
        this.ctx.log.warn({ errors: result.errors }, 'readings with a payment: metering refused the call');
      return [
        UserError.of(
          'readings',
          'READINGS_UNAVAILABLE',
          'Не удалось передать показания. Повторите попытку через минуту.',
        ),
      ];
    }
    if (answer.ok) return [];
    // Problems of the submission as a whole (the account not linked yet for metering) concern the readings field;
    // a refused reading is `readings.<index>`.
    const refusals = answer.errors.map((e) =>
      UserError.of('readings', payloadCode(e.code, 'READINGS_REFUSED'), e.message),
    );
    answer.results.forEach((r) => {
      if (r.status !== 'REFUSED') return;
      const index = readings.findIndex(
        (given) => given.meterId === r.meterId && (given.zone ?? ReadingZone.TOTAL) === r.zone,
      );
      refusals.push(
        UserError.of(`readings.${index}`, payloadCode(r.code, 'READING_REFUSED'), r.message ?? 'Показание не принято.'),
      );
    });
    return refusals.length ? refusals : [UserError.of('readings', 'READINGS_REFUSED', 'Показания не приняты.')];
  }

  private validate(input: StartPaymentInput): UserError[] {
    const errors: UserError[] = [];
    const { maxKopecks } = this.ctx.config.payments;
    if (input.purpose === PaymentPurpose.DEBT && input.amount != null) {
      errors.push(UserError.of('amount', 'AMOUNT_NOT_EXPECTED', 'При оплате долга сумму не указывают.'));
    }
    if (input.purpose === PaymentPurpose.CUSTOM) {
      if (input.amount == null) errors.push(UserError.of('amount', 'AMOUNT_REQUIRED', 'Укажите сумму.'));
      else if (input.amount < MIN_KOPECKS) {
        errors.push(UserError.of('amount', 'AMOUNT_TOO_SMALL', `Сумма — не меньше ${formatMoney(MIN_KOPECKS)}.`));
      } else if (input.amount > maxKopecks) errors.push(UserError.of('amount', 'AMOUNT_TOO_LARGE', this.tooLarge()));
    }
    const email = input.receiptEmail.trim();
    if (!EMAIL.test(email) || email.length > 254) {
      errors.push(UserError.of('receiptEmail', 'EMAIL_INVALID', 'Укажите адрес электронной почты для чека.'));
    }
    if (input.idempotencyKey.length < 8 || input.idempotencyKey.length > 80) {
      errors.push(
        UserError.of('idempotencyKey', 'IDEMPOTENCY_KEY_INVALID', 'Ключ идемпотентности: от 8 до 80 символов.'),
      );
    }
    if (!isOwnPage(input.returnUrl, this.ctx.config.publicUrl)) {
      errors.push(UserError.of('returnUrl', 'RETURN_URL_INVALID', 'Адрес возврата должен вести на страницу кабинета.'));
    }
    return errors;
  }

  private tooLarge(): string {
    return `Сумма одного платежа — не больше ${formatMoney(this.ctx.config.payments.maxKopecks)}.`;
  }

  private refuse(field: string, code: PayloadCode, message: string): StartPaymentPayload {
    return failed(StartPaymentPayload, [UserError.of(field, code, message)], { payment: null, confirmationUrl: null });
  }

  private async byKey(abonentId: string, key: string): Promise<PaymentRow | undefined> {
    const [row] = await runSql<PaymentRow[]>(
      this.ctx.em,
      `select * from "payments"."payment" where "abonent_id" = ? and "idempotency_key" = ?`,
      [abonentId, key],
    );
    return row;
  }

  private statusDeps(): StatusDependencies {
    return { config: this.ctx.config, queue: this.ctx.queue, log: this.ctx.log, metrics: this.ctx.metrics };
  }
}

/**
 * Creates the payment at the acquirer (again, for a CREATED one: the key is our id, so the acquirer answers with
 * the same payment) and applies what it answers. 'unavailable': the acquirer could not be reached; the payment
 * stays CREATED for a retry or reconciliation.
 */
export async function openAtProvider(
  em: EntityManager,
  provider: PaymentProvider,
  deps: StatusDependencies,
  row: PaymentRow,
  source: StatusSource = 'start',
): Promise<'opened' | 'unavailable' | 'refused'> {
  const amount = Number(row.amount_kopecks);
  try {
    const reported = await provider.create({
      paymentId: row.id,
      idempotenceKey: row.id,
      amountKopecks: amount,
      description: `Оплата за газ, лицевой счёт ${row.account_number}`,
      returnUrl: row.return_url,
      receipt: {
        email: row.receipt_email,
        items: [
          {
            description: receiptItemDescription(row.account_number),
            amountKopecks: amount,
            quantity: 1,
            vatRate: deps.config.payments.receiptVatRate,
          },
        ],
      },
    });
    await applyProviderState(em, deps, { paymentId: row.id, provider: row.provider, reported, source });
    return 'opened';
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable) {
      deps.log.error({ err: error, paymentId: row.id }, 'the acquirer refused a payment');
      await em.transactional(async (tx) => {
        const [changed] = await runSql<unknown[]>(
          tx,
          `update "payments"."payment" set "status" = 'CANCELED', "cancellation_reason" = 'provider_refused',
                  "status_changed_at" = clock_timestamp()
            where "id" = ? and "status" = 'CREATED' returning 1`,
          [row.id],
        );
        if (changed) {
          await runSql(
            tx,
            `insert into "payments"."status_change" ("payment_id", "from_status", "to_status", "source")
             values (?, 'CREATED', 'CANCELED', ?)`,
            [row.id, source],
          );
        }
      });
      return 'refused';
    }
    deps.log.warn({ err: error, paymentId: row.id }, 'the acquirer did not answer; the payment stays CREATED');
    return 'unavailable';
  }
}

/**
 * What makes two starts the same request: the first hash is what is stored now, with each reading's value in
 * canonical form ("12,50" is "12.5"); a payment started before that was stored with the value as written, so its
 * hash is the second. A start matching either is the same request.
 */
function requestHashes(input: StartPaymentInput): [string, string] {
  const hash = (value: (written: string) => string) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          input.accountId,
          input.purpose,
          input.amount ?? null,
          (input.readings ?? []).map((r) => [
            r.meterId,
            r.zone ?? 'TOTAL',
            value(r.value),
            r.confirmRollover ?? false,
            r.confirmImplausible ?? false,
          ]),
          input.receiptEmail.trim(),
          input.returnUrl,
        ]),
      )
      .digest('hex');
  return [hash((written) => parseDecimal(written)?.text ?? written), hash((written) => written)];
}

function isOwnPage(url: string, publicUrl: string): boolean {
  try {
    const target = new URL(url);
    return target.origin === new URL(publicUrl).origin && url.length <= 500;
  } catch {
    return false;
  }
}

/** The return address with `payment=<id>`, so the result page knows which payment to follow. */
function withPaymentId(returnUrl: string, paymentId: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set('payment', paymentId);
  return url.toString();
}
