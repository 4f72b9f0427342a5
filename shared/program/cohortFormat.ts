// The cohort file's format: its columns, what each holds, and the downloadable template. Apart from
// the reading of files (cohortCsv.ts), so the tab can show and offer it without a CSV parser.

export const cohortColumns = [
  'personId',
  'displayName',
  'email',
  'role',
  'timeZone',
  'workStart',
  'workEnd',
  'workDays',
  'mentorCapacity',
  'cohort',
] as const;

/** Columns a file may leave out. */
export const optionalColumns: readonly string[] = ['email', 'cohort'];

/** The downloadable template: the header and two example rows. */
export const cohortTemplate = [
  cohortColumns.join(','),
  '00000000-0000-0000-0000-000000000001,Ada Example,ada@example.com,mentee,Europe/London,09:00,17:00,1-5,0,2026 spring',
  '00000000-0000-0000-0000-000000000002,Grace Example,grace@example.com,mentor,America/New_York,08:30,16:30,1-4,3,',
].join('\r\n');

/** What each column holds, for the import screen and the README. */
export const cohortColumnHelp: Record<(typeof cohortColumns)[number], string> = {
  personId: 'The person’s Entra object id (in the Entra admin center or Teams admin center).',
  displayName: 'The name people see.',
  email: 'Optional: their work email.',
  role: 'mentee or mentor.',
  timeZone: 'An IANA time zone such as Europe/Berlin.',
  workStart: 'Start of working hours on their clock, like 09:00.',
  workEnd: 'End of working hours, like 17:00.',
  workDays: 'Working days, 1 = Monday ... 7 = Sunday: a range like 1-5 or a list like 1,2,3,4.',
  mentorCapacity: 'How many mentees a mentor can support (0 for mentees).',
  cohort: 'Optional: the intake a mentee belongs to, like 2026 spring; their pairs carry it, and program health can be read per cohort.',
};
