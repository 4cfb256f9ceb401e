// What every partner API answers, whichever subgraph serves it: bulk write results with per-row errors, and the
// page info of cursor-paginated exports. Shareable: the same types in every subgraph.
import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ description: 'Why one row of a bulk write was refused.' })
export class RowError {
  @Field(() => Int, { description: 'Position of the row in the list (from 0).' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The field of the row to fix.' })
  field!: string | null;

  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'What to fix, in Russian.' })
  message!: string;

  static of(index: number, field: string | null, code: string, message: string): RowError {
    return Object.assign(new RowError(), { index, field, code, message });
  }
}

@Directive('@shareable')
@ObjectType({
  description: 'The result of a bulk write: all rows written, or (with errors) none of them.',
})
export class PartnerWritePayload {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => [RowError])
  errors!: RowError[];

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
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
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

/** Rows a bulk write takes at most. */
export const MAX_ROWS = 1000;
