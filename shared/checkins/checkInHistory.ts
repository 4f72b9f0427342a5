// What a pair sees of its check-ins: every one, newest first, with adherence (answered out of those
// due so far) and the missed ones counted, so a drifting relationship shows in numbers.
import type { Goal } from '../goal';
import type { CheckIn } from './checkIn';
import { programQuestionAnswers, type ProgramQuestionAnswer } from './checkInQuestions';

export interface CheckInAdherence {
  /** Check-ins whose due time has come (the ones a person could have answered). */
  due: number;
  answered: number;
  missed: number;
  /** answered / due, 0..1; null before the first check-in is due. */
  rate: number | null;
}

/** A check-in as the pair reads it: with the answers to the program's own questions under their words. */
export type CheckInInHistory = CheckIn & { programAnswers: ProgramQuestionAnswer[] };

export interface CheckInHistoryView {
  pairId: string;
  adherence: CheckInAdherence;
  /** Newest slot first. */
  checkIns: CheckInInHistory[];
  /** Titles of the goals the answers name, so a view needs no second request. */
  goals: Pick<Goal, 'id' | 'title' | 'unit' | 'status'>[];
}

export function checkInAdherence(checkIns: readonly CheckIn[], now: Date): CheckInAdherence {
  // An answered check-in counts as due even if answered early (before its due time).
  const due = checkIns.filter((c) => c.status === 'answered' || Date.parse(c.dueAt) <= now.getTime());
  const answered = due.filter((c) => c.status === 'answered').length;
  const missed = due.filter((c) => c.status === 'missed').length;
  return { due: due.length, answered, missed, rate: due.length === 0 ? null : answered / due.length };
}

/**
 * A check-in still unanswered when the next one went out is missed. Check-ins exist only once sent,
 * so any unanswered one with a newer one after it was not answered before the next was due.
 */
export function withMissed(newestFirst: readonly CheckIn[]): CheckIn[] {
  return newestFirst.map((c, i) => (c.status === 'sent' && i > 0 ? { ...c, status: 'missed' } : c));
}

export function checkInHistory(pairId: string, checkIns: readonly CheckIn[], goals: readonly Goal[], now: Date): CheckInHistoryView {
  const sorted = withMissed([...checkIns].sort((a, b) => (a.slot < b.slot ? 1 : a.slot > b.slot ? -1 : 0)));
  const named = new Set(sorted.flatMap((c) => c.answer?.goals.map((g) => g.goalId) ?? []));
  return {
    pairId,
    adherence: checkInAdherence(sorted, now),
    checkIns: sorted.map((c) => ({ ...c, programAnswers: programQuestionAnswers(c) })),
    goals: goals
      .filter((g) => named.has(g.id))
      .map((g) => ({ id: g.id, title: g.title, status: g.status, ...(g.unit ? { unit: g.unit } : {}) })),
  };
}
