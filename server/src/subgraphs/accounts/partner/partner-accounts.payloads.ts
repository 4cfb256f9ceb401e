// Pages of accounts the partner API exports.
import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../core/partner-payloads.js';
import { PersonalAccount } from '../personal-account/personal-account.types.js';

@ObjectType({ description: 'A page of accounts in a stable order (last change, then id).' })
export class PersonalAccountPage {
  @Field(() => [PersonalAccount])
  nodes!: PersonalAccount[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
