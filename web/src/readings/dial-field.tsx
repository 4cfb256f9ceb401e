// The reading of one meter zone, typed like the dial shows it, with the questions the server may ask back and its answer.
import { Match, Show, Switch, type Component } from 'solid-js';
import { formatMoney, formatVolume } from '../shared/format';
import type { ReadingStatus, ReadingZone } from '../graphql/graphql';
import { ZONE_NAMES, type DialMeter, type Typed } from './dial-entries';
import { splitAtComma } from './meter-dial';

/** What the server answered for a reading that was not refused. */
export interface DialResult {
  status: ReadingStatus;
  consumption?: string | null;
  chargePreview?: number | null;
  replacedEarlier: boolean;
}

const NOT_RECORDED = 'Не записано: исправьте ошибку в другом показании.';

/** «Показание счётчика G4-0418237, м³», with the zone for two-zone meters. */
function dialLabel(meter: DialMeter, zone: ReadingZone): string {
  const zoneName = ZONE_NAMES[zone];
  return `Показание счётчика ${meter.serialNumber}${zoneName ? `, ${zoneName}` : ''}, м³`;
}

function acceptedMessage(result: DialResult): string {
  let text = 'Показание принято';
  if (result.consumption != null) text += `: расход ${formatVolume(result.consumption)}`;
  if (result.chargePreview != null) text += `, к оплате по текущему тарифу ≈ ${formatMoney(result.chargePreview)}`;
  if (result.replacedEarlier) text += '; заменило ранее переданное за этот период';
  return `${text}.`;
}

/** «расход 9 553,9 м³, к оплате ≈ 69 839,00 ₽»: what a reading the server asks about would mean. */
function impliedText(implausible: NonNullable<Typed['implausible']>): string {
  let text = implausible.consumption == null ? '' : `расход ${formatVolume(implausible.consumption)}`;
  if (implausible.chargePreview != null)
    text += `, к оплате по текущему тарифу ≈ ${formatMoney(implausible.chargePreview)}`;
  return text;
}

interface DialFieldProps {
  id: string;
  meter: DialMeter;
  zone: ReadingZone;
  typed: Typed;
  error?: string;
  result?: DialResult;
  /** The meter takes no readings now (past its verification): the boxes are off, and `disabledReason` says why. */
  disabledReason?: string;
  /** Being sent: what is typed stays as sent until the answer comes. */
  busy: boolean;
  onChange: (change: Partial<Typed>) => void;
}

