// An account at a glance: what is due (or paid ahead), how many days are left to send readings and until when, and
// the warnings that need the abonent (a meter's verification expiring or past, no online payment); the details open
// below it by one button.
import { For, Show, type Component, type JSX } from 'solid-js';
import { formatMoney, todayInMoscow } from '../shared/format';
import { Tooltip } from '../shared/tooltip';
import type { Account } from './account-details';
import { daysText, readingWindow } from '@kabinet/common/reading-window';

export const DUE_HINT =
  'Задолженность по последнему расчёту поставщика за вычетом оплат онлайн, которые поставщик ещё не провёл. Столько нужно оплатить сейчас.';
export const ADVANCE_HINT =
  'Аванс — сумма, оплаченная сверх задолженности. Поставщик зачтёт её в счёт следующих начислений.';
export const VERIFICATION_HINT =
  'Поверка — проверка точности счётчика, которую проводит аккредитованная организация. После даты поверки показания счётчика не принимаются: закажите поверку и передайте поставщику её свидетельство.';

/** The advance (paid beyond the debt): payments' `amountDue`; until payments knows the account, an overpaid balance. */
function advanceOf(account: Account): number {
  return account.amountDue?.advance ?? (account.balance.kopecks < 0 ? -account.balance.kopecks : 0);
}

export const AccountSummary: Component<{
  account: Account;
  /** Whether the details are shown (kept by the list: a reload re-creates the cards). */
  open: boolean;
  onToggle: () => void;
  details: () => JSX.Element;
}> = (props) => {
  const id = () => props.account.id;
  const headingId = () => `account-${id()}-heading`;
  const detailsId = () => `account-${id()}-details`;
  const period = () =>
    props.account.meters && props.account.meters.length > 0
      ? readingWindow(todayInMoscow(), props.account.supplier.readingClosingDay)
      : null;
  const expired = () => (props.account.meters ?? []).filter((m) => m.verificationStatus === 'EXPIRED');
  const dueSoon = () => (props.account.meters ?? []).filter((m) => m.verificationStatus === 'DUE_SOON');
  const metersCount = () => props.account.meters?.length ?? 0;
  /** «счётчика № X » where the account has several meters; the one meter needs no number here. */
  const serial = (meter: { serialNumber: string }) =>
    metersCount() > 1 ? `счётчика №\u00a0${meter.serialNumber} ` : '';
  const offline = () => !props.account.onlinePayment?.available && !props.account.paymentQr;

  return (
    <article class="card account-card" aria-labelledby={headingId()} data-testid="account-card">
      <div class="account-summary-head">
        <h2 id={headingId()} class="account-number">
          <span class="account-number-word">Лицевой счёт </span>№&nbsp;{props.account.number}
        </h2>
        <button
          type="button"
          class="button button-secondary account-summary-toggle"
          aria-expanded={props.open}
          aria-controls={detailsId()}
          aria-label={`${props.open ? 'Скрыть подробности' : 'Подробнее'}: лицевой счёт № ${props.account.number}`}
          onClick={() => props.onToggle()}
        >
          {props.open ? 'Скрыть' : 'Подробнее'}
        </button>
      </div>
      <p class="account-supplier">{props.account.supplier.name}</p>
      <dl class="account-summary" data-testid="account-summary">
        <div>
          <dt>
            К оплате <Tooltip id={`due-hint-${id()}`} label="Что входит в сумму к оплате" text={DUE_HINT} />
          </dt>
          <dd class="account-summary-due">
            <Show when={props.account.amountDue} fallback="сейчас недоступно">
              {(amountDue) => (
                <strong classList={{ 'is-debt': amountDue().due > 0 }}>{formatMoney(amountDue().due)}</strong>
              )}
            </Show>
            <Show when={offline()}>
              <span class="account-summary-offline"> по квитанции</span>
            </Show>
            {/* In the same line: a phone has room for one more figure there, not for another line per account. */}
            <Show when={advanceOf(props.account) > 0}>
              <span class="account-summary-advance">
                , аванс {formatMoney(advanceOf(props.account))}{' '}
                <Tooltip id={`advance-hint-${id()}`} label="Что такое аванс" text={ADVANCE_HINT} />
              </span>
            </Show>
          </dd>
        </div>
        <Show when={period()}>
          {(w) => (
            <div>
              <dt>
                Показания{' '}
                <Tooltip
                  id={`period-hint-${id()}`}
                  label="Когда передавать показания"
                  text={`Показания, переданные по ${props.account.supplier.readingClosingDay}-е число месяца включительно (день закрытия периода), учитываются в расчёте за этот месяц, позже — за следующий.${w().afterClosing ? ' Период этого месяца уже закрыт: показания, переданные сейчас, пойдут в расчёт за следующий месяц.' : ''}`}
                />
              </dt>
              <dd class="account-summary-readings">
                до {w().untilText} ({daysText(w().daysLeft)})
              </dd>
            </div>
          )}
        </Show>
      </dl>
      <For each={expired()}>
        {(meter) => (
          <p class="account-summary-warning is-expired">
            Поверка {serial(meter)}истекла: показания не принимаются
            <Tooltip id={`verification-hint-${meter.id}`} label="Что такое поверка" text={VERIFICATION_HINT} />
          </p>
        )}
      </For>
      <For each={dueSoon()}>
        {(meter) => (
          <p class="account-summary-warning is-due-soon">
            Скоро истекает поверка {serial(meter)}
            <Tooltip id={`verification-hint-${meter.id}`} label="Что такое поверка" text={VERIFICATION_HINT} />
          </p>
        )}
      </For>
      <div id={detailsId()} class="account-summary-details">
        <Show when={props.open}>{props.details()}</Show>
      </div>
    </article>
  );
};
