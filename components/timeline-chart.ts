/**
 * Draws the entity timeline with Chart.js, loaded only by the dashboard's entity page.
 *
 * Why Chart.js over uPlot: the timeline is a bar chart over day, week or month buckets, which
 * Chart.js draws with a category axis out of the box, with tooltips, device-pixel-ratio and
 * resize handling; uPlot is smaller but built for dense time-series lines (bars need custom
 * path builders and it has no category axis). Chart.js 4 is tree-shakable: only the bar
 * controller, bar element, the two scales and the tooltip are registered, not `chart.js/auto`.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { Theme } from '../lib/ui/palette';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface TimelineChartData {
  labels: string[];
  values: number[];
  /** The dataset's name in the tooltip ("Mentions"). */
  label: string;
  color: string;
  theme: Theme;
}

/** Draws the bars on `canvas`; the returned handle removes the chart. */
export function drawTimeline(canvas: HTMLCanvasElement, data: TimelineChartData): { destroy(): void } {
  const { theme } = data;
  const axis = { ticks: { color: theme.muted }, grid: { color: theme.line }, border: { color: theme.border } };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: data.color }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: axis,
        y: { ...axis, beginAtZero: true, ticks: { ...axis.ticks, precision: 0 } },
      },
      plugins: { tooltip: { enabled: true } },
    },
  });
  return { destroy: () => chart.destroy() };
}
