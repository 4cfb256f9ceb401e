// What starting or checking a payment answers.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Payment } from './payment.types.js';

@ObjectType({ description: 'The result of `startPayment`.' })
export class StartPaymentPayload {
  @Field(() => Boolean, { description: 'The payment exists at the acquirer: send the payer to `confirmationUrl`.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description: 'What to fix; refused readings come as `readings.<index>` with the metering code and reason.',
  })
  errors!: UserError[];

  @Field(() => Payment, {
    nullable: true,
    description:
      'The payment (the same one again for a repeated key); also with `PROVIDER_UNAVAILABLE` (it stays CREATED: ' +
      'retry with the same key), `PROVIDER_REFUSED`, and `PAYMENT_IN_PROGRESS` to the payer of the open one. Null ' +
      'when refused before a payment was recorded.',
  })
  payment!: Payment | null;

  @Field(() => String, { nullable: true, description: "The acquirer's payment page." })
  confirmationUrl!: string | null;
}
