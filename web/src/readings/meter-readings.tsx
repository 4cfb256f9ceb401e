// «Счётчики и показания» on an account card: each meter with its last reading and verification, the readings form
// (one box per dial part and zone, checked before sending, the server's answer by each box), and the consumption history.
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  Match,
  onCleanup,
  Show,
  Switch,
  type Component,
  type ParentComponent,
} from 'solid-js';
import { createStore } from 'solid-js/store';
import { createMutation } from '@urql/solid';
import type { ChartMonth } from './consumption-chart';
import {
  formatDate,
  formatDay,
  formatDecimal,
  formatMoney,
  formatMonth,
  formatMonthGenitive,
  formatMonthLower,
  formatReading,
  formatVolume,
} from '../shared/format';
import { FailureAlert, focusFirstInvalid, FormAlert, requestFailure, SubmitButton } from '../shared/forms';
import { graphql } from '../graphql';
import type {
  MeterReadings_AccountFragment,
  MeterReadings_SubmitMutation,
  ReadingSource,
  ReadingZone,
} from '../graphql/graphql';
import { compareDecimals, createIdempotencyKeys, dialProblem, dialValue, splitAtComma } from './meter-dial';

export const MeterReadingsAccountFragment = graphql(`
  fragment MeterReadings_Account on PersonalAccount {
    id
    supplier {
      id
      readingClosingDay
    }
    meters {
      ...MeterReadings_Meter
      total: lastReading(zone: TOTAL) {
        ...MeterReadings_Reading
      }
      day: lastReading(zone: DAY) {
        ...MeterReadings_Reading
      }
      night: lastReading(zone: NIGHT) {
        ...MeterReadings_Reading
      }
      readings(last: 6) {
        ...MeterReadings_Reading
        current
        consumption
        zone
      }
    }
    monthlyConsumption(months: 24) {
      month
      volume
    }
  }

  # A meter as its dial boxes and its verification need it (the payment page asks for the same).
  fragment MeterReadings_Meter on Meter {
    id
    serialNumber
    zones
    readingZones
    integerDigits
    fractionDigits
    nextVerificationOn
    verificationStatus
    # What a reading sent now is compared with, as the server will (per zone).
    comparisonReadings {
      zone
      value
    }
  }

  fragment MeterReadings_Reading on Reading {
    id
    value
    period
    submittedAt
    source
  }
`);

const SubmitMutation = graphql(`
  mutation MeterReadings_Submit($input: SubmitReadingsInput!) {
    submitReadings(input: $input) {
      ok
      period
      afterClosingDay
      errors {
        field
        code
        message
      }
      results {
        meterId
        zone
        status
        code
        message
        period
        consumption
        chargePreview
        replacedEarlier
        readingId
      }
    }
  }
`);

type Account = MeterReadings_AccountFragment;
type Meter = NonNullable<Account['meters']>[number];
type Result = NonNullable<MeterReadings_SubmitMutation['submitReadings']>['results'][number];

/** What the dial boxes of a meter need to know (the readings form and the payment page both type into them). */
export interface DialMeter {
  id: string;
  serialNumber: string;
  readingZones: readonly ReadingZone[];
  integerDigits: number;
  fractionDigits: number;
  comparisonReadings: ReadonlyArray<{ zone: ReadingZone; value: string }>;
}

/** One box pair on a form: a meter's zone. */
export interface DialEntry<M extends DialMeter = DialMeter> {
  key: string;
  meter: M;
  zone: ReadingZone;
}

type Entry = DialEntry<Meter>;

export interface Typed {
  integer: string;
  fraction: string;
  /** The abonent confirmed that the dial went past its maximum and started from zero. */
  rollover: boolean;
  /** The reading is below the previous one: the rollover checkbox is offered. */
  offerRollover: boolean;
}

const EMPTY: Typed = { integer: '', fraction: '', rollover: false, offerRollover: false };

const ZONE_NAMES: Record<ReadingZone, string> = { TOTAL: '', DAY: 'день', NIGHT: 'ночь' };

const SOURCE_NAMES: Record<ReadingSource, string> = {
  ABONENT: 'абонент',
  INSPECTOR: 'контролёр',
  BILLING: 'поставщик',
  PAYMENT: 'при оплате',
};

const NOT_RECORDED = 'Не записано: исправьте ошибку в другом показании.';

