// GraphQL entry points for abonents paying online, and the payments on an account's page.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../../core/errors.js';
import { runSql } from '../../../core/sql.js';
import type { PaymentsContext } from '../payments.context.js';
import { createPaymentProvider } from '../provider/index.js';
import { StartPaymentInput } from './payment.inputs.js';
import { StartPaymentPayload } from './payment.payloads.js';
import { AccountPayments, AmountDue, OnlinePayment, Payment, PaymentStatus, type PaymentRow } from './payment.types.js';
import { StartPaymentService } from './start.service.js';
import { refreshFromProvider } from './reconcile.js';

const MAX_HISTORY = 50;

function abonentOf(ctx: PaymentsContext): string {
  if (ctx.caller.kind !== 'abonent') throw new Error('an abonent operation reached without an abonent caller');
  return ctx.caller.abonentId;
}

@Resolver(() => AccountPayments)
export class AccountPaymentsResolver {
  @FieldResolver(() => [Payment], {
    nullable: true,
    description: 'Online payments for this account, newest first (null when payments cannot be read now).',
  })
  payments(
    @Root() account: AccountPayments,
    @Ctx() ctx: PaymentsContext,
    @Arg('last', () => Int, { defaultValue: 10, description: `1 to ${MAX_HISTORY}.` }) last: number,
  ): Promise<Payment[]> {
    if (!Number.isInteger(last) || last < 1 || last > MAX_HISTORY) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `last — от 1 до ${MAX_HISTORY}.`, { field: 'last' });
    }
    return ctx.loaders.paymentsByAccount(last).load(account.id);
  }

  @FieldResolver(() => OnlinePayment, { description: 'Whether startPayment takes this account now, and if not, why.' })
  onlinePayment(@Root() account: AccountPayments, @Ctx() ctx: PaymentsContext): Promise<OnlinePayment> {
    return ctx.loaders.onlinePaymentByAccount.load(account.id);
  }

  @FieldResolver(() => AmountDue, {
    nullable: true,
    description: "What to pay now: the billing's debt less online payments it has not posted yet.",
  })
  amountDue(@Root() account: AccountPayments, @Ctx() ctx: PaymentsContext): Promise<AmountDue> {
    return ctx.loaders.amountDueByAccount.load(account.id);
  }
}

@Resolver()
export class PaymentResolver {
  @Query(() => Payment, { nullable: true, description: "One of the caller's payments (a partner: its supplier's)." })
  async payment(
    @Arg('id', () => ID, { description: 'The `Payment.id`.' }) id: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment | null> {
    const row = await visiblePayment(ctx, id);
    return row ? Payment.fromRow(row, ctx.caller.kind === 'abonent' ? ctx.caller.abonentId : null) : null;
  }

  @Mutation(() => StartPaymentPayload, {
    description:
      'Starts an online payment of the current debt or of a chosen amount, with readings if given (metering checks ' +
      'them first; if any is refused, no payment starts). The same idempotency key returns the same payment.',
  })
  startPayment(
    @Arg('input', () => StartPaymentInput, { description: 'What to pay for which account, with the readings to send.' })
    input: StartPaymentInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<StartPaymentPayload> {
    return new StartPaymentService(ctx).start(abonentOf(ctx), input);
  }

  @Mutation(() => Payment, {
    nullable: true,
    description:
      "Asks the acquirer about one of the caller's payments that is not final yet (the result page after the " +
      'payment page) and returns it as it is now; null when there is no such payment.',
  })
  async checkPayment(
    @Arg('id', () => ID, { description: 'The `Payment.id`, as the return page gets it (`payment=<id>`).' }) id: string,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment | null> {
    const abonentId = abonentOf(ctx);
    let row = await visiblePayment(ctx, id);
    if (!row) return null;
    if (row.status === PaymentStatus.CREATED || row.status === PaymentStatus.PENDING) {
      const provider = createPaymentProvider(ctx);
      await refreshFromProvider(ctx.em, provider, { config: ctx.config, queue: ctx.queue, log: ctx.log }, row, 'check');
      row = (await visiblePayment(ctx, id))!;
    }
    return Payment.fromRow(row, abonentId);
  }
}

async function visiblePayment(ctx: PaymentsContext, id: string): Promise<PaymentRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const caller = ctx.caller;
  const [owner, value] =
    caller.kind === 'abonent'
      ? ['abonent_id', caller.abonentId]
      : caller.kind === 'partner'
        ? ['supplier_id', caller.supplierId]
        : [];
  if (!owner) return null;
  const [row] = await runSql<PaymentRow[]>(
    ctx.em,
    `select * from "payments"."payment" where "id" = ? and "${owner}" = ?`,
    [id, value],
  );
  return row ?? null;
}
