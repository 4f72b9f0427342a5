// The recognition use cases (see recognitionService.ts for the contract). Each loads the pair's
// plan, asks the policy, checks the parsed input against the plan, and writes in the pair's partition. Message-extension submits
// arrive again when Teams retries a slow one, so the same win or note by the same person within a
// few minutes is recorded once.
import type { WinView } from '../api';
import type { JournalEntry } from '../journal/journalEntry';
import { limits } from '../limits';
import { authorizePlan, type Actor, type PlanAction } from '../policy';
import type { PairRole } from '../mentorship';
import type { PlanRecord, PlanRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import type { DigestIndex, JournalRepository, WinRepository } from './recognitionRepositories';
import type { RecognitionParties, RecognitionService } from './recognitionService';
import { digestWeekOf } from './weeklyDigest';
import type { Win } from './win';

export interface RecognitionServiceDeps {
  plans: Pick<PlanRepository, 'load'>;
  wins: WinRepository;
  journal: JournalRepository;
  digest: Pick<DigestIndex, 'file' | 'remove'>;
  now: () => Date;
  newId: () => string;
}

/** A retried submit comes within seconds; a real second win with the same words hardly within minutes. */
const RETRY_WINDOW_MS = 10 * 60_000;

const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });
const noPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const noWin = <T>(): Result<T> => fail('not_found', 'That win does not exist in this plan.');

