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
registerEnumType(ReadingStatus, { name: 'ReadingStatus' });

@ObjectType()
export class ReadingResult {
  @Field(() => ID)
  meterId!: string;

  @Field(() => ReadingZone)
  zone!: ReadingZone;

  @Field(() => ReadingStatus)
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

  @Field(() => ID, { nullable: true })
  readingId!: string | null;
}

@ObjectType()
export class SubmitReadingsPayload {
  @Field(() => Boolean, { description: 'Every reading was accepted and recorded.' })
  ok!: boolean;

  @Field(() => [UserError], { description: 'Problems with the submission as a whole (the account, the key).' })
  errors!: UserError[];

  @Field(() => [ReadingResult])
  results!: ReadingResult[];

  @Field(() => String, { nullable: true, description: 'The period the readings count for, YYYY-MM.' })
  period!: string | null;

  @Field(() => Boolean, { description: 'Sent after the closing day: the readings count for the next period.' })
  afterClosingDay!: boolean;
}
