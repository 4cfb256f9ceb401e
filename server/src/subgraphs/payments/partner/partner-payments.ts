// The payments export for the supplier's billing: every payment of its accounts, in the order their status last
// changed, so billing posts succeeded ones (and reverses refunds) by paging from its last cursor.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { keysetPage, type KeysetArgs } from '../../../core/cursor.js';
import { MAX_ROWS, PageInfo } from '../../../core/partner-payloads.js';
import type { PaymentsContext } from '../payments.context.js';
import { PaymentPurpose, PaymentStatus, type PaymentRow } from '../payment/payment.types.js';

@ObjectType({ description: 'A payment as billing posts it.' })
export class PartnerPayment {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  accountNumber!: string;

  @Field(() => PaymentPurpose)
  purpose!: PaymentPurpose;

  @Field(() => Int, { description: 'Kopecks.' })
  amount!: number;

  @Field(() => Int, { description: 'Kopecks refunded.' })
  refunded!: number;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => String, { description: 'The acquirer: sandbox or yookassa.' })
  provider!: string;

  @Field(() => String, { nullable: true, description: "The acquirer's payment id (for its registry)." })
  providerPaymentId!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  succeededAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When the status last changed: the order of the export.' })
  statusChangedAt!: Date;

  @Field(() => Int, { description: 'Readings submitted with it (they are in partnerReadings).' })
  readingsSubmitted!: number;
}

@ObjectType({ description: 'A page of payments in a stable order (status change time, then id).' })
export class PartnerPaymentPage {
  @Field(() => [PartnerPayment])
  nodes!: PartnerPayment[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

export function partnerPaymentsPage(
  em: EntityManager,
  supplierId: string,
  args: KeysetArgs,
): Promise<PartnerPaymentPage> {
  return keysetPage<PaymentRow & { cursor_time: string }, PartnerPayment>(
    em,
    args,
    {
      select: `select p.*, p."status_changed_at"::text as "cursor_time" from "payments"."payment" p`,
      time: 'p."status_changed_at"',
      id: 'p."id"',
      where: 'p."supplier_id" = ?',
      params: [supplierId],
      maxPage: MAX_ROWS,
    },
    (r) =>
      Object.assign(new PartnerPayment(), {
        id: r.id,
        accountNumber: r.account_number,
        purpose: r.purpose,
        amount: Number(r.amount_kopecks),
        refunded: Number(r.refunded_kopecks),
        status: r.status,
        provider: r.provider,
        providerPaymentId: r.provider_payment_id,
        createdAt: r.created_at,
        succeededAt: r.succeeded_at,
        statusChangedAt: r.status_changed_at,
        readingsSubmitted: r.readings_submitted,
      }),
  );
}

@Resolver()
export class PartnerPaymentsResolver {
  @Query(() => PartnerPaymentPage, {
    description: "The partner's supplier's payments, in the order their status last changed (then id).",
  })
  partnerPayments(
    @Ctx() ctx: PaymentsContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1 to 1000.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('since', () => GraphQLISODateTime, {
      nullable: true,
      description: 'Only payments whose status changed since.',
    })
    since?: Date | null,
  ): Promise<PartnerPaymentPage> {
    if (ctx.caller.kind !== 'partner') throw new Error('a partner operation reached without a partner caller');
    return partnerPaymentsPage(ctx.em, ctx.caller.supplierId, { first, after, since });
  }
}
