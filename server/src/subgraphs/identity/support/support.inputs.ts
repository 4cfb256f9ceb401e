// Input of the support form («Поддержка»).
import { Field, InputType } from 'type-graphql';
import { PAYLOAD_MAX_LENGTH, TextLimit } from '../../../core/text-limits.js';

/**
 * The longest text a question may be sent with: twice the 5000 characters the service accepts, so a question a
 * little too long still gets the form's own `MESSAGE_TOO_LONG` next to the field, and only abuse is refused here.
 */
export const SUPPORT_MESSAGE_MAX_LENGTH = 10_000;

@InputType()
export class CreateSupportRequestInput {
  @Field(() => String, { description: 'Subject, up to 200 characters.' })
  topic!: string;

  @TextLimit(SUPPORT_MESSAGE_MAX_LENGTH, { multiline: true })
  @Field(() => String, { description: 'The question, up to 5000 characters.' })
  message!: string;

  @Field(() => String, { description: 'Where support answers.' })
  contactEmail!: string;

  @TextLimit(PAYLOAD_MAX_LENGTH)
  @Field(() => String, {
    nullable: true,
    description: 'ALTCHA payload; required unless logged in with a confirmed e-mail.',
  })
  captcha?: string | null;
}
