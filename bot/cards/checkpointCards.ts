// The checkpoint cards: the reminder both people get a week ahead (the date, a link into the tab's
// checkpoint, a Teams meeting draft for the review) and the summary both get on sign-off (the
// latest scorecard beside the previous one). Pure functions of typed data.
import {
  checkpointPath,
  formatScorecardValue,
  type Checkpoint,
  type CheckpointPeriod,
  type ScorecardValue,
} from '../../shared/checkpoints/checkpoint';
import type { ScorecardMetric } from '../../shared/program';
import { adaptiveCard, cardHeading, type AdaptiveCard, type CardAction, type CardElement } from './adaptiveCard';
import type { CardLinks } from './cardLinks';
import { checkpointStrings } from './checkpointStrings';
import { en, fillPlaceholders } from './strings';

/** "Open the checkpoint": the tab inside Teams at the checkpoint (its `subEntityId`), and in development the browser. */
export function openCheckpointActions(links: CardLinks, pairId: string, dueDate: string, title: string): CardAction[] {
  const path = checkpointPath(pairId);
  const context = encodeURIComponent(JSON.stringify({ subEntityId: path }));
  const actions: CardAction[] = [{ type: 'Action.OpenUrl', title, url: `${links.tab}?context=${context}` }];
  if (links.browser)
    actions.push({ type: 'Action.OpenUrl', title: en.actions.openInBrowser, url: `${links.browser.replace(/\/+$/, '')}/${path}` });
  return actions;
}

export interface CheckpointReminderCardData {
  pairId: string;
  period: CheckpointPeriod;
  intervalMonths: number;
  otherName: string;
  /** A Teams meeting draft for the review (shared/meetings/meetingLink.ts). */
  meetingUrl: string;
  links: CardLinks;
}

export function checkpointReminderCard(data: CheckpointReminderCardData): AdaptiveCard {
  const s = checkpointStrings.reminder;
  const { period } = data;
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, { date: period.dueDate })),
    { type: 'TextBlock', text: fillPlaceholders(s.intro, { months: String(data.intervalMonths), other: data.otherName }), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: s.date, value: period.dueDate },
        { title: s.period, value: `${period.from} – ${period.to}` },
      ],
    },
  ];
  const actions: CardAction[] = [
    ...openCheckpointActions(data.links, data.pairId, period.dueDate, s.openCheckpoint),
    { type: 'Action.OpenUrl', title: s.scheduleMeeting, url: data.meetingUrl },
  ];
  return adaptiveCard(body, actions, fillPlaceholders(s.fallbackText, { other: data.otherName, date: period.dueDate }));
}

/** A metric's value as people read it: a percentage, or a rating on its scale. */
export const scorecardValueText = (metric: ScorecardMetric, value: ScorecardValue | undefined): string =>
  formatScorecardValue(metric, value, checkpointStrings.summary.noValue);

export interface CheckpointSummaryCardData {
  checkpoint: Checkpoint;
  previous?: Pick<Checkpoint, 'scorecard'>;
  metrics: readonly ScorecardMetric[];
  otherName: string;
  links: CardLinks;
}

export function checkpointSummaryCard(data: CheckpointSummaryCardData): AdaptiveCard {
  const s = checkpointStrings.summary;
  const { checkpoint } = data;
  const latest = (id: string) => checkpoint.scorecard?.find((v) => v.metricId === id);
  const before = (id: string) => data.previous?.scorecard?.find((v) => v.metricId === id);
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, { date: checkpoint.dueDate })),
    { type: 'TextBlock', text: fillPlaceholders(s.intro, { other: data.otherName }), wrap: true },
    {
      type: 'FactSet',
      facts: data.metrics.map((m) => ({
        title: m.name,
        value: data.previous
          ? fillPlaceholders(s.latestAndPrevious, {
              latest: scorecardValueText(m, latest(m.id)),
              previous: scorecardValueText(m, before(m.id)),
            })
          : scorecardValueText(m, latest(m.id)),
      })),
    },
  ];
  if (!data.previous) body.push({ type: 'TextBlock', text: s.noPrevious, isSubtle: true, wrap: true, spacing: 'Small' });
  if (checkpoint.recalibrations.length > 0)
    body.push({
      type: 'TextBlock',
      text: fillPlaceholders(s.recalibrated, { count: String(checkpoint.recalibrations.length) }),
      wrap: true,
    });
  return adaptiveCard(
    body,
    openCheckpointActions(data.links, checkpoint.pairId, checkpoint.dueDate, s.openCheckpoint),
    fillPlaceholders(s.fallbackText, { date: checkpoint.dueDate }),
  );
}
