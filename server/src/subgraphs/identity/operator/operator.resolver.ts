// Who runs the cabinet: the user agreement and the personal-data consent name the operator from configuration.
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { IdentityContext } from '../identity.context.js';

@ObjectType({ description: 'The operator of the cabinet and of the abonents’ personal data.' })
export class Operator {
  @Field(() => String, { description: 'Full name of the organisation (OPERATOR_NAME).' })
  name!: string;

  @Field(() => String, { description: 'ИНН, 10 or 12 digits (OPERATOR_INN).' })
  inn!: string;

  @Field(() => String, { description: 'Legal address (OPERATOR_ADDRESS).' })
  address!: string;
}

@Resolver()
export class OperatorResolver {
  @Query(() => Operator, {
    description: 'The operator named in the user agreement and the personal-data consent; public.',
  })
  operator(@Ctx() ctx: IdentityContext): Operator {
    return Object.assign(new Operator(), ctx.config.operator);
  }
}
