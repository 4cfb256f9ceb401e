// The two password rules at their boundaries.
import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_POLICIES } from './password-policy.js';

const code = (policy: 'seed' | 'strict', password: string) =>
  checkPassword(PASSWORD_POLICIES[policy], password, 'password')?.code ?? 'OK';

describe('the seed policy (5 to 10 Latin letters and digits)', () => {
  it.each([
    ['abcd', 'PASSWORD_TOO_SHORT'],
    ['abcde', 'OK'],
    ['abcde12345', 'OK'],
    ['abcde123456', 'PASSWORD_TOO_LONG'],
    ['пароль', 'PASSWORD_INVALID_CHARACTERS'],
    ['abc de', 'PASSWORD_INVALID_CHARACTERS'],
    ['abc_de', 'PASSWORD_INVALID_CHARACTERS'],
    ['', 'PASSWORD_REQUIRED'],
  ])('%j → %s', (password, expected) => expect(code('seed', password)).toBe(expected));
});

describe('the strict policy (ASVS 5.0: 8 to 64 any characters, common ones refused)', () => {
  it.each([
    ['Abc1234', 'PASSWORD_TOO_SHORT'],
    ['Kx9#mQ2!', 'OK'],
    ['длинный пароль с пробелами', 'OK'],
    ['😀'.repeat(64), 'OK'],
    ['😀'.repeat(65), 'PASSWORD_TOO_LONG'],
    ['password1', 'PASSWORD_TOO_COMMON'],
    ['Password1', 'PASSWORD_TOO_COMMON'],
    ['12345678', 'PASSWORD_TOO_COMMON'],
    ['qwertyuiop', 'PASSWORD_TOO_COMMON'],
  ])('%j → %s', (password, expected) => expect(code('strict', password)).toBe(expected));
});
