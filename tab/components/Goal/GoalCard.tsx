// One goal: its SMART completeness, progress, details, milestones and activities, and the actions
// on it. Each card is a labelled region so it can be found by its title.
import { Badge, Button, Caption1, Card, Divider, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { GoalView } from '../../../shared/api';
import { isActiveGoal } from '../../../shared/plan/planChoices';
import { ActivityList } from '../Activities/ActivityList';
import { GoalDialog } from '../../app/lazyParts';
import { GoalHistoryDialog } from '../../app/lazyParts';
import { MilestoneList } from '../Milestones/MilestoneList';
import { formatDate, formatNumber } from '../../format';
import { strings } from '../../strings';
import { GoalProgress } from './GoalProgress';
import { GoalStatusMenu } from '../../app/lazyParts';
import { SmartIndicator } from './SmartIndicator';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  closed: { backgroundColor: tokens.colorNeutralBackground3 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  title: {
    margin: 0,
    flex: '1 1 200px',
    minWidth: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  description: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  details: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  detail: { minWidth: 0 },
  detailValue: { margin: 0 },
  detailText: { overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  sections: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
  },
});

const statusColor = { active: 'brand', completed: 'success', dropped: 'subtle' } as const;

export function GoalCard({ goal }: { goal: GoalView }) {
  const styles = useStyles();
  const titleId = useId();
  const g = goal.value;

  const details: [string, string][] = [];
  if (g.aspiration) details.push([strings.goal.aspiration, g.aspiration]);
  if (g.resources) details.push([strings.goal.resources, g.resources]);
  if (g.risks) details.push([strings.goal.risks, g.risks]);
  if (g.hoursPerMonth !== undefined) details.push([strings.goal.hours, strings.goal.hoursValue(formatNumber(g.hoursPerMonth))]);

  return (
    <Card
      role="article"
      className={mergeClasses(styles.card, !isActiveGoal(g) && styles.closed)}
      aria-labelledby={titleId}
      data-goal-id={g.id}
      tabIndex={-1}
    >
      <div className={styles.header}>
        <h5 id={titleId} className={styles.title}>
          {g.title}
        </h5>
        <div className={styles.meta}>
          <Badge appearance="tint" color={statusColor[g.status]}>
            {strings.goal.statusLabel[g.status]}
          </Badge>
          <Caption1 className={styles.muted}>{g.dueDate ? strings.goal.due(formatDate(g.dueDate)) : strings.goal.noDueDate}</Caption1>
        </div>
      </div>
      {g.description && (
        <Text as="p" className={styles.description}>
          {g.description}
        </Text>
      )}
      {isActiveGoal(g) && <SmartIndicator gaps={goal.smartGaps} />}
      <GoalProgress goal={goal} />
      {details.length > 0 && (
        <dl className={styles.details}>
          {details.map(([term, value]) => (
            <div key={term} className={styles.detail}>
              <dt>
                <Caption1 className={styles.muted}>{term}</Caption1>
              </dt>
              <dd className={styles.detailValue}>
                <Text size={300} className={styles.detailText}>
                  {value}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className={styles.actions}>
        {goal.can.edit && <GoalDialog goal={goal} trigger={<Button>{strings.goal.edit}</Button>} />}
        <GoalHistoryDialog goal={goal} />
        {(goal.can.close || goal.can.reopen) && <GoalStatusMenu goal={goal} />}
      </div>
      <Divider />
      <div className={styles.sections}>
        <MilestoneList goal={goal} />
        <ActivityList goal={goal} />
      </div>
    </Card>
  );
}
