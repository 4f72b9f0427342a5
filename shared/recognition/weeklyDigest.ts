// The weekly digest a program channel gets (capability 10): the wins of the week that their mentee
// agreed to share, grouped by mentee. Weeks run Monday to Sunday in UTC (one cohort, many zones);
// the digest of a week is due on the following Monday at 09:00 UTC and also takes the previous
// week's shared wins not shown yet, so a mentee who agrees a few days late is not left out.
// Milestones are not part of it: they have no per-entry consent of their own, so only wins go out.
import { addDays } from '../dates';
import type { Win } from './win';

const DAY_MS = 86_400_000;
/** The digest of a week goes out this many hours into the following Monday (UTC). */
export const DIGEST_HOUR_UTC = 9;

/** The Monday (`YYYY-MM-DD`, UTC) of the week an instant falls in. */
export function digestWeekOf(at: string | Date): string {
  const d = new Date(typeof at === 'string' ? Date.parse(at) : at.getTime());
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** When the digest of `week` is due: the next Monday at 09:00 UTC. */
export const digestDueAt = (week: string): Date => new Date(`${addDays(week, 7)}T${String(DIGEST_HOUR_UTC).padStart(2, '0')}:00:00Z`);

/** The latest week whose digest is due at `now`. */
export const dueDigestWeek = (now: Date): string => digestWeekOf(new Date(now.getTime() - 7 * DAY_MS - DIGEST_HOUR_UTC * 3_600_000));

/** The weeks whose wins the digest of `week` may show: that week and the one before. */
export const weeksShownIn = (week: string): [string, string] => [week, addDays(week, -7)];

/** A win with the names a reader needs. */
export interface DigestCandidate {
  win: Win;
  menteeName: string;
  recognizedByName: string;
  goalTitle?: string;
}

export interface DigestWin {
  winId: string;
  pairId: string;
  text: string;
  recognizedByName: string;
  goalTitle?: string;
  at: string;
}

export interface WeeklyDigest {
  week: string;
  programName: string;
  /** Mentees in name order, each with their wins oldest first. */
  mentees: { menteeName: string; wins: DigestWin[] }[];
  winCount: number;
}

/** Whether a win may appear in the digest of `week`: consented, of that week or the one before, not shown by another digest. */
export function belongsInDigest(win: Win, week: string): boolean {
  if (!win.shareInDigest) return false;
  if (win.digestWeek !== undefined && win.digestWeek !== week) return false;
  return weeksShownIn(week).includes(digestWeekOf(win.at));
}

export function weeklyDigest(week: string, programName: string, candidates: readonly DigestCandidate[]): WeeklyDigest {
  const byMentee = new Map<string, DigestWin[]>();
  let winCount = 0;
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.win.pairId}|${c.win.id}`;
    if (!belongsInDigest(c.win, week) || seen.has(key)) continue;
    seen.add(key);
    winCount++;
    const list = byMentee.get(c.menteeName) ?? [];
    list.push({
      winId: c.win.id,
      pairId: c.win.pairId,
      text: c.win.text,
      recognizedByName: c.recognizedByName,
      at: c.win.at,
      ...(c.goalTitle ? { goalTitle: c.goalTitle } : {}),
    });
    byMentee.set(c.menteeName, list);
  }
  const mentees = [...byMentee.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([menteeName, wins]) => ({ menteeName, wins: wins.sort((a, b) => a.at.localeCompare(b.at)) }));
  return { week, programName, mentees, winCount };
}
