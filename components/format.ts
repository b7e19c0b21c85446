/** Dates and sizes as the dashboard shows them, in the translation's language (`lang_code`). */
import { formatDay } from '../lib/ui/dates';
import { t } from '../services/i18n';

const lang = () => t('lang_code');

/** A date (ISO string or epoch milliseconds) as a medium date, or '' when there is none. */
export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return formatDay(value, lang());
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in bytes in the largest unit that keeps it at one or more ("1.5 MB"). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) [value, unit] = [value / 1024, unit + 1];
  return new Intl.NumberFormat(lang(), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
