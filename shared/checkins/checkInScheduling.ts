// When each pair's next check-in goes out: the schedule state of a pair and the use cases that
// move it (after a send, pause, resume, snooze, an unreachable mentee). The storage behind the port
// also files every next due time in a due index, so the sender reads only what is due.
//
// Cadence: the pair's agreement (`meetingCadence`) decides. Every agreement names one; a new
// agreement starts from the program's `checkInCadence`, and the pair may agree on another. The
// same rule (`checkInScheduleOf`) decides when a check-in counts as missed.
import { z } from 'zod';
import { addDays, isoDate, isoInstant, todayIn, type IsoDate } from '../dates';
import type { Mentorship } from '../mentorship';
import { personId } from '../person';
import { authorizePlan, type Actor } from '../policy';
import { cadence, entityId } from '../program';
import type { CheckInScheduleRepository, PlanRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import { slotKey } from './checkIn';
import { checkInScheduleOf } from './checkInService';
import { followingCheckIn, nextCheckIn, snooze as snoozeDueAt, type CheckInSchedule, type SnoozeLength } from './schedule';

/** A pause may reach at most this far ahead: longer than that, the pair should end or renew. */
export const MAX_PAUSE_DAYS = 183;

export const checkInScheduleState = z
  .object({
    pairId: entityId,
    menteeId: personId,
    cadence,
    /** The mentee's zone when this was computed (what "today" and "a day later" mean). */
    timeZone: z.string().min(1).max(64),
    /** No check-in is due on a local date before this one. */
    pausedUntil: isoDate.optional(),
    /** The next check-in: its slot and when it is due (UTC). Absent: none is planned. */
    nextSlot: slotKey.optional(),
    nextDueAt: isoInstant.optional(),
    /** Set when a snooze moved `nextDueAt`: the due time the slot had before. */
    snoozedFrom: isoInstant.optional(),
    /** The latest slot that went out: the next one is always a later slot. */
    lastSentSlot: slotKey.optional(),
    /** The mentee removed the app (the connector answered 403/404): nothing is sent until they are back. */
    unreachable: z
      .object({ since: isoInstant, detail: z.string().max(64) })
      .strict()
      .optional(),
    updatedAt: isoInstant,
  })
  .strict();
export type CheckInScheduleState = z.infer<typeof checkInScheduleState>;

export interface CheckInSchedulingDeps {
  plans: Pick<PlanRepository, 'load' | 'pairsOf'>;
  schedules: CheckInScheduleRepository;
  now: () => Date;
}

// A schedule row is written by the sender, by people pausing or snoozing, and by agreement changes:
// on an ETag conflict read again and decide again, a few times.
const WRITE_ATTEMPTS = 4;

const notFoundPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });

/** The first check-in due at or after `now` whose slot comes after `afterSlot` (already sent). */
export function nextCheckInAfter(schedule: CheckInSchedule, now: Date, pausedUntil: IsoDate | undefined, afterSlot: string | undefined) {
  let next = nextCheckIn({ ...schedule, now, pausedUntil });
  // A snoozed slot can go out in the following period; the next one is then the period after it.
  while (afterSlot !== undefined && next.slot <= afterSlot) next = followingCheckIn(schedule, next.slot);
  return next;
}

