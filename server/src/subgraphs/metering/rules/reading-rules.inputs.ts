// What a supplier's partner app sets of its reading rules (scope `supplier:write`).
import { Field, InputType, Int } from 'type-graphql';

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

  @Field(() => Int, {
    nullable: true,
    description:
      "How many times a meter's average daily consumption (over its accepted history) an abonent's reading may reach " +
      'before it is refused with `READING_IMPLAUSIBLE` until confirmed: 2–1000; 0 restores the default.',
  })
  plausibilityFactor?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'm³ a month a reading of a meter without history may reach before it is refused with `READING_IMPLAUSIBLE` ' +
      'until confirmed (a decimal, up to 3 fraction digits); "" restores the default.',
  })
  monthlyMaximum?: string | null;
}