/** The reading of one zone, typed like the dial shows it: whole m³ in one box, the fraction in the other. */
export const DialField: Component<DialFieldProps> = (props) => {
  const labelId = () => `${props.id}-label`;
  const hintId = () => `${props.id}-hint`;
  const errorId = () => `${props.id}-error`;
  const resultId = () => `${props.id}-result`;
  const hasFraction = () => props.meter.fractionDigits > 0;
  const describedBy = () =>
    [hintId(), props.error ? errorId() : undefined, props.result ? resultId() : undefined].filter(Boolean).join(' ');
  const disabled = () => Boolean(props.disabledReason);
  const invalid = () => (props.error ? 'true' : undefined);
  let integerInput: HTMLInputElement | undefined;
  let fractionInput: HTMLInputElement | undefined;

  const onIntegerInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    // A comma or point typed (or a whole reading pasted) here: its fraction goes to the other box, and so does the caret.
    const split = hasFraction() ? splitAtComma(input.value) : undefined;
    if (split) {
      input.value = split[0];
      props.onChange({ integer: split[0], fraction: split[1] });
      fractionInput?.focus();
      fractionInput?.setSelectionRange(split[1].length, split[1].length);
      return;
    }
    // Spaces copied along with a reading («1 188») are not digits of it.
    if (/[\s\u00a0]/.test(input.value)) input.value = input.value.replace(/[\s\u00a0]/g, '');
    props.onChange({ integer: input.value });
    // The whole part is full (typed up to its last place): on to the fraction, as a phone keypad may have no comma.
    const full = input.value.length === props.meter.integerDigits && /^\d+$/.test(input.value);
    if (full && hasFraction() && event.inputType.startsWith('insert') && input.selectionStart === input.value.length) {
      fractionInput?.focus();
      fractionInput?.select();
    }
  };

  const onFractionKeyDown = (event: KeyboardEvent & { currentTarget: HTMLInputElement }) => {
    // Backspace at the start of the fraction goes back to the whole part.
    const input = event.currentTarget;
    if (event.key === 'Backspace' && input.selectionStart === 0 && input.selectionEnd === 0 && integerInput) {
      event.preventDefault();
      integerInput.focus();
      const end = integerInput.value.length;
      integerInput.setSelectionRange(end, end);
    }
  };

  const dialMax = () =>
    `${'9'.repeat(props.meter.integerDigits)}${hasFraction() ? `,${'9'.repeat(props.meter.fractionDigits)}` : ''}`;
  const dialZero = () =>
    `${'0'.repeat(props.meter.integerDigits)}${hasFraction() ? `,${'0'.repeat(props.meter.fractionDigits)}` : ''}`;

  return (
    <div
      class="field dial-field"
      classList={{ 'has-error': Boolean(props.error) }}
      role="group"
      aria-labelledby={labelId()}
    >
      <p id={labelId()} class="field-label">
        {dialLabel(props.meter, props.zone)}
      </p>
      <div class="dial">
        <div class="dial-part">
          <input
            ref={integerInput}
            id={`${props.id}-integer`}
            class="input dial-input"
            // A custom property set through the CSSOM (not a style attribute): the strict CSP allows it.
            style={{ '--dial-digits': String(props.meter.integerDigits) }}
            type="text"
            inputmode="numeric"
            autocomplete="off"
            spellcheck={false}
            maxLength={props.meter.integerDigits + (hasFraction() ? 1 + props.meter.fractionDigits : 0)}
            value={props.typed.integer}
            readOnly={props.busy}
            disabled={disabled()}
            onInput={onIntegerInput}
            aria-labelledby={`${labelId()} ${props.id}-integer-label`}
            aria-describedby={describedBy()}
            aria-invalid={invalid()}
          />
          <label id={`${props.id}-integer-label`} for={`${props.id}-integer`} class="dial-label">
            целые
          </label>
        </div>
        <Show when={hasFraction()}>
          <span class="dial-comma" aria-hidden="true">
            ,
          </span>
          <div class="dial-part">
            <input
              ref={fractionInput}
              id={`${props.id}-fraction`}
              class="input dial-input dial-fraction"
              style={{ '--dial-digits': String(props.meter.fractionDigits) }}
              type="text"
              inputmode="numeric"
              autocomplete="off"
              spellcheck={false}
              maxLength={props.meter.fractionDigits}
              value={props.typed.fraction}
              readOnly={props.busy}
              disabled={disabled()}
              onInput={(event) => {
                const input = event.currentTarget;
                if (/[\s\u00a0]/.test(input.value)) input.value = input.value.replace(/[\s\u00a0]/g, '');
                props.onChange({ fraction: input.value });
              }}
              onKeyDown={onFractionKeyDown}
              aria-labelledby={`${labelId()} ${props.id}-fraction-label`}
              aria-describedby={describedBy()}
              aria-invalid={invalid()}
            />
            <label id={`${props.id}-fraction-label`} for={`${props.id}-fraction`} class="dial-label">
              дробные
            </label>
          </div>
        </Show>
        <span class="dial-unit" aria-hidden="true">
          м³
        </span>
      </div>
      <p id={hintId()} class="field-hint">
        <Show when={!props.disabledReason} fallback={<span class="dial-disabled-reason">{props.disabledReason}</span>}>
          <Show when={hasFraction()} fallback={`Целое число, до ${props.meter.integerDigits} цифр, как на счётчике.`}>
            До запятой — до {props.meter.integerDigits} цифр, после — до {props.meter.fractionDigits}, как на счётчике.
          </Show>
        </Show>
      </p>
      <Show when={props.error}>
        <p id={errorId()} class="field-error">
          {props.error}
        </p>
      </Show>
      <Show when={props.typed.offerRollover}>
        <div class="field field-checkbox dial-rollover">
          <input
            id={`${props.id}-rollover`}
            type="checkbox"
            class="checkbox"
            checked={props.typed.rollover}
            disabled={props.busy}
            onChange={(event) => props.onChange({ rollover: event.currentTarget.checked })}
          />
          <label for={`${props.id}-rollover`}>
            Счётчик прошёл через ноль: после {dialMax()} отсчёт начался снова с {dialZero()}
          </label>
        </div>
      </Show>
      <Show when={props.typed.implausible}>
        {(implausible) => (
          <div class="field field-checkbox dial-confirm">
            <input
              id={`${props.id}-confirm`}
              type="checkbox"
              class="checkbox"
              checked={props.typed.confirmImplausible}
              disabled={props.busy}
              onChange={(event) => props.onChange({ confirmImplausible: event.currentTarget.checked })}
            />
            <label for={`${props.id}-confirm`}>
              Показание верное, записать его{impliedText(implausible()) ? `: ${impliedText(implausible())}` : ''}
            </label>
          </div>
        )}
      </Show>
      {/* Focused after an accepted submission: the answer is what the abonent reads next. */}
      <div id={resultId()} class="dial-result" role="status" tabindex="-1">
        <Switch>
          <Match when={props.result?.status === 'ACCEPTED' && props.result}>
            {(result) => <p class="dial-accepted">{acceptedMessage(result())}</p>}
          </Match>
          <Match when={props.result?.status === 'NOT_RECORDED'}>
            <p class="dial-not-recorded">{NOT_RECORDED}</p>
          </Match>
        </Switch>
      </div>
    </div>
  );
};
