// The payment notice (извещение) of one account for one month: a one-page A4 PDF laid out like the familiar bank
// form ПД-4, the notice with the ГОСТ Р 56042-2014 QR code above and the receipt (квитанция) the cashier returns
// below. The QR code carries exactly what `PersonalAccount.paymentQr` would for the same month and amount.
import { addMonths, currentMonth, isMonth } from '@kabinet/common/calendar';
import { runInCpuPool } from '../../../core/cpu-pool.js';
import { AppError, ErrorCode } from '../../../core/errors.js';
import type { Caller } from '../../../core/caller.js';
import { cachedPerStore, createLimit, type Limit, type RateLimitStores } from '../../../core/rate-limit.js';
import type { AccountsContext } from '../accounts.context.js';
import type { PaymentNoticeInput } from './payment-notice-pdf.js';
import { PaymentNotice } from './personal-account.types.js';

/** How far back a notice may be asked for, in months before the current one. */
export const NOTICE_MONTHS_BACK = 36;

/** Each notice is a PDF rendered on request: a request may ask for this many, whatever the number of accounts. */
export const MAX_NOTICES_PER_REQUEST = 10;

export const NOTICE_CONTENT_TYPE = 'application/pdf';

export type { PaymentNoticeInput } from './payment-notice-pdf.js';

/**
 * The month a notice is asked for, checked: YYYY-MM, not after the current month (Moscow time) and at most
 * NOTICE_MONTHS_BACK months before it.
 */
export function checkNoticePeriod(period: string, now = new Date()): string {
  if (!isMonth(period)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Период укажите в виде ГГГГ-ММ, например 2026-01.', {
      field: 'period',
    });
  }
  const current = currentMonth(now);
  if (period > current) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      'Извещение за будущий месяц сформировать нельзя: укажите текущий или прошедший месяц.',
      { field: 'period' },
    );
  }
  if (period < addMonths(current, -NOTICE_MONTHS_BACK)) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Извещение можно сформировать не более чем за ${NOTICE_MONTHS_BACK} месяцев назад.`,
      { field: 'period' },
    );
  }
  return period;
}

const noticesByRequest = new WeakMap<object, number>();

/** Counts one more notice for the request `key` (its loaders) and refuses past MAX_NOTICES_PER_REQUEST. */
export function countNotice(key: object): void {
  const count = (noticesByRequest.get(key) ?? 0) + 1;
  noticesByRequest.set(key, count);
  if (count > MAX_NOTICES_PER_REQUEST) {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      `За один запрос можно сформировать не более ${MAX_NOTICES_PER_REQUEST} извещений.`,
      { limit: MAX_NOTICES_PER_REQUEST },
    );
  }
}

/** The costly-field limit of a store, one per configured rate (tests run several configurations in one process). */
const rateLimits = cachedPerStore((stores: RateLimitStores) => {
  const byRate = new Map<string, Limit>();
  return (points: number, windowSeconds: number): Limit => {
    const key = `${points}/${windowSeconds}`;
    let limit = byRate.get(key);
    if (!limit) byRate.set(key, (limit = createLimit(stores, `costly-${key}`, points, windowSeconds)));
    return limit;
  };
});

/** Whose costly fields are counted together: an abonent, a partner app (all its keys), or else an address. */
export function costlyCallerKey(caller: Caller, clientIp: string): string {
  if (caller.kind === 'abonent') return `abonent:${caller.abonentId}`;
  if (caller.kind === 'partner') return `partner:${caller.partnerAppId}`;
  return `ip:${clientIp}`;
}

/** «45 с», «3 мин.»: when to try again. */
function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин.`;
}

/**
 * Counts one costly field (a notice) for the caller across requests and refuses past COSTLY_RATE_LIMIT per
 * COSTLY_RATE_WINDOW, saying when to try again. Counted before the work, so a refusal costs nothing.
 */
export async function countCostlyField(ctx: AccountsContext): Promise<void> {
  const { points, windowSeconds } = ctx.config.costlyRate;
  const limit = rateLimits({ em: ctx.em, redis: ctx.redis, schemaName: 'accounts', tableName: 'attempt_limit' })(
    points,
    windowSeconds,
  );
  const wait = await limit.hit(costlyCallerKey(ctx.caller, ctx.clientIp));
  if (wait === null) return;
  const retry = waitText(wait);
  throw new AppError(
    ErrorCode.RATE_LIMITED,
    `Слишком много извещений за короткое время (не более ${points} за ${waitText(windowSeconds)}). ` +
      `Следующее можно сформировать через ${retry}${retry.endsWith('.') ? '' : '.'}`,
    { limit: points, retryAfterSeconds: wait },
  );
}

export function noticeFileName(accountNumber: string, period: string): string {
  return `izveshchenie-${accountNumber}-${period}.pdf`;
}

/** The notice as the API returns it: the PDF (base64) with its name, type, month and amount. */
export async function paymentNotice(input: PaymentNoticeInput): Promise<PaymentNotice> {
  const pdf = await paymentNoticePdf(input);
  return Object.assign(new PaymentNotice(), {
    fileName: noticeFileName(input.accountNumber, input.period),
    contentType: NOTICE_CONTENT_TYPE,
    contentBase64: pdf.toString('base64'),
    period: input.period,
    amount: input.amount,
  });
}

/** The notice's task in the CPU pool (payment-notice.worker.ts). */
const NOTICE_WORKER = new URL('./payment-notice.worker.ts', import.meta.url);

/**
 * The one-page PDF of the notice, rendered in a worker thread of the CPU pool; the same input (with the same
 * `createdAt`) gives the same bytes.
 */
export async function paymentNoticePdf(input: PaymentNoticeInput): Promise<Buffer> {
  const { pdf } = await renderedNotice(input);
  return pdf;
}

/** The notice's PDF and the id of the thread that rendered it (a worker's, never the event loop's). */
export async function renderedNotice(input: PaymentNoticeInput): Promise<{ pdf: Buffer; threadId: number }> {
  // Plain data only crosses to the worker (structured clone): the bank details may be an entity's embeddable.
  const task = { ...input, bank: { ...input.bank } };
  const { pdf, threadId } = await runInCpuPool<typeof task, { pdf: Uint8Array; threadId: number }>(NOTICE_WORKER, task);
  return { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), threadId };
}
