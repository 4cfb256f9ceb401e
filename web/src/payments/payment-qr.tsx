// «Оплата через приложение банка»: the account's ГОСТ Р 56042-2014 QR code, which any Russian bank app reads, and
// the payment notice (извещение, ПД-4) with the same code as a PDF to save or print.
import { createResource, createSignal, Show, type Component } from 'solid-js';
import QRCode from 'qrcode';
import { client } from '../shared/client';
import { FailureAlert, requestFailure } from '../shared/forms';
import { graphql } from '../graphql';
import type { PaymentQr_AccountFragment } from '../graphql/graphql';
import { formatMoney, formatMonthLower } from '../shared/format';

export const PaymentQrFragment = graphql(`
  fragment PaymentQr_Account on PersonalAccount {
    id
    number
    paymentQr {
      payload
      amount
      period
    }
  }
`);

const PaymentNoticeQuery = graphql(`
  query PaymentQr_Notice($id: ID!) {
    personalAccount(id: $id) {
      id
      paymentNotice {
        fileName
        contentType
        contentBase64
      }
    }
  }
`);

export const PaymentQr: Component<{ account: PaymentQr_AccountFragment }> = (props) => {
  // Medium error correction keeps the code readable from a phone screen or a slightly creased print-out.
  const [image] = createResource(
    () => props.account.paymentQr?.payload,
    (payload) => QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 240 }),
  );
  return (
    <Show when={props.account.paymentQr}>
      {(qr) => (
        <section class="payment-qr" aria-labelledby={`qr-${props.account.number}`}>
          <h3 id={`qr-${props.account.number}`}>Оплата через приложение банка</h3>
          <Show when={image()}>
            <img
              src={image()}
              width="240"
              height="240"
              alt={`QR-код для оплаты лицевого счёта № ${props.account.number}`}
            />
          </Show>
          <p>
            Отсканируйте код в приложении банка: реквизиты поставщика, номер лицевого счёта и период (
            {formatMonthLower(qr().period)}) заполнятся сами
            {qr().amount !== null ? `, сумма — ${formatMoney(qr().amount!)}.` : '; сумму введите в приложении.'}
          </p>
          <PaymentNoticeDownload accountId={props.account.id} />
        </section>
      )}
    </Show>
  );
};

/** «Скачать извещение (PDF)»: asks the server for the notice of the latest month and saves it as a file. */
const PaymentNoticeDownload: Component<{ accountId: string }> = (props) => {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();

  const download = async () => {
    if (busy()) return;
    setBusy(true);
    setFailure(undefined);
    try {
      // A fresh notice every time: the amount due may have changed since the page was loaded.
      const result = await client
        .query(PaymentNoticeQuery, { id: props.accountId }, { requestPolicy: 'network-only' })
        .toPromise();
      const notice = result.data?.personalAccount?.paymentNotice;
      if (!notice) {
        setFailure(
          result.error
            ? requestFailure(result.error)
            : 'Извещение недоступно: поставщик не указал банковские реквизиты.',
        );
        return;
      }
      saveFile(notice.fileName, notice.contentType, notice.contentBase64);
    } catch {
      setFailure('Не удалось сохранить извещение. Попробуйте ещё раз.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="payment-notice">
      <button
        type="button"
        class="button button-secondary"
        disabled={busy()}
        aria-busy={busy()}
        onClick={() => void download()}
      >
        {busy() ? 'Формируем извещение…' : 'Скачать извещение (PDF)'}
      </button>
      <FailureAlert message={failure()} />
    </div>
  );
};

/** Saves `base64` as a file named `fileName`, through a temporary link to an object URL. */
function saveFile(fileName: string, contentType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the object URL after click() returns: let it live a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
