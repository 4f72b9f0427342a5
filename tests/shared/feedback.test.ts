import { describe, expect, it } from 'vitest';
import {
  acceptsResponses,
  closeIfDue,
  feedbackRequestInput,
  markReminded,
  pendingReminders,
  type FeedbackRequest,
  type FeedbackResponse,
} from '../../shared/feedback/feedbackRequest';
import { feedbackResults, stakeholderSatisfaction } from '../../shared/feedback/feedbackResults';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const now = new Date('2026-11-21T12:00:00Z');
const people = [
  { personId: 'p1', displayName: 'Ana', relation: 'peer' as const },
  { personId: 'p2', displayName: 'Ben', relation: 'supervisor' as const },
  { personId: 'p3', displayName: 'Cai', relation: 'customer' as const },
  { personId: 'p4', displayName: 'Dee', relation: 'peer' as const },
];
const request = (over: Partial<FeedbackRequest> = {}): FeedbackRequest => ({
  id: 'req1',
  tenantId: DEVELOPMENT_TENANT_ID,
  pairId: 'pair1',
  goalId: 'g1',
  behaviors: ['Designs for failure', 'Owns incidents'],
  respondents: people,
  closesOn: '2026-11-30',
  anonymous: false,
  createdBy: 'mentee',
  createdAt: now.toISOString(),
  status: 'open',
  ...over,
});
const response = (respondentId: string, a: number, b: number, example: string, suggestion = `more ${example}`): FeedbackResponse => ({
  requestId: 'req1',
  respondentId,
  ratings: { 'Designs for failure': a, 'Owns incidents': b },
  example,
  suggestion,
  answeredAt: now.toISOString(),
});

describe('feedback request input', () => {
  it('refuses duplicate respondents and more than 20', () => {
    const base = { goalId: 'g1', closesOn: '2026-12-01', respondents: [people[0], people[0]] };
    expect(feedbackRequestInput.safeParse(base).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => ({ personId: `p${i}`, displayName: `P${i}`, relation: 'peer' }));
    expect(feedbackRequestInput.safeParse({ ...base, respondents: many }).success).toBe(false);
    expect(feedbackRequestInput.parse({ ...base, respondents: [people[0]] }).anonymous).toBe(false);
  });
});

describe('feedback results', () => {
  const three = [response('p1', 4, 5, 'zeta'), response('p2', 2, 5, 'alpha'), response('p3', 4, 3, 'mu')];

  it('averages each behavior and counts the distribution', () => {
    const r = feedbackResults(request(), three);
    expect(r.visibility).toBe('shown');
    if (r.visibility !== 'shown') return;
    expect(r.behaviors).toEqual([
      { behavior: 'Designs for failure', average: 3.33, ratings: 3, distribution: [0, 1, 0, 2, 0] },
      { behavior: 'Owns incidents', average: 4.33, ratings: 3, distribution: [0, 0, 1, 0, 2] },
    ]);
    expect(r.responseRate).toBe(0.75);
    expect(stakeholderSatisfaction(r)).toBe(3.83);
  });

  it('attributes comments to name and relation when not anonymous', () => {
    const r = feedbackResults(request(), three);
    if (r.visibility !== 'shown') throw new Error('hidden');
    expect(r.examples[0]).toEqual({ text: 'zeta', by: { displayName: 'Ana', relation: 'peer' } });
  });

  it('hides anonymous results until three responses are in', () => {
    const r = feedbackResults(request({ anonymous: true }), three.slice(0, 2));
    expect(r.visibility).toBe('hidden');
    expect(r).toMatchObject({ responseCount: 2, required: 3 });
    expect(JSON.stringify(r)).not.toMatch(/zeta|alpha|Ana|Ben/);
    expect(r.visibility === 'hidden' && r.message).toContain('2 of 3');
    expect(stakeholderSatisfaction(r)).toBeUndefined();
  });

  it('shows anonymous results without names, sorted by text, examples apart from suggestions', () => {
    const r = feedbackResults(request({ anonymous: true }), three);
    if (r.visibility !== 'shown') throw new Error('hidden');
    expect(r.examples).toEqual([{ text: 'alpha' }, { text: 'mu' }, { text: 'zeta' }]);
    expect(r.suggestions.map((s) => s.text)).toEqual(['more alpha', 'more mu', 'more zeta']);
    expect(JSON.stringify(r)).not.toMatch(/Ana|Ben|Cai|p1|p2|peer|supervisor/);
    // Answer order does not show: reversing the input gives the same results.
    expect(feedbackResults(request({ anonymous: true }), [...three].reverse())).toEqual(r);
  });

  it('counts only people the request names', () => {
    const r = feedbackResults(request({ anonymous: true }), [...three.slice(0, 2), response('intruder', 1, 1, 'x')]);
    expect(r.visibility).toBe('hidden');
  });
});

describe('reminders and closing', () => {
  it('reminds those who have not answered, once', () => {
    const r = request();
    expect(pendingReminders(r, [response('p1', 3, 3, 'x')], now).map((p) => p.personId)).toEqual(['p2', 'p3', 'p4']);
    const reminded = markReminded(r, now);
    expect(pendingReminders(reminded, [], now)).toEqual([]);
  });

  it('does not remind after the close date', () => {
    expect(pendingReminders(request({ closesOn: '2026-11-20' }), [], now)).toEqual([]);
  });

  it('keeps a request open through its close date everywhere, and closes it after', () => {
    const r = request({ closesOn: '2026-11-21' });
    expect(acceptsResponses(r, new Date('2026-11-22T11:30:00Z'))).toBe(true); // still the 21st at UTC-12
    expect(closeIfDue(r, new Date('2026-11-22T11:30:00Z'))).toBeUndefined();
    expect(closeIfDue(r, new Date('2026-11-22T12:30:00Z'))?.status).toBe('closed');
    expect(closeIfDue({ ...r, status: 'closed' }, new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(acceptsResponses({ ...request(), status: 'closed' }, now)).toBe(false);
  });
});
