// Inputs of the support form («Поддержка»), of the abonent's additions and of support's answers.
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { PAYLOAD_MAX_LENGTH, TextLimit } from '../../../core/text-limits.js';

/**
 * The longest text a question may be sent with: twice the 5000 characters the service accepts, so a question a
 * little too long still gets the form's own `MESSAGE_TOO_LONG` next to the field, and only abuse is refused here.
 */
export const SUPPORT_MESSAGE_MAX_LENGTH = 10_000;

/** The statuses an answer may leave a request in. */
export enum SupportAnswerStatus {
  ANSWERED = 'ANSWERED',
  WAITING_FOR_ABONENT = 'WAITING_FOR_ABONENT',
  CLOSED = 'CLOSED',
}
registerEnumType(SupportAnswerStatus, {
  name: 'SupportAnswerStatus',
  description: 'The status a request gets with an answer.',
  valuesConfig: {
    ANSWERED: { description: 'Answered; the abonent may still add to it.' },
    WAITING_FOR_ABONENT: { description: 'Support asked something and waits for the abonent.' },
    CLOSED: { description: 'Closed: nothing more can be added.' },
  },
});

@InputType({ description: 'The support form («Поддержка»): a question from anyone, logged in or not.' })
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

@InputType({ description: 'An addition by the abonent to one of their own support requests.' })
export class AddSupportMessageInput {
  @Field(() => Int, { description: 'The request’s number («Обращение № 42»).' })
  number!: number;

  @TextLimit(SUPPORT_MESSAGE_MAX_LENGTH, { multiline: true })
  @Field(() => String, { description: 'The text, up to 5000 characters.' })
  text!: string;
}

@InputType({ description: 'Support’s answer to a request (scope `support:answer`).' })
export class AnswerSupportRequestInput {
  @Field(() => Int, { description: 'The request’s number.' })
  number!: number;

  @TextLimit(SUPPORT_MESSAGE_MAX_LENGTH, { multiline: true })
  @Field(() => String, { description: 'The answer, up to 5000 characters; the abonent gets it by letter too.' })
  text!: string;

  // Nullable rather than a schema default: the compiled executor does not apply enum defaults of input fields.
  @Field(() => SupportAnswerStatus, {
    nullable: true,
    description: 'The status the request gets: answered (when omitted), waiting for the abonent, or closed.',
  })
  status?: SupportAnswerStatus | null;
}