/** The meter's last accepted reading of a zone (the API's aliases). */
function lastReadingOf(meter: Meter, zone: ReadingZone) {
  return zone === 'DAY' ? meter.day : zone === 'NIGHT' ? meter.night : meter.total;
}

/** «Показание счётчика G4-0418237, м³», with the zone for two-zone meters. */
function dialLabel(meter: DialMeter, zone: ReadingZone): string {
  const zoneName = ZONE_NAMES[zone];
  return `Показание счётчика ${meter.serialNumber}${zoneName ? `, ${zoneName}` : ''}, м³`;
}

function belowPreviousMessage(previous: { value: string }, meter: DialMeter): string {
  return `Показание меньше предыдущего (${formatReading(previous.value, meter.fractionDigits)}). Если счётчик прошёл через ноль, подтвердите это.`;
}

function acceptedMessage(result: Result): string {
  let text = 'Показание принято';
  if (result.consumption != null) text += `: расход ${formatVolume(result.consumption)}`;
  if (result.chargePreview != null) text += `, к оплате по текущему тарифу ≈ ${formatMoney(result.chargePreview)}`;
  if (result.replacedEarlier) text += '; заменило ранее переданное за этот период';
  return `${text}.`;
}

/** The key of a meter's zone on a form, `<meter id>:<zone>`. */
export function entryKey(meterId: string, zone: ReadingZone): string {
  return `${meterId}:${zone}`;
}

/**
 * The dial boxes of some meters as typed, and what is wrong with them, checked before sending by the server's rules
 * (digits, the dial's size, not below the reading it is compared with unless a rollover through zero is confirmed).
 * The readings form and the payment page («Передать показания вместе с оплатой») both use it.
 */
export function createDialEntries<M extends DialMeter>(meters: () => readonly M[]) {
  const [typed, setTyped] = createStore<Record<string, Typed>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});

  const entries = createMemo<DialEntry<M>[]>(() =>
    meters().flatMap((meter) => meter.readingZones.map((zone) => ({ key: entryKey(meter.id, zone), meter, zone }))),
  );
  const field = (key: string): Typed => typed[key] ?? EMPTY;
  const valueOf = (key: string) => dialValue(field(key).integer, field(key).fraction);
  /** The reading the typed one is compared with (as the server tells it), when the typed one is below it. */
  const belowPrevious = (entry: DialEntry<M>): { value: string } | undefined => {
    const current = field(entry.key);
    const value = dialValue(current.integer, current.fraction);
    if (!value || dialProblem(current.integer, current.fraction, entry.meter)) return undefined;
    const previous = entry.meter.comparisonReadings.find((c) => c.zone === entry.zone);
    return previous && compareDecimals(value, previous.value) < 0 ? previous : undefined;
  };

  /** What is wrong with an entry as typed; below the previous reading, the rollover checkbox is offered instead. */
  const problemOf = (entry: DialEntry<M>): string | undefined => {
    const current = field(entry.key);
    const shape = dialProblem(current.integer, current.fraction, entry.meter);
    if (shape) return shape;
    const previous = belowPrevious(entry);
    if (!previous) return undefined;
    if (!current.offerRollover) setTyped(entry.key, { ...current, offerRollover: true });
    return current.rollover ? undefined : belowPreviousMessage(previous, entry.meter);
  };

  const setFieldError = (key: string, message: string | undefined) =>
    setErrors((current) => {
      const next = { ...current };
      if (message) next[key] = message;
      else delete next[key];
      return next;
    });

  /** Typing changes an entry: a shown error follows the typing. */
  const update = (entry: DialEntry<M>, change: Partial<Typed>) => {
    setTyped(entry.key, { ...field(entry.key), ...change });
    // Corrected to a value not below the previous one: the rollover question is gone.
    if (field(entry.key).offerRollover && !belowPrevious(entry) && !('rollover' in change)) {
      setTyped(entry.key, { ...field(entry.key), offerRollover: false, rollover: false });
    }
    if (errors()[entry.key]) setFieldError(entry.key, problemOf(entry));
  };

  /** The problems of every entry, by key; with `required`, an empty form is one (by its first box). */
  const problems = (required: boolean): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const entry of entries()) {
      const problem = problemOf(entry);
      if (problem) found[entry.key] = problem;
    }
    const first = entries()[0];
    if (required && Object.keys(found).length === 0 && first && !entries().some((e) => valueOf(e.key))) {
      found[first.key] = 'Введите показание счётчика.';
    }
    return found;
  };

  /** What was typed, as the API takes it (`ReadingInput`), each with its entry. */
  const readings = () =>
    entries()
      .filter((entry) => valueOf(entry.key))
      .map((entry) => {
        const current = field(entry.key);
        return {
          entry,
          input: {
            meterId: entry.meter.id,
            zone: entry.zone,
            value: valueOf(entry.key),
            confirmRollover: current.offerRollover && current.rollover,
          },
        };
      });

  return {
    entries,
    field,
    errors,
    setErrors,
    update,
    problems,
    readings,
    /** The server refused a reading as below the previous one: the rollover question is offered. */
    offerRollover: (key: string) => setTyped(key, { ...field(key), offerRollover: true }),
    /** Empties an entry's boxes (its reading was accepted). */
    clear: (key: string) => setTyped(key, { ...EMPTY }),
  };
}

