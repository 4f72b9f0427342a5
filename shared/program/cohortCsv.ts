// Enrolling a cohort from a CSV file (capability 1): the format, its template, and the dry run that
// names every bad row and why before anything is written. The import itself applies all rows or none.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { localTime, timeZone } from '../dates';
import { limits } from '../limits';
import { personId, weekday, type Person } from '../person';
import { cohortColumns, optionalColumns } from './cohortFormat';
import { enrolmentRole, type EnrolmentRole } from './enrolment';

export { cohortColumnHelp, cohortColumns, cohortTemplate } from './cohortFormat';
export { enrolmentRole, type EnrolmentRole } from './enrolment';

export interface CohortRow {
  line: number;
  role: EnrolmentRole;
  person: Person;
  cohort?: string;
}

export interface CohortProblem {
  line: number;
  column?: string;
  message: string;
}

export interface CohortDryRun {
  rows: CohortRow[];
  problems: CohortProblem[];
}

/** What the dry run needs to know about people already enrolled: one entry per person and role. */
export interface EnrolledPerson {
  id: string;
  role: EnrolmentRole;
  activeMentees: number;
}

/**
 * The rules of enrolling one person against who is enrolled now, whether the person comes from a
 * file or from the add-a-person form: the same role once per program, and a mentor's capacity at
 * least 1 and at least the mentees they already have.
 */
export function enrolmentProblems(
  row: { personId: string; role: EnrolmentRole; mentorCapacity: number },
  enrolled: readonly EnrolledPerson[],
  menteesNow = 0,
): { column: 'personId' | 'mentorCapacity'; message: string }[] {
  const problems: { column: 'personId' | 'mentorCapacity'; message: string }[] = [];
  const mine = enrolled.filter((e) => e.id === row.personId);
  if (mine.some((e) => e.role === row.role)) problems.push({ column: 'personId', message: `Already enrolled as ${row.role}.` });
  if (row.role === 'mentor' && row.mentorCapacity === 0)
    problems.push({ column: 'mentorCapacity', message: 'A mentor needs a capacity of at least 1.' });
  const active = Math.max(menteesNow, ...mine.map((e) => e.activeMentees));
  if (row.role === 'mentor' && active > row.mentorCapacity) {
    problems.push({ column: 'mentorCapacity', message: `Over capacity: this mentor already has ${active} mentees.` });
  }
  return problems;
}

/** People per file: a file with more is refused whole. */
export const COHORT_MAX_ROWS = 5_000;

function workDays(text: string): number[] | undefined {
  const trimmed = text.trim();
  const range = /^([1-7])\s*-\s*([1-7])$/.exec(trimmed);
  const days = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
    : trimmed.split(/[\s,;]+/).map(Number);
  return days.length > 0 && days.every((d) => weekday.safeParse(d).success) ? [...new Set(days)] : undefined;
}

const rowSchema = z.object({
  personId: personId.describe('personId'),
  displayName: z.string().trim().min(1, 'A name is needed.').max(limits.name),
  email: z
    .string()
    .trim()
    .max(254)
    .transform((e) => (e === '' ? undefined : e))
    .pipe(z.string().email('Not an email address.').optional()),
  role: z.string().trim().toLowerCase().pipe(enrolmentRole),
  timeZone: z.string().trim().pipe(timeZone),
  workStart: z.string().trim().pipe(localTime),
  workEnd: z.string().trim().pipe(localTime),
  workDays: z.string().transform((text, ctx) => {
    const days = workDays(text);
    if (!days) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Use days 1-7, like 1-5 or 1,2,3.' });
    return days ?? [];
  }),
  mentorCapacity: z
    .string()
    .trim()
    .transform((t) => (t === '' ? '0' : t))
    .pipe(z.coerce.number().int('A whole number.').min(0).max(20)),
  cohort: z
    .string()
    .trim()
    .max(limits.shortText)
    .transform((c) => (c === '' ? undefined : c)),
});

function readCsv(csv: string): string[][] {
  return parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: false });
}

