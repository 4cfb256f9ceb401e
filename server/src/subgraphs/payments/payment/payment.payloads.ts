// What starting or checking a payment answers.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Payment } from './payment.types.js';

@ObjectType()
export class StartPaymentPayload {
  @Field(() => Boolean, { description: 'The payment exists at the acquirer: send the payer to `confirmationUrl`.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description: 'What to fix; refused readings come as `readings.<index>` with the metering code and reason.',
  })
  errors!: UserError[];

  @Field(() => Payment, { nullable: true })
  payment!: Payment | null;

  @Field(() => String, { nullable: true, description: "The acquirer's payment page." })
  confirmationUrl!: string | null;
}
