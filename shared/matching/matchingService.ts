// Matching (capability 13): people list their strengths as mentors; a program's managers see
// suggested mentors for a mentee, ranked with their reasons, and create the pair. Both happen inside
// one program: its mentors are the people enrolled in it as mentors, its mentees those enrolled as
// mentees (one read of the program's enrolments, never the whole People table). One use case per
// step, whatever door calls it.
import { todayIn } from '../dates';
import type { Goal } from '../goal';
import type { Agreement, Mentorship } from '../mentorship';
import { summarizePerson, type Person } from '../person';
import { authorizeProgram, inTenant, ofActorsTenant, type Actor, type ProgramAction } from '../policy';
import type { Program } from '../program';
import type { Enrolment, EnrolmentRole } from '../program/enrolment';
import type {
  EnrolmentRepository,
  MentorPlacesRepository,
  PeopleRepository,
  PlanRecord,
  PlanRepository,
  ProgramRepository,
} from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import type { MatchingView, PairCreateInput, StrengthsInput, StrengthsView } from './matchingApi';
import { placesTaken, reservePlace, reservedFor } from './mentorPlaces';
import { neededBehaviors, suggestMentors, type MentorCandidate } from './suggestMentors';

export interface MatchingDeps {
  people: Pick<PeopleRepository, 'get' | 'save'>;
  programs: Pick<ProgramRepository, 'get'>;
  plans: Pick<PlanRepository, 'pairsOf' | 'load' | 'loadPair' | 'createPair'>;
  /** Who may be matched in a program, and as what; the mentee's enrolment gives the pair its cohort. */
  enrolments: Pick<EnrolmentRepository, 'get' | 'list'>;
  /** A new pair reserves its mentor's place here first, so two racing pairs cannot both take the last one. */
  places: MentorPlacesRepository;
  now: () => Date;
  newId: () => string;
  /** Told about each new pair (both people get a welcome card); a failure here never undoes the pair. */
  onPairCreated?: (record: Pick<PlanRecord, 'mentorship' | 'members'>) => Promise<void>;
}

/** A pair that still holds a mentor's place and keeps the same two from being paired again. */
const holdsPlace = (m: Pick<Mentorship, 'status'>) => m.status !== 'ended';

/** Tries at reserving a place when other pairs of the same mentor are being created at once. */
const RESERVE_ATTEMPTS = 5;

/** The agreement a new pair starts from: both people's time zones and working hours, the program's cadence; the pair edits the rest. */
export function agreementTemplate(program: Pick<Program, 'checkInCadence'>, mentor: Person, mentee: Person): Agreement {
  return {
    rolesAndResponsibilities: `${mentor.displayName} brings questions, introductions and honest feedback; ${mentee.displayName} owns the plan, prepares each session and follows up.`,
    meetingCadence: program.checkInCadence,
    meetingLengthMinutes: 45,
    preferredChannel: 'teams_meeting',
    style: '',
    boundaries: '',
    confidentiality: 'What we discuss stays between us unless we agree otherwise.',
    hoursPerMonth: 2,
    mentor: { timeZone: mentor.timeZone, workingHours: mentor.workingHours },
    mentee: { timeZone: mentee.timeZone, workingHours: mentee.workingHours },
  };
}

