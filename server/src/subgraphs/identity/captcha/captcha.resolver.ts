// GraphQL entry point of «Защита от роботов».
import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { checkEmail, normalizeEmail } from '../abonent/email-address.js';
import type { IdentityContext } from '../identity.context.js';
import { createRateLimits } from '../rate-limits.js';
import { LoginThrottle } from '../session/login-throttle.js';
import { CaptchaService } from './captcha.service.js';

@ObjectType({ description: 'An ALTCHA proof-of-work challenge for the widget.' })
export class CaptchaChallenge {
  @Field(() => String, { description: 'The challenge as JSON, as the ALTCHA widget’s `challenge` attribute takes it.' })
  challenge!: string;
}

@Resolver()
export class CaptchaResolver {
  @Query(() => CaptchaChallenge, { description: 'A new challenge; its solution is accepted once, within 10 minutes.' })
  async captchaChallenge(
    @Ctx() ctx: IdentityContext,
    @Arg('login', () => String, {
      nullable: true,
      description:
        'The e-mail of the login the challenge is for: after failed logins on it (or from this address) the ' +
        'challenge costs more, and `login` accepts only one issued at the current cost.',
    })
    login?: string | null,
  ): Promise<CaptchaChallenge> {
    const captcha = CaptchaService.fromConfig(ctx.config);
    const email = login ? checkEmail(login, 'login') : null;
    const cost =
      email && 'email' in email
        ? (await new LoginThrottle(createRateLimits(ctx), captcha).cost(ctx.clientIp, normalizeEmail(email.email)))
            .captchaCost
        : undefined;
    const challenge = await captcha.createChallenge(undefined, cost);
    return Object.assign(new CaptchaChallenge(), { challenge: JSON.stringify(challenge) });
  }
}
