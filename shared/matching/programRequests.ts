// What a program's managers act on (capabilities 12 and 13): re-pair requests (a mentee or mentor
// asking, privately, for another match, at any time from the plan or at renewal) and mentor
// candidates (mentees who offered to mentor). The request rows live in the pair's partition
// (RepairRequest, MentorOfferRecord); the program keeps an index of them so its managers read one
// partition, never every pair. The other person of the pair never sees a request.
import { z } from 'zod';
import { limits } from '../limits';
import type { PairRole } from '../mentorship';
import { authorizePlan, authorizeProgram, ofActorsTenant, type Actor } from '../policy';
import { entityId } from '../ids';
import type { PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result } from '../result';
import type { MentorOfferRecord, RepairRequest } from '../renewal/renewalService';

export const repairRequestInput = z
  .object({ reason: z.string().trim().min(1, 'Say why you would like to be re-paired.').max(limits.longText) })
  .strict();
export type RepairRequestInput = z.infer<typeof repairRequestInput>;

/** A request's id: its kind, pair and key inside the pair, as the program's index names it. */
export const programRequestId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(repair|mentoroffer)\|[A-Za-z0-9|._:-]+$/, 'There is no such request.');

export const programRequestParams = z.object({ programId: entityId, requestId: programRequestId }).strict();

/** An open request as the program's index holds it; the row in the pair's partition is the truth. */
export type OpenProgramRequest = { id: string } & (
  { kind: 'repair'; request: RepairRequest } | { kind: 'mentoroffer'; offer: MentorOfferRecord }
);

export interface ProgramRequestRepository {
  /** Stores a re-pair request asked from the plan (one per person and cycle: asking again replaces the reason and reopens it). */
  saveRepair(request: RepairRequest): Promise<void>;
  /** Stores a mentee's offer to mentor outside a renewal decision (the demo's candidate). */
  saveOffer(offer: MentorOfferRecord): Promise<void>;
  /** The program's open requests and offers, each checked against its pair's row (missing or handled ones are left out). */
  open(programId: string): Promise<OpenProgramRequest[]>;
  /** Marks the request handled in the pair's partition and takes it off the program's index; `not_found` when it is not open. */
  markHandled(programId: string, requestId: string, by: string, at: string): Promise<Result<void>>;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface RepairRequestView {
  id: string;
  pairId: string;
  mentor: PersonRef;
  mentee: PersonRef;
  requestedBy: PersonRef & { role: PairRole };
  reason: string;
  requestedAt: string;
  /** Asked at the end of a cycle's renewal, or from the plan at any time. */
  asked: 'renewal' | 'plan';
}

export interface MentorCandidateView {
  id: string;
  person: PersonRef;
  pairId: string;
  strengths: string[];
  capacity: number;
  offeredAt: string;
}

export interface ProgramRequestsView {
  programId: string;
  /** Newest first. */
  repairs: RepairRequestView[];
  candidates: MentorCandidateView[];
}

/** What the asker gets back: the request is theirs alone. */
export interface RepairRequestAnswer {
  pairId: string;
  reason: string;
  requestedAt: string;
}

export interface ProgramRequestDeps {
  plans: Pick<PlanRepository, 'loadPair'>;
  programs: Pick<ProgramRepository, 'get'>;
  requests: ProgramRequestRepository;
  now: () => Date;
}

const notFound = () => fail<never>('not_found', 'There is no such program, or you do not manage it.');

export function createProgramRequestService(deps: ProgramRequestDeps) {
  const { plans, programs, requests, now } = deps;

  async function managed(actor: Actor, programId: string) {
    const program = ofActorsTenant(actor, (await programs.get(programId))?.value);
    if (!program) return notFound();
    const allowed = authorizeProgram(actor, program, 'view_aggregates');
    return allowed.ok ? ok(program) : allowed;
  }

  const nameOf = (members: PlanRecord['members'] | undefined, id: string): PersonRef => {
    const found = [members?.mentor, members?.mentee].find((m) => m?.id === id);
    return { id, displayName: found?.displayName ?? id };
  };

  async function list(actor: Actor, programId: string): Promise<Result<ProgramRequestsView>> {
    const program = await managed(actor, programId);
    if (!program.ok) return program;
    const open = (await requests.open(programId)).filter((r) =>
      r.kind === 'repair' ? r.request.tenantId === actor.tenantId : r.offer.tenantId === actor.tenantId,
    );
    const pairIds = [...new Set(open.map((r) => (r.kind === 'repair' ? r.request.pairId : r.offer.pairId)))];
    const pairs = new Map(await Promise.all(pairIds.map(async (id) => [id, await plans.loadPair(id)] as const)));
    const repairs: RepairRequestView[] = [];
    const candidates: MentorCandidateView[] = [];
    for (const r of open) {
      if (r.kind === 'repair') {
        const q = r.request;
        const members = pairs.get(q.pairId)?.members;
        repairs.push({
          id: r.id,
          pairId: q.pairId,
          mentor: nameOf(members, q.mentorId),
          mentee: nameOf(members, q.menteeId),
          requestedBy: { ...nameOf(members, q.requestedBy), role: q.requestedBy === q.mentorId ? 'mentor' : 'mentee' },
          reason: q.reason,
          requestedAt: q.requestedAt,
          asked: r.id.split('|').length > 3 ? 'plan' : 'renewal',
        });
      } else {
        const o = r.offer;
        candidates.push({
          id: r.id,
          person: nameOf(pairs.get(o.pairId)?.members, o.personId),
          pairId: o.pairId,
          strengths: o.strengths,
          capacity: o.capacity,
          offeredAt: o.offeredAt,
        });
      }
    }
    repairs.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
    candidates.sort((a, b) => b.offeredAt.localeCompare(a.offeredAt));
    return ok({ programId, repairs, candidates });
  }

  return {
    /**
     * A mentee or mentor asks to be re-paired, at any time: stored as the same re-pair request a
     * renewal writes, for the program's managers only. Refused for a closed pair and for anyone
     * outside the pair (who learns nothing of it).
     */
    async askRepair(actor: Actor, pairId: string, input: RepairRequestInput): Promise<Result<RepairRequestAnswer>> {
      const found = await plans.loadPair(pairId);
      if (!found) return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
      const pair = found.mentorship.value;
      const role = authorizePlan(actor, pair, 'edit_plan');
      if (!role.ok) return role;
      const program = (await programs.get(pair.programId))?.value;
      if (!program || program.tenantId !== pair.tenantId)
        return fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
      const requestedAt = now().toISOString();
      await requests.saveRepair({
        tenantId: pair.tenantId,
        programId: pair.programId,
        pairId,
        cycleEnd: program.cycleEnd,
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        reason: input.reason,
        requestedAt,
        requestedBy: actor.id,
      });
      return ok({ pairId, reason: input.reason, requestedAt });
    },

    list,

    async markHandled(actor: Actor, programId: string, requestId: string): Promise<Result<ProgramRequestsView>> {
      const program = await managed(actor, programId);
      if (!program.ok) return program;
      const open = await requests.open(programId);
      const target = open.find((r) => r.id === requestId);
      const tenantOf = target && (target.kind === 'repair' ? target.request.tenantId : target.offer.tenantId);
      if (!target || tenantOf !== actor.tenantId) return fail('not_found', 'There is no such open request in this program.');
      const done = await requests.markHandled(programId, requestId, actor.id, now().toISOString());
      if (!done.ok) return done;
      return list(actor, programId);
    },
  };
}

export type ProgramRequestService = ReturnType<typeof createProgramRequestService>;
