// GraphQL entry points of the supplier catalog.
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AccountsContext } from '../accounts.context.js';
import { Supplier } from './supplier.entity.js';
import { SupplierService } from './supplier.service.js';
import { updateSupplierSettings } from './supplier-settings.service.js';
import { SupplierSettingsInput } from './supplier-settings.inputs.js';
import { UpdateSupplierSettingsPayload } from './supplier-settings.payloads.js';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => [Supplier], { description: 'Every supplier, ordered by name.' })
  suppliers(@Ctx() ctx: AccountsContext): Promise<Supplier[]> {
    return new SupplierService(ctx.em).list();
  }

  @Query(() => Supplier, { nullable: true, description: 'One supplier by its code, or null when there is none.' })
  supplier(
    @Arg('code', () => String, { description: 'The supplier’s `code`, e.g. `sankt-peterburg`.' }) code: string,
    @Ctx() ctx: AccountsContext,
  ): Promise<Supplier | null> {
    return new SupplierService(ctx.em).findByCode(code);
  }
}

@Resolver()
export class SupplierSettingsResolver {
  @Mutation(() => UpdateSupplierSettingsPayload, {
    description:
      "Changes the settings of the partner's own supplier (scope `supplier:write`); only given fields change.",
  })
  updateSupplierSettings(
    @Arg('input', () => SupplierSettingsInput, { description: 'The settings to change; those left out stay.' })
    input: SupplierSettingsInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<UpdateSupplierSettingsPayload> {
    if (ctx.caller.kind !== 'partner') throw new Error('a partner operation reached without a partner caller');
    return updateSupplierSettings(ctx.em, ctx.queue, ctx.caller.supplierId, input);
  }
}