export function createMatchingService(deps: MatchingDeps) {
  const { people, programs, plans } = deps;

  /** Matching is the program managers' (policy.ts `authorizeProgram`): suggestions read the program, a new pair changes it. */
  async function managedProgram(actor: Actor, programId: string, action: ProgramAction): Promise<Result<Program>> {
    const found = ofActorsTenant(actor, (await programs.get(programId))?.value);
    if (!found) return fail('not_found', 'There is no such program, or you do not manage it.');
    const allowed = authorizeProgram(actor, found, action);
    return allowed.ok ? ok(found) : allowed;
  }

  /** The pairs where someone holds `role`, as stored (one point read each). */
  async function pairsAs(personId: string, role: 'mentor' | 'mentee') {
    const refs = (await plans.pairsOf(personId)).filter((r) => r.role === role);
    const loaded = await Promise.all(refs.map((r) => plans.loadPair(r.pairId)));
    return loaded.flatMap((p) => (p ? [p.mentorship.value] : []));
  }

  const activeMentees = async (mentorId: string) => (await pairsAs(mentorId, 'mentor')).filter(holdsPlace).length;

  /** The person's enrolment in the program as `role`, when it belongs to the program's tenant. */
  async function enrolledAs(program: Program, personId: string, role: EnrolmentRole): Promise<Enrolment | undefined> {
    const found = (await deps.enrolments.get(program.id, personId, role))?.value;
    return found && inTenant(program.tenantId, found) ? found : undefined;
  }

  async function menteeGoals(menteeId: string, programId: string): Promise<Goal[]> {
    const refs = (await plans.pairsOf(menteeId)).filter((r) => r.role === 'mentee');
    const records = await Promise.all(refs.map((r) => plans.load(r.pairId)));
    return records.flatMap((r) => (r && r.mentorship.value.programId === programId ? r.goals.map((g) => g.value) : []));
  }

  return {
    async strengths(actor: Actor): Promise<Result<StrengthsView>> {
      const me = ofActorsTenant(actor, await people.get(actor.id));
      return me ? ok({ strengths: me.strengths ?? [] }) : fail('not_found', 'You are not enrolled in a mentoring program yet.');
    },

    /** A person sets their own strengths; anyone enrolled may (listing strengths does not make someone a mentor). */
    async setStrengths(actor: Actor, input: StrengthsInput): Promise<Result<StrengthsView>> {
      const me = ofActorsTenant(actor, await people.get(actor.id));
      if (!me) return fail('not_found', 'You are not enrolled in a mentoring program yet.');
      await people.save({ ...me, strengths: input.strengths });
      return ok({ strengths: input.strengths });
    },

    async suggestions(actor: Actor, programId: string, menteeId: string): Promise<Result<MatchingView>> {
      const program = await managedProgram(actor, programId, 'view_aggregates');
      if (!program.ok) return program;
      const mentee = ofActorsTenant(actor, await people.get(menteeId));
      if (!mentee) return fail('not_found', 'There is no such person in your organization.');
      if (!(await enrolledAs(program.value, menteeId, 'mentee')))
        return fail('not_found', `${mentee.displayName} is not enrolled in this program as a mentee.`);
      const behaviors = neededBehaviors(program.value, await menteeGoals(menteeId, programId));
      // The program's mentors: one query of its enrolments, then only their profiles.
      const mentorIds = (await deps.enrolments.list(programId))
        .map((e) => e.value)
        .filter((e) => e.role === 'mentor' && inTenant(program.value.tenantId, e) && e.personId !== menteeId)
        .map((e) => e.personId);
      const profiles = await Promise.all(mentorIds.map((id) => people.get(id)));
      const mentors = profiles.filter((p): p is Person => p !== undefined && p.mentorCapacity > 0 && !!ofActorsTenant(actor, p));
      const candidates: MentorCandidate[] = await Promise.all(
        mentors.map(async (person) => ({ person, strengths: person.strengths ?? [], activeMentees: await activeMentees(person.id) })),
      );
      const suggestions = suggestMentors({ id: menteeId, availability: mentee, behaviors }, candidates, deps.now());
      return ok({ menteeId, neededBehaviors: behaviors, suggestions });
    },

    /**
     * A manager pairs a mentor with a mentee: the pair starts `proposed`, with an agreement both must
     * accept. Refused, with nothing written: a person not in the tenant, a mentor not enrolled in the
     * program as a mentor or a mentee not enrolled in it as a mentee, a mentor with no free place, and
     * two people already paired.
     */
    async createPair(actor: Actor, programId: string, input: PairCreateInput): Promise<Result<Versioned<Mentorship>>> {
      const program = await managedProgram(actor, programId, 'edit_settings');
      if (!program.ok) return program;
      const [mentor, mentee] = await Promise.all([people.get(input.mentorId), people.get(input.menteeId)]);
      const missing = [
        ...(ofActorsTenant(actor, mentor) ? [] : [{ path: 'mentorId', message: 'There is no such person in your organization.' }]),
        ...(ofActorsTenant(actor, mentee) ? [] : [{ path: 'menteeId', message: 'There is no such person in your organization.' }]),
      ];
      if (missing.length > 0 || !mentor || !mentee) return fail('invalid', missing[0]!.message, { issues: missing });
      const [asMentor, asMentee] = await Promise.all([
        enrolledAs(program.value, mentor.id, 'mentor'),
        enrolledAs(program.value, mentee.id, 'mentee'),
      ]);
      const notEnrolled = [
        ...(asMentor
          ? []
          : [{ path: 'mentorId', message: `${mentor.displayName} is not a mentor in this program (not enrolled as one).` }]),
        ...(asMentee ? [] : [{ path: 'menteeId', message: `${mentee.displayName} is not enrolled in this program as a mentee.` }]),
      ];
      if (notEnrolled.length > 0) return fail('invalid', notEnrolled[0]!.message, { issues: notEnrolled });
      const pairId = deps.newId();
      // Read the places row before the pairs: a pair missing from the index is then in the row.
      let reserved = false;
      for (let attempt = 0; attempt < RESERVE_ATTEMPTS && !reserved; attempt++) {
        const places = await deps.places.get(mentor.id);
        const mentorPairs = await pairsAs(mentor.id, 'mentor');
        const now = deps.now();
        const stored = { all: mentorPairs.map((m) => m.id), holdingPlace: mentorPairs.filter(holdsPlace).map((m) => m.id) };
        if (mentorPairs.some((m) => holdsPlace(m) && m.menteeId === mentee.id) || reservedFor(places?.value, stored, mentee.id, now))
          return fail('conflict', `${mentor.displayName} already mentors ${mentee.displayName}.`);
        const taken = placesTaken(stored, places?.value, now);
        if (taken >= mentor.mentorCapacity) {
          const message =
            mentor.mentorCapacity === 0
              ? `${mentor.displayName} is not a mentor (no mentee places).`
              : `${mentor.displayName} has no free mentee place (${mentor.mentorCapacity} of ${mentor.mentorCapacity} taken).`;
          return fail('invalid', message, { issues: [{ path: 'mentorId', message }] });
        }
        reserved = (await deps.places.save(reservePlace(mentor.id, places?.value, { pairId, menteeId: mentee.id }, now), places?.etag)).ok;
      }
      if (!reserved) return fail('conflict', `Other pairs for ${mentor.displayName} are being created right now. Try again in a moment.`);
      const cohort = asMentee?.cohort;
      const mentorship: Mentorship = {
        id: pairId,
        tenantId: program.value.tenantId,
        programId,
        mentorId: mentor.id,
        menteeId: mentee.id,
        startDate: todayIn(mentee.timeZone, deps.now()),
        status: 'proposed',
        agreement: agreementTemplate(program.value, mentor, mentee),
        ...(cohort ? { cohort } : {}),
      };
      const members = { mentor: summarizePerson(mentor), mentee: summarizePerson(mentee) };
      const created = await plans.createPair(mentorship, members);
      if (created.ok && deps.onPairCreated) {
        try {
          await deps.onPairCreated({ mentorship: created.value, members });
        } catch {
          // The pair stands; the welcome is a courtesy, and its sender logs its own failures.
        }
      }
      return created;
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
