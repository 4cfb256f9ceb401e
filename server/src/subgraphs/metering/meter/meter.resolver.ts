// Reading meters: an account's meters (extending the accounts subgraph's PersonalAccount), each with its readings.
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, ErrorCode } from '../../../core/errors.js';
import type { MeteringContext } from '../metering.context.js';
import { addDays, addMonths, currentMonth, todayInMoscow } from '@kabinet/common/calendar';
import {
  ComparisonReading,
  Meter,
  MonthlyConsumption,
  Reading,
  ReadingZone,
  VERIFICATION_SOON_DAYS,
  VerificationStatus,
} from './meter.types.js';

/** The accounts subgraph's PersonalAccount, extended with its meters. */
@Directive('@key(fields: "id")')
@ObjectType('PersonalAccount')
export class AccountMeters {
  @Field(() => ID, { description: "Kabinet's id of the account (a UUID)." })
  id!: string;
}

/** Readings a page may ask for at once per meter (two years of monthly readings, with replacements). */
const MAX_READINGS = 100;

@Resolver(() => AccountMeters)
export class AccountMetersResolver {
  @FieldResolver(() => [Meter], {
    nullable: true,
    description: 'The active meters of the account (null only when the metering service failed: the rest still loads).',
  })
  meters(@Root() account: AccountMeters, @Ctx() ctx: MeteringContext): Promise<Meter[]> {
    return ctx.loaders.metersByAccount.load(account.id);
  }

  @FieldResolver(() => [MonthlyConsumption], {
    nullable: true,
    description: 'Consumption per month over the last `months` months (1 to 36), oldest first, for a chart.',
  })
  monthlyConsumption(
    @Root() account: AccountMeters,
    @Ctx() ctx: MeteringContext,
    @Arg('months', () => Int, {
      defaultValue: 24,
      description:
        'How many months, 1 to 36 (else BAD_USER_INPUT), up to next month (readings sent after the closing day count ' +
        'for it); months without accepted readings are left out.',
    })
    months: number,
  ): Promise<MonthlyConsumption[]> {
    if (!Number.isInteger(months) || months < 1 || months > 36) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'months — от 1 до 36.', { field: 'months' });
    }
    // Readings sent after this month's closing day count for next month: include it.
    const next = addMonths(currentMonth(ctx.clock.now()), 1);
    return ctx.loaders.consumptionByAccount(`${addMonths(next, -(months - 1))}-01`).load(account.id);
  }
}

@Resolver(() => Meter)
export class MeterResolver {
  @FieldResolver(() => Reading, {
    nullable: true,
    description: 'The latest accepted reading of a zone (default: the first zone the meter has).',
  })
  async lastReading(
    @Root() meter: Meter,
    @Ctx() ctx: MeteringContext,
    @Arg('zone', () => ReadingZone, {
      nullable: true,
      description: 'The zone; by default TOTAL for a SINGLE meter, DAY for a DAY_NIGHT one.',
    })
    zone?: ReadingZone | null,
  ): Promise<Reading | null> {
    const wanted = zone ?? meter.readingZones[0];
    return (await ctx.loaders.lastReadingsByMeter.load(meter.id)).find((r) => r.zone === wanted) ?? null;
  }

  @FieldResolver(() => [Reading], { description: 'The latest readings, every submission included, newest first.' })
  readings(
    @Root() meter: Meter,
    @Ctx() ctx: MeteringContext,
    @Arg('last', () => Int, { defaultValue: 24, description: `1 to ${MAX_READINGS}.` }) last: number,
  ): Promise<Reading[]> {
    if (!Number.isInteger(last) || last < 1 || last > MAX_READINGS) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `last — от 1 до ${MAX_READINGS}.`, { field: 'last' });
    }
    return ctx.loaders.readingsByMeter(last).load(meter.id);
  }

  @FieldResolver(() => [ComparisonReading], {
    description: 'Per zone, what a reading sent now is compared with, and the period it would count for.',
  })
  comparisonReadings(@Root() meter: Meter, @Ctx() ctx: MeteringContext): Promise<ComparisonReading[]> {
    return ctx.loaders.comparisonByMeter.load(meter.id);
  }

  @FieldResolver(() => VerificationStatus, {
    description: 'Where the meter stands with its verification today (Moscow time), from `nextVerificationOn`.',
  })
  verificationStatus(@Root() meter: Meter, @Ctx() ctx: MeteringContext): VerificationStatus {
    return verificationStatusOf(meter.nextVerificationOn, todayInMoscow(ctx.clock.now()));
  }
}

export function verificationStatusOf(nextVerificationOn: string | null, today = todayInMoscow()): VerificationStatus {
  if (!nextVerificationOn) return VerificationStatus.UNKNOWN;
  if (nextVerificationOn < today) return VerificationStatus.EXPIRED;
  if (nextVerificationOn <= addDays(today, VERIFICATION_SOON_DAYS)) return VerificationStatus.DUE_SOON;
  return VerificationStatus.OK;
}
