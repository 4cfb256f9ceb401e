import { describe, expect, it } from 'vitest';
import { passwordResetLetter } from './letters.js';

describe('the password reset letter', () => {
  it('says how long the link lasts as PASSWORD_RESET_TTL sets it', () => {
    const letter = passwordResetLetter('a@example.ru', 'https://lk.example.ru/reset-password?token=t', 30 * 60_000);
    expect(letter.text).toContain('Ссылка действительна 30 минут и только один раз.');
    expect(letter.html).toContain('Ссылка действительна 30 минут и только один раз.');
  });
});
