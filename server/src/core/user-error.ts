// Expected business outcomes as data: a stable code, a message for people (Russian) and the field to fix.
import { Directive, Field, ObjectType } from 'type-graphql';
import type { PayloadCode } from './payload-codes.js';

@Directive('@shareable')
@ObjectType({ description: 'Why an operation did not succeed, as a form would show it next to the field.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'The input field to fix (as named in the input type), or null.' })
  field!: string | null;

  @Field(() => String, { description: 'Stable code for programs, e.g. `PASSWORD_TOO_SHORT` (see the reference).' })
  code!: PayloadCode;

  @Field(() => String, { description: 'What to fix, in Russian.' })
  message!: string;

  static of(field: string | null, code: PayloadCode, message: string): UserError {
    return Object.assign(new UserError(), { field, code, message });
  }
}

/** A mutation payload: `ok` with no errors, or not ok with the field errors to show. */
interface Payload {
  ok: boolean;
  errors: UserError[];
}

export function failed<T extends Payload>(type: new () => T, errors: UserError[], extra: Partial<T> = {}): T {
  return Object.assign(new type(), extra, { ok: false, errors });
}

export function succeeded<T extends Payload>(type: new () => T, extra: Partial<T> = {}): T {
  return Object.assign(new type(), extra, { ok: true, errors: [] });
}
