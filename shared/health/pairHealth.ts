// What one pair adds to its program's health (capability 13), from the pair's own rows: its
// contribution of counts, the slices it is counted in, its at-risk signals and the next day those
// signals could change without anything being written (the daily recheck reads that date).
import { addDays } from '../dates';
import type { CheckIn } from '../checkins/checkIn';
import { checkpointDueDate, checkpointQuarter, missedCheckpoints, MISSED_AFTER_DAYS, type Checkpoint } from '../checkpoints/checkpoint';
import type { Goal } from '../goal';
import { agreementAccepted, cohortOf, type Mentorship } from '../mentorship';
import type { PersonSummary } from '../person';
import type { Program } from '../program';
import { atRiskReasons, atRiskRules, type PairSignals } from './atRisk';
import { emptyContribution, type PairContribution } from './programHealth';

/** Everything of a pair the health reads: the pair's own partition, nothing a pair wrote is kept. */
export interface PairHealthSourceRows {
  mentorship: Mentorship;
  members: { mentor: PersonSummary; mentee: PersonSummary };
  goals: Pick<Goal, 'status' | 'priorityId'>[];
  checkIns: Pick<CheckIn, 'dueAt' | 'status' | 'answeredAt'>[];
  /** Each 360 request: how many people it asked, how many answered. */
  feedback: { asked: number; responses: number }[];
  checkpoints: Pick<Checkpoint, 'dueDate' | 'status' | 'sharedWithProgram' | 'scorecard'>[];
}

/** Goals linked to no priority are counted under this key, and form a slice of their own. */
export const NO_PRIORITY = 'none';

/** A part of a program its health can be read for: all of it, one cohort, one priority. */
export type HealthSlice = { kind: 'all' } | { kind: 'cohort'; cohort: string } | { kind: 'priority'; priorityId: string };

export const sliceKey = (slice: HealthSlice): string =>
  slice.kind === 'all' ? 'all' : slice.kind === 'cohort' ? `cohort|${slice.cohort}` : `priority|${slice.priorityId}`;

export function sliceOfKey(key: string): HealthSlice | undefined {
  if (key === 'all') return { kind: 'all' };
  const [kind, ...rest] = key.split('|');
  const value = rest.join('|');
  if (!value) return undefined;
  if (kind === 'cohort') return { kind: 'cohort', cohort: value };
  if (kind === 'priority') return { kind: 'priority', priorityId: value };
  return undefined;
}

/** One pair's stored health: pair-level signals and counts, ids and display names only. */
export interface PairHealthRow {
  programId: string;
  tenantId: string;
  pairId: string;
  /** Slice keys (sliceKey) the pair is counted in. */
  slices: string[];
  contribution: PairContribution;
  signals: PairSignals;
  atRisk: boolean;
  names: { mentor: string; mentee: string };
  /** The next day the at-risk state could change with nothing written; absent when it cannot. */
  recheckOn?: string;
}

const DAY = 86_400_000;

