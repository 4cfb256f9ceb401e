// GraphQL entry point of «Защита от роботов».
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';
import { CaptchaService } from './captcha.service.js';

@ObjectType({ description: 'An ALTCHA proof-of-work challenge for the widget.' })
export class CaptchaChallenge {
  @Field(() => String, { description: 'The challenge as JSON, as the ALTCHA widget’s `challenge` attribute takes it.' })
  challenge!: string;
}

@Resolver()
export class CaptchaResolver {
  @Query(() => CaptchaChallenge, { description: 'A new challenge; its solution is accepted once, within 10 minutes.' })
  async captchaChallenge(@Ctx() ctx: IdentityContext): Promise<CaptchaChallenge> {
    const challenge = await CaptchaService.fromConfig(ctx.config).createChallenge();
    return Object.assign(new CaptchaChallenge(), { challenge: JSON.stringify(challenge) });
  }
}
