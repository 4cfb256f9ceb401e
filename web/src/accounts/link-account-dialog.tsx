// «Подключение лицевых счетов»: the modal form that links a personal account by supplier, number and the receipt's proof.
import { createEffect, createSignal, For, Show, type Component } from 'solid-js';
import { createMutation, createQuery } from '@urql/solid';
import { graphql } from '../graphql';
import type { LinkAccountDialog_SuppliersQuery, LinkProof } from '../graphql/graphql';
import {
  createErrors,
  FieldShell,
  FormAlert,
  requestFailure,
  submitErrors,
  SubmitButton,
  TEXT_MAX_LENGTH,
  TextField,
} from '../shared/forms';
import { RetryAlert } from '../shared/retry-alert';

const SuppliersQuery = graphql(`
  query LinkAccountDialog_Suppliers {
    suppliers {
      id
      code
      name
      linkProof
      receiptSampleUrl
      accountNumberFormat {
        minDigits
        maxDigits
        hint
      }
    }
  }
`);

const LinkMutation = graphql(`
  mutation LinkAccountDialog_Link($input: LinkPersonalAccountInput!) {
    linkPersonalAccount(input: $input) {
      ok
      errors {
        field
        code
        message
      }
      account {
        id
        number
      }
    }
  }
`);

type Supplier = LinkAccountDialog_SuppliersQuery['suppliers'][number];

/** The proof field each kind of `linkProof` asks for; its «required» words are the server's. */
const PROOF_FIELDS: Record<
  Exclude<LinkProof, 'NONE'>,
  { label: string; hint: string; required: string; inputMode: 'numeric' | 'decimal' }
> = {
  RECEIPT_PIN: {
    label: 'ПИН-код с квитанции',
    hint: 'От 4 до 8 цифр, напечатанных в квитанции.',
    required: 'Введите ПИН-код, напечатанный на квитанции.',
    inputMode: 'numeric',
  },
  LAST_CHARGE_AMOUNT: {
    label: 'Сумма последнего начисления, ₽',
    hint: 'Рубли и копейки через запятую, как в квитанции, например 1234,56.',
    required: 'Введите сумму последнего начисления из квитанции.',
    inputMode: 'decimal',
  },
  METER_READING: {
    label: 'Показание счётчика из квитанции',
    hint: 'Число из строки «Показание счётчика», с дробной частью через запятую.',
    required: 'Введите показание счётчика, указанное в квитанции.',
    inputMode: 'decimal',
  },
};

const FIELDS = ['supplierCode', 'number', 'proof'];

/** Spaces, dashes and dots copied from a receipt («7 0 2 0 6 2 0 1 2») are not part of the number (as on the server). */
function normalizeNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\-.]/g, '');
}

export interface LinkedAccount {
  id: string;
  number: string;
}

interface LinkAccountDialogProps {
  open: boolean;
  /** The dialog was closed without linking (Esc, «Отмена»), or after `onLinked`. */
  onClose: () => void;
  /** An account was linked; the page refreshes its list, closes the dialog and says so. */
  onLinked: (account: LinkedAccount) => void;
}

