// What a supplier's partner app sets of its reading rules (scope `supplier:write`).
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Only the fields given change.' })
export class ReadingRulesInput {
  @Field(() => String, {
    nullable: true,
    description: 'm³ per day since the last accepted reading above which a reading is refused; "" removes the limit.',
  })
  maxDailyConsumption?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a reading equal to the last one is accepted.' })
  allowZeroConsumption?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether readings of a meter past its verification are refused.',
  })
  refusePastVerification?: boolean | null;
}
