// The payment notice's task in the CPU pool: renders one PDF in a worker thread and says which thread did.
import { threadId } from 'node:worker_threads';
import { renderNoticePdf, type PaymentNoticeInput } from './payment-notice-pdf.js';

export default async function renderNotice(input: PaymentNoticeInput): Promise<{ pdf: Uint8Array; threadId: number }> {
  const pdf = await renderNoticePdf(input);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), threadId };
}
