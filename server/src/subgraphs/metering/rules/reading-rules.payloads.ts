// The reading rules a supplier applies, as the API shows them.
import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType({ description: "The checks a supplier's readings go through." })
export class ReadingRules {
  @Field(() => String, { nullable: true, description: 'm³ per day; null: no limit.' })
  maxDailyConsumption!: string | null;

  @Field(() => Boolean)
  allowZeroConsumption!: boolean;

  @Field(() => Boolean)
  refusePastVerification!: boolean;

  @Field(() => Int, {
    description:
      "How many times a meter's average daily consumption a reading may reach before the abonent must confirm it.",
  })
  plausibilityFactor!: number;

  @Field(() => String, {
    description: 'm³ a month a reading of a meter without history may reach before the abonent must confirm it.',
  })
  monthlyMaximum!: string;
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
