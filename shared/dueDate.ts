import type { IsoDate } from './dates';

/**
 * A due date is set for today or later in the person's own time zone (`today` from `todayIn`, or
 * `PlanView.today` in the tab), so the form can say so before the server does.
 */
export const isPastDate = (date: IsoDate, today: IsoDate): boolean => date < today;

export const pastDateMessage = (what: string): string => `The ${what} is in the past: pick today or a later date.`;
