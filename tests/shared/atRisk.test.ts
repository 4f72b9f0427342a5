import { describe, expect, it } from 'vitest';
import { atRiskReasons, atRiskRules, type PairSignals } from '../../shared/health/atRisk';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const healthy: PairSignals = { status: 'active', startedAt: daysAgo(200), lastCheckInAnsweredAt: daysAgo(3), missedCheckpoints: 0 };

describe('atRiskReasons', () => {
  it('finds nothing in a pair that checks in, keeps its checkpoints and accepted its agreement', () => {
    expect(atRiskReasons(healthy, now)).toEqual([]);
  });

  it('flags 21 days without an answered check-in, not 20', () => {
    expect(atRiskRules.silentDays).toBe(21);
    expect(atRiskReasons({ ...healthy, lastCheckInAnsweredAt: daysAgo(20) }, now)).toEqual([]);
    expect(atRiskReasons({ ...healthy, lastCheckInAnsweredAt: daysAgo(21) }, now)).toEqual([
      { code: 'no_check_in', text: 'No check-in answered for 21 days.' },
    ]);
  });

  it('counts silence from the start for a pair that never answered, so a new pair is not at risk', () => {
    expect(atRiskReasons({ ...healthy, lastCheckInAnsweredAt: undefined, startedAt: daysAgo(10) }, now)).toEqual([]);
    expect(atRiskReasons({ ...healthy, lastCheckInAnsweredAt: undefined, startedAt: '2026-11-01' }, now)[0]!.text).toBe(
      'No check-in answered since the pair started 30 days ago.',
    );
  });

  it('flags missed checkpoints and an agreement unaccepted for 14 days, with every reason at once', () => {
    const reasons = atRiskReasons(
      { ...healthy, lastCheckInAnsweredAt: daysAgo(40), missedCheckpoints: 2, agreementUnacceptedSince: daysAgo(14) },
      now,
    );
    expect(reasons.map((r) => r.code)).toEqual(['no_check_in', 'missed_checkpoint', 'agreement_unaccepted']);
    expect(reasons[1]!.text).toBe('2 checkpoints were missed.');
    expect(atRiskReasons({ ...healthy, agreementUnacceptedSince: daysAgo(13) }, now)).toEqual([]);
  });

  it('a proposed pair waits on its agreement, not on check-ins; paused and ended pairs are never at risk', () => {
    const proposed = atRiskReasons(
      { ...healthy, status: 'proposed', lastCheckInAnsweredAt: undefined, agreementUnacceptedSince: daysAgo(20) },
      now,
    );
    expect(proposed.map((r) => r.code)).toEqual(['agreement_unaccepted']);
    const silentAndMissed = { ...healthy, lastCheckInAnsweredAt: daysAgo(90), missedCheckpoints: 1 };
    expect(atRiskReasons({ ...silentAndMissed, status: 'paused' }, now)).toEqual([]);
    expect(atRiskReasons({ ...silentAndMissed, status: 'ended' }, now)).toEqual([]);
  });
});
