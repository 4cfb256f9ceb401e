// Renders the payment notice's PDF (pdfkit, with the QR code drawn by qrcode): CPU-bound work that runs in a worker
// thread of the CPU pool (core/cpu-pool.ts), never on the event loop that serves requests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import QRCode from 'qrcode';
import { todayInMoscow } from '@kabinet/common/calendar';
import { formatMoney } from '@kabinet/common/money';
import { paymentPurpose, paymentQrPayload, type PaymentQrInput } from './payment-qr.js';

export interface PaymentNoticeInput extends PaymentQrInput {
  /** The holder as abonents see it (masked), as on the account card. */
  holder: string;
  address: string;
  /** When the notice is made: the PDF's creation date and the date printed under the form. */
  createdAt: Date;
}

/** `2026-11` → `11.2026`. */
function monthDotYear(period: string): string {
  const [year, month] = period.split('-');
  return `${month}.${year}`;
}

// DejaVu Sans has Cyrillic and «₽»; the files are read once, on the first notice.
const resolvePackage = createRequire(import.meta.url).resolve;
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function dejaVuSans(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(resolvePackage('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(resolvePackage('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** Millimetres to PDF points. */
const mm = (value: number) => (value * 72) / 25.4;

const PAGE_MARGIN = mm(15);
const FORM_WIDTH = mm(180);
const LEFT_COLUMN = mm(56);
const PADDING = mm(3);
const LABEL_WIDTH = mm(33);
const QR_SIZE = mm(50);
const TEXT = '#000000';
const MUTED = '#555555';

type Doc = InstanceType<typeof PDFKit>;

/** The one-page PDF of the notice; the same input (with the same `createdAt`) gives the same bytes. */
export async function renderNoticePdf(input: PaymentNoticeInput): Promise<Buffer> {
  const payload = paymentQrPayload(input);
  // Medium error correction, as on the screen: readable from a slightly creased print-out. 4 px a module keep the
  // edges sharp at print resolution (the image is placed 50 mm wide, quiet zone included).
  const qr = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 });
  const period = monthDotYear(input.period);
  // Loaded on the first notice: every Kabinet process (and each operator command) would otherwise pay for it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Извещение на оплату: лицевой счёт ${input.accountNumber}, ${period}`,
      Subject: paymentPurpose(input.accountNumber, input.period),
      Author: input.bank.payeeName,
      Creator: 'Личный кабинет абонента',
      CreationDate: input.createdAt,
      ModDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { regular, bold } = dejaVuSans();
  doc.registerFont('Regular', regular);
  doc.registerFont('Bold', bold);

  const left = PAGE_MARGIN;
  let top = PAGE_MARGIN;
  doc.font('Regular').fontSize(7).fillColor(MUTED);
  doc.text('Форма № ПД-4', left, top, { width: FORM_WIDTH, align: 'right', lineBreak: false });
  top += mm(4);

  const rows = formRows(input, period);
  const height = Math.max(formHeight(doc, rows), mm(8) + QR_SIZE + mm(12));
  drawPart(doc, { top, height, title: 'ИЗВЕЩЕНИЕ', rows, qr });
  drawPart(doc, { top: top + height, height, title: 'Квитанция', rows });

  const [year, month, day] = todayInMoscow(input.createdAt).split('-');
  doc.font('Regular').fontSize(8).fillColor(MUTED);
  doc.text(
    'Отсканируйте QR-код в приложении банка: реквизиты получателя, лицевой счёт, период и сумма заполнятся сами. ' +
      `Извещение сформировано в Личном кабинете абонента ${day}.${month}.${year}.`,
    left,
    top + 2 * height + mm(4),
    { width: FORM_WIDTH },
  );

  doc.end();
  return ended;
}

interface Row {
  label: string;
  value: string;
  /** The amount line: larger and bold. */
  strong?: boolean;
}

function formRows(input: PaymentNoticeInput, period: string): Row[] {
  const { bank } = input;
  return [
    { label: 'Получатель платежа', value: bank.payeeName },
    bank.kpp ? { label: 'ИНН / КПП', value: `${bank.inn} / ${bank.kpp}` } : { label: 'ИНН', value: bank.inn },
    { label: 'Расчётный счёт', value: bank.account },
    { label: 'Банк получателя', value: bank.bankName },
    { label: 'БИК', value: bank.bic },
    { label: 'Корр. счёт', value: bank.correspondentAccount },
    { label: 'Лицевой счёт', value: input.accountNumber },
    { label: 'Плательщик', value: input.holder },
    { label: 'Адрес', value: input.address },
    { label: 'Период', value: period },
    { label: 'Назначение платежа', value: paymentPurpose(input.accountNumber, input.period) },
    {
      label: 'Сумма',
      value: input.amount && input.amount > 0 ? formatMoney(input.amount) : '________ руб. ____ коп.',
      strong: true,
    },
  ];
}

const CONTENT_X = LEFT_COLUMN + PADDING;
const CONTENT_WIDTH = FORM_WIDTH - LEFT_COLUMN - 2 * PADDING;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH;
const ROW_GAP = mm(1.6);
const SIGNATURE_HEIGHT = mm(9);

function valueFont(doc: Doc, row: Row): Doc {
  return row.strong ? doc.font('Bold').fontSize(11) : doc.font('Regular').fontSize(9);
}

function rowHeight(doc: Doc, row: Row): number {
  const value = valueFont(doc, row).heightOfString(row.value, { width: VALUE_WIDTH });
  const label = doc
    .font('Regular')
    .fontSize(7.5)
    .heightOfString(row.label, { width: LABEL_WIDTH - mm(1) });
  return Math.max(value, label) + ROW_GAP;
}

function formHeight(doc: Doc, rows: Row[]): number {
  return PADDING + rows.reduce((sum, row) => sum + rowHeight(doc, row), 0) + SIGNATURE_HEIGHT + PADDING;
}

/** One part of the form: the title column on the left (with the QR code on the notice), the details on the right. */
function drawPart(doc: Doc, part: { top: number; height: number; title: string; rows: Row[]; qr?: Buffer }): void {
  const x = PAGE_MARGIN;
  const { top, height } = part;
  doc.lineWidth(0.8).strokeColor(TEXT);
  doc.rect(x, top, FORM_WIDTH, height).stroke();
  doc
    .moveTo(x + LEFT_COLUMN, top)
    .lineTo(x + LEFT_COLUMN, top + height)
    .stroke();

  doc.font('Bold').fontSize(12).fillColor(TEXT);
  doc.text(part.title, x, top + mm(3), { width: LEFT_COLUMN, align: 'center', lineBreak: false });
  if (part.qr) doc.image(part.qr, x + (LEFT_COLUMN - QR_SIZE) / 2, top + mm(9), { width: QR_SIZE });
  doc.font('Regular').fontSize(9).fillColor(TEXT);
  doc.text('Кассир', x, top + height - mm(7), { width: LEFT_COLUMN, align: 'center', lineBreak: false });

  let y = top + PADDING;
  const contentX = x + CONTENT_X;
  for (const row of part.rows) {
    const rowTop = y;
    doc.font('Regular').fontSize(7.5).fillColor(MUTED);
    doc.text(row.label, contentX, rowTop + 1.5, { width: LABEL_WIDTH - mm(1) });
    valueFont(doc, row).fillColor(TEXT);
    const valueHeight = doc.heightOfString(row.value, { width: VALUE_WIDTH });
    doc.text(row.value, contentX + LABEL_WIDTH, rowTop, { width: VALUE_WIDTH });
    y = rowTop + rowHeight(doc, row);
    doc.lineWidth(0.4).strokeColor(MUTED);
    doc
      .moveTo(contentX + LABEL_WIDTH, rowTop + valueHeight + 0.5)
      .lineTo(contentX + CONTENT_WIDTH, rowTop + valueHeight + 0.5)
      .stroke();
  }
  doc.font('Regular').fontSize(8).fillColor(TEXT);
  doc.text('Подпись плательщика ________________      Дата «____» ________________ 20____ г.', contentX, y + mm(4), {
    width: CONTENT_WIDTH,
    lineBreak: false,
  });
}
