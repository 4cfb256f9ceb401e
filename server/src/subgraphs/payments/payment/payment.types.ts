// A payment as abonents and partners see it, and the amount due that takes unposted payments into account.
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PaymentStatus {
  /** Recorded by Kabinet; the acquirer has not confirmed it has the payment yet. */
  CREATED = 'CREATED',
  /** The acquirer waits for the payer to confirm (card, 3-D Secure). */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  CANCELED = 'CANCELED',
  /** Succeeded, then refunded in full. */
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description:
    'Where a payment stands; it only moves forward: CREATED → PENDING → SUCCEEDED or CANCELED, SUCCEEDED → REFUNDED.',
  valuesConfig: {
    CREATED: { description: 'Recorded by Kabinet; the acquirer has not confirmed it has the payment yet.' },
    PENDING: { description: 'The acquirer waits for the payer to confirm (card, 3-D Secure) on `confirmationUrl`.' },
    SUCCEEDED: { description: 'Paid; a partial refund leaves it SUCCEEDED (see `refunded`).' },
    CANCELED: { description: 'Not paid: see `cancellationCode` and `cancellationReason`.' },
    REFUNDED: { description: 'Succeeded, then refunded in full.' },
  },
});

export enum PaymentPurpose {
  /** The current amount due. */
  DEBT = 'DEBT',
  /** An amount the abonent chose. */
  CUSTOM = 'CUSTOM',
}
registerEnumType(PaymentPurpose, {
  name: 'PaymentPurpose',
  description: 'What a payment pays.',
  valuesConfig: {
    DEBT: { description: 'The amount due when it was started (`PersonalAccount.amountDue.due`).' },
    CUSTOM: { description: 'An amount the abonent chose.' },
  },
});

/** Statuses nothing moves from except by a refund. */
export const FINAL_STATUSES: readonly PaymentStatus[] = [
  PaymentStatus.SUCCEEDED,
  PaymentStatus.CANCELED,
  PaymentStatus.REFUNDED,
];

/** Why an acquirer cancels a payment, in Russian; unknown codes get the general sentence. */
const CANCELLATION_REASONS: Readonly<Record<string, string>> = {
  card_declined: 'Банк отклонил операцию.',
  insufficient_funds: 'Недостаточно средств на карте.',
  card_expired: 'Срок действия карты истёк.',
  card_not_supported: 'Карта не поддерживается.',
  '3d_secure_failed': 'Не пройдена проверка 3-D Secure.',
  expired_on_confirmation: 'Время на оплату истекло.',
  canceled_by_payer: 'Вы отменили оплату, деньги не списаны.',
  canceled_by_merchant: 'Платёж отменён, деньги не списаны.',
  provider_refused: 'Платёжный сервис не принял платёж.',
  fraud_suspected: 'Операция отклонена банком из соображений безопасности.',
};

export function cancellationText(code: string | null): string | null {
  if (code === null) return null;
  return CANCELLATION_REASONS[code] ?? 'Оплата не прошла.';
}

/**
 * Why a supplier's accounts cannot be paid online (it has not given its payee details, so there is no QR code
 * either): the paper receipt is what is left, and the web client adds the supplier's contacts.
 */
export const PAYMENT_UNAVAILABLE_REASON = 'Поставщик пока не принимает оплату онлайн: оплатите по бумажной квитанции.';

/** A payments row as loaders read it. */
export interface PaymentRow {
  id: string;
  abonent_id: string;
  account_id: string;
  supplier_id: string;
  account_number: string;
  purpose: PaymentPurpose;
  amount_kopecks: string | number;
  status: PaymentStatus;
  provider: string;
  provider_payment_id: string | null;
  confirmation_url: string | null;
  return_url: string;
  receipt_email: string;
  idempotency_key: string;
  request_hash: string;
  readings_submitted: number;
  cancellation_reason: string | null;
  refunded_kopecks: string | number;
  /** Timestamps come from raw SQL as PostgreSQL prints them (MikroORM keeps them as text). */
  created_at: string;
  status_changed_at: string;
  succeeded_at: string | null;
}

