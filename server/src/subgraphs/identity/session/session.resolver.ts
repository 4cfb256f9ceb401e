// GraphQL entry points of «Вход» and logout.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { LoginInput } from './session.inputs.js';
import { LoginPayload } from './session.payloads.js';
import { SessionService } from './session.service.js';

@Resolver()
export class SessionResolver {
  @Mutation(() => LoginPayload, { description: 'Starts a session (an HttpOnly cookie) for the e-mail and password.' })
  login(
    @Arg('input', () => LoginInput, { description: 'The e-mail, the password and, when required, a CAPTCHA.' })
    input: LoginInput,
    @Ctx() ctx: IdentityContext,
  ): Promise<LoginPayload> {
    return new SessionService(ctx).login(input);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: IdentityContext): Promise<boolean> {
    return new SessionService(ctx).logout();
  }
}
