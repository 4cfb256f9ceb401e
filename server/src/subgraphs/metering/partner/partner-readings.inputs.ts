// Readings the supplier's own inspectors took, sent by its billing system.
import { Field, InputType } from 'type-graphql';
import { ReadingZone } from '../meter/meter.types.js';

@InputType({
  description:
    "One inspector's reading: the dial's digits and a drop below the reading before (unless `rollover`) are checked; " +
    "the abonents' limits are not.",
})
export class InspectorReadingInput {
  @Field(() => String, { description: "The meter's serial number within the supplier." })
  serialNumber!: string;

  @Field(() => ReadingZone, { nullable: true, description: 'Default TOTAL.' })
  zone?: ReadingZone | null;

  @Field(() => String, { description: 'A decimal string.' })
  value!: string;

  @Field(() => Boolean, { nullable: true, description: 'The dial went past its maximum since the last reading.' })
  rollover?: boolean | null;
}

@InputType({ description: "Readings taken by the supplier's inspectors (scope `readings:write`)." })
export class RecordReadingsInput {
  @Field(() => [InspectorReadingInput], { description: 'Up to 1000 readings; all recorded or none.' })
  readings!: InspectorReadingInput[];

  @Field(() => String, { description: 'Chosen by the caller (8–100 characters): repeating it never records twice.' })
  idempotencyKey!: string;
}
