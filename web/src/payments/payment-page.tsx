// «Оплата онлайн» of one account: the current debt or an amount of the abonent's choosing, readings sent along if
// wished, the e-mail for the receipt; then on to the acquirer's payment page, which brings the payer back to
// «/oplata/rezultat».
import { createSignal, Match, onCleanup, onMount, Show, Switch, type Component } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { AbonentData, AbonentOnly } from '../shared/abonent-only';
import { ONLINE_PAYMENT_UNAVAILABLE } from './account-payments';
import { formatMoney, parseRubles, type RublesProblem } from '../shared/format';
import {
  createErrors,
  emailProblem,
  FormAlert,
  focusFirstInvalid,
  requestFailure,
  sortErrors,
  SubmitButton,
  TextField,
} from '../shared/forms';
import { graphql } from '../graphql';
import type { PaymentPage_AccountQuery, PaymentPurpose } from '../graphql/graphql';
import { createIdempotencyKeys } from '../readings/meter-dial';
import { createDialEntries } from '../readings/meter-readings';
import { PaymentReadings } from './payment-readings';
import { setPageTitle } from '../shared/page-title';
import { currentAbonent, ensureSession } from '../shared/session';

const AccountQuery = graphql(`
  query PaymentPage_Account($id: ID!) {
    personalAccount(id: $id) {
      id
      number
      address
      supplier {
        id
        name
      }
      onlinePayment {
        available
        reason
      }
      amountDue {
        debt
        due
        unposted
      }
      meters {
        ...MeterReadings_Meter
        # «Предыдущее показание»: the last accepted one, whatever its period.
        total: lastReading(zone: TOTAL) {
          value
        }
        day: lastReading(zone: DAY) {
          value
        }
        night: lastReading(zone: NIGHT) {
          value
        }
      }
    }
  }
`);

const StartPaymentMutation = graphql(`
  mutation PaymentPage_Start($input: StartPaymentInput!) {
    startPayment(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      payment {
        id
        status
        final
      }
      confirmationUrl
    }
  }
`);

type Account = NonNullable<PaymentPage_AccountQuery['personalAccount']>;

/** Where the acquirer sends the payer back (it adds `payment=<id>`). */
export const RESULT_PATH = '/oplata/rezultat';

/** The smallest payment the server takes, kopecks. */
const MIN_KOPECKS = 100;

const AMOUNT_PROBLEMS: Record<RublesProblem, string> = {
  empty: 'Укажите сумму оплаты.',
  format: 'Укажите сумму цифрами, рубли и копейки через запятую, например 1 234,56.',
  kopecks: 'После запятой — не больше двух цифр (копейки).',
  'too-long': 'Проверьте сумму: она слишком большая.',
};

const FIELDS = ['purpose', 'amount', 'receiptEmail'];

export const PaymentPage: Component = () => {
  const params = useParams<{ accountId: string }>();
  onMount(() => {
    setPageTitle('Оплата онлайн');
    void ensureSession();
  });

  return (
    <article class="prose">
      <h1>Оплата онлайн</h1>
      <AbonentOnly confirmed>
        <Show when={params.accountId} keyed>
          {(accountId) => <PaymentForAccount accountId={accountId} />}
        </Show>
      </AbonentOnly>
    </article>
  );
};

const PaymentForAccount: Component<{ accountId: string }> = (props) => {
  // Per-abonent data: always from the server.
  const [account, refetch] = createQuery({
    query: AccountQuery,
    variables: () => ({ id: props.accountId }),
    requestPolicy: 'network-only',
  });

  return (
    <AbonentData query={account} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Switch>
        <Match when={account.data && !account.data.personalAccount}>
          <div class="notice-block">
            <p>Лицевой счёт не найден среди подключённых к Вашему Личному кабинету.</p>
            <p>
              <A href="/accounts">К лицевым счетам</A>
            </p>
          </div>
        </Match>
        <Match when={account.data?.personalAccount?.onlinePayment?.available === false}>
          <div class="notice-block">
            <p>{account.data?.personalAccount?.onlinePayment?.reason ?? ONLINE_PAYMENT_UNAVAILABLE}</p>
            <p>
              <A href="/accounts">К лицевым счетам</A>
            </p>
          </div>
        </Match>
        <Match when={account.data?.personalAccount}>{(found) => <PaymentForm account={found()} />}</Match>
      </Switch>
    </AbonentData>
  );
};