/** The ISO week (`2026-W48`) of an instant, in UTC. */
export function isoWeekOf(instant: string): string {
  const d = new Date(instant);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** The pair's signals for the at-risk rule. The agreement waits from the pair's start until both accept it. */
export function signalsOf(rows: PairHealthSourceRows, program: Pick<Program, 'checkpointIntervalMonths'>, today: string): PairSignals {
  const m = rows.mentorship;
  const answered = rows.checkIns.flatMap((c) => (c.status === 'answered' && c.answeredAt ? [c.answeredAt] : [])).sort();
  return {
    status: m.status,
    startedAt: m.startDate,
    ...(answered.length > 0 ? { lastCheckInAnsweredAt: answered.at(-1)! } : {}),
    ...(agreementAccepted(m) ? {} : { agreementUnacceptedSince: m.startDate }),
    missedCheckpoints:
      m.status === 'active' ? missedCheckpoints(m.startDate, program.checkpointIntervalMonths, rows.checkpoints, today).length : 0,
  };
}

/** The next day after `today` on which time alone could change the pair's at-risk reasons. */
function recheckOnOf(signals: PairSignals, program: Pick<Program, 'checkpointIntervalMonths'>, today: string): string | undefined {
  if (signals.status === 'paused' || signals.status === 'ended') return undefined;
  const candidates: string[] = [];
  if (signals.status === 'active') {
    candidates.push(addDays((signals.lastCheckInAnsweredAt ?? signals.startedAt).slice(0, 10), atRiskRules.silentDays));
    for (let n = 1; n <= 120; n++) {
      const missedOn = addDays(
        checkpointDueDate(signals.startedAt.slice(0, 10), program.checkpointIntervalMonths, n),
        MISSED_AFTER_DAYS + 1,
      );
      if (missedOn > today) {
        candidates.push(missedOn);
        break;
      }
    }
  }
  if (signals.agreementUnacceptedSince) candidates.push(addDays(signals.agreementUnacceptedSince.slice(0, 10), atRiskRules.unacceptedDays));
  const next = candidates.filter((d) => d > today).sort()[0];
  return next;
}

/** The pair's health row as of `now`. */
export function pairHealthRow(
  rows: PairHealthSourceRows,
  program: Pick<Program, 'id' | 'checkpointIntervalMonths'>,
  now: Date,
): PairHealthRow {
  const m = rows.mentorship;
  const today = now.toISOString().slice(0, 10);
  const c = emptyContribution();
  c.pairs = 1;
  c.activePairs = m.status === 'active' ? 1 : 0;
  c.acceptedAgreements = agreementAccepted(m) ? 1 : 0;
  for (const checkIn of rows.checkIns) {
    if (checkIn.dueAt > now.toISOString()) continue;
    const week = isoWeekOf(checkIn.dueAt);
    bump(c.checkInsDue, week);
    if (checkIn.status === 'answered') bump(c.checkInsAnswered, week);
  }
  const priorities = new Set<string>();
  for (const goal of rows.goals) {
    if (goal.status === 'dropped') continue;
    const key = goal.priorityId ?? NO_PRIORITY;
    bump(c.goalsByPriority, key);
    priorities.add(key);
  }
  for (const { asked, responses } of rows.feedback) {
    c.feedbackAsked += asked;
    c.feedbackAnswered += Math.min(responses, asked);
  }
  // Only a scorecard the mentee shared with the program counts (shared/policy.ts, the same rule as the trail).
  const shared = rows.checkpoints
    .filter((cp) => cp.status === 'signed_off' && cp.sharedWithProgram)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const value of shared.at(-1)?.scorecard ?? []) {
    if (value.value !== undefined) bump(c.latestScores, `${value.metricId}:${Math.round(value.value)}`);
  }
  // A mentee counts once per quarter: a later checkpoint due in the same quarter replaces an earlier one.
  const byQuarter = new Map(shared.map((cp) => [checkpointQuarter(cp.dueDate), cp]));
  for (const [quarter, cp] of byQuarter) {
    for (const value of cp.scorecard ?? []) {
      if (value.value !== undefined) bump(c.scoresByPeriod, `${quarter}|${value.metricId}:${Math.round(value.value)}`);
    }
  }
  const signals = signalsOf(rows, program, today);
  const atRisk = atRiskReasons(signals, now).length > 0;
  c.atRisk = atRisk ? 1 : 0;
  const slices = [
    sliceKey({ kind: 'all' }),
    sliceKey({ kind: 'cohort', cohort: cohortOf(m) }),
    ...[...priorities].sort().map((p) => sliceKey({ kind: 'priority', priorityId: p })),
  ];
  const recheckOn = recheckOnOf(signals, program, today);
  return {
    programId: m.programId,
    tenantId: m.tenantId,
    pairId: m.id,
    slices,
    contribution: c,
    signals,
    atRisk,
    names: { mentor: rows.members.mentor.displayName, mentee: rows.members.mentee.displayName },
    ...(recheckOn ? { recheckOn } : {}),
  };
}
