// The readings export for the supplier's billing system.
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../core/partner-payloads.js';
import { ReadingSource, ReadingZone } from '../meter/meter.types.js';

@ObjectType({ description: 'A reading with the meter and account it belongs to, for import into billing.' })
export class PartnerReading {
  @Field(() => ID, { description: "Kabinet's id of the reading (a UUID)." })
  id!: string;

  @Field(() => String, {
    description: 'The number of the account the meter is on now; empty when metering does not know the account.',
  })
  accountNumber!: string;

  @Field(() => String, { description: "The meter's serial number within the supplier." })
  serialNumber!: string;

  @Field(() => ID, { description: 'The `Meter.id`.' })
  meterId!: string;

  @Field(() => ReadingZone, { description: 'The register it was read from.' })
  zone!: ReadingZone;

  @Field(() => String, { description: 'A decimal string.' })
  value!: string;

  @Field(() => String, { description: 'YYYY-MM it counts for.' })
  period!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was submitted: the order of the export.' })
  submittedAt!: Date;

  @Field(() => ReadingSource, { description: 'Who took it.' })
  source!: ReadingSource;

  @Field(() => Boolean, { description: 'Whether it counts for its period (false: replaced by a later one).' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: 'm³ since the reading before it, a decimal string.' })
  consumption!: string | null;
}

@ObjectType({ description: 'A page of readings in a stable order (submission time, then id).' })
export class PartnerReadingPage {
  @Field(() => [PartnerReading], { description: 'The readings of this page, at most `first`.' })
  nodes!: PartnerReading[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;
}
