// Result of a login attempt.
import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Abonent } from '../abonent/abonent.entity.js';

@ObjectType({ description: 'The result of `login`.' })
export class LoginPayload {
  @Field(() => Boolean, { description: 'The session started: the answer sets its cookie.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'Why not: `EMAIL_REQUIRED`, `EMAIL_TOO_LONG`, `EMAIL_INVALID`, `PASSWORD_REQUIRED`, `INVALID_CREDENTIALS` ' +
      '(the address or the password is wrong: one answer for both), `RATE_LIMITED` (see `retryAfterSeconds`) or the ' +
      'CAPTCHA’s (`CAPTCHA_REQUIRED`, `CAPTCHA_INVALID`, `CAPTCHA_EXPIRED`, `CAPTCHA_REUSED`, `CAPTCHA_COST_RAISED`).',
  })
  errors!: UserError[];

  @Field(() => Abonent, { nullable: true, description: 'The abonent now logged in; null when refused.' })
  abonent!: Abonent | null;

  @Field(() => Boolean, { description: 'The next attempt must carry a CAPTCHA solution.' })
  captchaRequired!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Seconds until this address may try this account again (after repeated failures from it); null: try now.',
  })
  retryAfterSeconds!: number | null;
}
