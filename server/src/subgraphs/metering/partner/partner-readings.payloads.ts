// The readings export for the supplier's billing system.
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../core/partner-payloads.js';
import { ReadingSource, ReadingZone } from '../meter/meter.types.js';

@ObjectType({ description: 'A reading with the meter and account it belongs to, for import into billing.' })
export class PartnerReading {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  accountNumber!: string;

  @Field(() => String)
  serialNumber!: string;

  @Field(() => ID)
  meterId!: string;

  @Field(() => ReadingZone)
  zone!: ReadingZone;

  @Field(() => String, { description: 'A decimal string.' })
  value!: string;

  @Field(() => String, { description: 'YYYY-MM it counts for.' })
  period!: string;

  @Field(() => GraphQLISODateTime)
  submittedAt!: Date;

  @Field(() => ReadingSource)
  source!: ReadingSource;

  @Field(() => Boolean, { description: 'Whether it counts for its period (false: replaced by a later one).' })
  current!: boolean;

  @Field(() => String, { nullable: true })
  consumption!: string | null;
}

@ObjectType({ description: 'A page of readings in a stable order (submission time, then id).' })
export class PartnerReadingPage {
  @Field(() => [PartnerReading])
  nodes!: PartnerReading[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
