// The reading rules a supplier applies, as the API shows them.
import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

@ObjectType({ description: "The checks a supplier's readings go through." })
export class ReadingRules {
  @Field(() => String, { nullable: true, description: 'm³ per day; null: no limit.' })
  maxDailyConsumption!: string | null;

  @Field(() => Boolean, {
    description:
      'Whether a reading equal to the one it is compared with (no consumption) is accepted; true by default.',
  })
  allowZeroConsumption!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether readings of a meter past its verification date are refused (`METER_VERIFICATION_EXPIRED`); true by ' +
      'default.',
  })
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

@ObjectType({ description: 'The result of `updateReadingRules`.' })
export class UpdateReadingRulesPayload {
  @Field(() => Boolean, { description: 'Every given field was valid and the rules are saved.' })
  ok!: boolean;

  @Field(() => [UserError], { description: '`LIMIT_INVALID` for each field to fix; nothing is saved then.' })
  errors!: UserError[];

  @Field(() => ReadingRules, { nullable: true, description: 'The rules in force now; null when refused.' })
  rules!: ReadingRules | null;
}
