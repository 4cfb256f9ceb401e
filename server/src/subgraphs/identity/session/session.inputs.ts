// Input of the login form («Вход»).
import { Field, InputType } from 'type-graphql';
import { PAYLOAD_MAX_LENGTH, TextLimit } from '../../../core/text-limits.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @TextLimit(PAYLOAD_MAX_LENGTH)
  @Field(() => String, {
    nullable: true,
    description: 'The ALTCHA payload; required after several failed attempts (`captchaRequired` says when).',
  })
  captcha?: string | null;
}
