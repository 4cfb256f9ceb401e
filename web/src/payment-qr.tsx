// «Оплата через приложение банка»: the account's ГОСТ Р 56042-2014 QR code, which any Russian bank app reads.
import { createResource, Show, type Component } from 'solid-js';
import QRCode from 'qrcode';
import { graphql } from './graphql';
import type { PaymentQr_AccountFragment } from './graphql/graphql';
import { formatMoney, formatMonthLower } from './format';

export const PaymentQrFragment = graphql(`
  fragment PaymentQr_Account on PersonalAccount {
    number
    paymentQr {
      payload
      amount
      period
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
        </section>
      )}
    </Show>
  );
};
