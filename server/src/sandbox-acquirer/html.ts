// The hosted payment page's HTML: server-rendered, no JavaScript, every interpolated value escaped. Links and
// form actions between our pages are relative (they work behind a proxy that moves the prefix); the only
// absolute link is the merchant's return URL.
import { TEST_CARDS, THREE_DS_CODE, type CardErrors, type CardField } from './cards.js';
import type { PaymentRow } from './store.js';
import { escapeHtml } from '../core/mail.js';
import { formatMoney } from '@kabinet/common/money';

/** Why a payment did not go through, for the payer. */
const REASONS: Readonly<Record<string, string>> = {
  card_declined: 'Банк отклонил операцию',
  '3d_secure_failed': 'Не пройдена проверка 3-D Secure',
  card_not_supported: 'В тестовом режиме принимаются только тестовые карты',
  expired_on_confirmation: 'Истекло время на оплату',
  canceled_by_payer: 'Вы отменили оплату',
  canceled_by_merchant: 'Магазин отменил платёж',
};

export function reasonText(reason: string | null): string {
  return (reason && REASONS[reason]) || 'Платёж отменён';
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;line-height:1.5}
body{background:#f3f4f7;color:#1d1f24}
main{max-width:30rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.5rem;margin:.25rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.test{background:#fff4cc;border:1px solid #e6c200;border-radius:.5rem}
.test{padding:.5rem .75rem;margin:0 0 1rem;font-weight:600}
.summary{margin:0 0 1rem}
.summary dt{color:#5a5f6b;font-size:.9rem}
.summary dd{margin:0 0 .5rem}
.amount{font-size:1.4rem;font-weight:700}
.field{margin:0 0 1rem}
.row{display:flex;gap:1rem}
.row .field{flex:2;min-width:0}
.row .field:first-child{flex:3}
label{display:block;font-weight:600;margin:0 0 .25rem}
input{width:100%;font:inherit;padding:.6rem .75rem;border:1px solid #9aa0ac;border-radius:.4rem}
input:focus{outline:3px solid #7aa7ff;outline-offset:1px}
input[aria-invalid=true]{border-color:#c62828}
.error{color:#c62828;margin:.25rem 0 0;font-size:.95rem}
.alert{color:#c62828;font-weight:600}
button{font:inherit;cursor:pointer}
.pay{width:100%;padding:.8rem;border:0;border-radius:.5rem;background:#1565c0;color:#fff;font-weight:700}
.pay:hover{background:#0d47a1}
.secondary{margin:1rem 0 0}
.secondary button{background:none;border:0;padding:0;color:#1565c0;text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #dde0e6}
td:first-child{white-space:nowrap;font-variant-numeric:tabular-nums}
.hint{color:#5a5f6b;font-size:.9rem}
.back{display:inline-block;margin:1rem 0 0;padding:.7rem 1.2rem;border-radius:.5rem}
.back{background:#1565c0;color:#fff;text-decoration:none;font-weight:700}
`;

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${head}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="test" role="note">Тестовый режим — деньги не списываются</p>
${body}
</main>
</body>
</html>
`;
}

function summary(payment: PaymentRow): string {
  return `<dl class="summary">
<dt>Назначение платежа</dt><dd>${escapeHtml(payment.description || '—')}</dd>
<dt>Сумма</dt><dd class="amount">${escapeHtml(formatMoney(payment.amountKopecks))}</dd>
</dl>`;
}

function field(options: {
  name: CardField | 'code';
  label: string;
  value?: string;
  error?: string;
  attributes: string;
}): string {
  const { name, label, value, error, attributes } = options;
  const described = error ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
  return `<div class="field">
<label for="${name}">${escapeHtml(label)}</label>
<input id="${name}" name="${name}" ${attributes} value="${escapeHtml(value ?? '')}" required${described}>
${error ? `<p class="error" id="${name}-error">${escapeHtml(error)}</p>` : ''}
</div>`;
}

function cancelForm(action: string, label: string): string {
  return `<form method="post" action="${escapeHtml(action)}" class="secondary">
<button type="submit">${escapeHtml(label)}</button>
</form>`;
}

/** The card form: GET /pay/:id, and again with errors after a rejected POST. */
export function paymentPage(
  payment: PaymentRow,
  now: Date,
  input: { card?: string; expiry?: string; errors?: CardErrors } = {},
): string {
  const errors = input.errors ?? {};
  const amount = formatMoney(payment.amountKopecks);
  const example = `12/${String((now.getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
  const cards = TEST_CARDS.map(
    (card) => `<tr><td>${escapeHtml(card.display)}</td><td>${escapeHtml(card.label)}</td></tr>`,
  ).join('\n');
  return layout(
    'Оплата — тестовый эквайер',
    `<h1>Оплата картой</h1>
${summary(payment)}
${Object.keys(errors).length ? '<p class="alert" role="alert">Проверьте данные карты</p>' : ''}
<form method="post" novalidate>
${field({
  name: 'card',
  label: 'Номер карты',
  value: input.card,
  error: errors.card,
  attributes:
    'type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" placeholder="0000 0000 0000 0000"',
})}
<div class="row">
${field({
  name: 'expiry',
  label: 'Срок действия (ММ/ГГ)',
  value: input.expiry,
  error: errors.expiry,
  attributes: 'type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="ММ/ГГ"',
})}
${field({
  name: 'cvc',
  label: 'CVC',
  error: errors.cvc,
  attributes: 'type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="3"',
})}
</div>
<button type="submit" class="pay">Оплатить ${escapeHtml(amount)}</button>
</form>
${cancelForm(`${encodeURIComponent(payment.id)}/cancel`, 'Отменить и вернуться')}
<section aria-labelledby="test-cards">
<h2 id="test-cards">Тестовые карты</h2>
<table>
<thead><tr><th scope="col">Номер карты</th><th scope="col">Что произойдёт</th></tr></thead>
<tbody>
${cards}
</tbody>
</table>
<p class="hint">Срок действия — любой в будущем (например, ${escapeHtml(example)}), CVC — любые три цифры.</p>
</section>`,
  );
}

/** The bank's 3-D Secure step: GET/POST /pay/:id/3ds. */
export function threeDsPage(payment: PaymentRow, error?: string): string {
  return layout(
    'Подтверждение 3-D Secure — тестовый эквайер',
    `<h1>Подтверждение платежа</h1>
${summary(payment)}
<p>Банк отправил код подтверждения в SMS на телефон владельца карты${
      payment.threeDsCardLast4 ? ` •••• ${escapeHtml(payment.threeDsCardLast4)}` : ''
    }. В тестовом режиме код — <strong>${THREE_DS_CODE}</strong>.</p>
<form method="post" novalidate>
${field({
  name: 'code',
  label: 'Код из SMS',
  error,
  attributes: 'type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="8"',
})}
<button type="submit" class="pay">Подтвердить</button>
</form>
${cancelForm('cancel', 'Отменить и вернуться')}`,
  );
}

/** What came of the payment, with the way back to the merchant (a link, and a refresh after 3 s). */
export function outcomePage(payment: PaymentRow): string {
  const back = escapeHtml(payment.returnUrl);
  const heading =
    payment.status === 'succeeded'
      ? 'Оплата прошла'
      : payment.status === 'canceled'
        ? `Оплата не прошла: ${reasonText(payment.cancellationReason)}`
        : 'Платёж ожидает оплаты';
  const title =
    payment.status === 'succeeded' ? 'Оплата прошла' : payment.status === 'canceled' ? 'Оплата не прошла' : 'Оплата';
  return layout(
    `${title} — тестовый эквайер`,
    `<h1 role="status">${escapeHtml(heading)}</h1>
${summary(payment)}
${payment.status === 'succeeded' && payment.cardLast4 ? `<p>Карта •••• ${escapeHtml(payment.cardLast4)}</p>` : ''}
<p class="hint">Через несколько секунд вы вернётесь в магазин.</p>
<a class="back" href="${back}">Вернуться в магазин</a>`,
    `<meta http-equiv="refresh" content="3;url=${back}">\n`,
  );
}

export function notFoundPage(): string {
  return layout(
    'Платёж не найден — тестовый эквайер',
    `<h1>Платёж не найден</h1>
<p>Проверьте ссылку или вернитесь в магазин и начните оплату заново.</p>`,
  );
}
