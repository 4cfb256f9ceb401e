// Form building blocks every form shares: labelled fields with hints and errors, the checks before sending, the form-level alert, the busy button.
import { createSignal, For, Show, type Component, type JSX, type ParentComponent } from 'solid-js';
import { Tooltip } from './tooltip';

/** A field error as mutations return it. */
export interface UserError {
  field?: string | null;
  code: string;
  message: string;
}

/** Errors sorted for display: those of fields the form shows, and the rest (shown at the top of the form). */
export interface SortedErrors {
  fields: Record<string, string>;
  form: string[];
}

export const NO_ERRORS: SortedErrors = { fields: {}, form: [] };

/** The checks a form makes before sending, by field: each gives the problem (in the server's words) or undefined. */
export type FieldChecks = Record<string, () => string | undefined>;

/**
 * A form's errors: all at once after a submit, or one field's as the person fixes it.
 * `passesChecks` runs every check before sending; `recheck` runs a field's check again while that field shows an error.
 */
export function createErrors(checks: FieldChecks = {}) {
  const [errors, setErrors] = createSignal<SortedErrors>(NO_ERRORS);
  const setFieldError = (field: string, message: string | undefined) =>
    setErrors((current) => {
      const fields = { ...current.fields };
      if (message) fields[field] = message;
      else delete fields[field];
      return { ...current, fields };
    });
  /** Shows the errors and moves focus to the first of them. */
  const showErrors = (sorted: SortedErrors, form: HTMLFormElement | undefined) => {
    setErrors(sorted);
    focusFirstInvalid(form);
  };
  const recheck = (field: string) => {
    if (errors().fields[field]) setFieldError(field, checks[field]?.());
  };
  /** False, with the problems shown, when a check fails: then the form is not sent. */
  const passesChecks = (form: HTMLFormElement | undefined): boolean => {
    const problems: Record<string, string> = {};
    for (const [field, check] of Object.entries(checks)) {
      const problem = check();
      if (problem) problems[field] = problem;
    }
    if (Object.keys(problems).length === 0) return true;
    showErrors({ fields: problems, form: [] }, form);
    return false;
  };
  return { errors, setErrors, showErrors, recheck, passesChecks, clearErrors: () => setErrors(NO_ERRORS) };
}

/** Puts each error next to its field when the form has that field, else at the top of the form. */
export function sortErrors(errors: readonly UserError[], formFields: readonly string[]): SortedErrors {
  const sorted: SortedErrors = { fields: {}, form: [] };
  for (const error of errors) {
    if (error.field && formFields.includes(error.field)) {
      // The first error of a field is the one to fix first.
      sorted.fields[error.field] ??= error.message;
    } else {
      sorted.form.push(error.message);
    }
  }
  return sorted;
}

/** After a failed submit, moves focus to the first field with an error (so its error is read out), else to the alert. */
export function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  queueMicrotask(() => {
    const field = form?.querySelector('.has-error');
    const control = field?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea');
    if (control) control.focus();
    else form?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  });
}

/** The message shown when the server could not be reached or failed. */
export const NETWORK_ERROR = 'Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте ещё раз.';

/** Codes whose message (Russian, from the server) is meant for people; anything else gets a generic message. */
const SHOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'EMAIL_NOT_CONFIRMED',
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  // The gateway's refusals of malformed input (a control character in a field, …) say in Russian what to fix.
  'BAD_USER_INPUT',
  // A page built before the server's last update asked for an operation the server no longer knows: reload.
  'PERSISTED_QUERY_UNKNOWN',
  // Try again: the server ran out of time (saying whether anything was written) or is busy checking passwords.
  'TIMEOUT',
  'SERVER_BUSY',
]);

