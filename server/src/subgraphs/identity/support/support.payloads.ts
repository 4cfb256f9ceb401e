// Result of a support request.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { SupportRequest } from './support-request.entity.js';

@ObjectType()
export class CreateSupportRequestPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => SupportRequest, { nullable: true })
  supportRequest!: SupportRequest | null;
}

@ObjectType({ description: 'Result of adding to or answering a support request.' })
export class SupportThreadPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => SupportRequest, { nullable: true, description: 'The request as it stands now; null when refused.' })
  supportRequest!: SupportRequest | null;
}
