// Enrolment (capability 1): a program's managers enrol people one by one or a whole cohort from a
// CSV file (a dry run first, then all rows or none), list who is enrolled and whether the app can
// reach them, and remove an enrolment. Whatever door is used, these are the rules.
import { authorizeProgram, ofActorsTenant, type Actor } from '../policy';
import type { Person } from '../person';
import type { Program } from '../program';
import type { ConversationRepository, EnrolmentRepository, PeopleRepository, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type FieldIssue, type Result, type Versioned } from '../result';
import {
  COHORT_MAX_ROWS,
  cohortPeople,
  cohortTemplate,
  dryRunCohort,
  enrolmentProblems,
  type CohortProblem,
  type CohortRow,
  type EnrolledPerson,
} from './cohortCsv';
import {
  SETUP_POLICY_DOCS,
  type CohortImportView,
  type Enrolment,
  type EnrolmentInput,
  type EnrolmentListView,
  type EnrolmentRole,
} from './enrolment';

export interface EnrolmentDeps {
  programs: Pick<ProgramRepository, 'get'>;
  enrolments: EnrolmentRepository;
  people: Pick<PeopleRepository, 'get' | 'list' | 'save' | 'remove'>;
  plans: Pick<PlanRepository, 'pairsOf' | 'loadPair'>;
  conversations: Pick<ConversationRepository, 'get'>;
  /** The app's page in Teams, to share with people who have not installed it. */
  shareLink: string;
  now: () => Date;
}

const NOT_FOUND = 'There is no such program, or you do not manage it.';
const FOREIGN = 'This person belongs to another organization.';

/** Reads at most this many rows of storage at once, so a large file does not flood it. */
const READS_AT_ONCE = 25;

async function inSlices<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += READS_AT_ONCE) out.push(...(await Promise.all(items.slice(i, i + READS_AT_ONCE).map(read))));
  return out;
}

/** A person's profile as an enrolment sets it: what the enrolment says, and what only they set (strengths) kept. */
function profileFor(person: Person, role: EnrolmentRole, existing: Person | undefined): Person {
  return {
    ...existing,
    ...person,
    mentorCapacity: role === 'mentor' ? person.mentorCapacity : (existing?.mentorCapacity ?? 0),
  };
}

