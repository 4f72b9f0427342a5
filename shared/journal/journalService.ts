// Use cases of the journal: read a pair's timeline page by page, write, edit and delete notes, the
// mentee's sharing of one entry with the program, and the program's leadership trail of a pair.
// Visibility is decided by policy.ts (`canSeeEntry`, `authorizeEntry`, `authorizeTrail`).
import { DateTime } from 'luxon';
import type { CheckpointRepository } from '../checkpoints/checkpointRepository';
import type { Mentorship } from '../mentorship';
import { authorizeEntry, authorizePlan, authorizeTrail, canSeeEntry, entryPermissions, type Actor, type EntryChange } from '../policy';
import type { PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import type {
  EntrySharingInput,
  JournalEntryView,
  JournalPageView,
  JournalQuery,
  NoteCreateInput,
  NotePatchInput,
  TrailView,
} from './journalApi';
import { summaryOf, type JournalEntry } from './journalEntry';
import type { JournalStore } from './journalRepository';

export interface JournalServiceDeps {
  plans: PlanRepository;
  programs: ProgramRepository;
  journal: JournalStore;
  /** The pair's checkpoints, for the scorecards its mentee shared. */
  checkpoints: Pick<CheckpointRepository, 'list'>;
  now: () => Date;
  newId: () => string;
}

/** The most entries a trail shows: the newest; a program's view of a pair is a summary, not an archive. */
const TRAIL_MAX = 500;

const notFoundPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const notFoundEntry = <T>(): Result<T> => fail('not_found', 'There is no such journal entry, or it is not shared with you.');

/** Managers reach entries through the trail only; in the pair's own journal only its members read. */
const accessOf = (entry: JournalEntry, pair: Mentorship): EntryChange => ({
  authorId: entry.authorId,
  visibility: entry.visibility,
  menteeConsented: entry.menteeConsented,
  kind: entry.kind,
  pair,
  program: { tenantId: pair.tenantId, managerIds: [] },
});

/** The first instant of a date in a time zone, in ms. */
const startOfDay = (date: string, zone: string) => DateTime.fromISO(date, { zone }).startOf('day').toMillis();

export function createJournalService(deps: JournalServiceDeps) {
  const { plans, programs, journal, now, newId } = deps;

  const viewOf = (actor: Actor, entry: Versioned<JournalEntry>, pair: Mentorship): JournalEntryView => ({
    ...entry,
    can: entryPermissions(actor, accessOf(entry.value, pair)),
  });

  async function openPair(actor: Actor, pairId: string, action: 'view' | 'edit_plan'): Promise<Result<Pick<PlanRecord, 'mentorship'>>> {
    const record = await plans.loadPair(pairId);
    if (!record) return notFoundPair();
    const role = authorizePlan(actor, record.mentorship.value, action);
    return role.ok ? ok(record) : role;
  }

  /** The pair and one entry of it, read at once, if the actor may make this change. */
  async function openEntry(
    actor: Actor,
    pairId: string,
    entryId: string,
    action: 'edit' | 'delete' | 'share' | 'unshare',
  ): Promise<Result<{ pair: Mentorship; entry: Versioned<JournalEntry> }>> {
    const [record, entry] = await Promise.all([plans.loadPair(pairId), journal.get(pairId, entryId)]);
    if (!record || !authorizePlan(actor, record.mentorship.value, 'view').ok) return notFoundPair();
    if (!entry) return notFoundEntry();
    const pair = record.mentorship.value;
    const allowed = authorizeEntry(actor, accessOf(entry.value, pair), action);
    return allowed.ok ? ok({ pair, entry }) : allowed;
  }

  return {
    /** One page of the pair's timeline, newest first, as the actor may see it. */
    async page(actor: Actor, pairId: string, query: JournalQuery): Promise<Result<JournalPageView>> {
      const range = {
        ...(query.kind ? { kinds: query.kind } : {}),
        ...(query.goalId ? { goalId: query.goalId } : {}),
        ...(query.from ? { fromMs: startOfDay(query.from, actor.timeZone) } : {}),
        ...(query.to ? { beforeMs: DateTime.fromISO(query.to, { zone: actor.timeZone }).plus({ days: 1 }).startOf('day').toMillis() } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      };
      // The pair and the first rows of its journal are read at the same time.
      const rows = journal.entries(pairId, range)[Symbol.asyncIterator]();
      const [record, first] = await Promise.all([plans.loadPair(pairId), rows.next()]);
      if (!record || !authorizePlan(actor, record.mentorship.value, 'view').ok) {
        await rows.return?.();
        return notFoundPair();
      }
      const pair = record.mentorship.value;
      const entries: JournalEntryView[] = [];
      let nextCursor: string | undefined;
      let lastCursor: string | undefined;
      for (let step = first; !step.done; step = await rows.next()) {
        const { entry, cursor } = step.value;
        if (!canSeeEntry(actor, accessOf(entry.value, pair))) {
          lastCursor = cursor;
          continue;
        }
        if (entries.length === query.limit) {
          nextCursor = lastCursor;
          await rows.return?.();
          break;
        }
        entries.push(viewOf(actor, entry, pair));
        lastCursor = cursor;
      }
      return ok({ pairId, entries, ...(nextCursor ? { nextCursor } : {}) });
    },

    async createNote(actor: Actor, pairId: string, input: NoteCreateInput): Promise<Result<JournalEntryView>> {
      const record = await openPair(actor, pairId, 'edit_plan');
      if (!record.ok) return record;
      const entry: JournalEntry = {
        id: newId(),
        pairId,
        kind: 'note',
        at: now().toISOString(),
        authorId: actor.id,
        visibility: input.visibility,
        menteeConsented: false,
        summary: summaryOf(input.body),
        body: input.body,
        ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
      };
      const written = await journal.append(entry);
      if (!written.ok) return written;
      const stored = await journal.get(pairId, entry.id);
      return stored ? ok(viewOf(actor, stored, record.value.mentorship.value)) : notFoundEntry();
    },

    /**
     * The author changes a note's text or makes it private or the pair's. A note that was shared
     * with the program stays shared only while the mentee's consent covers what it says: a change
     * by anyone else, or to its visibility, takes it back.
     */
    async updateNote(
      actor: Actor,
      pairId: string,
      entryId: string,
      etag: string,
      patch: NotePatchInput,
    ): Promise<Result<JournalEntryView>> {
      const opened = await openEntry(actor, pairId, entryId, 'edit');
      if (!opened.ok) return opened;
      const { pair, entry } = opened.value;
      const before = entry.value;
      const next: JournalEntry = { ...before, updatedAt: now().toISOString() };
      if (patch.body !== undefined) {
        next.body = patch.body;
        next.summary = summaryOf(patch.body);
      }
      const textChangedByOther = patch.body !== undefined && patch.body !== before.body && actor.id !== pair.menteeId;
      if (patch.visibility !== undefined || (before.visibility === 'program' && textChangedByOther)) {
        next.visibility = patch.visibility ?? before.visibilityBeforeSharing ?? 'pair';
        next.menteeConsented = false;
        delete next.visibilityBeforeSharing;
      }
      const written = await journal.update(next, etag);
      return written.ok ? ok(viewOf(actor, written.value, pair)) : written;
    },

    async deleteNote(actor: Actor, pairId: string, entryId: string, etag: string): Promise<Result<void>> {
      const opened = await openEntry(actor, pairId, entryId, 'delete');
      if (!opened.ok) return opened;
      return journal.delete(opened.value.entry.value, etag);
    },

    /** The mentee shares one entry with the program's leadership, or takes it back to who saw it before. */
    async setSharing(
      actor: Actor,
      pairId: string,
      entryId: string,
      etag: string,
      input: EntrySharingInput,
    ): Promise<Result<JournalEntryView>> {
      const opened = await openEntry(actor, pairId, entryId, input.shared ? 'share' : 'unshare');
      if (!opened.ok) return opened;
      const { pair, entry } = opened.value;
      const before = entry.value;
      const next: JournalEntry = input.shared
        ? {
            ...before,
            visibility: 'program',
            menteeConsented: true,
            visibilityBeforeSharing: before.visibility === 'private' ? 'private' : 'pair',
          }
        : { ...before, visibility: before.visibilityBeforeSharing ?? 'pair', menteeConsented: false };
      if (!input.shared) delete next.visibilityBeforeSharing;
      const written = await journal.update(next, etag);
      return written.ok ? ok(viewOf(actor, written.value, pair)) : written;
    },

    /**
     * What a program manager sees of a pair: the entries its mentee made program-visible, and the
     * scorecards the mentee shared. Nothing else about the pair.
     */
    async trail(actor: Actor, programId: string, pairId: string): Promise<Result<TrailView>> {
      const rows = journal.entries(pairId, { programOnly: true })[Symbol.asyncIterator]();
      const [program, record, first, checkpointRows] = await Promise.all([
        programs.get(programId),
        plans.loadPair(pairId),
        rows.next(),
        deps.checkpoints.list(pairId),
      ]);
      if (!program || !record || !authorizeTrail(actor, program.value, record.mentorship.value).ok) {
        await rows.return?.();
        return fail('not_found', 'There is no such pair in a program you manage.');
      }
      const pair = record.mentorship.value;
      const entries: JournalEntry[] = [];
      for (let step = first; !step.done && entries.length < TRAIL_MAX; step = await rows.next()) {
        const entry = step.value.entry.value;
        const access = { ...accessOf(entry, pair), program: program.value };
        // The consent and the visibility both, and only as a manager: a member's own view does not leak in.
        if (entry.visibility === 'program' && entry.menteeConsented && canSeeEntry(actor, access)) entries.push(entry);
      }
      return ok({
        programId,
        pairId,
        mentee: { id: record.members.mentee.id, displayName: record.members.mentee.displayName },
        entries,
        // Only what the mentee shared, even when the manager is also a member of the pair.
        scorecards: checkpointRows
          .map((c) => c.value)
          .filter((c) => c.status === 'signed_off' && c.sharedWithProgram)
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
          .map((c) => ({ dueDate: c.dueDate, signedOffAt: c.signedOffAt, scorecard: c.scorecard ?? [] })),
      });
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;
