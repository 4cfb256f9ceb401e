// Reading personal accounts: one by id, an abonent's list, and the fields batched by DataLoader.
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { AccountsContext } from '../accounts.context.js';
import { Supplier } from '../supplier/supplier.entity.js';
import { currentMonth } from '@kabinet/common/calendar';
import { DEFAULT_CHARGE_MONTHS, monthRange } from './months.js';
import {
  checkNoticePeriod,
  countCostlyField,
  countNotice,
  NOTICE_MONTHS_BACK,
  paymentNotice,
} from './payment-notice.js';
import { paymentQrPayload } from './payment-qr.js';
import { Charge, PaymentNotice, PaymentQr, PersonalAccount, Tariff } from './personal-account.types.js';

/** The identity subgraph's Abonent, extended with the accounts they have linked. */
@Directive('@key(fields: "id")')
@ObjectType('Abonent')
export class AbonentAccounts {
  @Field(() => ID, { description: "Kabinet's id of the abonent (a UUID)." })
  id!: string;
}

@Resolver(() => AbonentAccounts)
export class AbonentAccountsResolver {
  @FieldResolver(() => [PersonalAccount], { description: 'The personal accounts this abonent has linked.' })
  accounts(@Root() abonent: AbonentAccounts, @Ctx() ctx: AccountsContext): Promise<PersonalAccount[]> {
    return ctx.loaders.accountsByAbonent.load(abonent.id);
  }
}

@Resolver(() => PersonalAccount)
export class PersonalAccountResolver {
  @Query(() => PersonalAccount, {
    nullable: true,
    description: 'An account the caller may see (linked by the abonent, or of the partner’s supplier), else null.',
  })
  personalAccount(
    @Arg('id', () => ID, { description: 'The `PersonalAccount.id`.' }) id: string,
    @Ctx() ctx: AccountsContext,
  ): Promise<PersonalAccount | null> {
    return ctx.loaders.visibleAccountById.load(id);
  }

  @FieldResolver(() => Supplier, { description: 'The supplier in whose registry the account is.' })
  async supplier(@Root() account: PersonalAccount, @Ctx() ctx: AccountsContext): Promise<Supplier> {
    const supplier = await ctx.loaders.supplierById.load(account.supplierId);
    if (!supplier) throw new Error(`supplier ${account.supplierId} of account ${account.id} is missing`);
    return supplier;
  }

  @FieldResolver(() => [Tariff], { description: 'Tariffs by service, the newest period first.' })
  tariffs(@Root() account: PersonalAccount, @Ctx() ctx: AccountsContext): Promise<Tariff[]> {
    return ctx.loaders.tariffsByAccount.load(account.id);
  }

  @FieldResolver(() => [Charge], {
    description: 'Monthly charges from…to (YYYY-MM, inclusive), newest first; by default the last 12 charges.',
  })
  async charges(
    @Root() account: PersonalAccount,
    @Ctx() ctx: AccountsContext,
    @Arg('from', () => String, {
      nullable: true,
      description:
        'The first month, YYYY-MM, inclusive; by default 11 months before `to`. Later than `to`: BAD_USER_INPUT.',
    })
    from?: string | null,
    @Arg('to', () => String, {
      nullable: true,
      description:
        'The last month, YYYY-MM, inclusive; by default 11 months after `from`, or the current month when neither is given.',
    })
    to?: string | null,
  ): Promise<Charge[]> {
    const [first, last] = monthRange({ from, to }, ctx.clock.now());
    const charges = await ctx.loaders.chargesByAccount(first, last).load(account.id);
    return from == null && to == null ? charges.slice(0, DEFAULT_CHARGE_MONTHS) : charges;
  }

  @FieldResolver(() => PaymentQr, {
    nullable: true,
    description:
      'The payment QR code for the amount due net of online payments the billing has not posted yet ' +
      '(ГОСТ Р 56042-2014); null until the supplier gives bank details.',
  })
  async paymentQr(@Root() account: PersonalAccount, @Ctx() ctx: AccountsContext): Promise<PaymentQr | null> {
    const bank = (await ctx.loaders.supplierById.load(account.supplierId))?.bankDetails;
    if (!bank) return null;
    const { period, amount } = await amountDue(account, ctx);
    return Object.assign(new PaymentQr(), {
      payload: paymentQrPayload({ bank, accountNumber: account.number, amount, period }),
      amount,
      period,
    });
  }

  @FieldResolver(() => PaymentNotice, {
    nullable: true,
    description:
      'The payment notice (извещение, form ПД-4) with the payment QR code, as a PDF; null until the supplier gives ' +
      'bank details. For the latest charged month (the default) it carries the amount due (net of online payments ' +
      'the billing has not posted yet), for an earlier month ' +
      "that month's charge.",
  })
  async paymentNotice(
    @Root() account: PersonalAccount,
    @Ctx() ctx: AccountsContext,
    @Arg('period', () => String, {
      nullable: true,
      description: `The month, YYYY-MM: at most ${NOTICE_MONTHS_BACK} months back, not in the future. By default the latest charged one.`,
    })
    period?: string | null,
  ): Promise<PaymentNotice | null> {
    const createdAt = ctx.clock.now();
    const asked = period == null ? null : checkNoticePeriod(period, createdAt);
    const bank = (await ctx.loaders.supplierById.load(account.supplierId))?.bankDetails;
    if (!bank) return null;
    countNotice(ctx.loaders);
    await countCostlyField(ctx);
    const due = await amountDue(account, ctx);
    let amount = due.amount;
    if (asked !== null && asked !== due.period) {
      const [charge] = await ctx.loaders.chargesByAccount(`${asked}-01`, `${asked}-01`).load(account.id);
      amount = charge && charge.amount > 0 ? charge.amount : null;
    }
    return paymentNotice({
      bank,
      accountNumber: account.number,
      holder: account.holder,
      address: account.address,
      amount,
      period: asked ?? due.period,
      createdAt,
    });
  }

  @FieldResolver(() => String, { description: "The holder's full name (partners only; abonents see `holder`)." })
  holderName(@Root() account: PersonalAccount): string {
    return account.holderName;
  }
}

/**
 * What is due now, for the latest charged month (this month before any charge): the debt less what was paid online
 * after the balance was recorded (null when nothing is left), the same figure as payments' `amountDue.due`.
 */
async function amountDue(
  account: PersonalAccount,
  ctx: AccountsContext,
): Promise<{ period: string; amount: number | null }> {
  const now = ctx.clock.now();
  const [first, last] = monthRange({}, now);
  const [[latest], unposted] = await Promise.all([
    ctx.loaders.chargesByAccount(first, last).load(account.id),
    ctx.loaders.unpostedByAccount.load(account.id),
  ]);
  const due = account.balance.debt - unposted;
  return { period: latest?.month ?? currentMonth(now), amount: due > 0 ? due : null };
}
