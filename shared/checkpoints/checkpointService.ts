// The checkpoint use cases, for every door (the tab's API today): see a pair's checkpoints and the
// scorecard over time, prepare a checkpoint (a draft either person saves under its ETag), sign it
// off (both), correct a signed-off one (a new revision), and the mentee's choice to share its
// scorecard with the program. The final sign-off writes the checkpoint, its journal entry and the
// goal recalibrations in one transaction; its breakthroughs are then recorded as wins.
import { todayIn, type IsoDate } from '../dates';
import { ANONYMITY_THRESHOLD, type FeedbackRequest } from '../feedback/feedbackRequest';
import type { Goal, GoalRevision } from '../goal';
import type { JournalEntry } from '../journal/journalEntry';
import { limits } from '../limits';
import type { PairRole } from '../mentorship';
import type { PersonSummary } from '../person';
import { isActiveGoal } from '../plan/planChoices';
import { authorizeCheckpoint, checkpointPermissions, type Actor, type CheckpointAction, type CheckpointPermissions } from '../policy';
import type { Program, ScorecardMetric } from '../program';
import type { RecognitionService } from '../recognition/recognitionService';
import type { FeedbackRepository, PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import {
  bothSigned,
  checkpointOn,
  checkpointsUpTo,
  checkpointState,
  computeScorecard,
  emptyCheckpoint,
  ratingProblems,
  recalibrationLabel,
  type Checkpoint,
  type CheckpointPeriod,
  type CheckpointSharingInput,
  type CheckpointState,
  type FeedbackRatings,
  type ParsedCheckpointDraftInput,
  type Recalibration,
  type ScorecardValue,
} from './checkpoint';
import type { CheckpointRepository, GoalRecalibrationWrite } from './checkpointRepository';

export interface CheckpointSummaryView {
  dueDate: IsoDate;
  number: number;
  from: IsoDate;
  to: IsoDate;
  state: CheckpointState;
  revision?: number;
  signedOffAt?: string;
  sharedWithProgram: boolean;
  /** The scorecard as signed off; absent until then. */
  scorecard?: ScorecardValue[];
}

/** A goal recalibrated at a signed-off checkpoint: a mark on the scorecard's timeline. */
export interface RecalibrationMark {
  dueDate: IsoDate;
  goalId: string;
  goalTitle: string;
  decision: Recalibration['decision'];
  reason: string;
}

export interface CheckpointListView {
  metrics: ScorecardMetric[];
  today: IsoDate;
  intervalMonths: number;
  /** Oldest first, up to the next one due. */
  checkpoints: CheckpointSummaryView[];
  recalibrations: RecalibrationMark[];
  viewerRole: PairRole;
}

export interface CheckpointView {
  period: CheckpointPeriod;
  state: CheckpointState;
  /** Absent until someone starts preparing it. */
  checkpoint?: Versioned<Checkpoint>;
  metrics: ScorecardMetric[];
  /** The signed-off scorecard, or what the draft's would be today. */
  scorecard: ScorecardValue[];
  /** The latest signed-off scorecard before this checkpoint, for "latest next to previous". */
  previousScorecard?: ScorecardValue[];
  goals: { id: string; title: string; status: Goal['status'] }[];
  /** Signed-off revisions a correction replaced, oldest first. */
  revisions: Checkpoint[];
  viewerRole: PairRole;
  mentor: PersonSummary;
  mentee: PersonSummary;
  can: CheckpointPermissions;
}

/** What the bot tells both people when a checkpoint is signed off. */
export interface CheckpointSignedOff {
  record: PlanRecord;
  checkpoint: Checkpoint;
  previous?: Checkpoint;
  metrics: ScorecardMetric[];
}

export interface CheckpointServiceDeps {
  plans: Pick<PlanRepository, 'load'>;
  programs: Pick<ProgramRepository, 'get'>;
  checkpoints: CheckpointRepository;
  feedback: Pick<FeedbackRepository, 'listRequests' | 'listResponses'>;
  recognition: Pick<RecognitionService, 'recognizeWin'>;
  now: () => Date;
  /** After the final sign-off is stored (the summary card to both, the next reminder). Failures are the callee's to report. */
  onSignedOff?: (event: CheckpointSignedOff) => Promise<void>;
}

const noPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const noCheckpoint = <T>(): Result<T> => fail('not_found', 'This plan has no checkpoint on that date.');
const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** Two recalibrations say the same: a correction does not write them to the goal's history again. */
const sameRecalibration = (a: Recalibration, b: Recalibration) =>
  a.goalId === b.goalId && a.decision === b.decision && a.reason === b.reason;

export function createCheckpointService(deps: CheckpointServiceDeps) {
  const { plans, programs, checkpoints, feedback, recognition, now } = deps;

  interface Context {
    record: PlanRecord;
    program: Program;
    role: PairRole;
    today: IsoDate;
  }

  async function openPair(actor: Actor, pairId: string): Promise<Result<Omit<Context, 'role'>>> {
    const record = await plans.load(pairId);
    if (!record) return noPair();
    const program = await programs.get(record.mentorship.value.programId);
    if (!program) throw new Error(`Program ${record.mentorship.value.programId} of pair ${pairId} is missing`);
    return ok({ record, program: program.value, today: todayIn(actor.timeZone, now()) });
  }

  async function open(
    actor: Actor,
    pairId: string,
    dueDate: IsoDate,
    action: CheckpointAction,
  ): Promise<Result<Context & { period: CheckpointPeriod; stored?: Versioned<Checkpoint> }>> {
    const base = await openPair(actor, pairId);
    if (!base.ok) return base;
    const seen = authorizeCheckpoint(actor, base.value.record.mentorship.value, undefined, 'view');
    if (!seen.ok) return seen;
    const pair = base.value.record.mentorship.value;
    const period = checkpointOn(pair.startDate, base.value.program.checkpointIntervalMonths, dueDate);
    if (!period) return noCheckpoint();
    const stored = await checkpoints.get(pairId, dueDate);
    const role = authorizeCheckpoint(actor, pair, stored?.value, action);
    if (!role.ok) return role;
    return ok({ ...base.value, role: role.value, period, ...(stored ? { stored } : {}) });
  }

  /** The 360 answers of the pair as the scorecard counts them: anonymous requests only once they show results. */
  async function feedbackRatings(pairId: string): Promise<FeedbackRatings[]> {
    const requests = await feedback.listRequests(pairId);
    const perRequest = await Promise.all(
      requests.map(async (r: Versioned<FeedbackRequest>) => {
        const responses = await feedback.listResponses(pairId, r.value.id);
        if (r.value.anonymous && responses.length < ANONYMITY_THRESHOLD) return [];
        return responses.map((x) => ({ answeredAt: x.value.updatedAt ?? x.value.answeredAt, ratings: Object.values(x.value.ratings) }));
      }),
    );
    return perRequest.flat();
  }

  async function scorecardOf(ctx: Context, period: CheckpointPeriod, c: Checkpoint | undefined): Promise<ScorecardValue[]> {
    if (c?.status === 'signed_off' && c.scorecard) return c.scorecard;
    return computeScorecard({
      metrics: ctx.program.scorecardMetrics,
      period,
      milestones: ctx.record.milestones.map((m) => m.value),
      feedback: await feedbackRatings(ctx.record.mentorship.value.id),
      ratings: c?.ratings ?? { mentee: {}, mentor: {} },
    });
  }

  /** The goal changes a sign-off writes: each recalibration as a revision of its goal, with the reason. */
  function recalibrationWrites(
    record: PlanRecord,
    c: Checkpoint,
    previous: Checkpoint | undefined,
    actor: Actor,
    at: string,
  ): Result<GoalRecalibrationWrite[]> {
    const writes: GoalRecalibrationWrite[] = [];
    for (const [i, r] of c.recalibrations.entries()) {
      if (previous?.recalibrations.some((p) => sameRecalibration(p, r))) continue;
      const found = record.goals.find((g) => g.value.id === r.goalId);
      if (!found) return invalid(`recalibrations.${i}.goalId`, 'That goal is no longer part of this plan.');
      const before = found.value;
      const status: Goal['status'] = r.decision === 'complete' ? 'completed' : r.decision === 'drop' ? 'dropped' : before.status;
      if (!isActiveGoal(before) && status !== before.status)
        return invalid(`recalibrations.${i}.decision`, `This goal is ${before.status} already.`);
      const goal: Goal = { ...before, status, revision: before.revision + 1, updatedAt: at, updatedBy: actor.id };
      const revision: GoalRevision = {
        goalId: before.id,
        revision: goal.revision,
        change: status === before.status ? 'updated' : status === 'completed' ? 'completed' : 'dropped',
        at,
        by: actor.id,
        reason: cut(`Checkpoint of ${c.dueDate}: ${recalibrationLabel[r.decision].toLowerCase()}. ${r.reason}`, limits.reason),
        fields: status === before.status ? [] : [{ field: 'status', from: before.status, to: status }],
      };
      writes.push({ goal, etag: found.etag, revision });
    }
    return ok(writes);
  }

  function journalEntryOf(c: Checkpoint, actor: Actor, at: string): JournalEntry {
    const parts = [
      c.reflections.worked && `What worked: ${c.reflections.worked}`,
      c.reflections.didNotWork && `What did not: ${c.reflections.didNotWork}`,
      c.reflections.insights && `Insights: ${c.reflections.insights}`,
    ].filter(Boolean);
    const body = parts.join('\n\n');
    return {
      id: `checkpoint-${c.dueDate}-r${c.revision}`,
      pairId: c.pairId,
      kind: 'checkpoint',
      at,
      authorId: actor.id,
      visibility: 'pair',
      menteeConsented: false,
      summary: cut(`Checkpoint of ${c.dueDate} signed off${c.revision > 1 ? ` (correction ${c.revision - 1})` : ''}`, limits.shortText),
      checkpointDueDate: c.dueDate,
      ...(body ? { body: cut(body, limits.longText) } : {}),
    };
  }

  /** The latest signed-off checkpoint before `dueDate`. */
  const previousOf = (all: readonly Versioned<Checkpoint>[], dueDate: IsoDate): Checkpoint | undefined =>
    all
      .map((c) => c.value)
      .filter((c) => c.dueDate < dueDate && c.status === 'signed_off')
      .at(-1);

  return {
    async list(actor: Actor, pairId: string): Promise<Result<CheckpointListView>> {
      const base = await openPair(actor, pairId);
      if (!base.ok) return base;
      const role = authorizeCheckpoint(actor, base.value.record.mentorship.value, undefined, 'view');
      if (!role.ok) return role;
      const { record, program, today } = base.value;
      const stored = await checkpoints.list(pairId);
      const byDate = new Map(stored.map((c) => [c.value.dueDate, c.value]));
      const periods = checkpointsUpTo(record.mentorship.value.startDate, program.checkpointIntervalMonths, today);
      const goalTitle = (id: string) => record.goals.find((g) => g.value.id === id)?.value.title ?? 'A removed goal';
      return ok({
        metrics: program.scorecardMetrics,
        today,
        intervalMonths: program.checkpointIntervalMonths,
        viewerRole: role.value,
        checkpoints: periods.map((p): CheckpointSummaryView => {
          const c = byDate.get(p.dueDate);
          return {
            dueDate: p.dueDate,
            number: p.number,
            from: p.from,
            to: p.to,
            state: checkpointState(p.dueDate, c, today),
            sharedWithProgram: c?.sharedWithProgram ?? false,
            ...(c ? { revision: c.revision } : {}),
            ...(c?.signedOffAt ? { signedOffAt: c.signedOffAt } : {}),
            ...(c?.status === 'signed_off' && c.scorecard ? { scorecard: c.scorecard } : {}),
          };
        }),
        recalibrations: stored
          .map((c) => c.value)
          .filter((c) => c.status === 'signed_off')
          .flatMap((c) =>
            c.recalibrations.map((r) => ({
              dueDate: c.dueDate,
              goalId: r.goalId,
              goalTitle: goalTitle(r.goalId),
              decision: r.decision,
              reason: r.reason,
            })),
          ),
      });
    },

    async get(actor: Actor, pairId: string, dueDate: IsoDate): Promise<Result<CheckpointView>> {
      const ctx = await open(actor, pairId, dueDate, 'view');
      if (!ctx.ok) return ctx;
      const { record, program, period, stored, role } = ctx.value;
      const [scorecard, all, revisions] = await Promise.all([
        scorecardOf(ctx.value, period, stored?.value),
        checkpoints.list(pairId),
        stored ? checkpoints.revisions(pairId, dueDate) : Promise.resolve([]),
      ]);
      const previous = previousOf(all, dueDate);
      return ok({
        period,
        state: checkpointState(dueDate, stored?.value, ctx.value.today),
        ...(stored ? { checkpoint: stored } : {}),
        metrics: program.scorecardMetrics,
        scorecard,
        ...(previous?.scorecard ? { previousScorecard: previous.scorecard } : {}),
        goals: record.goals.map((g) => ({ id: g.value.id, title: g.value.title, status: g.value.status })),
        revisions,
        viewerRole: role,
        mentor: record.members.mentor,
        mentee: record.members.mentee,
        can: checkpointPermissions(actor, record.mentorship.value, stored?.value),
      });
    },

    /** Starts preparing a checkpoint: an empty draft. A second start is a `conflict` carrying the draft. */
    async start(actor: Actor, pairId: string, dueDate: IsoDate): Promise<Result<Versioned<Checkpoint>>> {
      const ctx = await open(actor, pairId, dueDate, 'prepare');
      if (!ctx.ok) return ctx;
      if (ctx.value.stored) return fail('conflict', 'This checkpoint is being prepared already.', { current: ctx.value.stored });
      return checkpoints.create(
        emptyCheckpoint(
          { tenantId: ctx.value.record.mentorship.value.tenantId, pairId, period: ctx.value.period },
          now().toISOString(),
          actor.id,
        ),
      );
    },

    /** Saves the draft: shared content, and the saver's own ratings. Any change asks both to sign off again. */
    async saveDraft(
      actor: Actor,
      pairId: string,
      dueDate: IsoDate,
      etag: string,
      input: ParsedCheckpointDraftInput,
    ): Promise<Result<Versioned<Checkpoint>>> {
      const ctx = await open(actor, pairId, dueDate, 'prepare');
      if (!ctx.ok) return ctx;
      const { stored, program, record, role } = ctx.value;
      if (!stored) return fail('not_found', 'Start preparing this checkpoint first.');
      const problems = ratingProblems(program.scorecardMetrics, input.myRatings);
      if (problems.length > 0) return fail('invalid', problems[0]!.message, { issues: problems });
      for (const [i, r] of input.recalibrations.entries())
        if (!record.goals.some((g) => g.value.id === r.goalId))
          return invalid(`recalibrations.${i}.goalId`, 'That goal is not part of this plan.');
      for (const [i, b] of input.breakthroughs.entries())
        if (b.goalId !== undefined && !record.goals.some((g) => g.value.id === b.goalId))
          return invalid(`breakthroughs.${i}.goalId`, 'That goal is not part of this plan.');
      const { signedByMentorAt: _m, signedByMenteeAt: _e, ...unsigned } = stored.value;
      const content = (c: Checkpoint) => JSON.stringify([c.ratings, c.reflections, c.recalibrations, c.breakthroughs, c.agreementReviewed]);
      const next: Checkpoint = {
        ...unsigned,
        ratings: { ...stored.value.ratings, [role]: input.myRatings },
        reflections: input.reflections,
        recalibrations: input.recalibrations,
        breakthroughs: input.breakthroughs,
        agreementReviewed: input.agreementReviewed,
        updatedAt: now().toISOString(),
        updatedBy: actor.id,
      };
      // Saving what is there already keeps the sign-offs; any change asks both to sign off again.
      if (content(next) === content(stored.value)) return stored.etag === etag ? ok(stored) : checkpoints.update(stored.value, etag);
      return checkpoints.update(next, etag);
    },

    /** One person's sign-off; the second one makes the checkpoint final (read-only). */
    async signOff(actor: Actor, pairId: string, dueDate: IsoDate, etag: string): Promise<Result<Versioned<Checkpoint>>> {
      const ctx = await open(actor, pairId, dueDate, 'sign_off');
      if (!ctx.ok) return ctx;
      const { stored, role, record, program } = ctx.value;
      if (!stored) return noCheckpoint();
      if (stored.etag !== etag)
        return fail('conflict', 'This checkpoint changed after you opened it. Review it before you sign off.', { current: stored });
      const at = now().toISOString();
      const signed: Checkpoint = { ...stored.value, ...(role === 'mentor' ? { signedByMentorAt: at } : { signedByMenteeAt: at }) };
      if (!bothSigned(signed)) return checkpoints.update(signed, etag);

      const all = await checkpoints.list(pairId);
      const kept = stored.value.revision > 1 ? (await checkpoints.revisions(pairId, dueDate)).at(-1) : undefined;
      const final: Checkpoint = {
        ...signed,
        status: 'signed_off',
        signedOffAt: at,
        // Frozen as it stands now: later milestones and feedback do not change a signed-off checkpoint.
        scorecard: await scorecardOf(ctx.value, ctx.value.period, signed),
        updatedAt: at,
        updatedBy: actor.id,
      };
      const writes = recalibrationWrites(record, final, kept, actor, at);
      if (!writes.ok) return writes;
      const written = await checkpoints.signOff(final, etag, journalEntryOf(final, actor, at), writes.value);
      if (!written.ok) return written;

      for (const b of final.breakthroughs) {
        if (kept?.breakthroughs.some((k) => k.text === b.text)) continue;
        await recognition.recognizeWin(actor, pairId, { text: b.text, ...(b.goalId ? { goalId: b.goalId } : {}), shareInDigest: false });
      }
      const previous = previousOf(all, dueDate);
      await deps.onSignedOff?.({ record, checkpoint: final, ...(previous ? { previous } : {}), metrics: program.scorecardMetrics });
      return written;
    },

    /** Opens a correction of a signed-off checkpoint: a new draft revision; the signed-off one is kept. */
    async correct(actor: Actor, pairId: string, dueDate: IsoDate, etag: string): Promise<Result<Versioned<Checkpoint>>> {
      const ctx = await open(actor, pairId, dueDate, 'correct');
      if (!ctx.ok) return ctx;
      const stored = ctx.value.stored!;
      const { signedByMentorAt: _m, signedByMenteeAt: _e, signedOffAt: _s, scorecard: _c, ...content } = stored.value;
      const next: Checkpoint = {
        ...content,
        status: 'draft',
        revision: stored.value.revision + 1,
        updatedAt: now().toISOString(),
        updatedBy: actor.id,
      };
      return checkpoints.correct(stored.value, next, etag);
    },

    /** The mentee shares (or stops sharing) a signed-off checkpoint's scorecard with program leadership. */
    async setSharing(
      actor: Actor,
      pairId: string,
      dueDate: IsoDate,
      etag: string,
      input: CheckpointSharingInput,
    ): Promise<Result<Versioned<Checkpoint>>> {
      const ctx = await open(actor, pairId, dueDate, 'share');
      if (!ctx.ok) return ctx;
      const stored = ctx.value.stored!;
      return checkpoints.update({ ...stored.value, sharedWithProgram: input.sharedWithProgram }, etag);
    },
  };
}

export type CheckpointService = ReturnType<typeof createCheckpointService>;
