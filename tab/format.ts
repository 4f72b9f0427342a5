// How dates, times and numbers look, in the language of strings.ts.
import type { IsoDate } from '../shared/dates';
import { locale } from './strings';

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });

/** A calendar date (no zone): formatted in UTC so it never shifts by a day. */
export const formatDate = (date: IsoDate): string => {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : dateFormat.format(d);
};

/** An instant, shown in the viewer's own time zone. */
export const formatInstant = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantFormat.format(d);
};

/** The calendar day of an instant, in the viewer's own time zone. */
export const formatInstantDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
};

export const formatNumber = (n: number): string => numberFormat.format(n);

// 2024-01-01 was a Monday: ISO weekday n is January n.
const weekdayName = (isoDay: number) => weekdayFormat.format(new Date(Date.UTC(2024, 0, isoDay)));

/** ISO weekdays (1 = Monday) as "Mon–Fri" when consecutive, else "Mon, Wed, Fri". */
export function formatWeekdays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  if (sorted.length > 2 && last - first === sorted.length - 1) return `${weekdayName(first)}–${weekdayName(last)}`;
  return sorted.map(weekdayName).join(', ');
}