const PaymentForm: Component<{ account: Account }> = (props) => {
  const [, startPayment] = createMutation(StartPaymentMutation);
  /** What is due now, when the supplier's balance is known. */
  const due = () => (props.account.amountDue?.debt == null ? undefined : props.account.amountDue.due);
  const canPayDebt = () => (due() ?? 0) > 0;
  const [chosen, setChosen] = createSignal<PaymentPurpose>();
  /** The debt when there is one to pay, else an amount of one's own, until the abonent chooses. */
  const purpose = (): PaymentPurpose => chosen() ?? (canPayDebt() ? 'DEBT' : 'CUSTOM');
  const [amount, setAmount] = createSignal('');
  const [withReadings, setWithReadings] = createSignal(false);
  const [email, setEmail] = createSignal(currentAbonent()?.email ?? '');
  const [busy, setBusy] = createSignal(false);
  /** The acquirer's page of this abonent's DEBT payment that is still open (PAYMENT_IN_PROGRESS). */
  const [openPayment, setOpenPayment] = createSignal<string>();
  const keys = createIdempotencyKeys();
  const dials = createDialEntries(() => props.account.meters ?? []);
  let form: HTMLFormElement | undefined;
  // Back from the acquirer's page to this one kept in the browser's memory: the form is usable again (and the same
  // attempt sent again gets the same payment, under its key).
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) setBusy(false);
  };
  window.addEventListener('pageshow', onPageShow);
  onCleanup(() => window.removeEventListener('pageshow', onPageShow));

  const amountKopecks = (): number | string => {
    const parsed = parseRubles(amount());
    if ('problem' in parsed) return AMOUNT_PROBLEMS[parsed.problem];
    if (parsed.kopecks < MIN_KOPECKS) return `Сумма — не меньше ${formatMoney(MIN_KOPECKS)}.`;
    return parsed.kopecks;
  };

  const { errors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    purpose: () =>
      purpose() === 'DEBT' && !canPayDebt() ? 'Задолженности нет: выберите «Своя сумма» и укажите сумму.' : undefined,
    amount: () => {
      if (purpose() !== 'CUSTOM') return undefined;
      const kopecks = amountKopecks();
      return typeof kopecks === 'string' ? kopecks : undefined;
    },
    receiptEmail: () => emailProblem(email()),
  });

  const choose = (value: PaymentPurpose) => {
    setChosen(value);
    recheck('purpose');
    recheck('amount');
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    // Every check at once, the fields' and the readings', the first problem focused.
    const readingProblems = withReadings() ? dials.problems(true) : {};
    dials.setErrors(readingProblems);
    if (!passesChecks(form)) return;
    clearErrors();
    if (Object.keys(readingProblems).length > 0) {
      focusFirstInvalid(form);
      return;
    }

    const readings = withReadings() ? dials.readings() : [];
    const kopecks = amountKopecks();
    const request = {
      accountId: props.account.id,
      purpose: purpose(),
      amount: purpose() === 'CUSTOM' && typeof kopecks === 'number' ? kopecks : null,
      readings: readings.length > 0 ? readings.map((r) => r.input) : null,
      receiptEmail: email().trim(),
      returnUrl: `${window.location.origin}${RESULT_PATH}`,
    };
    setBusy(true);
    // The same attempt sent again (its answer was lost) keeps its key: the server answers with the same payment.
    const result = await startPayment({ input: { ...request, idempotencyKey: keys.keyFor(request) } });
    const payload = result.data?.startPayment;
    // Off to the acquirer (busy until the page is left); a payment that no longer waits for the payer (this attempt,
    // sent again after coming back) is shown on the result page.
    const next =
      payload?.ok &&
      (payload.confirmationUrl ??
        (payload.payment ? `${RESULT_PATH}?payment=${encodeURIComponent(payload.payment.id)}` : null));
    if (next) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setOpenPayment(payload?.payment && !payload.payment.final ? (payload.confirmationUrl ?? undefined) : undefined);
    if (!payload) {
      showErrors({ fields: {}, form: [requestFailure(result.error)] }, form);
      return;
    }
    // A payment that exists but could not be opened at the acquirer yet is tried again under its key; anything
    // else refused is a new attempt once corrected.
    if (!payload.payment || payload.payment.final) keys.answered();
    const readingErrors: Record<string, string> = {};
    const otherErrors = payload.errors.filter((error) => {
      const index = /^readings\.(\d+)$/.exec(error.field ?? '')?.[1];
      const entry = index === undefined ? undefined : readings[Number(index)]?.entry;
      if (!entry) return true;
      readingErrors[entry.key] ??= error.message;
      // The same questions the readings page asks back: a rollover, and a reading far from the meter's usual
      // (the server's message names the consumption and charge it would mean).
      if (error.code === 'READING_BELOW_PREVIOUS') dials.offerRollover(entry.key);
      if (error.code === 'READING_IMPLAUSIBLE')
        dials.askToConfirm(entry.key, { consumption: null, chargePreview: null });
      return false;
    });
    dials.setErrors(readingErrors);
    showErrors(sortErrors(otherErrors, FIELDS), form);
  };

  const debtHintId = 'payment-purpose-debt-hint';
  const purposeErrorId = 'payment-purpose-error';
  const purposeError = () => (errors().fields.purpose ? purposeErrorId : undefined);
  const purposeInvalid = () => (errors().fields.purpose ? 'true' : undefined);

  return (
    <>
      <dl class="account-details payment-account">
        <div>
          <dt>Лицевой счёт</dt>
          <dd>№&nbsp;{props.account.number}</dd>
        </div>
        <div>
          <dt>Поставщик</dt>
          <dd>{props.account.supplier.name}</dd>
        </div>
        <div>
          <dt>Адрес</dt>
          <dd>{props.account.address}</dd>
        </div>
      </dl>
      <form ref={form} class="form payment-form" novalidate onSubmit={(event) => void submit(event)} aria-busy={busy()}>
        <fieldset class="field payment-purpose" classList={{ 'has-error': Boolean(errors().fields.purpose) }}>
          <legend class="field-label">Сумма оплаты</legend>
          <div class="field-radio">
            <input
              id="payment-purpose-debt"
              type="radio"
              class="radio"
              name="purpose"
              value="DEBT"
              checked={purpose() === 'DEBT'}
              disabled={!canPayDebt() || busy()}
              onChange={() => choose('DEBT')}
              aria-describedby={[canPayDebt() ? '' : debtHintId, purposeError() ?? ''].join(' ').trim() || undefined}
              aria-invalid={purposeInvalid()}
            />
            <label for="payment-purpose-debt">
              По текущему долгу
              <Show when={due() !== undefined}> ({formatMoney(due() ?? 0)})</Show>
            </label>
            <Show when={!canPayDebt()}>
              <p id={debtHintId} class="field-hint">
                <Show when={due() !== undefined} fallback="Сумма долга сейчас неизвестна: укажите сумму сами.">
                  Задолженности нет: можно внести любую сумму в счёт будущих начислений.
                </Show>
              </p>
            </Show>
          </div>
          <Show when={(props.account.amountDue?.unposted ?? 0) > 0}>
            <p class="field-hint">
              Из долга вычтены оплаты, ещё не проведённые поставщиком:{' '}
              {formatMoney(props.account.amountDue?.unposted ?? 0)}.
            </p>
          </Show>
          <div class="field-radio">
            <input
              id="payment-purpose-custom"
              type="radio"
              class="radio"
              name="purpose"
              value="CUSTOM"
              checked={purpose() === 'CUSTOM'}
              disabled={busy()}
              onChange={() => choose('CUSTOM')}
              aria-describedby={purposeError()}
              aria-invalid={purposeInvalid()}
            />
            <label for="payment-purpose-custom">Своя сумма</label>
          </div>
          <Show when={errors().fields.purpose}>
            <p id={purposeErrorId} class="field-error">
              {errors().fields.purpose}
            </p>
          </Show>
        </fieldset>
        <Show when={purpose() === 'CUSTOM'}>
          <TextField
            id="payment-amount"
            label="Сумма, ₽"
            value={amount()}
            onInput={(value) => {
              setAmount(value);
              recheck('amount');
            }}
            inputMode="decimal"
            autocomplete="off"
            maxLength={20}
            hint="Рубли и копейки через запятую, например 1 234,56."
            error={errors().fields.amount}
          />
        </Show>
        <PaymentReadings
          meters={props.account.meters ?? null}
          withReadings={withReadings()}
          onWithReadings={setWithReadings}
          dials={dials}
          busy={busy()}
        />
        <TextField
          id="payment-email"
          type="email"
          label="Эл. почта для чека"
          value={email()}
          onInput={(value) => {
            setEmail(value);
            recheck('receiptEmail');
          }}
          autocomplete="email"
          maxLength={254}
          hint="Сюда придёт кассовый чек об оплате."
          error={errors().fields.receiptEmail}
        />
        <FormAlert messages={errors().form} />
        <Show when={openPayment()}>
          {(url) => (
            <p>
              {/* The acquirer's page: a full navigation, not the router's (the sandbox is on this origin). */}
              <a href={url()} rel="external">
                Продолжить начатую оплату
              </a>
            </p>
          )}
        </Show>
        <div class="form-actions">
          <SubmitButton busy={busy()} label="Перейти к оплате" busyLabel="Переходим к оплате…" />
          <A href="/accounts">Отмена</A>
        </div>
        <p class="field-hint">
          Оплата картой проходит на странице платёжного сервиса; после оплаты Вы вернётесь в Личный кабинет.
        </p>
      </form>
    </>
  );
};
