// Pairs at risk (capability 13): the pair-level signals a program manager sees, each with its
// reason. Only signals about the pair's rhythm count here; nothing a pair wrote is ever a reason.

export const atRiskRules = {
  /** No check-in answered for this long. */
  silentDays: 21,
  /** The agreement as it stands not accepted by both this long after it was written or changed. */
  unacceptedDays: 14,
} as const;

export type AtRiskCode = 'no_check_in' | 'missed_checkpoint' | 'agreement_unaccepted';

export interface AtRiskReason {
  code: AtRiskCode;
  text: string;
}

/** What the rule reads of one pair. Instants are ISO strings. */
export interface PairSignals {
  status: 'proposed' | 'active' | 'paused' | 'ended';
  /** When the pair started (its first day, an ISO date or instant). */
  startedAt: string;
  lastCheckInAnsweredAt?: string;
  /** When the agreement took its present text; undefined when both accepted it. */
  agreementUnacceptedSince?: string;
  missedCheckpoints: number;
}

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, now: Date) => Math.floor((now.getTime() - Date.parse(from)) / DAY);

/**
 * Why a pair is at risk now, or nothing. A paused or ended pair is not at risk: a pause is agreed,
 * and an ended pair has nothing left to do. Silence counts from the last answered check-in, or from
 * the start for a pair that has answered none.
 */
export function atRiskReasons(pair: PairSignals, now: Date): AtRiskReason[] {
  if (pair.status === 'paused' || pair.status === 'ended') return [];
  const reasons: AtRiskReason[] = [];
  const silent = daysBetween(pair.lastCheckInAnsweredAt ?? pair.startedAt, now);
  if (pair.status === 'active' && silent >= atRiskRules.silentDays) {
    reasons.push({
      code: 'no_check_in',
      text: pair.lastCheckInAnsweredAt
        ? `No check-in answered for ${silent} days.`
        : `No check-in answered since the pair started ${silent} days ago.`,
    });
  }
  if (pair.missedCheckpoints > 0) {
    reasons.push({
      code: 'missed_checkpoint',
      text: pair.missedCheckpoints === 1 ? 'A checkpoint was missed.' : `${pair.missedCheckpoints} checkpoints were missed.`,
    });
  }
  if (pair.agreementUnacceptedSince) {
    const waiting = daysBetween(pair.agreementUnacceptedSince, now);
    if (waiting >= atRiskRules.unacceptedDays)
      reasons.push({ code: 'agreement_unaccepted', text: `The agreement has waited ${waiting} days for both acceptances.` });
  }
  return reasons;
}
