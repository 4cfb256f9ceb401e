// GraphQL entry points for linking and unlinking personal accounts (a confirmed abonent, see permissions).
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { AccountsContext } from '../accounts.context.js';
import { LinkService } from './link.service.js';
import { LinkPersonalAccountInput } from './link.inputs.js';
import { LinkPersonalAccountPayload, UnlinkPersonalAccountPayload } from './link.payloads.js';

function abonentIdOf(ctx: AccountsContext): string {
  if (ctx.caller.kind !== 'abonent') throw new Error('an abonent operation reached without an abonent caller');
  return ctx.caller.abonentId;
}

@Resolver()
export class LinkResolver {
  @Mutation(() => LinkPersonalAccountPayload, {
    description:
      'Links a personal account to the cabinet: the number and the proof the supplier asks for must match its ' +
      'registry. Linking an account already linked is harmless. Failed attempts are limited per abonent; guesses ' +
      '(failures, and new links where the supplier asks for no proof) per account number and per client address.',
  })
  linkPersonalAccount(
    @Arg('input', () => LinkPersonalAccountInput, {
      description: 'The supplier, the account number and the proof, as on the receipt.',
    })
    input: LinkPersonalAccountInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<LinkPersonalAccountPayload> {
    return new LinkService(ctx).link(abonentIdOf(ctx), input);
  }

  @Mutation(() => UnlinkPersonalAccountPayload, { description: 'Removes a personal account from the cabinet.' })
  unlinkPersonalAccount(
    @Arg('id', () => ID, { description: 'The `PersonalAccount.id` of an account linked to the cabinet.' }) id: string,
    @Ctx() ctx: AccountsContext,
  ): Promise<UnlinkPersonalAccountPayload> {
    return new LinkService(ctx).unlink(abonentIdOf(ctx), id);
  }
}