@ObjectType({ description: 'An online payment for a personal account.' })
export class Payment {
  @Field(() => ID, { description: "Kabinet's id of the payment (a UUID); the return page gets it as `payment=<id>`." })
  id!: string;

  @Field(() => ID, { description: 'The `PersonalAccount.id` paid for.' })
  accountId!: string;

  @Field(() => String, { description: 'The number of the account paid for.' })
  accountNumber!: string;

  @Field(() => PaymentPurpose, { description: 'The debt, or an amount the abonent chose.' })
  purpose!: PaymentPurpose;

  @Field(() => Int, { description: 'Kopecks.' })
  amount!: number;

  @Field(() => PaymentStatus, { description: 'Where the payment stands.' })
  status!: PaymentStatus;

  @Field(() => Boolean, { description: 'The status will not change any more (except by a refund).' })
  final!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why it was canceled: the acquirer's code, e.g. `card_declined`.",
  })
  cancellationCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was canceled, in Russian.' })
  cancellationReason!: string | null;

  @Field(() => Int, { description: 'Kopecks refunded so far.' })
  refunded!: number;

  @Field(() => Int, { description: 'How many readings were submitted with the payment.' })
  readingsSubmitted!: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was started.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the acquirer reported it paid; null until then, and for a canceled payment.',
  })
  succeededAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When the status last changed (the order of the partner export).' })
  statusChangedAt!: Date;

  @Field(() => String, { description: 'The acquirer: sandbox or yookassa.' })
  provider!: string;

  @Field(() => String, { nullable: true, description: "The acquirer's payment id (for its registry)." })
  providerPaymentId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The acquirer's payment page, while the payment waits for the payer (only to the payer).",
  })
  confirmationUrl!: string | null;

  static fromRow(row: PaymentRow, viewerAbonentId: string | null): Payment {
    const status = row.status;
    return Object.assign(new Payment(), {
      id: row.id,
      accountId: row.account_id,
      accountNumber: row.account_number,
      purpose: row.purpose,
      amount: Number(row.amount_kopecks),
      status,
      final: FINAL_STATUSES.includes(status),
      cancellationCode: row.cancellation_reason,
      cancellationReason: cancellationText(row.cancellation_reason),
      refunded: Number(row.refunded_kopecks),
      readingsSubmitted: row.readings_submitted,
      createdAt: new Date(row.created_at),
      succeededAt: row.succeeded_at === null ? null : new Date(row.succeeded_at),
      statusChangedAt: new Date(row.status_changed_at),
      provider: row.provider,
      providerPaymentId: row.provider_payment_id,
      confirmationUrl:
        status === PaymentStatus.PENDING && viewerAbonentId === row.abonent_id ? row.confirmation_url : null,
    });
  }
}

@ObjectType({ description: 'What is due on an account now: the billing balance less payments it has not posted yet.' })
export class AmountDue {
  @Field(() => Int, { nullable: true, description: "The debt in the supplier's last balance (kopecks), if known." })
  debt!: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the balance was computed on.' })
  balanceAsOf!: string | null;

  @Field(() => Int, {
    description: 'Kopecks paid online since that balance was recorded: the billing has not posted them yet.',
  })
  unposted!: number;

  @Field(() => Int, { description: 'What to pay now, in kopecks (0 when nothing is due).' })
  due!: number;

  @Field(() => Int, {
    description:
      'Kopecks paid beyond the debt (an advance): an overpayment in the balance plus online payments beyond it; ' +
      '0 when there is none. The supplier counts it towards the next charges.',
  })
  advance!: number;
}

@ObjectType({ description: 'Whether the caller can pay this account online now, and if not, why.' })
export class OnlinePayment {
  @Field(() => Boolean, { description: 'Whether `startPayment` takes the account now.' })
  available!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '`PAYMENT_UNAVAILABLE` (the supplier takes no online payments) or `NOT_READY` (linked a moment ago).',
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why not, in Russian.' })
  reason!: string | null;
}

/** The accounts subgraph's PersonalAccount, extended with its payments. */
@Directive('@key(fields: "id")')
@ObjectType('PersonalAccount')
export class AccountPayments {
  @Field(() => ID, { description: "Kabinet's id of the account (a UUID)." })
  id!: string;
}
