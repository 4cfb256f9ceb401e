// Pages of accounts the partner API exports.
import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../core/partner-payloads.js';
import { PersonalAccount } from '../personal-account/personal-account.types.js';

@ObjectType({ description: 'A page of accounts in a stable order (last change, then id).' })
export class PersonalAccountPage {
  @Field(() => [PersonalAccount], { description: 'The accounts of this page, at most `first`.' })
  nodes!: PersonalAccount[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them.' })
  pageInfo!: PageInfo;
}
