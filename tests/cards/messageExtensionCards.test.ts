// The message extension's cards and dialogs against the Adaptive Card 1.5 schema and Teams' size
// limit, filled to every text limit; and the plan links, built and parsed in one place.
import { describe, expect, it } from 'vitest';
import { feedbackNoteCard } from '../../bot/cards/feedbackNoteCard';
import { goalCard, goalPreview, goalProgressText, planCard, type GoalCardGoal } from '../../bot/cards/goalCard';
import { kudosCard } from '../../bot/cards/kudosCard';
import {
  GOAL_CHOICES_MAX,
  goalChoiceValue,
  meInputs,
  noticeForm,
  parseGoalChoice,
  recognizeWinForm,
  requestFeedbackDetailsForm,
  requestFeedbackGoalForm,
  sendFeedbackForm,
  type GoalChoice,
} from '../../bot/cards/messageExtensionForms';
import { openPlanAt, parsePlanPath, parsePlanUrl, planUrl } from '../../bot/cards/planLinks';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { MAX_RESPONDENTS } from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import { WIN_TEXT_MAX } from '../../shared/recognition/win';
import { expectValidCard } from '../support/cardSchema';

const links = { tab: 'https://teams.microsoft.com/l/entity/app-id/mentoring' };
const id = (n: number, prefix = 'id') => `${prefix}-${String(n).padStart(60 - prefix.length, '0')}`;
// Wide characters and markdown-looking text: what long user input really looks like.
const longText = (n: number) => '**Ünïcödé** feedback — '.repeat(Math.ceil(n / 23)).slice(0, n);

const fullGoal: GoalCardGoal = {
  id: id(1, 'goal'),
  title: longText(limits.title),
  description: longText(limits.description),
  status: 'active',
  baseline: 0,
  current: 12.345,
  target: 1_000_000,
  unit: longText(limits.unit),
  dueDate: '2026-12-31',
};
const goalChoices: GoalChoice[] = Array.from({ length: limits.goalsPerPair * 3 }, (_, i) => ({
  pairId: id(i, 'pair'),
  goalId: id(i, 'goal'),
  goalTitle: longText(limits.title),
  menteeName: longText(limits.name),
}));

describe('cards for the chat', () => {
  it('are valid and fit with every text at its limit', () => {
    expectValidCard(
      goalCard({
        pairId: id(1, 'pair'),
        goal: fullGoal,
        menteeName: longText(limits.name),
        priorityName: longText(limits.name),
        links: { ...links, browser: 'http://localhost:3978/' },
      }),
    );
    expectValidCard(
      planCard({
        pairId: id(1, 'pair'),
        menteeName: longText(limits.name),
        mentorName: longText(limits.name),
        programName: longText(limits.name),
        activeGoals: Array(limits.goalsPerPair).fill(fullGoal),
        links,
      }),
    );
    expectValidCard(
      kudosCard({
        menteeName: longText(limits.name),
        recognizedByName: longText(limits.name),
        text: longText(WIN_TEXT_MAX),
        goalTitle: longText(limits.title),
        date: '2026-05-04',
        sharedInDigest: true,
      }),
    );
    expectValidCard(
      feedbackNoteCard({
        mentorName: longText(limits.name),
        menteeName: longText(limits.name),
        goalTitle: longText(limits.title),
        text: longText(limits.longText),
        date: '2026-05-04',
      }),
    );
  });

  it('shows progress from baseline through the current value to the target', () => {
    expect(goalProgressText({ ...fullGoal, baseline: 0, current: 1, target: 4, unit: 'incidents' })).toBe('0 → 1 → 4 incidents (25%)');
    expect(goalProgressText({ ...fullGoal, baseline: 10, current: undefined, target: 5, unit: undefined })).toBe('10 → 10 → 5 (0%)');
    expect(goalProgressText({ ...fullGoal, baseline: undefined })).toBe(en.messageExtension.goalCard.progressMissing);
    expect(goalPreview({ goal: { ...fullGoal, dueDate: undefined }, menteeName: 'A' }).text).toContain(
      en.messageExtension.goalCard.noDueDate,
    );
  });

  it('keeps a plan card short: a long plan lists some goals and counts the rest', () => {
    const card = planCard({
      pairId: 'p',
      menteeName: 'A',
      mentorName: 'B',
      programName: 'C',
      activeGoals: Array(20).fill(fullGoal),
      links,
    });
    expect(card.body.find((e) => e.type === 'FactSet')).toMatchObject({ facts: expect.any(Array) });
    expect(JSON.stringify(card)).toContain('…and 12 more in the plan.');
  });
});

