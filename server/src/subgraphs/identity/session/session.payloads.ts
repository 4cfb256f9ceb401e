// Result of a login attempt.
import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Abonent } from '../abonent/abonent.entity.js';

@ObjectType()
export class LoginPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => Abonent, { nullable: true })
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
