// Who takes part in a program, and as what (capability 1): a person enrolled as mentee or mentor,
// with the time zone and working hours matching and check-ins use, a mentor's capacity, and the
// cohort a mentee's pairs carry. The enrolment API's contract lives here too.
import { z } from 'zod';
import { isoInstant, timeZone } from '../dates';
import { limits } from '../limits';
import { personId, tenantId, workingHours } from '../person';
import { entityId } from '../ids';
import type { Versioned } from '../result';
import type { CohortProblem } from './cohortCsv';

export const enrolmentRole = z.enum(['mentee', 'mentor']);
export type EnrolmentRole = z.infer<typeof enrolmentRole>;

const cohortLabel = z.string().trim().min(1).max(limits.shortText);

export const enrolment = z
  .object({
    programId: entityId,
    tenantId,
    personId,
    role: enrolmentRole,
    displayName: z.string().trim().min(1).max(limits.name),
    email: z.string().email().max(254).optional(),
    timeZone,
    workingHours,
    /** Mentees a mentor can support at once; 0 for a mentee. */
    mentorCapacity: z.number().int().min(0).max(20),
    /** The intake a mentee belongs to; their new pairs carry it. */
    cohort: cohortLabel.optional(),
    enrolledAt: isoInstant,
  })
  .strict();
export type Enrolment = z.infer<typeof enrolment>;

/** What a program manager sends to enrol one person. */
export const enrolmentInput = z
  .object({
    personId,
    displayName: z.string().trim().min(1).max(limits.name),
    email: z.string().trim().email().max(254).optional(),
    role: enrolmentRole,
    timeZone,
    workingHours,
    mentorCapacity: z.number().int().min(0).max(20).default(0),
    cohort: cohortLabel.optional(),
  })
  .strict();
export type EnrolmentInput = z.infer<typeof enrolmentInput>;

export const enrolmentParams = z.object({ programId: entityId, personId }).strict();

/** Removing someone: one role, or every enrolment of theirs in the program when no role is named. */
export const enrolmentRemoveQuery = z.object({ role: enrolmentRole.optional() }).strict();

/** At most about 5,000 people (the dry run's own limit), as text. */
export const COHORT_FILE_MAX_CHARS = 1_000_000;

/** A cohort file sent as JSON; a `text/csv` body is read as the same. */
export const cohortImportInput = z.object({ csv: z.string().min(1, 'The file is empty.').max(COHORT_FILE_MAX_CHARS) }).strict();

export const cohortImportQuery = z
  .object({ dryRun: z.enum(['true', 'false']).optional() })
  .strict()
  .transform((q) => ({ dryRun: q.dryRun === 'true' }));

/** The answer to a dry run, and to an import. */
export interface CohortImportView {
  dryRun: boolean;
  /** Every bad row and why; an import happens only when there is none. */
  problems: CohortProblem[];
  /** The people the file enrols (all of them, or none when there is a problem). */
  people: { line: number; personId: string; displayName: string; role: Enrolment['role']; cohort?: string }[];
  /** How many were enrolled: 0 for a dry run. */
  imported: number;
}

/** An enrolled person as the enrolment view lists them. */
export interface EnrolledView {
  enrolment: Versioned<Enrolment>;
  /** Whether the bot can reach them: they installed the app (a stored conversation reference). */
  installed: boolean;
}

/** How to reach people who have not installed the app yet. */
export interface InstallHelp {
  /** The Teams admin center's app setup policies, which can install the app for everyone. */
  setupPolicyDocs: string;
  /** The app in Teams, to share in a chat or mail: anyone who opens it can add the app. */
  shareLink: string;
}

export interface EnrolmentListView {
  enrolled: EnrolledView[];
  installHelp: InstallHelp;
}

/** Microsoft's documentation of app setup policies (installing and pinning apps for users). */
export const SETUP_POLICY_DOCS = 'https://learn.microsoft.com/microsoftteams/teams-app-setup-policies';

/** The app's page in Teams, which offers to add it. */
export const appShareLink = (teamsAppId: string) => `https://teams.microsoft.com/l/app/${encodeURIComponent(teamsAppId)}`;