/** The people a file names, with the role of each line, so what storage knows of them can be read before the dry run. */
export function cohortPeople(csv: string): { personId: string; role: string }[] {
  try {
    const [header, ...body] = readCsv(csv);
    const at = (name: string) => header?.findIndex((h) => h.trim() === name) ?? -1;
    const [id, role] = [at('personId'), at('role')];
    if (id < 0) return [];
    return body
      .map((r) => ({ personId: (r[id] ?? '').trim(), role: role < 0 ? '' : (r[role] ?? '').trim().toLowerCase() }))
      .filter((p) => personId.safeParse(p.personId).success);
  } catch {
    return [];
  }
}

/** What the dry run knows of the file's people beyond this program's enrolments. */
export interface CohortContext {
  /** Mentees each mentor of the file has now, in this program or any other. */
  menteesNow?: ReadonlyMap<string, number>;
  /** People of the file who belong to another organization. */
  otherOrganization?: ReadonlySet<string>;
}

/**
 * Reads a cohort file and checks every row against the format and against who is enrolled now:
 * the dry run. Nothing is written; the rows come back only when there is no problem at all, since
 * the import applies the whole file or nothing. Everyone in the file joins the importer's tenant.
 */
export function dryRunCohort(
  csv: string,
  enrolled: readonly EnrolledPerson[],
  tenantId: string,
  { menteesNow = new Map(), otherOrganization = new Set() }: CohortContext = {},
): CohortDryRun {
  let records: string[][];
  try {
    records = readCsv(csv);
  } catch (error) {
    return { rows: [], problems: [{ line: 0, message: `The file is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  const problems: CohortProblem[] = [];
  const missing = cohortColumns.filter((c) => !optionalColumns.includes(c) && !header?.map((h) => h.trim()).includes(c));
  if (!header || missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          message: `The first line must name the columns ${cohortColumns.join(', ')} (email and cohort may be left out); missing: ${missing.join(', ')}.`,
        },
      ],
    };
  }
  if (body.length === 0) return { rows: [], problems: [{ line: 2, message: 'The file has no one to enrol.' }] };
  if (body.length > COHORT_MAX_ROWS) return { rows: [], problems: [{ line: 0, message: `At most ${COHORT_MAX_ROWS} people per file.` }] };

  const at = new Map(header.map((h, i) => [h.trim(), i]));
  const seen = new Map<string, number>();
  const rows: CohortRow[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(cohortColumns.map((c) => [c, at.has(c) ? (record[at.get(c)!] ?? '') : '']));
    if ((raw.personId ?? '').trim() === '') {
      problems.push({ line, column: 'personId', message: 'The person id is missing.' });
      return;
    }
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, column: String(issue.path[0] ?? ''), message: issue.message });
      return;
    }
    const r = parsed.data;
    if (r.workStart >= r.workEnd) problems.push({ line, column: 'workEnd', message: 'Working hours must end after they start.' });
    if (otherOrganization.has(r.personId))
      problems.push({ line, column: 'personId', message: 'This person belongs to another organization.' });
    const earlier = seen.get(r.personId);
    if (earlier !== undefined) problems.push({ line, column: 'personId', message: `The same person is on line ${earlier}.` });
    seen.set(r.personId, line);
    for (const problem of enrolmentProblems(r, enrolled, menteesNow.get(r.personId))) problems.push({ line, ...problem });
    rows.push({
      line,
      role: r.role,
      ...(r.cohort ? { cohort: r.cohort } : {}),
      person: {
        id: r.personId,
        tenantId,
        displayName: r.displayName,
        ...(r.email ? { email: r.email } : {}),
        timeZone: r.timeZone,
        workingHours: { start: r.workStart, end: r.workEnd, days: r.workDays },
        mentorCapacity: r.role === 'mentor' ? r.mentorCapacity : 0,
      },
    });
  });
  return problems.length > 0 ? { rows: [], problems: problems.sort((a, b) => a.line - b.line) } : { rows, problems };
}
