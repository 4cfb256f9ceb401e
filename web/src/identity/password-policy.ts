// The password rule in force, loaded from the API, and the same checks the server makes, run before sending.
import { createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import type { PasswordPolicy_RuleQuery } from '../graphql/graphql';

const PasswordPolicyQuery = graphql(`
  query PasswordPolicy_Rule {
    passwordPolicy {
      name
      minLength
      maxLength
      allowedCharacters
      refusesCommonPasswords
      description
    }
  }
`);

export type PasswordPolicy = PasswordPolicy_RuleQuery['passwordPolicy'];

/** Loads the rule (cached for the session); the accessor is undefined until it arrives. */
export function createPasswordPolicy(): () => PasswordPolicy | undefined {
  const [result] = createQuery({ query: PasswordPolicyQuery });
  return () => result.data?.passwordPolicy;
}

/** What is wrong with a new password under the rule, in the server's words; undefined when nothing is. */
export function passwordProblem(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const characters = [...password];
  if (characters.length === 0) return 'Укажите пароль.';
  if (!policy) return undefined;
  if (characters.length < policy.minLength) {
    return `Пароль слишком короткий: нужно не менее ${policy.minLength} символов.`;
  }
  if (characters.length > policy.maxLength) {
    return `Пароль слишком длинный: допускается не более ${policy.maxLength} символов.`;
  }
  if (policy.allowedCharacters) {
    let allowed: RegExp;
    try {
      allowed = new RegExp(`^(?:${policy.allowedCharacters})$`, 'u');
    } catch {
      return undefined; // a rule this browser cannot read: the server checks it
    }
    const wrong = [...new Set(characters.filter((c) => !allowed.test(c)))];
    if (wrong.length > 0) {
      const shown = wrong.map((c) => (c === ' ' ? 'пробел' : `«${c}»`)).join(', ');
      return `Недопустимые символы: ${shown}. ${policy.description}`;
    }
  }
  return undefined;
}

/** The repeat must match the password exactly. */
export function repeatProblem(password: string, repeat: string): string | undefined {
  if (!repeat) return 'Повторите пароль.';
  return password === repeat ? undefined : 'Пароли не совпадают: повторите пароль точно так же.';
}
