// Use cases of recognition and mentor feedback: a win recorded in the plan (with a journal entry),
// the mentee's consent to share it in the weekly digest, and feedback a mentor sends about a goal.
// Transport (message extension, API) parses nothing of its own: it passes the payload here.
import type { Actor } from '../policy';
import type { JournalEntry } from '../journal/journalEntry';
import type { PersonSummary } from '../person';
import type { Result, Versioned } from '../result';
import type { WinListView } from '../api';
import type { Win } from './win';

/** Who a recognition is about and the goal it names, so a card can say it without another read. */
export interface RecognitionParties {
  pairId: string;
  mentor: PersonSummary;
  mentee: PersonSummary;
  goalTitle?: string;
}

export interface RecognitionService {
  /** The mentor (or the mentee) records a win of the pair; only the mentee's own record may carry consent. */
  recognizeWin(actor: Actor, pairId: string, input: unknown): Promise<Result<RecognitionParties & { win: Versioned<Win> }>>;
  /** The mentor's feedback to the mentee about one of their goals, kept in the pair's journal. */
  sendFeedbackNote(actor: Actor, pairId: string, input: unknown): Promise<Result<RecognitionParties & { entry: JournalEntry; goalTitle: string }>>;
  /** The pair's wins, newest first. */
  listWins(actor: Actor, pairId: string): Promise<Result<WinListView>>;
  /** The mentee gives or withdraws consent to show one win in the digest (If-Match ETag). */
  setWinConsent(actor: Actor, pairId: string, winId: string, etag: string, input: unknown): Promise<Result<Versioned<Win>>>;
}

export { createRecognitionService, type RecognitionServiceDeps } from './createRecognitionService';
export type { DigestIndex, DigestEntryRef, JournalRepository, WinRepository } from './recognitionRepositories';
