// Expected business outcomes as data: a stable code, a message for people (Russian) and the field to fix.
import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@shareable')
@ObjectType({ description: 'Why an operation did not succeed, as a form would show it next to the field.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'The input field to fix (as named in the input type), or null.' })
  field!: string | null;

  @Field(() => String, { description: 'Stable code for programs, e.g. `PASSWORD_TOO_SHORT`.' })
  code!: string;

  @Field(() => String, { description: 'What to fix, in Russian.' })
  message!: string;

  static of(field: string | null, code: string, message: string): UserError {
    return Object.assign(new UserError(), { field, code, message });
  }
}
