// The reading rules a supplier applies, as the API shows them.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType({ description: "The checks a supplier's readings go through." })
export class ReadingRules {
  @Field(() => String, { nullable: true, description: 'm³ per day; null: no limit.' })
  maxDailyConsumption!: string | null;

  @Field(() => Boolean)
  allowZeroConsumption!: boolean;

  @Field(() => Boolean)
  refusePastVerification!: boolean;
}

@ObjectType()
export class UpdateReadingRulesPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => ReadingRules, { nullable: true })
  rules!: ReadingRules | null;
}
