// Inputs of the metering partner API: the supplier's billing keeps the meters current.
import { Field, InputType, Int } from 'type-graphql';
import { MeterZones } from '../meter/meter.types.js';

@InputType({ description: 'A meter, identified by its serial number within the supplier.' })
export class MeterInput {
  @Field(() => String, { description: 'The personal account it is installed on.' })
  accountNumber!: string;

  @Field(() => String, {
    description:
      'The serial number, 1 to 40 characters: it identifies the meter within the supplier (else `SERIAL_INVALID`).',
  })
  serialNumber!: string;

  @Field(() => MeterZones, { nullable: true, description: 'Default SINGLE.' })
  zones?: MeterZones | null;

  @Field(() => Int, { nullable: true, description: 'Digits before the point on the dial, 1 to 9; default 5.' })
  integerDigits?: number | null;

  @Field(() => Int, { nullable: true, description: 'Digits after it, 0 to 5; default 3.' })
  fractionDigits?: number | null;

  @Field(() => String, { nullable: true, description: 'The dial when installed (decimal string); default 0.' })
  initialValue?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  installedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The next verification date, YYYY-MM-DD.' })
  nextVerificationOn?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE (default) or REMOVED.' })
  status?: string | null;
}

@InputType({ description: "Meters of the partner's supplier to create or update (scope `readings:write`)." })
export class UpsertMetersInput {
  @Field(() => [MeterInput], { description: 'Up to 1000 meters.' })
  meters!: MeterInput[];
}
