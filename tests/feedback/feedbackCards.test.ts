// The 360 cards as pure functions: valid Adaptive Card 1.5, under Teams' size limit with the
// longest texts the domain allows, and what the bot reads back from their inputs.
import { describe, expect, it } from 'vitest';
import {
  EXTRA_BEHAVIORS_MAX,
  feedbackAskCard,
  feedbackAskInputs,
  feedbackAskVerbs,
  feedbackGoalPickerCard,
  feedbackSentCard,
} from '../../bot/cards/feedbackAskCards';
import {
  answerFromFeedbackInputs,
  feedbackCardValues,
  feedbackClosedCard,
  feedbackInputs,
  feedbackNotForYouCard,
  feedbackRequestCard,
  feedbackThanksCard,
  feedbackVerbs,
  teamsUserMri,
} from '../../bot/cards/feedbackRequestCard';
import { en } from '../../bot/cards/strings';
import {
  FEEDBACK_TEXT_MAX,
  MAX_RESPONDENTS,
  feedbackAnswer,
  type FeedbackRequest,
  type FeedbackResponse,
} from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import { cardProblems, expectValidCard } from '../support/cardSchema';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const long = (n: number, seed: string) => `${seed} ${'ü'.repeat(n)}`.slice(0, n);
const behaviors = Array.from({ length: limits.behaviors }, (_, i) => long(limits.shortText, `Behavior ${i} “quoted”, with commas`));
const respondents = Array.from({ length: MAX_RESPONDENTS }, (_, i) => ({
  personId: `0000000${i}-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`,
  displayName: long(limits.name, `Person ${i}`),
  relation: 'peer' as const,
}));
const request: FeedbackRequest = {
  id: 'req-1',
  tenantId: DEVELOPMENT_TENANT_ID,
  pairId: 'pair-1',
  goalId: 'goal-1',
  behaviors,
  respondents,
  closesOn: '2026-12-01',
  anonymous: true,
  createdBy: 'mentee-1',
  createdAt: '2026-11-20T10:00:00.000Z',
  status: 'open',
};
const response: FeedbackResponse = {
  requestId: request.id,
  respondentId: respondents[0]!.personId,
  ratings: Object.fromEntries(behaviors.map((b, i) => [b, (i % 5) + 1])),
  example: long(FEEDBACK_TEXT_MAX, 'Example'),
  suggestion: long(FEEDBACK_TEXT_MAX, 'Suggestion'),
  answeredAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};
const menteeName = long(limits.name, 'Mentee');
const goalTitle = long(limits.title, 'Goal');
const allInputs = (card: any): any[] =>
  card.body.flatMap((e: any) => (e.type === 'Container' ? e.items : [e])).filter((e: any) => e.type.startsWith('Input.'));

describe('the request card', () => {
  it('is valid and fits with 12 long behaviors, 20 respondents, kept 1,000-character answers and problems', () => {
    const values = feedbackCardValues(request, response);
    const card = feedbackRequestCard({
      request,
      menteeName,
      goalTitle,
      values,
      problems: behaviors.map((b) => `Rate “${b}” from 1 to 5.`),
      reminder: true,
    });
    expectValidCard(card);
    const inputs = allInputs(card);
    expect(inputs).toHaveLength(limits.behaviors + 2);
    for (const [i, input] of inputs.slice(0, limits.behaviors).entries()) {
      expect(input).toMatchObject({
        type: 'Input.ChoiceSet',
        id: feedbackInputs.rating(i),
        label: behaviors[i],
        isRequired: true,
        errorMessage: en.feedback.ratingError,
        value: String((i % 5) + 1),
      });
      expect(input.choices.map((c: any) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    }
    for (const id of [feedbackInputs.example, feedbackInputs.suggestion]) {
      expect(inputs.find((i) => i.id === id)).toMatchObject({
        type: 'Input.Text',
        isMultiline: true,
        maxLength: FEEDBACK_TEXT_MAX,
        isRequired: true,
        label: expect.any(String),
        errorMessage: expect.any(String),
      });
    }
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: feedbackVerbs.respond, data: { pairId: 'pair-1', requestId: 'req-1' } }),
    ]);
  });

  it('gives each respondent their own view: refresh names every respondent (Teams allows 60)', () => {
    const card = feedbackRequestCard({ request, menteeName, goalTitle });
    expect(card.refresh).toEqual({
      action: expect.objectContaining({
        type: 'Action.Execute',
        verb: feedbackVerbs.refresh,
        data: { pairId: 'pair-1', requestId: 'req-1' },
      }),
      userIds: respondents.map((r) => teamsUserMri(r.personId)),
    });
  });

  it('says whether answers are anonymous and when the request closes', () => {
    const text = (r: FeedbackRequest) =>
      JSON.stringify(feedbackRequestCard({ request: r, menteeName: 'Alex', goalTitle: 'Lead incidents' }));
    expect(text(request)).toContain('anonymous');
    expect(text({ ...request, anonymous: false })).toContain('Alex and their mentor see your answers with your name.');
    expect(text(request)).toContain('2026-12-01');
  });

  it('reads the answer back by behavior, and the schema accepts it', () => {
    const inputs: Record<string, unknown> = {
      pairId: 'pair-1',
      requestId: 'req-1',
      example: 'Ran the review.',
      suggestion: 'Write it down.',
    };
    behaviors.forEach((_, i) => (inputs[feedbackInputs.rating(i)] = String((i % 5) + 1)));
    const { answer } = answerFromFeedbackInputs(request, inputs);
    expect(feedbackAnswer.parse(answer)).toEqual({ ratings: response.ratings, example: 'Ran the review.', suggestion: 'Write it down.' });
    // An unanswered rating is left out (the service names the behavior); a non-number is refused.
    const partial = answerFromFeedbackInputs(request, { ...inputs, [feedbackInputs.rating(0)]: '', [feedbackInputs.rating(1)]: 'x' })
      .answer as { ratings: Record<string, number> };
    expect(behaviors[0]! in partial.ratings).toBe(false);
    expect(feedbackAnswer.safeParse(partial).success).toBe(false);
  });
});

