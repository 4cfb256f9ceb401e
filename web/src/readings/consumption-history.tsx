// The consumption by month on an account card: a bar chart for the eye, and the same numbers as a table for everyone.
import { createEffect, createMemo, createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import type { ChartMonth } from './consumption-chart';
import { formatDecimal, formatMonth, formatMonthGenitive, formatMonthLower } from '../shared/format';

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
export const ConsumptionHistory: Component<{ id: string; months: ReadonlyArray<{ month: string; volume: string }> }> = (
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