describe('dialogs', () => {
  const problems = Array.from({ length: 20 }, () => longText(limits.shortText));

  it('are valid and fit with the most choices, the longest texts and every problem shown', () => {
    const typed = { [meInputs.text]: longText(limits.longText + 500), [meInputs.goal]: goalChoiceValue(id(1, 'pair'), id(1, 'goal')) };
    expectValidCard(sendFeedbackForm({ goals: goalChoices, values: typed, problems }));
    expectValidCard(
      recognizeWinForm({
        pairs: goalChoices.slice(0, 20).map((g) => ({ pairId: g.pairId, title: longText(limits.name) })),
        goals: goalChoices,
        canShare: true,
        values: { ...typed, [meInputs.shareInDigest]: 'true' },
        problems,
      }),
    );
    expectValidCard(requestFeedbackGoalForm({ goals: goalChoices.slice(0, limits.goalsPerPair), askable: undefined, problems }));
    expectValidCard(
      requestFeedbackDetailsForm({
        pairId: id(1, 'pair'),
        goalId: id(1, 'goal'),
        submissionId: id(1, 'submission'),
        goalTitle: longText(limits.title),
        behaviors: Array.from({ length: limits.behaviors }, (_, i) => `${i}, ${longText(limits.shortText - 4)}`),
        members: Array.from({ length: MAX_RESPONDENTS }, (_, i) => ({
          personId: id(i, 'person'),
          name: longText(limits.name),
          relation: 'peer' as const,
        })),
        moreMembers: true,
        closesOn: '2026-06-01',
        earliestClose: '2026-05-05',
        values: { [meInputs.extraBehaviors]: longText(5_000) },
        problems,
      }),
    );
    expectValidCard(noticeForm(en.refused.title, en.messageExtension.unavailable));
  });

  it('list at most so many goals, and say that others were left out', () => {
    const card = sendFeedbackForm({ goals: goalChoices });
    const dropdown = card.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(dropdown && 'choices' in dropdown && dropdown.choices).toHaveLength(GOAL_CHOICES_MAX);
    expect(JSON.stringify(card)).toContain(fillPlaceholders(en.messageExtension.moreGoalChoices, { max: String(GOAL_CHOICES_MAX) }));
    expect(JSON.stringify(sendFeedbackForm({ goals: goalChoices.slice(0, 3) }))).not.toContain('most recently changed');
  });

  it('keep the text typed, cut to what its input accepts', () => {
    const card = sendFeedbackForm({ goals: goalChoices.slice(0, 1), values: { [meInputs.text]: 'x'.repeat(limits.longText + 10) } });
    expect(JSON.stringify(card)).toContain(`"value":"${'x'.repeat(limits.longText)}"`);
    expect(JSON.stringify(card)).not.toContain('x'.repeat(limits.longText + 1));
  });

  it('carry a goal as one choice value that splits back, and nothing else', () => {
    expect(parseGoalChoice(goalChoiceValue('demo-pair-alex', 'alex-oncall'))).toEqual({ pairId: 'demo-pair-alex', goalId: 'alex-oncall' });
    for (const bad of ['', 'pair', 'pair/', '/goal', 'a/b/c', 42, undefined, null]) expect(parseGoalChoice(bad)).toBeUndefined();
  });
});

describe('plan links', () => {
  const base = 'https://mentoring.contoso.example';

  it('round-trip a plan and a goal', () => {
    expect(planUrl(base, { pairId: 'demo-pair-alex' })).toBe(`${base}/plans/demo-pair-alex`);
    expect(planUrl(`${base}/`, { pairId: 'p', goalId: 'g' })).toBe(`${base}/plans/p/goals/g`);
    for (const ref of [{ pairId: 'demo-pair-alex' }, { pairId: 'demo-pair-alex', goalId: 'alex_oncall-2' }])
      expect(parsePlanUrl(base, planUrl(base, ref))).toEqual(ref);
  });

  it('accept the link as people paste it: another scheme or case of host, a trailing slash, a query', () => {
    expect(parsePlanUrl(base, 'http://MENTORING.contoso.example/plans/p/goals/g/?tab=history#top')).toEqual({ pairId: 'p', goalId: 'g' });
  });

  it('read the tab’s paths: a browser’s pathname, or the sub-page id inside Teams', () => {
    expect(parsePlanPath('/plans/demo-pair-alex')).toEqual({ pairId: 'demo-pair-alex' });
    expect(parsePlanPath('plans/demo-pair-alex/goals/alex-oncall')).toEqual({ pairId: 'demo-pair-alex', goalId: 'alex-oncall' });
    expect(parsePlanPath('/plans/demo-pair-alex/journal')).toEqual({ pairId: 'demo-pair-alex', place: 'journal' });
    expect(parsePlanPath('plans/demo-pair-alex/check-ins')).toEqual({ pairId: 'demo-pair-alex', place: 'check-ins' });
    for (const path of ['', '/', '/plans', 'plans/a/b', 'plans/a/plan', '/api/me']) expect(parsePlanPath(path), path).toBeUndefined();
  });

  it('work under a path prefix', () => {
    expect(parsePlanUrl('https://host.example/mentoring', 'https://host.example/mentoring/plans/p')).toEqual({ pairId: 'p' });
    expect(parsePlanUrl('https://host.example/mentoring', 'https://host.example/plans/p')).toBeUndefined();
  });

  it('refuse anything that is not one of the app’s plan links', () => {
    for (const url of [
      'https://elsewhere.example/plans/p',
      'https://mentoring.contoso.example.evil.example/plans/p',
      `${base}/plans`,
      `${base}/plans/`,
      `${base}/plans/p/goals`,
      `${base}/plans/p/milestones/m`,
      `${base}/plans/p%2Fq`,
      `${base}/plans/p/goals/%E0%A4%A`,
      `${base}/api/pairs/p/plan`,
      'not a url',
    ]) {
      expect(parsePlanUrl(base, url), url).toBeUndefined();
    }
  });

  it('open the plan inside Teams at the plan’s path, and in the browser in development', () => {
    const [teams, browser] = openPlanAt({ ...links, browser: 'http://localhost:3978/' }, { pairId: 'p', goalId: 'g' });
    expect(new URL(teams!.type === 'Action.OpenUrl' ? teams!.url : '').searchParams.get('context')).toBe(
      JSON.stringify({ subEntityId: 'plans/p/goals/g' }),
    );
    expect(browser).toEqual({ type: 'Action.OpenUrl', title: en.actions.openInBrowser, url: 'http://localhost:3978/plans/p/goals/g' });
    expect(openPlanAt(links, { pairId: 'p' })).toHaveLength(1);
  });
});
