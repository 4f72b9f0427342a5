// Which wins the weekly digest of a program shows, decided on what the digest job loaded: the
// index rows of the week and the week before (a hint), the previous week's digest, the wins
// themselves (the truth: consent and week are read there) and the pairs they belong to.
import type { PlanRecord } from '../repositories';
import type { DigestEntryRef } from './recognitionRepositories';
import { belongsInDigest, weeklyDigest, type DigestCandidate, type WeeklyDigest } from './weeklyDigest';
import type { Win } from './win';

/** The week record keeps this many win keys (its row stays far below 1 MiB); the wins' own marks cover the rest. */
export const MAX_RECORDED_DIGEST_WINS = 1_000;

/** A win as a digest record names it. */
export const digestWinKey = (pairId: string, winId: string): string => `${pairId}|${winId}`;

export function parseDigestWinKey(key: string): { pairId: string; winId: string } {
  const [pairId = '', winId = ''] = key.split('|');
  return { pairId, winId };
}

/** The indexed wins worth reading, each once, without those the week before's digest already showed. */
export function digestWinsToRead(indexed: readonly DigestEntryRef[], shownBefore: readonly string[]): { pairId: string; winId: string }[] {
  const skip = new Set(shownBefore);
  const seen = new Set<string>();
  const refs: { pairId: string; winId: string }[] = [];
  for (const { pairId, winId } of indexed) {
    const key = digestWinKey(pairId, winId);
    if (seen.has(key) || skip.has(key)) continue;
    seen.add(key);
    refs.push({ pairId, winId });
  }
  return refs;
}

/** Of the wins read, those the digest of `week` may show (consented, of the week, not shown elsewhere): their pairs are read next. */
export const digestWinsOf = (wins: readonly (Win | undefined)[], week: string): Win[] =>
  wins.filter((w): w is Win => w !== undefined && belongsInDigest(w, week));

export interface ProgramDigest {
  digest: WeeklyDigest;
  /** Every win shown, to be marked with the week once the digest is posted. */
  shownWinKeys: string[];
  /** The part of them the week's record keeps. */
  recordedWinKeys: string[];
}

/**
 * The digest of `week` for one program: the chosen wins of pairs of that program, each with the
 * mentee's name, who recognized it and its goal, grouped by mentee.
 */
export function programDigest(input: {
  week: string;
  program: { id: string; name: string };
  wins: readonly Win[];
  pairs: ReadonlyMap<string, Pick<PlanRecord, 'mentorship' | 'members' | 'goals'> | undefined>;
}): ProgramDigest {
  const candidates: DigestCandidate[] = [];
  for (const win of input.wins) {
    const record = input.pairs.get(win.pairId);
    // The index is filed by program, but the pair is the truth: a pair moved or gone shows nothing here.
    if (!record || record.mentorship.value.programId !== input.program.id) continue;
    const { mentor, mentee } = record.members;
    const goalTitle = win.goalId ? record.goals.find((g) => g.value.id === win.goalId)?.value.title : undefined;
    const recognizedByName = win.recognizedBy === mentor.id ? mentor.displayName : mentee.displayName;
    candidates.push({ win, menteeName: mentee.displayName, recognizedByName, ...(goalTitle ? { goalTitle } : {}) });
  }
  const digest = weeklyDigest(input.week, input.program.name, candidates);
  const shownWinKeys = digest.mentees.flatMap((m) => m.wins.map((w) => digestWinKey(w.pairId, w.winId)));
  return { digest, shownWinKeys, recordedWinKeys: shownWinKeys.slice(0, MAX_RECORDED_DIGEST_WINS) };
}
