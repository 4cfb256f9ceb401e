// The partner API of the registry: a supplier's billing system writes and exports its own accounts only.
import { Arg, Ctx, GraphQLISODateTime, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AccountsContext } from '../accounts.context.js';
import { PartnerAccountsService } from './partner-accounts.service.js';
import {
  SetBalancesInput,
  SetTariffsInput,
  UpsertChargesInput,
  UpsertPersonalAccountsInput,
} from './partner-accounts.inputs.js';
import { PartnerWritePayload } from '../../../core/partner-payloads.js';
import { PersonalAccountPage } from './partner-accounts.payloads.js';

function serviceFor(ctx: AccountsContext): PartnerAccountsService {
  if (ctx.caller.kind !== 'partner') throw new Error('a partner operation reached without a partner caller');
  return new PartnerAccountsService(ctx.em, ctx.caller.supplierId, ctx.queue, ctx.clock.now());
}

@Resolver()
export class PartnerAccountsResolver {
  @Mutation(() => PartnerWritePayload, {
    description: 'Creates or updates accounts by number (idempotent). Any bad row refuses the whole call.',
  })
  upsertPersonalAccounts(
    @Arg('input', () => UpsertPersonalAccountsInput, { description: 'The accounts to write.' })
    input: UpsertPersonalAccountsInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<PartnerWritePayload> {
    return serviceFor(ctx).upsertAccounts(input.accounts);
  }

  @Mutation(() => PartnerWritePayload, {
    description: 'Creates or replaces monthly charges (one per account and month).',
  })
  upsertCharges(
    @Arg('input', () => UpsertChargesInput, { description: 'The charges to write.' }) input: UpsertChargesInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<PartnerWritePayload> {
    return serviceFor(ctx).upsertCharges(input.charges);
  }

  @Mutation(() => PartnerWritePayload, { description: 'Sets balances; one older than the balance held is ignored.' })
  setBalances(
    @Arg('input', () => SetBalancesInput, { description: 'The balances to set.' }) input: SetBalancesInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<PartnerWritePayload> {
    return serviceFor(ctx).setBalances(input.balances);
  }

  @Mutation(() => PartnerWritePayload, { description: 'Replaces the tariffs of the given accounts.' })
  setTariffs(
    @Arg('input', () => SetTariffsInput, { description: 'The accounts and their new tariffs.' }) input: SetTariffsInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<PartnerWritePayload> {
    return serviceFor(ctx).setTariffs(input.accounts);
  }

  @Query(() => PersonalAccountPage, {
    description: "The partner's supplier's accounts, in a stable order (last change, then id), a page at a time.",
  })
  partnerAccounts(
    @Ctx() ctx: AccountsContext,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1 to 1000.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: '`pageInfo.endCursor` of the previous page; left out for the first page.',
    })
    after?: string | null,
    @Arg('updatedSince', () => GraphQLISODateTime, { nullable: true, description: 'Only accounts changed since.' })
    updatedSince?: Date | null,
  ): Promise<PersonalAccountPage> {
    return serviceFor(ctx).page({ first, after, updatedSince });
  }
}
