// The card form of the payment page: what the payer typed, checked as a real acquirer would, and what the
// test cards do.

/** What a valid card leads to. */
export type CardBehaviour = 'succeed' | 'decline' | '3ds' | 'unsupported';

export interface TestCard {
  readonly number: string;
  /** As shown to the payer, in groups of four. */
  readonly display: string;
  readonly behaviour: Exclude<CardBehaviour, 'unsupported'>;
  /** What it does, for the table on the page (Russian). */
  readonly label: string;
}

/** The 3-D Secure code that confirms a payment with the 3-D Secure test card. */
export const THREE_DS_CODE = '12345';

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4111111111111111', display: '4111 1111 1111 1111', behaviour: 'succeed', label: 'успешная оплата' },
  { number: '4000000000000002', display: '4000 0000 0000 0002', behaviour: 'decline', label: 'банк отклоняет' },
  {
    number: '4000000000003220',
    display: '4000 0000 0000 3220',
    behaviour: '3ds',
    label: `требуется код 3-D Secure (код ${THREE_DS_CODE})`,
  },
];

export function cardBehaviour(digits: string): CardBehaviour {
  return TEST_CARDS.find((card) => card.number === digits)?.behaviour ?? 'unsupported';
}

/** The Luhn check digit test every card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export interface CardForm {
  readonly card: string;
  readonly expiry: string;
  readonly cvc: string;
}
export type CardField = keyof CardForm;
export type CardErrors = Partial<Record<CardField, string>>;

/** Checks the form; the card's digits when it is valid, the errors (Russian, per field) otherwise. */
export function checkCardForm(
  form: CardForm,
  now: Date,
): { ok: true; digits: string } | { ok: false; errors: CardErrors } {
  const errors: CardErrors = {};
  const digits = form.card.replace(/ /g, '');
  if (!/^\d{16,19}$/.test(digits) || !passesLuhn(digits)) errors.card = 'Проверьте номер карты';

  const expiry = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(form.expiry);
  const month = expiry ? Number(expiry[1]) : 0;
  if (!expiry || month < 1 || month > 12) {
    errors.expiry = 'Укажите срок действия в формате ММ/ГГ';
  } else {
    // A card is valid to the end of its month; two-digit years are of this century.
    const expires = (2000 + Number(expiry[2])) * 12 + month - 1;
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
    if (expires < current) errors.expiry = 'Срок действия карты истёк';
    else if (expires > current + 20 * 12) errors.expiry = 'Проверьте срок действия карты';
  }

  if (!/^\d{3}$/.test(form.cvc.trim())) errors.cvc = 'CVC — три цифры на обороте карты';
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, digits };
}
