// The letters identity sends, in Russian, as HTML and plain text.
import { formatDate, formatDuration, formatMonthLower } from '@kabinet/common/dates';
import { escapeHtml, type Letter } from '../../../core/mail.js';

const SIGNATURE = 'С уважением,\nЛичный кабинет абонента';

function letter(
  kind: string,
  to: string,
  subject: string,
  paragraphs: string[],
  link?: { url: string; label: string },
): Letter {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), SIGNATURE].join('\n\n');
  const html = [
    '<!doctype html><html lang="ru"><body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
    `<p>${escapeHtml(SIGNATURE).replace('\n', '<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { kind, to, subject, text, html };
}

export function confirmationLetter(to: string, url: string, deadline: Date): Letter {
  return letter(
    'confirm-email',
    to,
    'Подтвердите регистрацию в Личном кабинете',
    [
      'Вы зарегистрировались в Личном кабинете абонента. Чтобы подтвердить регистрацию, перейдите по ссылке ниже.',
      `Внимание! Ссылка действительна до ${formatDate(deadline)}. После истечения указанной даты Ваш Личный кабинет будет удалён.`,
      'Если Вы не регистрировались, просто не отвечайте на это письмо.',
    ],
    { url, label: 'Подтвердить регистрацию' },
  );
}

export function alreadyRegisteredLetter(to: string, loginUrl: string, resetUrl: string): Letter {
  return letter('already-registered', to, 'Попытка повторной регистрации в Личном кабинете', [
    'Кто-то (возможно, Вы) попытался зарегистрировать Личный кабинет на этот адрес электронной почты, но кабинет с этим адресом уже существует.',
    `Войти в Личный кабинет: ${loginUrl}`,
    `Если Вы забыли пароль, восстановите его: ${resetUrl}`,
    'Если это были не Вы, ничего делать не нужно.',
  ]);
}

export function passwordChangedLetter(to: string, resetUrl: string): Letter {
  return letter('password-changed', to, 'Пароль от Личного кабинета изменён', [
    'Пароль от Вашего Личного кабинета только что был изменён. Все остальные сеансы входа завершены.',
    `Если это были не Вы, немедленно восстановите доступ: ${resetUrl}`,
  ]);
}

export function passwordResetLetter(to: string, url: string, validForMs: number): Letter {
  return letter(
    'reset-password',
    to,
    'Восстановление пароля от Личного кабинета',
    [
      'Вы запросили восстановление пароля от Личного кабинета. Чтобы задать новый пароль, перейдите по ссылке ниже.',
      `Ссылка действительна ${formatDuration(validForMs)} и только один раз.`,
      'Если Вы не запрашивали восстановление, просто не отвечайте на это письмо: пароль останется прежним.',
    ],
    { url, label: 'Задать новый пароль' },
  );
}

export function supportRequestLetter(
  to: string,
  request: { number: number; topic: string; message: string; contactEmail: string },
): Letter {
  return letter('support-request', to, `Обращение в поддержку: ${request.topic}`, [
    `Обращение № ${request.number}`,
    `Тема: ${request.topic}`,
    `Адрес для ответа: ${request.contactEmail}`,
    request.message,
  ]);
}

export function supportAdditionLetter(
  to: string,
  request: { number: number; topic: string; contactEmail: string },
  text: string,
): Letter {
  return letter('support-addition', to, `Дополнение к обращению № ${request.number}: ${request.topic}`, [
    `Абонент дополнил обращение № ${request.number}.`,
    `Тема: ${request.topic}`,
    `Адрес для ответа: ${request.contactEmail}`,
    text,
    `Ответить: npm run support -- answer ${request.number} "<текст ответа>" или мутацией answerSupportRequest.`,
  ]);
}

const ANSWER_STATUS_LINES: Record<string, string> = {
  WAITING_FOR_ABONENT: 'Поддержка ждёт Вашего ответа.',
  CLOSED: 'Обращение закрыто. Если вопрос остался, напишите новое обращение.',
};

/** An answer from support to the abonent: the text itself, the status it left, and where to read the thread. */
export function supportAnswerLetter(
  to: string,
  request: { number: number; topic: string; status: string; abonentId?: string | null },
  text: string,
  url: string,
): Letter {
  const next = request.abonentId
    ? 'Прочитать переписку и дополнить обращение можно в разделе «Поддержка» Личного кабинета.'
    : 'Если нужно что-то добавить, напишите новое обращение в разделе «Поддержка».';
  return letter(
    'support-answer',
    to,
    `Ответ на обращение № ${request.number}: ${request.topic}`,
    [
      `Поддержка ответила на Ваше обращение № ${request.number} «${request.topic}»:`,
      text,
      ...(ANSWER_STATUS_LINES[request.status] ? [ANSWER_STATUS_LINES[request.status]!] : []),
      next,
    ],
    { url, label: 'Открыть обращение' },
  );
}

/**
 * `period` (YYYY-MM) is the month the readings count for, named outright: with a closing day early in the month the
 * reminder comes in the month before it.
 */
export function readingReminderLetter(
  to: string,
  accountNumbers: string[],
  period: string,
  closingDate: string,
  url: string,
): Letter {
  const [year, month, day] = closingDate.split('-');
  const accounts =
    accountNumbers.length === 1 ? `лицевому счёту ${accountNumbers[0]}` : `лицевым счетам ${accountNumbers.join(', ')}`;
  return letter(
    'reading-reminder',
    to,
    'Напоминание: передайте показания счётчика',
    [
      `Вы ещё не передали показания счётчика по ${accounts} за ${formatMonthLower(period)}.`,
      `Показания, переданные до ${day}.${month}.${year} включительно, будут учтены в расчёте за ${formatMonthLower(period)}.`,
      'Отказаться от напоминаний можно в разделе «Настройки» Личного кабинета.',
    ],
    { url, label: 'Передать показания' },
  );
}
