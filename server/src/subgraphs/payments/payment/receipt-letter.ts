// The letter a payer gets when a payment succeeds: the payment and the details a 54-ФЗ cash receipt carries.
// It names only labels the cabinet shows («Оплачено», «К оплате», «Лицевые счета»).
// The fiscal receipt itself (with its ФН/ФД/ФП numbers) is issued by the acquirer's online cash register.
import type { Config } from '../../../core/config.js';
import { escapeHtml, type Letter } from '../../../core/mail.js';
import { formatMoney, includedVat } from '@kabinet/common/money';
import type { PaymentRow } from './payment.types.js';

const MOSCOW_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** What the receipt line says, the same in the letter and in the receipt sent to the acquirer. */
export function receiptItemDescription(accountNumber: string): string {
  return `Оплата услуг газоснабжения, лицевой счёт ${accountNumber}`;
}

export function receiptLetter(
  config: Config,
  input: { payment: PaymentRow; paidAt: Date; seller: { name: string; inn: string | null } },
): Letter {
  const { payment, paidAt, seller } = input;
  const amount = Number(payment.amount_kopecks);
  const vatRate = config.payments.receiptVatRate;
  const rows: Array<[string, string]> = [
    ['Кассовый чек', 'Приход'],
    ['Продавец', seller.name],
    ...(seller.inn ? ([['ИНН продавца', seller.inn]] as Array<[string, string]>) : []),
    ['Дата и время расчёта', `${MOSCOW_TIME.format(paidAt)} (МСК)`],
    ['Место расчётов', config.publicUrl],
    ['Предмет расчёта', receiptItemDescription(payment.account_number)],
    ['Количество', '1'],
    ['Цена', formatMoney(amount)],
    ['Признак предмета расчёта', 'Услуга'],
    ['Признак способа расчёта', 'Полный расчёт'],
    ['НДС', vatRate === null ? 'Без НДС' : `${vatRate}%, в том числе ${formatMoney(includedVat(amount, vatRate))}`],
    ['Итого', formatMoney(amount)],
    ['Безналичными', formatMoney(amount)],
    ['Эл. адрес покупателя', payment.receipt_email],
    ['Номер платежа', payment.id],
  ];
  const intro = `Оплата ${formatMoney(amount)} по лицевому счёту ${payment.account_number} прошла успешно.`;
  const outro =
    'Оплата поступит поставщику газа в течение 1–3 рабочих дней. В Личном кабинете она уже видна: в истории ' +
    'платежей со статусом «Оплачено», а сумма «К оплате» на странице «Лицевые счета» уменьшена на неё. ' +
    'Фискальный чек (с номерами ФН, ФД и ФП) направляет касса платёжного сервиса.';
  const text = [intro, rows.map(([k, v]) => `${k}: ${v}`).join('\n'), outro, 'Личный кабинет абонента'].join('\n\n');
  const html = [
    '<!doctype html><html lang="ru"><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(intro)}</p>`,
    '<table style="border-collapse: collapse">',
    ...rows.map(
      ([k, v]) =>
        `<tr><th style="text-align: left; padding: 2px 12px 2px 0">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
    ),
    '</table>',
    `<p>${escapeHtml(outro)}</p>`,
    '<p>Личный кабинет абонента</p>',
    '</body></html>',
  ].join('\n');
  return {
    kind: 'payment-receipt',
    to: payment.receipt_email,
    subject: `Оплата по лицевому счёту ${payment.account_number}: ${formatMoney(amount)}`,
    text,
    html,
  };
}