export function createEnrolmentService(deps: EnrolmentDeps) {
  const { programs, enrolments, people, plans, conversations } = deps;

  async function managed(actor: Actor, programId: string): Promise<Result<Program>> {
    const found = ofActorsTenant(actor, (await programs.get(programId))?.value);
    if (!found) return fail('not_found', NOT_FOUND);
    const allowed = authorizeProgram(actor, found, 'edit_settings');
    return allowed.ok ? ok(found) : allowed;
  }

  /** Mentees a person has now as a mentor (pairs not ended). */
  async function activeMentees(personId: string): Promise<number> {
    const refs = (await plans.pairsOf(personId)).filter((r) => r.role === 'mentor');
    const pairs = await Promise.all(refs.map((r) => plans.loadPair(r.pairId)));
    return pairs.filter((p) => p && p.mentorship.value.status !== 'ended').length;
  }

  /** Who is enrolled, as the rules need it (the mentees of mentors are counted where they are enrolled again). */
  const enrolledPeople = (list: readonly Versioned<Enrolment>[]): EnrolledPerson[] =>
    list.map(({ value }) => ({ id: value.personId, role: value.role, activeMentees: 0 }));

  /** Mentees each of these people has now as a mentor. */
  const menteesOf = async (ids: readonly string[]) => new Map(await inSlices(ids, async (id) => [id, await activeMentees(id)] as const));

  /** Writes the profiles; answers how to put back what was there. */
  async function saveProfiles(changes: { person: Person; role: EnrolmentRole; existing: Person | undefined }[]) {
    await inSlices(changes, ({ person, role, existing }) => people.save(profileFor(person, role, existing)));
    return () => inSlices(changes, ({ person, existing }) => (existing ? people.save(existing) : people.remove(person.id)));
  }

  const enrolmentOf = (programId: string, row: CohortRow, at: string): Enrolment => ({
    programId,
    tenantId: row.person.tenantId,
    personId: row.person.id,
    role: row.role,
    displayName: row.person.displayName,
    ...(row.person.email ? { email: row.person.email } : {}),
    timeZone: row.person.timeZone,
    workingHours: row.person.workingHours,
    mentorCapacity: row.role === 'mentor' ? row.person.mentorCapacity : 0,
    ...(row.cohort ? { cohort: row.cohort } : {}),
    enrolledAt: at,
  });

  return {
    /** Everyone enrolled in the program, each with whether the bot can reach them, and how to reach those it cannot. */
    async list(actor: Actor, programId: string): Promise<Result<EnrolmentListView>> {
      const program = await managed(actor, programId);
      if (!program.ok) return program;
      const list = await enrolments.list(programId);
      const ids = [...new Set(list.map((e) => e.value.personId))];
      const reachable = new Set(
        (await inSlices(ids, async (id) => ((await conversations.get(id))?.tenantId === program.value.tenantId ? id : undefined))).filter(
          Boolean,
        ),
      );
      return ok({
        enrolled: list.map((enrolment) => ({ enrolment, installed: reachable.has(enrolment.value.personId) })),
        installHelp: { setupPolicyDocs: SETUP_POLICY_DOCS, shareLink: deps.shareLink },
      });
    },

    /** Enrols one person; refused with nothing written: someone of another organization, the same role twice, a capacity below their mentees. */
    async enrol(actor: Actor, programId: string, input: EnrolmentInput): Promise<Result<Versioned<Enrolment>>> {
      const program = await managed(actor, programId);
      if (!program.ok) return program;
      const existing = await people.get(input.personId);
      if (existing && existing.tenantId !== program.value.tenantId)
        return fail('invalid', FOREIGN, { issues: [{ path: 'personId', message: FOREIGN }] });
      const theirs = (await enrolments.list(programId)).filter((e) => e.value.personId === input.personId);
      const menteesNow = input.role === 'mentor' ? await activeMentees(input.personId) : 0;
      const problems = enrolmentProblems(input, enrolledPeople(theirs), menteesNow);
      if (problems.some((p) => p.message.startsWith('Already enrolled')))
        return fail('conflict', `${input.displayName} is already enrolled as ${input.role}.`);
      if (problems.length > 0)
        return fail('invalid', problems[0]!.message, { issues: problems.map((p) => ({ path: p.column, message: p.message })) });

      const row: CohortRow = {
        line: 0,
        role: input.role,
        person: {
          id: input.personId,
          tenantId: program.value.tenantId,
          displayName: input.displayName,
          ...(input.email ? { email: input.email } : {}),
          timeZone: input.timeZone,
          workingHours: input.workingHours,
          mentorCapacity: input.mentorCapacity,
        },
        ...(input.cohort ? { cohort: input.cohort } : {}),
      };
      const restore = await saveProfiles([{ person: row.person, role: row.role, existing }]);
      const created = await enrolments.create(enrolmentOf(programId, row, deps.now().toISOString()));
      if (!created.ok) await restore();
      return created;
    },

    /** The cohort file's template, for the program's managers. */
    async template(actor: Actor, programId: string): Promise<Result<string>> {
      const program = await managed(actor, programId);
      return program.ok ? ok(cohortTemplate) : program;
    },

    /** Removes the person's enrolment in `role`, or all of theirs in the program. Their pairs and profile stay. */
    async remove(actor: Actor, programId: string, personId: string, role?: EnrolmentRole): Promise<Result<void>> {
      const program = await managed(actor, programId);
      if (!program.ok) return program;
      const removed = await enrolments.remove(programId, personId, role);
      return removed > 0 ? ok(undefined) : fail('not_found', 'This person is not enrolled in the program.');
    },

    /**
     * A cohort file: the dry run names every bad row and why; the import checks it all again against
     * who is enrolled now, then enrols everyone in it or, on any problem or failure, no one.
     */
    async importCohort(actor: Actor, programId: string, csv: string, dryRun: boolean): Promise<Result<CohortImportView>> {
      const program = await managed(actor, programId);
      if (!program.ok) return program;
      // A file over the limit is refused by the dry run: its people are not looked up.
      const inFile = cohortPeople(csv);
      const named = inFile.length > COHORT_MAX_ROWS ? [] : inFile;
      const mentors = [...new Set(named.filter((p) => p.role === 'mentor').map((p) => p.personId))];
      // One query for the profiles of a file's people: fewer round trips than a read per line.
      const [list, everyone, menteesNow] = await Promise.all([
        enrolments.list(programId),
        named.length > 0 ? people.list() : Promise.resolve([]),
        menteesOf(mentors),
      ]);
      const byId = new Map(everyone.map((p) => [p.id, p]));
      const known = named.map((p) => [p.personId, byId.get(p.personId)] as const);
      const existing = new Map(known);
      const otherOrganization = new Set(known.filter(([, p]) => p && p.tenantId !== program.value.tenantId).map(([id]) => id));
      const checked = dryRunCohort(csv, enrolledPeople(list), program.value.tenantId, { menteesNow, otherOrganization });
      const problems: CohortProblem[] = checked.problems;
      const rows = problems.length > 0 ? [] : checked.rows;
      const view: CohortImportView = {
        dryRun,
        problems,
        people: rows.map((r) => ({
          line: r.line,
          personId: r.person.id,
          displayName: r.person.displayName,
          role: r.role,
          ...(r.cohort ? { cohort: r.cohort } : {}),
        })),
        imported: 0,
      };
      if (dryRun) return ok(view);
      if (problems.length > 0) {
        const issues: FieldIssue[] = problems.map((p) => ({
          path: `line ${p.line}${p.column ? `, ${p.column}` : ''}`,
          message: p.message,
        }));
        const message = `Nobody was enrolled: ${problems.length === 1 ? 'a row needs' : `${problems.length} problems need`} attention.`;
        return fail('invalid', message, { issues });
      }

      const at = deps.now().toISOString();
      const restore = await saveProfiles(rows.map((r) => ({ person: r.person, role: r.role, existing: existing.get(r.person.id) })));
      let created: Result<number>;
      try {
        created = await enrolments.createAll(rows.map((r) => enrolmentOf(programId, r, at)));
      } catch (error) {
        await restore();
        throw error;
      }
      if (!created.ok) {
        await restore();
        return created;
      }
      return ok({ ...view, imported: created.value });
    },
  };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
