// What an abonent sends to start a payment.
import { Field, ID, InputType, Int } from 'type-graphql';
import { TextLimit, URL_MAX_LENGTH } from '../../../core/text-limits.js';
import { ReadingInput } from '../../metering/reading/reading.inputs.js';
import { PaymentPurpose } from './payment.types.js';

@InputType({ description: 'What to pay for which account, where the receipt goes and where the payer returns.' })
export class StartPaymentInput {
  @Field(() => ID, {
    description: 'The `PersonalAccount.id` of an account linked to the cabinet (else `ACCOUNT_NOT_FOUND`).',
  })
  accountId!: string;

  @Field(() => PaymentPurpose, { description: 'DEBT pays what is due now; CUSTOM pays `amount`.' })
  purpose!: PaymentPurpose;

  @Field(() => Int, { nullable: true, description: 'Kopecks, for CUSTOM only.' })
  amount?: number | null;

  @Field(() => [ReadingInput], {
    nullable: true,
    description:
      "Readings to submit with the payment: checked by metering's rules first; if any is refused, no payment starts.",
  })
  readings?: ReadingInput[] | null;

  @Field(() => String, { description: 'Where the receipt is sent.' })
  receiptEmail!: string;

  @Field(() => String, {
    description: 'Chosen by the client per payment (8–80 characters): repeating it returns the same payment.',
  })
  idempotencyKey!: string;

  @TextLimit(URL_MAX_LENGTH)
  @Field(() => String, {
    description: 'Where the payment page sends the payer back: a page of this Kabinet; `payment=<id>` is added to it.',
  })
  returnUrl!: string;
}
