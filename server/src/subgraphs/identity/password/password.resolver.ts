// GraphQL entry points of the password rule, «Смена пароля» and «Забыли пароль?».
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { callerAbonentId } from '../abonent/caller-abonent.js';
import type { IdentityContext } from '../identity.context.js';
import { PASSWORD_POLICIES, PasswordPolicy } from './password-policy.js';
import { ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput } from './password.inputs.js';
import { PasswordPayload, PasswordResetLink } from './password.payloads.js';
import { PasswordService } from './password.service.js';

@Resolver()
export class PasswordResolver {
  @Query(() => PasswordPolicy, { description: 'The password rule in force.' })
  passwordPolicy(@Ctx() ctx: IdentityContext): PasswordPolicy {
    return PASSWORD_POLICIES[ctx.config.passwordPolicy];
  }

  @Query(() => PasswordResetLink, {
    description: 'Whether a password-reset link can still be used; the page asks before showing the password fields.',
  })
  passwordResetLink(
    @Arg('token', () => String, { description: 'The token from the reset link.' }) token: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<PasswordResetLink> {
    return new PasswordService(ctx).inspectResetLink(token);
  }

  @Mutation(() => PasswordPayload, { description: 'Changes the password; the abonent’s other sessions end.' })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The current password and the new one, twice.' })
    input: ChangePasswordInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<PasswordPayload> {
    return new PasswordService(ctx).change(callerAbonentId(ctx), input);
  }

  @Mutation(() => PasswordPayload, {
    description: 'Sends a reset link if the address has a cabinet; answers the same either way.',
  })
  requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput, { description: 'The address to send the link to.' })
    input: RequestPasswordResetInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<PasswordPayload> {
    return new PasswordService(ctx).requestReset(input);
  }

  @Mutation(() => PasswordPayload, {
    description: 'Sets a new password with the token from the reset link; all sessions end.',
  })
  resetPassword(
    @Arg('input', () => ResetPasswordInput, {
      description: 'The token from the link and the new password, twice.',
    })
    input: ResetPasswordInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<PasswordPayload> {
    return new PasswordService(ctx).reset(input);
  }
}
