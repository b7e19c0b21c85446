/**
 * The entity's mentions over the reader's articles as a bar chart (Chart.js, dashboard only),
 * with the same numbers as a table for screen readers and for anyone who wants the figures.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Timeline, TimelineBucket } from '../lib/dashboard/timeline';
import type { Theme } from '../lib/ui/palette';
import { t } from '../services/i18n';
import { drawTimeline } from './timeline-chart';

export interface MentionTimelineProps {
  timeline: Timeline;
  entityName: string;
  color: string;
  theme: Theme;
}

/** A bucket's label: its date, its week, or its month. */
export function bucketLabel(bucket: TimelineBucket, unit: Timeline['unit']): string {
  return unit === 'week' ? t('dashboard_timeline_week', bucket.key) : bucket.key;
}

export function MentionTimeline({ timeline, entityName, color, theme }: MentionTimelineProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { unit, buckets } = timeline;

  useEffect(() => {
    if (!canvas.current) return;
    const chart = drawTimeline(canvas.current, {
      labels: buckets.map((b) => bucketLabel(b, unit)),
      values: buckets.map((b) => b.mentions),
      label: t('dashboard_timeline_mentions'),
      color,
      theme,
    });
    return () => chart.destroy();
  }, [buckets, unit, color, theme]);

  if (buckets.length === 0) return <p class="empty">{t('dashboard_timeline_empty')}</p>;
  const total = buckets.reduce((n, b) => n + b.mentions, 0);
  return (
    <figure class="timeline" aria-labelledby="timeline-caption">
      <figcaption id="timeline-caption">{t(`dashboard_timeline_per_${unit}`)}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={t('dashboard_timeline_label', entityName, total, buckets.length)} />
      </div>
      <details class="data-table">
        <summary>{t('dashboard_timeline_table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(`dashboard_timeline_col_${unit}`)}</th>
              <th scope="col">{t('dashboard_timeline_mentions')}</th>
              <th scope="col">{t('dashboard_timeline_articles')}</th>
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((b) => b.articles > 0)
              .map((b) => (
                <tr key={b.key}>
                  <th scope="row">{bucketLabel(b, unit)}</th>
                  <td>{b.mentions}</td>
                  <td>{b.articles}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
