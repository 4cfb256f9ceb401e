// Input of the login form («Вход»).
import { Field, InputType } from 'type-graphql';
import { PAYLOAD_MAX_LENGTH, TextLimit } from '../../../core/text-limits.js';

@InputType({ description: 'The login form («Вход»).' })
export class LoginInput {
  @Field(() => String, {
    description: 'The login: the e-mail the cabinet was registered with (letter case does not matter).',
  })
  email!: string;

  @Field(() => String, { description: 'The cabinet’s password.' })
  password!: string;

  @TextLimit(PAYLOAD_MAX_LENGTH)
  @Field(() => String, {
    nullable: true,
    description: 'The ALTCHA payload; required after several failed attempts (`captchaRequired` says when).',
  })
  captcha?: string | null;
}
