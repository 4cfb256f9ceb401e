// GraphQL entry points of the supplier catalog.
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AccountsContext } from '../accounts.context.js';
import { Supplier } from './supplier.entity.js';
import { SupplierService } from './supplier.service.js';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => [Supplier], { description: 'Every supplier, ordered by name.' })
  suppliers(@Ctx() ctx: AccountsContext): Promise<Supplier[]> {
    return new SupplierService(ctx.em).list();
  }

  @Query(() => Supplier, { nullable: true, description: 'One supplier by its code, or null when there is none.' })
  supplier(@Arg('code', () => String) code: string, @Ctx() ctx: AccountsContext): Promise<Supplier | null> {
    return new SupplierService(ctx.em).findByCode(code);
  }
}
