// How long to pause check-ins, from the words people type after `pause`: a date ("until
// 2026-05-31", "2026-05-31") or a period ("2 weeks", "for 10 days", "1 month").
import { addDays, isoDate, type IsoDate } from '../dates';

const UNIT_DAYS = { day: 1, week: 7, month: 30 } as const;
/** Longer than this is not a pause but the end of the mentorship. */
export const MAX_PAUSE_DAYS = 365;

/** The last day of the pause, or undefined when the words name no date or period. */
export function pauseUntil(words: readonly string[], today: IsoDate): IsoDate | undefined {
  const rest = words[0] === 'until' || words[0] === 'for' ? words.slice(1) : words;
  const date = isoDate.safeParse(rest[0]);
  if (date.success && rest.length === 1) return date.data;
  const count = Number(rest[0]);
  const unit = rest[1]?.replace(/s$/, '') as keyof typeof UNIT_DAYS | undefined;
  if (rest.length !== 2 || !Number.isInteger(count) || count < 1 || !unit || !(unit in UNIT_DAYS)) return undefined;
  const days = count * UNIT_DAYS[unit];
  return days > MAX_PAUSE_DAYS ? undefined : addDays(today, days);
}