export const MeterReadings: Component<{ account: Account; onSubmitted: () => void }> = (props) => {
  const [, submitReadings] = createMutation(SubmitMutation);
  const dials = createDialEntries(() => props.account.meters ?? []);
  const { field, errors, setErrors } = dials;
  const [results, setResults] = createSignal<Record<string, Result>>({});
  const [formErrors, setFormErrors] = createSignal<string[]>([]);
  const [periodNotice, setPeriodNotice] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const keys = createIdempotencyKeys();
  const headingId = () => `readings-${props.account.id}-heading`;
  let form: HTMLFormElement | undefined;

  /** Typing changes an entry: its old answer no longer applies, and a shown error follows the typing. */
  const update = (entry: Entry, change: Partial<Typed>) => {
    dials.update(entry, change);
    setResults((current) => {
      if (!current[entry.key]) return current;
      const next = { ...current };
      delete next[entry.key];
      return next;
    });
    setPeriodNotice(undefined);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setFormErrors([]);
    setPeriodNotice(undefined);
    const problems = dials.problems(true);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    const readings = dials.readings().map((r) => r.input);

    setBusy(true);
    const result = await submitReadings({
      input: { accountId: props.account.id, readings, idempotencyKey: keys.keyFor(readings) },
    });
    setBusy(false);
    const payload = result.data?.submitReadings;
    if (!payload) {
      // No answer: pressing again with the same readings repeats this submission under its key.
      setFormErrors([requestFailure(result.error)]);
      focusFirstInvalid(form);
      return;
    }
    keys.answered();
    if (payload.errors.length > 0) {
      setFormErrors(payload.errors.map((e) => e.message));
      focusFirstInvalid(form);
      return;
    }
    const answers: Record<string, Result> = {};
    const refusals: Record<string, string> = {};
    for (const answer of payload.results) {
      const key = entryKey(answer.meterId, answer.zone);
      if (answer.status === 'REFUSED') {
        refusals[key] = answer.message ?? 'Показание не принято.';
        if (answer.code === 'READING_BELOW_PREVIOUS') dials.offerRollover(key);
      } else {
        answers[key] = answer;
      }
    }
    setResults(answers);
    setErrors(refusals);
    if (!payload.ok) {
      focusFirstInvalid(form);
      return;
    }
    for (const key of Object.keys(answers)) dials.clear(key);
    if (payload.afterClosingDay && payload.period) {
      setPeriodNotice(
        `Показания переданы после дня закрытия периода и будут учтены в расчёте за ${formatMonthLower(payload.period)}.`,
      );
    }
    // The last readings, the history and the chart now include these.
    props.onSubmitted();
  };

  return (
    <section class="readings" aria-labelledby={headingId()}>
      <h3 id={headingId()}>Счётчики и показания</h3>
      <Show
        when={props.account.meters !== null}
        fallback={
          // The metering service did not answer: the rest of the card still shows.
          <FailureAlert message="Сведения о счётчиках сейчас недоступны. Обновите страницу через несколько минут." />
        }
      >
        <Show
          when={(props.account.meters ?? []).length > 0}
          fallback={<p class="status">Поставщик не сообщил о счётчиках на этом лицевом счёте.</p>}
        >
          <form ref={form} class="readings-form" novalidate onSubmit={(event) => void submit(event)} aria-busy={busy()}>
            <For each={props.account.meters ?? []}>
              {(meter) => (
                <MeterBlock meter={meter}>
                  <For each={meter.readingZones}>
                    {(zone) => {
                      const entry: Entry = { key: entryKey(meter.id, zone), meter, zone };
                      const key = entry.key;
                      return (
                        <DialField
                          id={`reading-${meter.id}-${zone.toLowerCase()}`}
                          meter={meter}
                          zone={zone}
                          typed={field(key)}
                          error={errors()[key]}
                          result={results()[key]}
                          busy={busy()}
                          onChange={(change) => update(entry, change)}
                        />
                      );
                    }}
                  </For>
                </MeterBlock>
              )}
            </For>
            <FormAlert messages={formErrors()} />
            <div class="form-actions">
              <SubmitButton busy={busy()} label="Передать показания" busyLabel="Передаём…" />
              <p class="field-hint readings-closing-hint">
                Показания, переданные после {props.account.supplier.readingClosingDay}-го числа, учитываются в расчёте
                за следующий месяц.
              </p>
            </div>
            <div role="status" class="readings-period">
              <Show when={periodNotice()}>
                <p class="warning">{periodNotice()}</p>
              </Show>
            </div>
          </form>
        </Show>
      </Show>
      <Show when={props.account.monthlyConsumption}>
        {(months) => <ConsumptionHistory id={props.account.id} months={months()} />}
      </Show>
    </section>
  );
};

