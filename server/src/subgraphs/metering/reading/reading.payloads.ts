// What submitting readings answers: one result per meter and zone.
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { ReadingZone } from '../meter/meter.types.js';

export enum ReadingStatus {
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  /** Fine itself, but not recorded because another reading of the submission was refused. */
  NOT_RECORDED = 'NOT_RECORDED',
}
registerEnumType(ReadingStatus, {
  name: 'ReadingStatus',
  description: 'Whether a reading sent with `submitReadings` was recorded.',
  valuesConfig: {
    ACCEPTED: { description: 'Recorded: it counts for `period`.' },
    REFUSED: { description: 'Refused: `code` and `message` say why.' },
    NOT_RECORDED: {
      description: 'Fine itself, but not recorded because another reading of the submission was refused.',
    },
  },
});

@ObjectType({ description: 'What became of one reading of a submission, and what it means (consumption, charge).' })
export class ReadingResult {
  @Field(() => ID, { description: 'The meter, as sent.' })
  meterId!: string;

  @Field(() => ReadingZone, { description: 'The zone, as sent (TOTAL when left out).' })
  zone!: ReadingZone;

  @Field(() => ReadingStatus, { description: 'Recorded, refused, or not recorded because another was refused.' })
  status!: ReadingStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused: a stable code, e.g. `READING_BELOW_PREVIOUS`.',
  })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason in Russian.' })
  message!: string | null;

  @Field(() => String, { nullable: true, description: 'The month it counts for, YYYY-MM.' })
  period!: string | null;

  @Field(() => String, { nullable: true, description: 'm³ since the last accepted reading (decimal string).' })
  consumption!: string | null;

  @Field(() => Int, { nullable: true, description: 'That consumption at the current tariff, in kopecks.' })
  chargePreview!: number | null;

  @Field(() => Boolean, { description: 'It replaced an earlier reading of the same period (kept in history).' })
  replacedEarlier!: boolean;

  @Field(() => ID, { nullable: true, description: 'The `Reading.id` recorded; null unless ACCEPTED.' })
  readingId!: string | null;
}

@ObjectType({ description: 'The result of `submitReadings`: one result per reading, all recorded or none.' })
export class SubmitReadingsPayload {
  @Field(() => Boolean, { description: 'Every reading was accepted and recorded.' })
  ok!: boolean;

  @Field(() => [UserError], { description: 'Problems with the submission as a whole (the account, the key).' })
  errors!: UserError[];

  @Field(() => [ReadingResult], {
    description: 'One per reading, in the order sent; empty when the submission as a whole was refused (`errors`).',
  })
  results!: ReadingResult[];

  @Field(() => String, { nullable: true, description: 'The period the readings count for, YYYY-MM.' })
  period!: string | null;

  @Field(() => Boolean, { description: 'Sent after the closing day: the readings count for the next period.' })
  afterClosingDay!: boolean;
}