describe('the cards that replace it', () => {
  it('thank-you: what was answered, and until when it can change', () => {
    const open = feedbackThanksCard({ request, menteeName, goalTitle, response, open: true });
    expectValidCard(open);
    const text = JSON.stringify(open);
    expect(text).toContain(response.example);
    expect(text).toContain('You can change your answer until 2026-12-01.');
    expect(open.actions).toEqual([expect.objectContaining({ verb: feedbackVerbs.edit })]);
    expect(text).not.toContain('Input.');
    const closed = feedbackThanksCard({ request, menteeName, goalTitle, response, open: false });
    expectValidCard(closed);
    expect(JSON.stringify(closed)).not.toContain('change your answer');
  });

  it('not for you and closed: polite, valid, and revealing nothing of the request', () => {
    const notForYou = feedbackNotForYouCard();
    expectValidCard(notForYou);
    expect(JSON.stringify(notForYou)).toContain('sent to other people');
    const closed = feedbackClosedCard(request);
    expectValidCard(closed);
    for (const card of [notForYou, closed]) expect(JSON.stringify(card)).not.toMatch(/Input\.|Action\.Execute|Person 0|Behavior/);
  });
});

describe('the ask-for-feedback cards', () => {
  const goals = Array.from({ length: limits.goalsPerPair }, (_, i) => ({
    pairId: 'pair-1',
    goalId: `goal-${i}`,
    title: long(limits.title, `Goal ${i}`),
  }));

  it('goal picker: valid with fifty long goal titles, each naming its pair', () => {
    const card = feedbackGoalPickerCard({ goals });
    expectValidCard(card);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: feedbackAskVerbs.chooseGoal });
    expect(allInputs(card)[0].choices[1]).toEqual({ title: goals[1]!.title, value: 'pair-1/goal-1' });
  });

  it('goal picker: a mentee of several pairs sees whose plan each goal is in', () => {
    const card = feedbackGoalPickerCard({
      goals: [
        { pairId: 'pair-1', goalId: 'g1', title: 'Lead the on-call rotation', mentorName: 'Priya Raman' },
        { pairId: 'pair-2', goalId: 'g2', title: 'Speak at a meetup', mentorName: 'Jordan Lee' },
      ],
    });
    expectValidCard(card);
    expect(allInputs(card)[0].choices).toEqual([
      { title: 'Priya Raman · Lead the on-call rotation', value: 'pair-1/g1' },
      { title: 'Jordan Lee · Speak at a meetup', value: 'pair-2/g2' },
    ]);
  });

  it('request form: valid but for Teams’ people picker, which is a Teams extension of Input.ChoiceSet', () => {
    const values = { [feedbackAskInputs.extraBehaviors]: long(EXTRA_BEHAVIORS_MAX, 'Extra'), [feedbackAskInputs.anonymous]: 'true' };
    const draft = {
      goal: { id: goals[0]!.goalId, title: goals[0]!.title },
      behaviors,
      closesOn: '2026-12-05',
      earliestClose: '2026-11-22',
    };
    const card = feedbackAskCard({
      pairId: 'pair-1',
      draft,
      submissionId: '8d3f0c1e-5b7a-4e2d-9c6f-0a1b2c3d4e5f',
      values,
      problems: ['Pick a close date after today.'],
    });
    const picker = allInputs(card).find((i) => i.id === feedbackAskInputs.respondents);
    expect(picker).toMatchObject({
      isMultiSelect: true,
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    // The Adaptive Card 1.5 parser knows choices.data only from 1.6; Teams reads it in 1.5 cards.
    const index = card.body.indexOf(picker);
    expect(cardProblems(card)).toEqual({
      parse: ['Parse UnsupportedProperty: Property "choices.data" is supported in version 1.6, but you are using version 1.5.'],
      validation: ['Validation CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.'],
      dropped: [`body[${index}].choices.data is not Adaptive Card 1.5 (or restates a default: leave it out)`],
    });
    const { 'choices.data': _query, ...plain } = picker;
    expectValidCard({
      ...card,
      body: card.body.map((e) => (e === picker ? { ...plain, choices: [{ title: 'Someone', value: 'x' }] } : e)),
    });
    expect(allInputs(card).find((i) => i.id === feedbackAskInputs.closesOn)).toMatchObject({ min: '2026-11-22', value: '2026-12-05' });
    // Every behavior is chosen at first.
    expect(allInputs(card).find((i) => i.id === feedbackAskInputs.behaviors).value).toBe(behaviors.map((_, i) => String(i)).join(','));
  });

  it('sent: who got it, who did not and how to reach them', () => {
    const delivery = respondents.map((r, i) => ({
      personId: r.personId,
      displayName: r.displayName,
      delivered: i % 3 === 0,
      pending: i % 3 === 1,
    }));
    const card = feedbackSentCard({ goalTitle, closesOn: '2026-12-01', anonymous: true, delivery });
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Request feedback');
    expect(text).toContain(respondents[2]!.displayName);
  });
});
