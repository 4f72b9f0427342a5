import { z } from 'zod';

export const dateMessages = {
  // A date control shows the date in the person's own format and sends '' until it is complete, so
  // the messages name no format: they are shown beside that control as well as in API answers.
  missing: 'Pick a date.',
  incomplete: 'Enter a complete date: day, month and year.',
  impossible: 'That date does not exist.',
} as const;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function dateProblem(s: string): string | undefined {
  if (s.trim() === '') return dateMessages.missing;
  if (!isoDatePattern.test(s)) return dateMessages.incomplete;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? undefined : dateMessages.impossible;
}

/** A calendar date, `YYYY-MM-DD` on the wire (what a date input's value holds). No time, no zone. */
export const isoDate = z.string().superRefine((s, ctx) => {
  const message = dateProblem(s);
  if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
});
export type IsoDate = z.infer<typeof isoDate>;

// zod builds the pattern of `.datetime()` anew on every parse, and stored rows hold many instants:
// the same pattern (zod's own) is built once, and a mismatch gives zod's own issue.
const instantPattern = z.datetimeRegex({ offset: true, precision: null, local: false });

/** An instant, ISO 8601 in UTC, as stored for created/updated times. */
export const isoInstant = z.string().superRefine((s, ctx) => {
  if (!instantPattern.test(s)) ctx.addIssue({ code: z.ZodIssueCode.invalid_string, validation: 'datetime', message: 'Invalid datetime' });
});

/** `HH:MM`, 24-hour clock, local to a person's time zone. */
export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00.');

// Building an Intl formatter costs far more than using one; zones are few, so keep one per zone.
const dateFormatters = new Map<string, Intl.DateTimeFormat | null>();

function dateFormatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = dateFormatters.get(zone);
  if (f === undefined) {
    try {
      // en-CA formats as YYYY-MM-DD.
      f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = null;
    }
    if (dateFormatters.size < 1_000) dateFormatters.set(zone, f);
  }
  return f;
}

const isKnownTimeZone = (tz: string): boolean => dateFormatterFor(tz) !== null;

/** An IANA time zone name such as `Europe/Berlin` or `Asia/Kolkata`. */
export const timeZone = z.string().min(1).max(64).refine(isKnownTimeZone, 'Unknown time zone: use a name like Europe/Berlin.');

/** Today's calendar date in a time zone: what "in the past" means to that person. */
export function todayIn(zone: string, now: Date): IsoDate {
  const f = dateFormatterFor(zone);
  if (!f) throw new Error(`Unknown time zone ${zone}`);
  return f.format(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
