// The password rule in force: the seed document's (5 to 10 Latin letters and digits) or ASVS 5.0 (strict).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../core/user-error.js';

export type PasswordPolicyName = 'seed' | 'strict';

@ObjectType({ description: 'The password rule in force, for the client to show and check before sending.' })
export class PasswordPolicy {
  @Field(() => String, { description: '`seed` (as published to abonents) or `strict` (ASVS 5.0).' })
  name!: PasswordPolicyName;

  @Field(() => Int, { description: 'The fewest characters (Unicode characters, not UTF-16 units).' })
  minLength!: number;

  @Field(() => Int, { description: 'The most characters.' })
  maxLength!: number;

  @Field(() => String, {
    nullable: true,
    description: 'ECMAScript regular expression every character must match, or null when any character is allowed.',
  })
  allowedCharacters!: string | null;

  @Field(() => Boolean, { description: 'Whether the most common passwords are refused.' })
  refusesCommonPasswords!: boolean;

  @Field(() => String, { description: 'The rule as shown to people (Russian).' })
  description!: string;
}

export const PASSWORD_POLICIES: Record<PasswordPolicyName, PasswordPolicy> = {
  seed: Object.assign(new PasswordPolicy(), {
    name: 'seed',
    minLength: 5,
    maxLength: 10,
    allowedCharacters: '[A-Za-z0-9]',
    refusesCommonPasswords: false,
    description: 'Пароль: от 5 до 10 символов, только латинские буквы и цифры.',
  }),
  strict: Object.assign(new PasswordPolicy(), {
    name: 'strict',
    minLength: 8,
    maxLength: 64,
    allowedCharacters: null,
    refusesCommonPasswords: true,
    description: 'Пароль: от 8 до 64 любых символов; распространённые пароли не принимаются.',
  }),
};

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** The first rule the password breaks, as a field error, or null. Length counts characters, not UTF-16 units. */
export function checkPassword(policy: PasswordPolicy, password: string, field: string): UserError | null {
  const length = [...password].length;
  if (length === 0) return UserError.of(field, 'PASSWORD_REQUIRED', 'Укажите пароль.');
  if (length < policy.minLength) {
    return UserError.of(
      field,
      'PASSWORD_TOO_SHORT',
      `Пароль слишком короткий: нужно не менее ${policy.minLength} символов.`,
    );
  }
  if (length > policy.maxLength) {
    return UserError.of(
      field,
      'PASSWORD_TOO_LONG',
      `Пароль слишком длинный: допускается не более ${policy.maxLength} символов.`,
    );
  }
  if (policy.allowedCharacters) {
    const allowed = new RegExp(`^${policy.allowedCharacters}$`, 'u');
    if (![...password].every((c) => allowed.test(c))) {
      return UserError.of(
        field,
        'PASSWORD_INVALID_CHARACTERS',
        'Пароль может содержать только латинские буквы и цифры (без пробелов и русских букв).',
      );
    }
  }
  if (policy.refusesCommonPasswords && commonPasswords().has(password.toLowerCase())) {
    return UserError.of(field, 'PASSWORD_TOO_COMMON', 'Этот пароль слишком распространён: придумайте другой.');
  }
  return null;
}
