// «Счётчики и показания» on an account card: each meter with its last reading and verification, the readings form
// (one box per dial part and zone, checked before sending, the server's answer by each box), and the consumption history.
import { createSignal, For, Show, type Component } from 'solid-js';
import { createMutation } from '@urql/solid';
import { formatMonthLower } from '../shared/format';
import { FailureAlert, focusFirstInvalid, FormAlert, requestFailure, SubmitButton } from '../shared/forms';
import { graphql } from '../graphql';
import type { MeterReadings_AccountFragment, MeterReadings_SubmitMutation } from '../graphql/graphql';
import { ConsumptionHistory } from './consumption-history';
import { createDialEntries, entryKey, type DialEntry, type Typed } from './dial-entries';
import { DialField } from './dial-field';
import { MeterBlock } from './meter-block';
import { createIdempotencyKeys } from './meter-dial';

// The dial boxes and the verification notice are shared with the payment page.
export { createDialEntries, entryKey, type DialEntry, type DialMeter, type Typed } from './dial-entries';
export { DialField } from './dial-field';
export { Verification } from './meter-block';

export const MeterReadingsAccountFragment = graphql(`
  fragment MeterReadings_Account on PersonalAccount {
    id
    supplier {
      id
      readingClosingDay
      ...MeterBlock_Supplier
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
type Entry = DialEntry<Meter>;
type Result = NonNullable<MeterReadings_SubmitMutation['submitReadings']>['results'][number];

export const MeterReadings: Component<{ account: Account; onSubmitted: () => void }> = (props) => {
  const [, submitReadings] = createMutation(SubmitMutation);
  // A meter past its verification takes no readings: its boxes are off before anyone types.
  const expired = (meter: Meter) => meter.verificationStatus === 'EXPIRED';
  const dials = createDialEntries(() => (props.account.meters ?? []).filter((meter) => !expired(meter)));
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
        // Recorded only once confirmed, with the consumption and charge it would mean shown.
        if (answer.code === 'READING_IMPLAUSIBLE') {
          dials.askToConfirm(key, { consumption: answer.consumption, chargePreview: answer.chargePreview });
        }
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
    // Keyboard and screen reader users land on the answer, not on the page's body.
    const first = payload.results[0];
    if (first) {
      document.getElementById(`reading-${first.meterId}-${first.zone.toLowerCase()}-result`)?.focus();
    }
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
                <MeterBlock meter={meter} supplier={props.account.supplier}>
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
                          disabledReason={
                            expired(meter)
                              ? 'Срок поверки истёк: показания по этому счётчику не принимаются до поверки.'
                              : undefined
                          }
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
              <Show when={dials.entries().length > 0}>
                <SubmitButton busy={busy()} label="Передать показания" busyLabel="Передаём…" />
              </Show>
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
