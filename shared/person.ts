import { z } from 'zod';
import { localTime, timeZone } from './dates';
import { limits } from './limits';

/**
 * Everyone is identified by their Entra object id: the tab's token carries it as `oid` and the bot
 * sees it as `from.aadObjectId`, so tab and bot agree on who someone is.
 */
export const personId = z.string().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, 'A person id is an Entra object id.');
export type PersonId = z.infer<typeof personId>;

export const weekday = z.number().int().min(1).max(7); // ISO: 1 = Monday ... 7 = Sunday

export const workingHours = z
  .object({
    start: localTime,
    end: localTime,
    days: z.array(weekday).min(1).max(7),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'Working hours must end after they start.', path: ['end'] });
export type WorkingHours = z.infer<typeof workingHours>;

export const defaultWorkingHours: WorkingHours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

export const person = z
  .object({
    id: personId,
    displayName: z.string().trim().min(1).max(limits.name),
    email: z.string().email().max(254).optional(),
    jobTitle: z.string().max(limits.name).optional(),
    timeZone,
    workingHours,
    /** How many mentees this person can support as a mentor; 0 when not a mentor. */
    mentorCapacity: z.number().int().min(0).max(20),
  })
  .strict();
export type Person = z.infer<typeof person>;

/** What the other person in a pair sees of someone: enough to name them and invite them. */
export type PersonSummary = Pick<Person, 'id' | 'displayName' | 'jobTitle' | 'timeZone' | 'email'>;

export const summarizePerson = (p: Person): PersonSummary => ({
  id: p.id,
  displayName: p.displayName,
  jobTitle: p.jobTitle,
  timeZone: p.timeZone,
  email: p.email,
});
