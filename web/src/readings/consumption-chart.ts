// The monthly consumption bar chart (uPlot on a canvas), loaded on demand; the page keeps a table of the same numbers.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartMonth {
  /** The label under the bar, e.g. «ноя 25». */
  short: string;
  /** The label in the hover legend, e.g. «Ноябрь 2025». */
  long: string;
  /** m³, or null for a month without readings (no bar). */
  volume: number | null;
}

const BAR = '#1d5a96';
const BAR_HOVER = '#15426f';
const GRID = '#d3dce6';
const AXIS_TEXT = '#4a5a6b';
const FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

const VOLUME = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3 });

/** Draws the chart into `container`, as wide as it is, and follows its width; returns the function that removes it. */
export function drawConsumptionChart(container: HTMLElement, months: readonly ChartMonth[]): () => void {
  const height = () => (container.clientWidth < 480 ? 200 : 240);
  const xs = months.map((_, i) => i);
  const volumes = months.map((m) => m.volume);
  const chart = new uPlot(
    {
      width: Math.max(container.clientWidth, 200),
      height: height(),
      // Whole months, no zooming by dragging: the chart is for reading, not exploring.
      cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      legend: { show: true, live: true },
      scales: {
        x: { time: false, range: () => [-0.5, months.length - 0.5] },
        y: { range: (_u, _min, max) => [0, niceMax(max)] },
      },
      axes: [
        {
          font: FONT,
          stroke: AXIS_TEXT,
          grid: { show: false },
          ticks: { show: false },
          space: 34,
          incrs: [1, 2, 3, 4, 6, 12],
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (months[i]?.short ?? '') : '')),
        },
        {
          font: FONT,
          stroke: AXIS_TEXT,
          grid: { stroke: GRID, width: 1 },
          ticks: { show: false },
          // As wide as its widest label (100 000 m³ needs more than 48 px): a clipped label reads as another number.
          size: (_u, values) => yAxisSize(values),
          values: (_u, splits) => splits.map((v) => VOLUME.format(v)),
        },
      ],
      series: [
        { label: 'Месяц', value: (_u, i) => (i == null ? '—' : (months[i]?.long ?? '')) },
        {
          label: 'Расход, м³',
          fill: BAR,
          stroke: BAR_HOVER,
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars!({ size: [0.7, 48], radius: 0.1 }),
          // No month under the cursor: a dash; a month without readings: say so.
          value: (_u, v, _series, i) => (i == null ? '—' : v == null ? 'нет показаний' : VOLUME.format(v)),
        },
      ],
    },
    [xs, volumes],
    container,
  );
  const observer = new ResizeObserver(() => {
    const width = Math.max(container.clientWidth, 200);
    if (width !== chart.width || height() !== chart.height) chart.setSize({ width, height: height() });
  });
  observer.observe(container);
  return () => {
    observer.disconnect();
    chart.destroy();
  };
}

let measuring: CanvasRenderingContext2D | null | undefined;

/** The y axis's width for its labels, px: the widest label in the axis font, the gap uPlot leaves, and a margin. */
function yAxisSize(labels: readonly string[] | undefined): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!labels?.length || !measuring) return 48;
  measuring.font = FONT;
  const widest = Math.max(...labels.map((label) => measuring!.measureText(label).width));
  return Math.max(48, Math.ceil(widest) + 14);
}

/** A round top for the scale: 23,4 → 25; 0 (no consumption yet) → 1. */
function niceMax(max: number | null): number {
  if (!max || max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil((max * 1.05) / (step / 2)) * (step / 2);
}
