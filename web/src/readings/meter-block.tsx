// A meter on the readings form: its number, last readings, verification (and, past it, whom to ask), the boxes to
// type into and its recent readings.
import { For, Match, Show, Switch, type Component, type ParentComponent } from 'solid-js';
import { formatDate, formatDay, formatMonthLower, formatReading } from '../shared/format';
import { graphql } from '../graphql';
import type {
  MeterBlock_SupplierFragment,
  MeterReadings_AccountFragment,
  ReadingSource,
  ReadingZone,
} from '../graphql/graphql';

export const MeterBlockSupplierFragment = graphql(`
  # Whom an abonent asks to verify a meter: the supplier's own service desk.
  fragment MeterBlock_Supplier on Supplier {
    name
    support {
      phone
      email
      website
      address
    }
  }
`);
import { hasSupplierContacts, SupplierContacts } from '../shared/supplier-contacts';
import { ZONE_NAMES } from './dial-entries';

type Meter = NonNullable<MeterReadings_AccountFragment['meters']>[number];

const SOURCE_NAMES: Record<ReadingSource, string> = {
  ABONENT: 'абонент',
  INSPECTOR: 'контролёр',
  BILLING: 'поставщик',
  PAYMENT: 'при оплате',
};

/** The meter's last accepted reading of a zone (the API's aliases). */
function lastReadingOf(meter: Meter, zone: ReadingZone) {
  return zone === 'DAY' ? meter.day : zone === 'NIGHT' ? meter.night : meter.total;
}

/** A meter: its number, last readings, verification, the boxes to type into (children) and its recent readings. */
export const MeterBlock: ParentComponent<{ meter: Meter; supplier: MeterBlock_SupplierFragment }> = (props) => (
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
    <Verification meter={props.meter} supplier={props.supplier} />
    {props.children}
    <RecentReadings meter={props.meter} />
  </div>
);

export const Verification: Component<{
  meter: Pick<Meter, 'verificationStatus' | 'nextVerificationOn'>;
  supplier?: MeterBlock_SupplierFragment;
}> = (props) => {
  const date = () => formatDay(props.meter.nextVerificationOn);
  const support = () => props.supplier?.support;
  return (
    <Switch>
      <Match when={props.meter.verificationStatus === 'EXPIRED'}>
        <div class="alert meter-verification">
          <p>Срок поверки истёк {date()}: показания по этому счётчику не принимаются.</p>
          <p>
            Что делать: закажите поверку счётчика (или его замену) и сообщите о ней поставщику
            {props.supplier ? ` — ${props.supplier.name}` : ''}; после поверки показания снова можно будет передавать.
          </p>
          <Show when={hasSupplierContacts(support())} fallback={<p>Контакты поставщика указаны в квитанции.</p>}>
            <SupplierContacts contacts={support()!} class="supplier-contacts" label="Контакты поставщика" />
          </Show>
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