export function createCheckInScheduling(deps: CheckInSchedulingDeps) {
  const { plans, schedules, now } = deps;

  /** Computes what the schedule should say now, given the pair and what is stored. */
  function plan(
    pair: Mentorship,
    stored: CheckInScheduleState | undefined,
    change: Partial<CheckInScheduleState> = {},
  ): CheckInScheduleState {
    const at = now();
    const schedule = checkInScheduleOf(pair);
    const base: CheckInScheduleState = {
      pairId: pair.id,
      menteeId: pair.menteeId,
      cadence: schedule.cadence,
      timeZone: schedule.timeZone,
      ...(stored?.pausedUntil ? { pausedUntil: stored.pausedUntil } : {}),
      ...(stored?.lastSentSlot ? { lastSentSlot: stored.lastSentSlot } : {}),
      ...(stored?.unreachable ? { unreachable: stored.unreachable } : {}),
      ...change,
      updatedAt: at.toISOString(),
    };
    // A pause that has ended is forgotten.
    if (base.pausedUntil && base.pausedUntil <= todayIn(schedule.timeZone, at)) delete base.pausedUntil;
    if (pair.status !== 'active' || base.unreachable) return base;
    // Recomputing keeps a snoozed slot that has not gone out yet (an agreement edit must not undo
    // the snooze, nor skip the slot because its original due time has passed), unless a pause
    // now covers it.
    if (stored?.snoozedFrom && stored.nextSlot && stored.nextDueAt) {
      const unsent = !base.lastSentSlot || stored.nextSlot > base.lastSentSlot;
      const ahead = Date.parse(stored.nextDueAt) >= at.getTime();
      const notPaused = !base.pausedUntil || todayIn(schedule.timeZone, new Date(stored.nextDueAt)) >= base.pausedUntil;
      if (unsent && ahead && notPaused)
        return { ...base, nextSlot: stored.nextSlot, nextDueAt: stored.nextDueAt, snoozedFrom: stored.snoozedFrom };
    }
    const next = nextCheckInAfter(schedule, at, base.pausedUntil, base.lastSentSlot);
    return { ...base, nextSlot: next.slot, nextDueAt: next.dueAt };
  }

  /** Reads, decides and writes with the ETag read; a conflict reads again. */
  async function rewrite(
    pairId: string,
    decide: (stored: Versioned<CheckInScheduleState> | undefined) => Promise<Result<CheckInScheduleState>> | Result<CheckInScheduleState>,
    justRead?: Versioned<CheckInScheduleState>,
  ): Promise<Result<Versioned<CheckInScheduleState>>> {
    for (let attempt = 0; ; attempt++) {
      // A version the caller has just read saves a read; a conflict means it was stale: read again.
      const stored = attempt === 0 && justRead ? justRead : await schedules.get(pairId);
      const next = await decide(stored);
      if (!next.ok) return next;
      const saved = await schedules.save(next.value, stored);
      if (saved.ok || saved.error.code !== 'conflict' || attempt + 1 >= WRITE_ATTEMPTS) return saved;
    }
  }

  async function openPair(actor: Actor, pairId: string): Promise<Result<Mentorship>> {
    const record = await plans.load(pairId);
    if (!record) return notFoundPair();
    const role = authorizePlan(actor, record.mentorship.value, 'edit_plan');
    return role.ok ? ok(record.mentorship.value) : role;
  }

  return {
    /**
     * Plans the pair's next check-in from its agreement (creating the schedule on first use). After
     * a send, `sentSlot` names the slot that went out, so the next one is a later slot. A pair that
     * is not active gets no next check-in. `justRead`: the schedule as the caller just read it.
     */
    scheduleNext(
      pair: Mentorship,
      options: { sentSlot?: string; justRead?: Versioned<CheckInScheduleState> } = {},
    ): Promise<Result<Versioned<CheckInScheduleState>>> {
      return rewrite(
        pair.id,
        (stored) => {
          const lastSentSlot = [stored?.value.lastSentSlot, options.sentSlot]
            .filter((s): s is string => !!s)
            .sort()
            .pop();
          return ok(plan(pair, stored?.value, lastSentSlot ? { lastSentSlot } : {}));
        },
        options.justRead,
      );
    },

    /** The connector said the mentee is gone (app removed): stop planning until they come back. */
    markUnreachable(pair: Mentorship, detail: string): Promise<Result<Versioned<CheckInScheduleState>>> {
      return rewrite(pair.id, (stored) =>
        ok(plan(pair, stored?.value, { unreachable: { since: now().toISOString(), detail: detail.slice(0, 64) } })),
      );
    },

    /** The person installed the app (again): their pairs as mentee that were unreachable get check-ins again. */
    async reachableAgain(personId: string): Promise<void> {
      for (const ref of await plans.pairsOf(personId)) {
        if (ref.role !== 'mentee' || !(await schedules.get(ref.pairId))?.value.unreachable) continue;
        const record = await plans.load(ref.pairId);
        if (!record) continue;
        await rewrite(ref.pairId, (stored) =>
          ok(plan(record.mentorship.value, stored?.value && { ...stored.value, unreachable: undefined })),
        );
      }
    },

    /** No check-ins before `until` (a local date of the mentee). */
    async pause(actor: Actor, pairId: string, until: string): Promise<Result<Versioned<CheckInScheduleState>>> {
      const pair = await openPair(actor, pairId);
      if (!pair.ok) return pair;
      const date = isoDate.safeParse(until);
      if (!date.success) return invalid('until', date.error.issues[0]?.message ?? 'Use a date like 2026-03-31.');
      const today = todayIn(checkInScheduleOf(pair.value).timeZone, now());
      if (date.data <= today) return invalid('until', 'Pause until a date after today.');
      if (date.data > addDays(today, MAX_PAUSE_DAYS)) return invalid('until', `A pause lasts at most ${MAX_PAUSE_DAYS} days.`);
      return rewrite(pairId, (stored) => ok(plan(pair.value, stored?.value, { pausedUntil: date.data })));
    },

    /** Ends a pause, and clears an unreachable mark (the mentee is back and asks for check-ins). */
    async resume(actor: Actor, pairId: string): Promise<Result<Versioned<CheckInScheduleState>>> {
      const pair = await openPair(actor, pairId);
      if (!pair.ok) return pair;
      return rewrite(pairId, (stored) => {
        const state = plan(pair.value, stored?.value && { ...stored.value, pausedUntil: undefined, unreachable: undefined });
        return ok(state);
      });
    },

    /** Moves the next check-in by a day or a week of the mentee's calendar; it keeps its slot. */
    async snooze(actor: Actor, pairId: string, length: SnoozeLength): Promise<Result<Versioned<CheckInScheduleState>>> {
      const pair = await openPair(actor, pairId);
      if (!pair.ok) return pair;
      return rewrite(pairId, (stored) => {
        const current = plan(pair.value, stored?.value);
        if (!current.nextSlot || !current.nextDueAt) return fail('invalid', 'No check-in is planned, so there is nothing to snooze.');
        const schedule = checkInScheduleOf(pair.value);
        const movedTo = snoozeDueAt(current.nextDueAt, length, schedule.timeZone);
        if (Date.parse(movedTo) >= Date.parse(followingCheckIn(schedule, current.nextSlot).dueAt)) {
          return invalid('length', 'That would run into the next check-in. Snooze for a day, or pause instead.');
        }
        return ok({ ...current, nextDueAt: movedTo, snoozedFrom: current.snoozedFrom ?? current.nextDueAt });
      });
    },
  };
}

export type CheckInScheduling = ReturnType<typeof createCheckInScheduling>;