/** A meter: its number, last readings, verification, the boxes to type into (children) and its recent readings. */
const MeterBlock: ParentComponent<{ meter: Meter }> = (props) => (
  <div class="meter" data-testid="meter">
    <div class="meter-head">
      <h4 class="meter-title">Счётчик №&nbsp;{props.meter.serialNumber}</h4>
      <span class="meter-kind">{props.meter.zones === 'DAY_NIGHT' ? 'двухтарифный: день и ночь' : 'однотарифный'}</span>
    </div>
    <ul class="meter-last">
      <For each={props.meter.readingZones}>
        {(zone) => (
          <li>
            <Show
              when={lastReadingOf(props.meter, zone)}
              fallback={<>Показаний{zone === 'TOTAL' ? '' : ` (${ZONE_NAMES[zone]})`} пока нет.</>}
            >
              {(last) => (
                <>
                  Последнее показание{zone === 'TOTAL' ? '' : ` (${ZONE_NAMES[zone]})`}:{' '}
                  <strong class="meter-value">{formatReading(last().value, props.meter.fractionDigits)}&nbsp;м³</strong>{' '}
                  от {formatDate(last().submittedAt)}
                  <span class="muted">, за {formatMonthLower(last().period.slice(0, 7))}</span>
                </>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
    <Verification meter={props.meter} />
    {props.children}
    <RecentReadings meter={props.meter} />
  </div>
);

export const Verification: Component<{ meter: Pick<Meter, 'verificationStatus' | 'nextVerificationOn'> }> = (props) => {
  const date = () => formatDay(props.meter.nextVerificationOn);
  return (
    <Switch>
      <Match when={props.meter.verificationStatus === 'EXPIRED'}>
        <div class="alert meter-verification">
          <p>Срок поверки истёк {date()}: показания по этому счётчику не принимаются.</p>
        </div>
      </Match>
      <Match when={props.meter.verificationStatus === 'DUE_SOON'}>
        <p class="warning meter-verification">Срок поверки счётчика — {date()}. Не забудьте поверить счётчик.</p>
      </Match>
      <Match when={props.meter.verificationStatus === 'OK' && date()}>
        <p class="meter-verification-ok muted">Поверка действительна до {date()}.</p>
      </Match>
    </Switch>
  );
};

interface DialFieldProps {
  id: string;
  meter: DialMeter;
  zone: ReadingZone;
  typed: Typed;
  error?: string;
  result?: Result;
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
        <Show when={hasFraction()} fallback={`Целое число, до ${props.meter.integerDigits} цифр, как на счётчике.`}>
          До запятой — до {props.meter.integerDigits} цифр, после — до {props.meter.fractionDigits}, как на счётчике.
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
      <div id={resultId()} class="dial-result" role="status">
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

/** The meter's latest readings, every submission (replaced ones marked), with who took them. */
const RecentReadings: Component<{ meter: Meter }> = (props) => {
  const shown = () => props.meter.readings.slice(0, 6);
  return (
    <Show when={shown().length > 0}>
      <div class="table-scroll">
        <table class="table readings-table">
          <caption>Последние показания</caption>
          <thead>
            <tr>
              <th scope="col">Дата</th>
              <th scope="col" class="numeric">
                Показание, м³
              </th>
              <th scope="col">Передал</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(reading) => (
                <tr classList={{ 'is-replaced': !reading.current }}>
                  <th scope="row">{formatDate(reading.submittedAt)}</th>
                  <td class="numeric">
                    <Show when={reading.zone !== 'TOTAL'}>
                      <span class="muted">{ZONE_NAMES[reading.zone]} </span>
                    </Show>
                    {formatReading(reading.value, props.meter.fractionDigits)}
                    <Show when={!reading.current}>
                      <span class="reading-replaced"> (заменено)</span>
                    </Show>
                  </td>
                  <td>{SOURCE_NAMES[reading.source]}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
};

const SHORT_MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

interface HistoryMonth {
  month: string;
  /** A decimal string, or null for a month without readings between others. */
  volume: string | null;
}

/** Every month from the first to the last the API gave (it skips months without readings), oldest first. */
function contiguousMonths(months: ReadonlyArray<{ month: string; volume: string }>): HistoryMonth[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const byMonth = new Map(months.map((m) => [m.month, m.volume]));
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const list: HistoryMonth[] = [];
  for (let i = index(first.month); i <= index(last.month); i++) {
    const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    list.push({ month, volume: byMonth.get(month) ?? null });
  }
  return list;
}

/** The consumption by month: a bar chart for the eye, and the same numbers as a table for everyone. */
const ConsumptionHistory: Component<{ id: string; months: ReadonlyArray<{ month: string; volume: string }> }> = (
  props,
) => {
  const months = createMemo(() => contiguousMonths(props.months), [], {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const headingId = () => `consumption-${props.id}-heading`;
  const [chartFailed, setChartFailed] = createSignal(false);
  const [chartBox, setChartBox] = createSignal<HTMLDivElement>();
  let removeChart: (() => void) | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    removeChart?.();
  });

  // Drawn when shown, and again whenever the months change (after a reading is accepted).
  createEffect(() => {
    const box = chartBox();
    const list = months();
    if (!box || list.length === 0) return;
    const chartMonths: ChartMonth[] = list.map((m, i) => {
      const monthIndex = Number(m.month.slice(5, 7)) - 1;
      const short = SHORT_MONTHS[monthIndex] ?? m.month;
      return {
        short: monthIndex === 0 || i === 0 ? `${short}\n${m.month.slice(0, 4)}` : short,
        long: formatMonth(m.month),
        volume: m.volume === null ? null : Number(m.volume),
      };
    });
    // uPlot comes in its own chunk, when a chart is first shown.
    import('./consumption-chart')
      .then(({ drawConsumptionChart }) => {
        if (disposed || !box.isConnected) return;
        removeChart?.();
        removeChart = drawConsumptionChart(box, chartMonths);
      })
      .catch(() => setChartFailed(true));
  });

  const range = () => {
    const list = months();
    return list.length
      ? `с ${formatMonthGenitive(list[0]!.month)} по ${formatMonthLower(list[list.length - 1]!.month)}`
      : '';
  };

  return (
    <div class="consumption" aria-labelledby={headingId()} role="group">
      <h4 id={headingId()}>Расход газа по месяцам</h4>
      <Show when={months().length > 0} fallback={<p class="status">Данных о расходе пока нет.</p>}>
        <Show when={!chartFailed()}>
          <div
            class="consumption-chart"
            role="img"
            aria-label={`Столбчатая диаграмма расхода газа ${range()}, м³. Те же данные — в таблице под ней.`}
            ref={setChartBox}
          />
        </Show>
        <details class="consumption-table">
          <summary>Расход по месяцам таблицей</summary>
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">Расход газа по месяцам, {range()}</caption>
              <thead>
                <tr>
                  <th scope="col">Месяц</th>
                  <th scope="col" class="numeric">
                    Расход, м³
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={months()}>
                  {(month) => (
                    <tr>
                      <th scope="row">{formatMonth(month.month)}</th>
                      <td class="numeric">{month.volume === null ? 'нет показаний' : formatDecimal(month.volume)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </div>
  );
};
