// What every partner API answers, whichever subgraph serves it: bulk write results with per-row errors, and the
// page info of cursor-paginated exports. Shareable: the same types in every subgraph.
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { PayloadCode } from './payload-codes.js';

@Directive('@shareable')
@ObjectType({ description: 'Why one row of a bulk write was refused.' })
export class RowError {
  @Field(() => Int, {
    description: 'Position of the row in the list (from 0); -1 for an error of the whole call (its key, its size).',
  })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The field of the row to fix.' })
  field!: string | null;

  @Field(() => String, {
    description:
      'Stable code for programs, e.g. `NUMBER_INVALID`, `ACCOUNT_NOT_FOUND`, `DUPLICATE_ROW` (see the reference).',
  })
  code!: PayloadCode;

  @Field(() => String, { description: 'What to fix, in Russian.' })
  message!: string;

  static of(index: number, field: string | null, code: PayloadCode, message: string): RowError {
    return Object.assign(new RowError(), { index, field, code, message });
  }
}

@Directive('@shareable')
@ObjectType({
  description: 'The result of a bulk write: all rows written, or (with errors) none of them.',
})
export class PartnerWritePayload {
  @Field(() => Boolean, { description: 'Every row was valid and the whole call was written.' })
  ok!: boolean;

  @Field(() => [RowError], { description: 'The rows to fix (nothing was written); empty when `ok`.' })
  errors!: RowError[];

  @Field(() => Int, { description: 'Rows that created something new (0 when refused).' })
  created!: number;

  @Field(() => Int, { description: 'Rows that changed something held already (0 when refused).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that matched what was held already (or were older, for balances).' })
  unchanged!: number;

  static refused(errors: RowError[]): PartnerWritePayload {
    return Object.assign(new PartnerWritePayload(), { ok: false, errors, created: 0, updated: 0, unchanged: 0 });
  }

  static done(total: number, created: number, updated: number): PartnerWritePayload {
    return Object.assign(new PartnerWritePayload(), {
      ok: true,
      errors: [],
      created,
      updated,
      unchanged: total - created - updated,
    });
  }
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a partner export ends, and whether another follows.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more rows follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

/** Rows a bulk write takes at most. */
export const MAX_ROWS = 1000;
