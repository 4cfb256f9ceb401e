// GraphQL entry points of registration, confirmation, «Выслать ссылку», the abonent's own data and deletion.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { selectsOnly } from '../../../core/selection.js';
import type { IdentityContext } from '../identity.context.js';
import { Abonent } from './abonent.entity.js';
import { RegisterInput } from './abonent.inputs.js';
import {
  ConfirmEmailPayload,
  DeleteCabinetPayload,
  RegisterPayload,
  ResendConfirmationPayload,
} from './abonent.payloads.js';
import { CabinetService } from './cabinet.service.js';
import { RegistrationService } from './registration.service.js';
import { callerAbonentId } from './caller-abonent.js';

@Resolver(() => Abonent)
export class AbonentResolver {
  @Query(() => Abonent, { description: 'The logged-in abonent (also before the e-mail is confirmed).' })
  async me(@Ctx() ctx: IdentityContext, @Info() info: GraphQLResolveInfo): Promise<Abonent> {
    const id = callerAbonentId(ctx);
    // The gateway asks only for the key (`me { __typename id }`) to fetch the rest elsewhere: the session
    // already proved who it is, so no row is read.
    if (selectsOnly(info, ['__typename', 'id'])) return Object.assign(new Abonent(), { id });
    return (await ctx.loaders.abonentById.load(id))!;
  }

  @Mutation(() => RegisterPayload, { description: 'Creates a cabinet and sends the confirmation letter.' })
  register(
    @Arg('input', () => RegisterInput, { description: 'The registration form.' }) input: RegisterInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<RegisterPayload> {
    return new RegistrationService(ctx).register(input);
  }

  @Mutation(() => ConfirmEmailPayload, { description: 'Confirms the e-mail with the token from the letter’s link.' })
  confirmEmail(
    @Arg('token', () => String, { description: 'The token from the confirmation link (`/confirm?token=…`).' })
    token: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<ConfirmEmailPayload> {
    return new RegistrationService(ctx).confirm(token);
  }

  @Mutation(() => ResendConfirmationPayload, {
    description: '«Выслать ссылку»: a new confirmation link; the deadline stays.',
  })
  resendConfirmation(@Ctx() ctx: IdentityContext): Promise<ResendConfirmationPayload> {
    return new RegistrationService(ctx).resend(callerAbonentId(ctx));
  }

  @Mutation(() => DeleteCabinetPayload, { description: 'Deletes the cabinet and the abonent’s data everywhere.' })
  deleteCabinet(
    @Arg('password', () => String, { description: 'The current password, to confirm the deletion.' })
    password: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<DeleteCabinetPayload> {
    return new CabinetService(ctx).delete(callerAbonentId(ctx), password);
  }

  @Mutation(() => Abonent, { description: 'Turns the e-mailed reminders to submit readings on or off.' })
  async setReadingReminders(
    @Arg('enabled', () => Boolean, { description: 'True to receive the reminders, false to stop them.' })
    enabled: boolean,
    @Ctx() ctx: IdentityContext,
  ): Promise<Abonent> {
    const abonent = await ctx.em.findOneOrFail(Abonent, { id: callerAbonentId(ctx) });
    abonent.readingReminders = enabled;
    await ctx.em.flush();
    return abonent;
  }
}
