// Use cases of recognition and mentor feedback: a win recorded in the plan (with a journal entry),
// the mentee's consent to share it in the weekly digest, and feedback a mentor sends about a goal.
// Each door (message extension, API) parses its input with the schema named here; the use cases take
// it parsed.
import type { Actor } from '../policy';
import type { JournalEntry } from '../journal/journalEntry';
import type { PersonSummary } from '../person';
import type { Result, Versioned } from '../result';
import type { WinConsentInput, WinListView } from '../api';
import type { ParsedFeedbackNote } from './feedbackNote';
import type { ParsedWinInput, Win } from './win';

/** Who a recognition is about and the goal it names, so a card can say it without another read. */
export interface RecognitionParties {
  pairId: string;
  mentor: PersonSummary;
  mentee: PersonSummary;
  goalTitle?: string;
}

export interface RecognitionService {
  /** The mentor (or the mentee) records a win of the pair; only the mentee's own record may carry consent. */
  recognizeWin(actor: Actor, pairId: string, input: ParsedWinInput): Promise<Result<RecognitionParties & { win: Versioned<Win> }>>;
  /** The mentor's feedback to the mentee about one of their goals, kept in the pair's journal. */
  sendFeedbackNote(
    actor: Actor,
    pairId: string,
    input: ParsedFeedbackNote,
  ): Promise<Result<RecognitionParties & { entry: JournalEntry; goalTitle: string }>>;
  /** The pair's wins, newest first. */
  listWins(actor: Actor, pairId: string): Promise<Result<WinListView>>;
  /** The mentee gives or withdraws consent to show one win in the digest (If-Match ETag). */
  setWinConsent(actor: Actor, pairId: string, winId: string, etag: string, input: WinConsentInput): Promise<Result<Versioned<Win>>>;
}

export { createRecognitionService, type RecognitionServiceDeps } from './createRecognitionService';
export type { DigestIndex, DigestEntryRef, JournalRepository, WinRepository } from './recognitionRepositories';
