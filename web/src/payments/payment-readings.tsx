// The readings part of «Оплата онлайн»: readings sent along with the payment if the abonent wishes, each meter
// with the reading a new one is compared with and its verification.
import { For, Match, Show, Switch, type Component, type ParentComponent } from 'solid-js';
import type { PaymentPage_AccountQuery, ReadingZone } from '../graphql/graphql';
import { CheckboxField } from '../shared/forms';
import { formatReading } from '../shared/format';
import { type createDialEntries, DialField, entryKey, Verification } from '../readings/meter-readings';

type Meter = NonNullable<NonNullable<PaymentPage_AccountQuery['personalAccount']>['meters']>[number];

const ZONE_NAMES: Record<ReadingZone, string> = { TOTAL: '', DAY: ' (день)', NIGHT: ' (ночь)' };

export const PaymentReadings: Component<{
  /** null: metering did not answer. */
  meters: Meter[] | null;
  withReadings: boolean;
  onWithReadings: (value: boolean) => void;
  dials: ReturnType<typeof createDialEntries<Meter>>;
  busy: boolean;
}> = (props) => (
  <Switch>
    <Match when={props.meters === null}>
      <p class="status">Передать показания сейчас нельзя: сведения о счётчиках недоступны.</p>
    </Match>
    <Match when={(props.meters ?? []).length > 0}>
      <div class="payment-readings">
        <CheckboxField id="payment-with-readings" checked={props.withReadings} onChange={props.onWithReadings}>
          Передать показания вместе с оплатой
        </CheckboxField>
        <Show when={props.withReadings}>
          <div id="payment-readings-meters" class="payment-meters">
            <For each={props.meters ?? []}>
              {(meter) => (
                <PaymentMeter meter={meter}>
                  <For each={meter.readingZones}>
                    {(zone) => {
                      const entry = { key: entryKey(meter.id, zone), meter, zone };
                      return (
                        <DialField
                          id={`payment-reading-${meter.id}-${zone.toLowerCase()}`}
                          meter={meter}
                          zone={zone}
                          typed={props.dials.field(entry.key)}
                          error={props.dials.errors()[entry.key]}
                          busy={props.busy}
                          onChange={(change) => props.dials.update(entry, change)}
                        />
                      );
                    }}
                  </For>
                </PaymentMeter>
              )}
            </For>
          </div>
        </Show>
      </div>
    </Match>
  </Switch>
);

/** A meter on the payment page: its number, the reading a new one is compared with, its verification. */
const PaymentMeter: ParentComponent<{ meter: Meter }> = (props) => (
  <div class="meter" data-testid="meter">
    <div class="meter-head">
      <h2 class="meter-title">Счётчик №&nbsp;{props.meter.serialNumber}</h2>
    </div>
    <ul class="meter-last">
      <For each={props.meter.readingZones}>
        {(zone) => (
          <Show when={zone === 'DAY' ? props.meter.day : zone === 'NIGHT' ? props.meter.night : props.meter.total}>
            {(last) => (
              <li>
                Предыдущее показание{ZONE_NAMES[zone]}:{' '}
                <strong class="meter-value">{formatReading(last().value, props.meter.fractionDigits)}&nbsp;м³</strong>
              </li>
            )}
          </Show>
        )}
      </For>
    </ul>
    <Verification meter={props.meter} />
    {props.children}
  </div>
);
