// What changing a supplier's settings answers.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Supplier } from './supplier.entity.js';

@ObjectType({
  description: 'The result of `updateSupplierSettings`: every given field is checked, then all are saved or none.',
})
export class UpdateSupplierSettingsPayload {
  @Field(() => Boolean, { description: 'Every given setting was valid and is saved.' })
  ok!: boolean;

  @Field(() => [UserError], {
    description:
      'The settings to fix, by field (e.g. `bankDetails.inn`, `support.phone`): `FORMAT_INVALID`, `DAY_INVALID`, ' +
      '`NAME_INVALID`, `INN_INVALID`, `KPP_INVALID`, `BIC_INVALID`, `ACCOUNT_INVALID`, `URL_INVALID`, ' +
      '`ADDRESS_INVALID`, `PHONE_INVALID` or `EMAIL_INVALID`; nothing is saved then.',
  })
  errors!: UserError[];

  @Field(() => Supplier, { nullable: true, description: 'The supplier with its settings as saved; null when refused.' })
  supplier!: Supplier | null;
}