/** The first line, trimmed, cut to what a timeline shows. */
export function firstLine(text: string, max: number = limits.shortText): string {
  const line = text.trim().split(/\r?\n/, 1)[0]!.trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function createRecognitionService(deps: RecognitionServiceDeps): RecognitionService {
  const { plans, wins, journal, digest, now, newId } = deps;

  async function openPair(actor: Actor, pairId: string, action: PlanAction): Promise<Result<{ record: PlanRecord; role: PairRole }>> {
    const record = await plans.load(pairId);
    if (!record) return noPair();
    const role = authorizePlan(actor, record.mentorship.value, action);
    return role.ok ? ok({ record, role: role.value }) : role;
  }

  const partiesOf = (record: PlanRecord, goalId?: string): RecognitionParties => {
    const goalTitle = goalId ? record.goals.find((g) => g.value.id === goalId)?.value.title : undefined;
    return {
      pairId: record.mentorship.value.id,
      mentor: record.members.mentor,
      mentee: record.members.mentee,
      ...(goalTitle ? { goalTitle } : {}),
    };
  };

  const nameOf = (record: PlanRecord, personId: string): string =>
    personId === record.members.mentor.id
      ? record.members.mentor.displayName
      : personId === record.members.mentee.id
        ? record.members.mentee.displayName
        : 'A former member';

  const digestRef = (record: PlanRecord, win: Win) => ({
    programId: record.mentorship.value.programId,
    week: digestWeekOf(win.at),
    pairId: win.pairId,
    winId: win.id,
  });

  return {
    async recognizeWin(actor, pairId, input) {
      const pair = await openPair(actor, pairId, 'edit_plan');
      if (!pair.ok) return pair;
      const { record, role } = pair.value;
      const data = input;
      if (data.goalId !== undefined && !record.goals.some((g) => g.value.id === data.goalId))
        return invalid('goalId', 'That goal is not part of this plan.');
      // Consent is the mentee's alone: a mentor asking to share is told so, not quietly ignored.
      if (data.shareInDigest && role !== 'mentee') {
        return invalid('shareInDigest', `Only ${record.members.mentee.displayName} can agree to share a win in the program’s digest.`);
      }

      const at = now();
      const recent = (await wins.list(pairId)).find(
        (w) =>
          w.value.recognizedBy === actor.id &&
          w.value.text === data.text &&
          w.value.goalId === data.goalId &&
          Date.parse(w.value.at) >= at.getTime() - RETRY_WINDOW_MS,
      );
      if (recent) return ok({ ...partiesOf(record, recent.value.goalId), win: recent });

      const win: Win = {
        id: newId(),
        pairId,
        text: data.text,
        recognizedBy: actor.id,
        at: at.toISOString(),
        shareInDigest: data.shareInDigest,
        ...(data.goalId ? { goalId: data.goalId } : {}),
      };
      const entry: JournalEntry = {
        id: newId(),
        pairId,
        kind: 'win',
        at: win.at,
        authorId: actor.id,
        visibility: 'pair',
        menteeConsented: false,
        summary: firstLine(`${nameOf(record, actor.id)} recognized a win: ${data.text}`),
        winId: win.id,
        ...(data.goalId ? { goalId: data.goalId } : {}),
      };
      // Filed before the win is stored: an index row without a consented win is skipped by the digest.
      if (win.shareInDigest) await digest.file(digestRef(record, win));
      const created = await wins.create(win, entry, new Date(at.getTime() - RETRY_WINDOW_MS).toISOString());
      if (created.ok) return ok({ ...partiesOf(record, win.goalId), win: created.value });
      // The same win sent at the same moment (a double submit, a retry) was stored once: answer with it.
      const same = created.error.code === 'conflict' ? (created.error.current as Versioned<Win> | undefined) : undefined;
      return same ? ok({ ...partiesOf(record, same.value.goalId), win: same }) : created;
    },

    async sendFeedbackNote(actor, pairId, input) {
      const at = now();
      // Recent entries (to spot a retried submit) are read with the plan: one round trip in Teams' invoke budget.
      const [pair, recent] = await Promise.all([
        openPair(actor, pairId, 'edit_plan'),
        journal.since(pairId, new Date(at.getTime() - RETRY_WINDOW_MS)),
      ]);
      if (!pair.ok) return pair;
      const { record, role } = pair.value;
      if (role !== 'mentor')
        return fail('forbidden', `Only ${record.members.mentor.displayName}, the mentor, sends feedback notes in this plan.`);
      const { goalId, text } = input;
      const goal = record.goals.find((g) => g.value.id === goalId)?.value;
      if (!goal) return invalid('goalId', 'That goal is not part of this plan.');

      const earlier = recent.find((e) => e.kind === 'feedback' && e.authorId === actor.id && e.goalId === goalId && e.body === text);
      if (earlier) return ok({ ...partiesOf(record, goalId), goalTitle: goal.title, entry: earlier });

      const entry: JournalEntry = {
        id: newId(),
        pairId,
        kind: 'feedback',
        at: at.toISOString(),
        authorId: actor.id,
        visibility: 'pair',
        menteeConsented: false,
        summary: firstLine(text),
        goalId,
        body: text,
      };
      const appended = await journal.append(entry);
      return appended.ok ? ok({ ...partiesOf(record, goalId), goalTitle: goal.title, entry: appended.value }) : appended;
    },

    async listWins(actor, pairId) {
      const pair = await openPair(actor, pairId, 'view');
      if (!pair.ok) return pair;
      const { record } = pair.value;
      const goals = new Map(record.goals.map((g) => [g.value.id, g.value.title]));
      const views: WinView[] = (await wins.list(pairId)).map((w) => {
        const goalTitle = w.value.goalId ? goals.get(w.value.goalId) : undefined;
        return { ...w, recognizedByName: nameOf(record, w.value.recognizedBy), ...(goalTitle ? { goalTitle } : {}) };
      });
      return ok({ wins: views });
    },

    async setWinConsent(actor, pairId, winId, etag, input) {
      // Withdrawing consent stays possible after the mentorship ended: it is the mentee's to control.
      const pair = await openPair(actor, pairId, 'view');
      if (!pair.ok) return pair;
      const { record, role } = pair.value;
      if (role !== 'mentee')
        return fail('forbidden', `Only ${record.members.mentee.displayName} decides whether a win is shared in the program’s digest.`);
      const current = await wins.get(pairId, winId);
      if (!current) return noWin();
      if (current.etag !== etag) {
        return fail('conflict', 'This win changed after you opened it. Review it and choose again.', { current });
      }
      const share = input.shareInDigest;
      if (current.value.shareInDigest === share) return ok(current);
      const next: Win = { ...current.value, shareInDigest: share };
      const ref = digestRef(record, next);
      if (share) {
        await digest.file(ref);
        return wins.update(next, etag);
      }
      const written = await wins.update(next, etag);
      if (written.ok) await digest.remove(ref);
      return written;
    },
  };
}
