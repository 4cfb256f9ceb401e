// Meters and readings as the API shows them: rows of the metering schema mapped to GraphQL types.
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MeterZones {
  SINGLE = 'SINGLE',
  DAY_NIGHT = 'DAY_NIGHT',
}
registerEnumType(MeterZones, {
  name: 'MeterZones',
  description: 'One register, or separate day and night ones.',
  valuesConfig: {
    SINGLE: { description: 'One register: its readings name the zone TOTAL.' },
    DAY_NIGHT: { description: 'Day and night registers: its readings name DAY and NIGHT.' },
  },
});

export enum ReadingZone {
  TOTAL = 'TOTAL',
  DAY = 'DAY',
  NIGHT = 'NIGHT',
}
registerEnumType(ReadingZone, {
  name: 'ReadingZone',
  description: 'TOTAL for single-zone meters.',
  valuesConfig: {
    TOTAL: { description: 'The one register of a SINGLE meter.' },
    DAY: { description: 'The day register of a DAY_NIGHT meter.' },
    NIGHT: { description: 'The night register of a DAY_NIGHT meter.' },
  },
});

export enum ReadingSource {
  ABONENT = 'ABONENT',
  INSPECTOR = 'INSPECTOR',
  BILLING = 'BILLING',
  PAYMENT = 'PAYMENT',
}
registerEnumType(ReadingSource, {
  name: 'ReadingSource',
  description: 'Who took the reading.',
  valuesConfig: {
    ABONENT: { description: 'The abonent, with `submitReadings`.' },
    INSPECTOR: { description: "The supplier's inspector, sent by its billing with `recordReadings`." },
    BILLING: {
      description:
        "The supplier's billing system; no operation of this API records such readings (the demo data's history has them).",
    },
    PAYMENT: { description: 'The abonent, with the payment they were sent with (`startPayment`).' },
  },
});

export enum VerificationStatus {
  OK = 'OK',
  DUE_SOON = 'DUE_SOON',
  EXPIRED = 'EXPIRED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'Where the meter stands with its verification (поверка): due within 60 days is DUE_SOON.',
  valuesConfig: {
    OK: { description: 'The next verification is more than 60 days away.' },
    DUE_SOON: { description: 'The next verification is due within 60 days.' },
    EXPIRED: {
      description: 'The verification date has passed: readings are refused if `ReadingRules.refusePastVerification`.',
    },
    UNKNOWN: { description: 'The supplier gave no verification date.' },
  },
});

/** How close a verification date counts as «soon». */
export const VERIFICATION_SOON_DAYS = 60;

@ObjectType({ description: 'A meter reading.' })
export class Reading {
  @Field(() => ID, { description: "Kabinet's id of the reading (a UUID)." })
  id!: string;

  @Field(() => ReadingZone, { description: 'The register it was read from.' })
  zone!: ReadingZone;

  @Field(() => String, { description: 'The value on the dial, a decimal string (e.g. "1234.567").' })
  value!: string;

  @Field(() => String, { description: 'The month it counts for, YYYY-MM.' })
  period!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was submitted.' })
  submittedAt!: Date;

  @Field(() => ReadingSource, { description: 'Who took it.' })
  source!: ReadingSource;

  @Field(() => Boolean, { description: 'Whether it counts for its period (a later one in the period replaces it).' })
  current!: boolean;

  @Field(() => String, { nullable: true, description: 'm³ since the reading before it, a decimal string.' })
  consumption!: string | null;
}

@ObjectType({ description: 'What a reading sent now is compared with, for one zone of a meter.' })
export class ComparisonReading {
  @Field(() => ReadingZone, { description: 'The register.' })
  zone!: ReadingZone;

  @Field(() => String, {
    description:
      'The latest accepted reading of an earlier period than `period` (the installation value when there is none): ' +
      'a lower new value is refused unless a rollover is confirmed.',
  })
  value!: string;

  @Field(() => String, { nullable: true, description: 'The day it was taken (YYYY-MM-DD), when known.' })
  takenOn!: string | null;

  @Field(() => String, { description: 'The month a reading sent today counts for (YYYY-MM).' })
  period!: string;
}

@ObjectType({ description: 'What the meters of an account measured in one month (their accepted readings).' })
export class MonthlyConsumption {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => String, { description: 'm³, a decimal string.' })
  volume!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A gas meter on a personal account, kept current by the supplier's billing." })
export class Meter {
  @Field(() => ID, { description: "Kabinet's id of the meter (a UUID), as `ReadingInput.meterId` takes it." })
  id!: string;

  accountId!: string;
  supplierId!: string;

  @Field(() => String, { description: 'The serial number (заводской номер), unique within the supplier.' })
  serialNumber!: string;

  @Field(() => MeterZones, { description: 'One register, or day and night ones.' })
  zones!: MeterZones;

  @Field(() => Int, { description: 'Digits before the decimal point on the dial.' })
  integerDigits!: number;

  @Field(() => Int, { description: 'Digits after it: a reading may not have more.' })
  fractionDigits!: number;

  initialValue!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  installedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The next verification date (дата поверки), YYYY-MM-DD.' })
  nextVerificationOn!: string | null;

  @Field(() => String, { description: 'ACTIVE or REMOVED.' })
  status!: string;

  @Field(() => [ReadingZone], { description: 'The zones a reading of this meter names.' })
  get readingZones(): ReadingZone[] {
    return this.zones === MeterZones.DAY_NIGHT ? [ReadingZone.DAY, ReadingZone.NIGHT] : [ReadingZone.TOTAL];
  }
}

export interface MeterRow {
  id: string;
  account_id: string;
  supplier_id: string;
  serial_number: string;
  zones: MeterZones;
  integer_digits: number;
  fraction_digits: number;
  initial_value: string;
  installed_on: string | null;
  next_verification_on: string | null;
  status: string;
}

export const METER_COLUMNS = `m."id", m."account_id", m."supplier_id", m."serial_number", m."zones", m."integer_digits",
  m."fraction_digits", m."initial_value"::text as "initial_value", m."installed_on", m."next_verification_on", m."status"`;

export function toMeter(row: MeterRow): Meter {
  return Object.assign(new Meter(), {
    id: row.id,
    accountId: row.account_id,
    supplierId: row.supplier_id,
    serialNumber: row.serial_number,
    zones: row.zones,
    integerDigits: row.integer_digits,
    fractionDigits: row.fraction_digits,
    initialValue: row.initial_value,
    installedOn: row.installed_on,
    nextVerificationOn: row.next_verification_on,
    status: row.status,
  });
}

export interface ReadingRow {
  id: string;
  meter_id: string;
  zone: ReadingZone;
  value: string;
  period: string;
  submitted_at: Date;
  source: ReadingSource;
  current: boolean;
  consumption: string | null;
}

export const READING_COLUMNS = `r."id", r."meter_id", r."zone", r."value"::text as "value", r."period", r."submitted_at",
  r."source", r."current", r."consumption"::text as "consumption"`;

export function toReading(row: ReadingRow): Reading {
  return Object.assign(new Reading(), {
    id: row.id,
    zone: row.zone,
    value: trimDecimal(row.value),
    period: row.period.slice(0, 7),
    submittedAt: new Date(row.submitted_at),
    source: row.source,
    current: row.current,
    consumption: row.consumption === null ? null : trimDecimal(row.consumption),
  });
}

/** numeric(14,5) prints five fraction digits; show the value as written: "12.50000" → "12.5", "3.00000" → "3". */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
