// What changing a supplier's settings answers.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';
import { Supplier } from './supplier.entity.js';

@ObjectType()
export class UpdateSupplierSettingsPayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [UserError])
  errors!: UserError[];

  @Field(() => Supplier, { nullable: true })
  supplier!: Supplier | null;
}
