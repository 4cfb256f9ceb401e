// What an abonent sends to submit readings.
import { Field, ID, InputType } from 'type-graphql';
import { ReadingZone } from '../meter/meter.types.js';

@InputType({ description: 'One reading: a meter, its zone and the value on the dial.' })
export class ReadingInput {
  @Field(() => ID, {
    description: 'The `Meter.id` of an active meter of the account (else the reading is refused: `METER_NOT_FOUND`).',
  })
  meterId!: string;

  @Field(() => ReadingZone, { nullable: true, description: 'Default TOTAL (single-zone meters).' })
  zone?: ReadingZone | null;

  @Field(() => String, { description: 'The dial, a decimal: «1234,567» or «1234.567».' })
  value!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The dial went past its maximum and started again from zero: a lower value is then accepted.',
  })
  confirmRollover?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "The abonent has seen what this reading means and confirms it: a consumption far above the meter's usual, or " +
      'a rollover, refused before with `READING_IMPLAUSIBLE` (and its consumption and charge), is then recorded.',
  })
  confirmImplausible?: boolean | null;
}

@InputType({ description: "Readings of one account's meters, sent together." })
export class SubmitReadingsInput {
  @Field(() => ID, {
    description: 'The `PersonalAccount.id` of an account linked to the cabinet (else `ACCOUNT_NOT_LINKED`).',
  })
  accountId!: string;

  @Field(() => [ReadingInput], { description: 'One per meter and zone; all are recorded, or none.' })
  readings!: ReadingInput[];

  @Field(() => String, {
    description: 'Chosen by the client per submission (8–100 characters): repeating it never records twice.',
  })
  idempotencyKey!: string;
}