/** A request's error as urql reports it. */
export interface RequestError {
  graphQLErrors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** What to tell a person when a request failed as a whole (no payload came back). */
export function requestFailure(error: RequestError | undefined): string {
  const first = error?.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (first && typeof code === 'string' && SHOWN_CODES.has(code)) return first.message;
  if (first) return 'Не удалось выполнить запрос. Обновите страницу и попробуйте ещё раз.';
  return NETWORK_ERROR;
}

/** The errors of a submit that did not succeed: the payload's, sorted by field, or, with no payload, why the request failed. */
export function submitErrors(
  payload: { errors: readonly UserError[] } | null | undefined,
  error: RequestError | undefined,
  formFields: readonly string[],
): SortedErrors {
  return payload ? sortErrors(payload.errors, formFields) : { fields: {}, form: [requestFailure(error)] };
}

/** A failure told at once (an alert); nothing while there is none. */
export const FailureAlert: Component<{ message: string | undefined }> = (props) => (
  <Show when={props.message}>
    <div class="alert" role="alert">
      <p>{props.message}</p>
    </div>
  </Show>
);

/** Form-level errors, at the top of the form. */
export const FormAlert: Component<{ messages: readonly string[] }> = (props) => (
  <Show when={props.messages.length > 0}>
    <div class="alert form-alert" role="alert" tabindex="-1">
      <For each={props.messages}>{(message) => <p>{message}</p>}</For>
    </div>
  </Show>
);

/** What a control needs to be tied to its label, hint and error. */
export interface FieldAria {
  describedBy: () => string | undefined;
  invalid: () => 'true' | undefined;
}

interface FieldShellProps {
  id: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string;
  /** Text of a «?» hint shown next to the label. */
  tooltip?: string;
  /** Something else beside the label, e.g. a «?» button that opens a picture. */
  labelAside?: JSX.Element;
  /** Shown under the control, its hint and its error, e.g. the picture such a button opens. */
  details?: JSX.Element;
  /** The hint goes under the control (the seed document's place for a format rule) instead of above it. */
  hintBelow?: boolean;
  class?: string;
  children: (aria: FieldAria) => JSX.Element;
}

/** Label (with an optional «?» hint), the hint text, the control, and its error under it. */
export const FieldShell: Component<FieldShellProps> = (props) => {
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const aria: FieldAria = {
    describedBy: () =>
      [props.hint ? hintId() : undefined, props.error ? errorId() : undefined].filter(Boolean).join(' ') || undefined,
    invalid: () => (props.error ? 'true' : undefined),
  };
  return (
    <div class={`field ${props.class ?? ''}`} classList={{ 'has-error': Boolean(props.error) }}>
      <div class="field-label-row">
        <label for={props.id} class="field-label">
          {props.label}
        </label>
        <Show when={props.tooltip}>{(text) => <Tooltip id={`${props.id}-tooltip`} text={text()} />}</Show>
        {props.labelAside}
      </div>
      <Show when={props.hint && !props.hintBelow}>
        <p id={hintId()} class="field-hint">
          {props.hint}
        </p>
      </Show>
      {props.children(aria)}
      <Show when={props.hint && props.hintBelow}>
        <p id={hintId()} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={errorId()} class="field-error">
          {props.error}
        </p>
      </Show>
      {props.details}
    </div>
  );
};

/** The API's default limit of a String field (server/src/core/text-limits.ts, DEFAULT_MAX_LENGTH). */
export const TEXT_MAX_LENGTH = 256;

interface TextFieldProps {
  id: string;
  label: JSX.Element;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  hint?: JSX.Element;
  error?: string;
  tooltip?: string;
  required?: boolean;
  /** Default: the API's limit for a String field. */
  maxLength?: number;
  /** The on-screen keyboard to offer: digits for numbers, digits and a comma for amounts. */
  inputMode?: 'numeric' | 'decimal';
}

/** A labelled one-line input. */
export const TextField: Component<TextFieldProps> = (props) => (
  <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} tooltip={props.tooltip}>
    {(aria) => (
      <input
        id={props.id}
        class="input"
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        maxLength={props.maxLength ?? TEXT_MAX_LENGTH}
        inputmode={props.inputMode}
        spellcheck={props.type === 'email' || props.type === 'password' ? false : undefined}
        autocapitalize={props.type === 'email' || props.type === 'password' ? 'off' : undefined}
        aria-describedby={aria.describedBy()}
        aria-invalid={aria.invalid()}
      />
    )}
  </FieldShell>
);

interface CheckboxFieldProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** A checkbox whose label is the children (it may hold links), with its error under it. */
export const CheckboxField: ParentComponent<CheckboxFieldProps> = (props) => {
  const errorId = () => `${props.id}-error`;
  return (
    <div class="field field-checkbox" classList={{ 'has-error': Boolean(props.error) }}>
      <input
        id={props.id}
        type="checkbox"
        class="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
        aria-describedby={props.error ? errorId() : undefined}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <label for={props.id}>{props.children}</label>
      <Show when={props.error}>
        <p id={errorId()} class="field-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
};

/** «Показать пароль»: shows the form's password fields as plain text while ticked. */
export const ShowPasswordToggle: Component<{ id: string; checked: boolean; onChange: (checked: boolean) => void }> = (
  props,
) => (
  <div class="field field-checkbox show-password">
    <input
      id={props.id}
      type="checkbox"
      class="checkbox"
      checked={props.checked}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
    />
    <label for={props.id}>Показать пароль</label>
  </div>
);

/** The submit button: disabled and saying what happens while the form is being sent. */
export const SubmitButton: Component<{ busy: boolean; label: string; busyLabel?: string; class?: string }> = (
  props,
) => (
  <button type="submit" class={`button ${props.class ?? ''}`} disabled={props.busy} aria-busy={props.busy}>
    {props.busy ? (props.busyLabel ?? 'Отправляем…') : props.label}
  </button>
);

/** A simple client-side check of an address before sending (the server checks it fully). */
export function emailProblem(value: string): string | undefined {
  const email = value.trim();
  if (!email) return 'Укажите адрес электронной почты.';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return 'Укажите адрес электронной почты в виде name@example.ru.';
  return undefined;
}
