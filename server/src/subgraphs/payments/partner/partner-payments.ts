// The payments export for the supplier's billing: every payment of its accounts, in the order their status last
// changed, so billing posts succeeded ones (and reverses refunds) by paging from its last cursor.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, GraphQLISODateTime, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { keysetPage, type KeysetArgs } from '../../../core/cursor.js';
import { MAX_ROWS, PageInfo } from '../../../core/partner-payloads.js';
import type { PaymentsContext } from '../payments.context.js';
import { Payment, type PaymentRow } from '../payment/payment.types.js';

@ObjectType({ description: 'A page of payments in a stable order (status change time, then id).' })
export class PartnerPaymentPage {
  @Field(() => [Payment], { description: 'The payments of this page, at most `first`.' })
  nodes!: Payment[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;
}

export function partnerPaymentsPage(
  em: EntityManager,
  supplierId: string,
  args: KeysetArgs,
): Promise<PartnerPaymentPage> {
  return keysetPage<PaymentRow & { cursor_time: string }, Payment>(
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
    (row) => Payment.fromRow(row, null),
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
    @Arg('after', () => String, {
      nullable: true,
      description: '`pageInfo.endCursor` of the previous page; left out for the first page.',
    })
    after?: string | null,
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
