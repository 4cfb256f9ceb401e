// E-mail addresses as logins: trimmed, checked, compared case-insensitively.
import { UserError } from '../../../core/user-error.js';

const SHAPE = /^[^\s@"<>()\[\],;:\\]+@[^\s@"<>()\[\],;:\\]+\.[^\s@"<>()\[\],;:\\]{2,}$/u;
const CONTROL = /[\u0000-\u001F\u007F]/u;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The trimmed address, or the field error to show. */
export function checkEmail(raw: string, field: string): { email: string } | { error: UserError } {
  const email = raw.trim();
  if (!email) return { error: UserError.of(field, 'EMAIL_REQUIRED', 'Укажите адрес электронной почты.') };
  if (email.length > 254) {
    return {
      error: UserError.of(field, 'EMAIL_TOO_LONG', 'Адрес электронной почты не может быть длиннее 254 символов.'),
    };
  }
  if (CONTROL.test(email) || !SHAPE.test(email)) {
    return { error: UserError.of(field, 'EMAIL_INVALID', 'Укажите адрес электронной почты в виде name@example.ru.') };
  }
  return { email };
}
