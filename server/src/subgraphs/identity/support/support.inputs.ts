// Input of the support form («Поддержка»).
import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateSupportRequestInput {
  @Field(() => String, { description: 'Subject, up to 200 characters.' })
  topic!: string;

  @Field(() => String, { description: 'The question, up to 5000 characters.' })
  message!: string;

  @Field(() => String, { description: 'Where support answers.' })
  contactEmail!: string;

  @Field(() => String, {
    nullable: true,
    description: 'ALTCHA payload; required unless logged in with a confirmed e-mail.',
  })
  captcha?: string | null;
}
