import { z } from 'zod';
import { isoDate, isoInstant, timeZone } from './dates';
import { limits } from './limits';
import { personId, tenantId, workingHours } from './person';
import { cadence, entityId } from './program';

export const preferredChannel = z.enum(['teams_chat', 'teams_meeting', 'in_person', 'email']);
export type PreferredChannel = z.infer<typeof preferredChannel>;
export const preferredChannelLabel: Record<PreferredChannel, string> = {
  teams_chat: 'Teams chat',
  teams_meeting: 'Teams meeting',
  in_person: 'In person',
  email: 'Email',
};

const availability = z.object({ timeZone, workingHours }).strict();

/** What both people agree to at the start, written down so expectations are explicit. */
export const agreement = z
  .object({
    rolesAndResponsibilities: z.string().trim().min(1).max(limits.longText),
    meetingCadence: cadence,
    meetingLengthMinutes: z.number().int().min(15).max(240),
    preferredChannel,
    style: z.string().max(limits.longText),
    boundaries: z.string().max(limits.longText),
    confidentiality: z.string().max(limits.longText),
    hoursPerMonth: z.number().min(0.5).max(40),
    mentor: availability,
    mentee: availability,
  })
  .strict();
export type Agreement = z.infer<typeof agreement>;

export const mentorshipStatus = z.enum(['proposed', 'active', 'paused', 'ended']);
export type MentorshipStatus = z.infer<typeof mentorshipStatus>;

export const mentorship = z
  .object({
    id: entityId,
    /** The program's tenant: the pair, its people and every row of its partition belong to it. */
    tenantId,
    programId: entityId,
    mentorId: personId,
    menteeId: personId,
    startDate: isoDate,
    status: mentorshipStatus,
    agreement,
    /** When each person accepted the agreement as it stands; any change to it clears both. */
    acceptedByMentorAt: isoInstant.optional(),
    acceptedByMenteeAt: isoInstant.optional(),
    /** When the pair ended: the program's retention period counts from here. */
    endedAt: isoInstant.optional(),
    /**
     * The intake the pair belongs to (a label such as `2026 spring`), from the mentee's enrolment;
     * the program's health can be read for one cohort. Pairs without one belong to the cohort of
     * their start date's year (cohortOf).
     */
    cohort: z.string().trim().min(1).max(limits.shortText).optional(),
  })
  .strict()
  .refine((m) => m.mentorId !== m.menteeId, { message: 'A person cannot mentor themselves.', path: ['menteeId'] });
export type Mentorship = z.infer<typeof mentorship>;

export type PairRole = 'mentor' | 'mentee';

export const roleIn = (m: Pick<Mentorship, 'mentorId' | 'menteeId'>, personId: string): PairRole | undefined =>
  m.mentorId === personId ? 'mentor' : m.menteeId === personId ? 'mentee' : undefined;

export const agreementAccepted = (m: Mentorship): boolean => Boolean(m.acceptedByMentorAt && m.acceptedByMenteeAt);

/** The cohort a pair is counted in: its label, or the year it started. */
export const cohortOf = (m: Pick<Mentorship, 'cohort' | 'startDate'>): string => m.cohort ?? m.startDate.slice(0, 4);
