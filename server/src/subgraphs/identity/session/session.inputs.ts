// Input of the login form («Вход»).
import { Field, InputType } from 'type-graphql';

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The ALTCHA payload; required after several failed attempts (`captchaRequired` says when).',
  })
  captcha?: string | null;
}