export const LinkAccountDialog: Component<LinkAccountDialogProps> = (props) => {
  const [suppliers, refetchSuppliers] = createQuery({ query: SuppliersQuery });
  const [, link] = createMutation(LinkMutation);
  const [supplierCode, setSupplierCode] = createSignal('');
  const [number, setNumber] = createSignal('');
  const [proof, setProof] = createSignal('');
  const [sampleOpen, setSampleOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const supplier = (): Supplier | undefined => suppliers.data?.suppliers.find((s) => s.code === supplierCode());
  const proofField = () => {
    const kind = supplier()?.linkProof;
    return kind && kind !== 'NONE' ? PROOF_FIELDS[kind] : undefined;
  };

  const { errors, setErrors, showErrors, recheck, passesChecks, clearErrors } = createErrors({
    supplierCode: () => (supplier() ? undefined : 'Выберите поставщика услуг.'),
    number: () => {
      const digits = normalizeNumber(number());
      if (!digits) return 'Введите номер лицевого счёта, указанный на квитанции.';
      const format = supplier()?.accountNumberFormat;
      if (!/^[0-9]+$/.test(digits)) {
        return format ? `${format.hint} Уберите буквы и другие знаки.` : 'Номер лицевого счёта состоит только из цифр.';
      }
      if (format && (digits.length > format.maxDigits || digits.length < format.minDigits)) return format.hint;
      return undefined;
    },
    proof: () => {
      const field = proofField();
      return field && !proof().trim() ? field.required : undefined;
    },
  });

  let dialog: HTMLDialogElement | undefined;
  let form: HTMLFormElement | undefined;
  let supplierSelect: HTMLSelectElement | undefined;
  /** Where focus was before the dialog opened: it goes back there when the dialog is dismissed. */
  let opener: Element | null = null;
  let linked = false;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      // A fresh form each time.
      setSupplierCode('');
      setNumber('');
      setProof('');
      setSampleOpen(false);
      clearErrors();
      linked = false;
      opener = document.activeElement;
      dialog.showModal();
      supplierSelect?.focus();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });

  const onDialogClose = () => {
    // After a link the page moves focus to its own message; after a dismissal focus goes back to the button.
    if (!linked && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    props.onClose();
  };

  const chooseSupplier = (code: string) => {
    setSupplierCode(code);
    setProof('');
    // The number's rule and the proof belong to the supplier: their old errors no longer apply.
    setErrors((current) => {
      const fields = { ...current.fields };
      delete fields.proof;
      delete fields.supplierCode;
      return { ...current, fields };
    });
    recheck('number');
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy() || !passesChecks(form)) return;
    setBusy(true);
    clearErrors();
    const result = await link({
      input: { supplierCode: supplierCode(), number: number().trim(), proof: proofField() ? proof().trim() : null },
    });
    setBusy(false);
    const payload = result.data?.linkPersonalAccount;
    if (payload?.ok && payload.account) {
      linked = true;
      props.onLinked({ id: payload.account.id, number: payload.account.number });
      return;
    }
    showErrors(submitErrors(payload, result.error, FIELDS), form);
  };

  const numberHint = () => supplier()?.accountNumberFormat.hint;

  return (
    <dialog
      ref={dialog}
      class="modal"
      aria-labelledby="link-account-title"
      aria-describedby="link-account-intro"
      onClose={onDialogClose}
    >
      <form ref={form} class="form modal-form" novalidate onSubmit={(event) => void submit(event)} aria-busy={busy()}>
        <h2 id="link-account-title" class="modal-title">
          Подключение лицевых счетов
        </h2>
        <p id="link-account-intro">
          Уважаемый абонент! Для подключения лицевого счёта укажите его номер указанный на квитанции.
        </p>
        <FormAlert messages={errors().form} />
        <Show when={suppliers.error && !suppliers.fetching}>
          <RetryAlert
            message={requestFailure(suppliers.error)}
            onRetry={() => refetchSuppliers({ requestPolicy: 'network-only' })}
          />
        </Show>
        <FieldShell id="link-supplier" label="Поставщик" error={errors().fields.supplierCode}>
          {(aria) => (
            <select
              ref={supplierSelect}
              id="link-supplier"
              class="input"
              required
              value={supplierCode()}
              onChange={(event) => chooseSupplier(event.currentTarget.value)}
              aria-describedby={aria.describedBy()}
              aria-invalid={aria.invalid()}
              aria-busy={suppliers.fetching && !suppliers.data}
            >
              <option value="">— Выберите поставщика —</option>
              <For each={suppliers.data?.suppliers ?? []}>
                {(item) => <option value={item.code}>{item.name}</option>}
              </For>
            </select>
          )}
        </FieldShell>
        <FieldShell
          id="link-number"
          label="Лицевой счёт"
          hint={numberHint()}
          hintBelow
          error={errors().fields.number}
          labelAside={
            <button
              type="button"
              class="tooltip-button"
              aria-label="Где найти номер лицевого счёта"
              aria-expanded={sampleOpen()}
              aria-controls="link-number-sample"
              onClick={() => setSampleOpen(!sampleOpen())}
            >
              ?
            </button>
          }
          details={
            <div id="link-number-sample" class="receipt-sample" hidden={!sampleOpen()}>
              <Show
                when={supplier()}
                fallback={<p class="field-hint">Выберите поставщика: откроется образец его квитанции.</p>}
              >
                {(current) => (
                  <figure>
                    <img
                      src={current().receiptSampleUrl}
                      alt="Образец квитанции: номер лицевого счёта напечатан в строке «Лицевой счёт» и обведён красной рамкой."
                      width="640"
                      height="420"
                    />
                    <figcaption>
                      Номер лицевого счёта напечатан в квитанции в строке «Лицевой счёт».{' '}
                      <a href={current().receiptSampleUrl} target="_blank" rel="noopener">
                        Открыть образец крупнее
                      </a>
                    </figcaption>
                  </figure>
                )}
              </Show>
            </div>
          }
        >
          {(aria) => (
            <input
              id="link-number"
              class="input"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              maxLength={TEXT_MAX_LENGTH}
              spellcheck={false}
              required
              value={number()}
              onInput={(event) => {
                setNumber(event.currentTarget.value);
                recheck('number');
              }}
              aria-describedby={aria.describedBy()}
              aria-invalid={aria.invalid()}
            />
          )}
        </FieldShell>
        <Show when={proofField()}>
          {(field) => (
            <TextField
              id="link-proof"
              label={field().label}
              hint={field().hint}
              inputMode={field().inputMode}
              autocomplete="off"
              value={proof()}
              onInput={(value) => {
                setProof(value);
                recheck('proof');
              }}
              error={errors().fields.proof}
              maxLength={32}
            />
          )}
        </Show>
        <div class="form-actions">
          <SubmitButton busy={busy()} label="Подключить" busyLabel="Подключаем…" />
          <button type="button" class="button button-secondary" onClick={() => dialog?.close()}>
            Отмена
          </button>
        </div>
      </form>
    </dialog>
  );
};
