// A goal's development activities (stretch assignments, learning, ...): change a status in place,
// delete one, or add one.
import { Badge, Button, Caption1, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  activityKindLabel,
  activityStatus,
  activityStatusLabel,
  type ActivityStatus,
  type DevelopmentActivity,
} from '../../../shared/activity';
import type { GoalView, Versioned } from '../../../shared/api';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { formatDate } from '../../format';
import { strings } from '../../strings';
import { ConfirmDialog } from '../../app/lazyParts';
import { PlanItemSection, usePlanItemStyles } from '../PlanItemSection/PlanItemSection';
import { usePlanContext } from '../PlanPage/PlanContext';
import { usePlanMutation } from '../PlanPage/usePlanMutation';
import { ActivityDialog } from '../../app/lazyParts';
import { ChoiceOptions } from '../../forms/ChoiceOptions';

const useStyles = makeStyles({
  title: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  notes: { overflowWrap: 'anywhere', whiteSpace: 'pre-line', color: tokens.colorNeutralForeground2 },
  kindRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { width: '150px', maxWidth: '100%', marginBlock: tokens.spacingVerticalXS },
  main: {
    flex: '1 1 auto',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

const statusColor = { planned: 'informative', in_progress: 'brand', done: 'success' } as const;

export function ActivityList({ goal }: { goal: GoalView }) {
  return (
    <PlanItemSection
      heading={strings.activities.heading}
      addDialog={goal.can.addActivity && <ActivityDialog goal={goal} trigger={<Button size="small">{strings.activities.add}</Button>} />}
      emptyText={strings.activities.none}
    >
      {goal.activities.map((a) => (
        <ActivityItem key={a.value.id} goal={goal} activity={a} />
      ))}
    </PlanItemSection>
  );
}

function ActivityItem({ goal, activity }: { goal: GoalView; activity: Versioned<DevelopmentActivity> }) {
  const list = usePlanItemStyles();
  const styles = useStyles();
  const api = useApi();
  const { pairId } = usePlanContext();
  const changeable = goal.can.changeActivities;
  const { busy, mutate } = usePlanMutation();
  const a = activity.value;
  const ref = { pairId, goalId: goal.value.id };
  const s = strings.activities;
  const [pendingStatus, setPendingStatus] = useState<ActivityStatus>();
  const changeStatus = async (status: ActivityStatus) => {
    setPendingStatus(status);
    await mutate(
      () => call(api, routes.updateActivity, { params: { ...ref, activityId: a.id }, body: { status }, etag: activity.etag }),
      s.changeFailed,
    );
    setPendingStatus(undefined);
  };

  return (
    <li className={list.item}>
      <div className={styles.main}>
        <div className={styles.kindRow}>
          <Badge appearance="outline" color="informative">
            {activityKindLabel[a.kind]}
          </Badge>
          {a.dueDate && <Caption1 className={list.none}>{s.due(formatDate(a.dueDate))}</Caption1>}
        </div>
        <Text className={styles.title}>{a.title}</Text>
        {a.notes && (
          <Text size={200} className={styles.notes}>
            {a.notes}
          </Text>
        )}
        {!changeable ? (
          <Badge appearance="tint" color={statusColor[a.status]}>
            {activityStatusLabel[a.status]}
          </Badge>
        ) : (
          <Select
            className={styles.status}
            size="small"
            aria-label={s.statusOf(a.title)}
            value={pendingStatus ?? a.status}
            disabled={busy}
            onChange={(_, d) => void changeStatus(d.value as ActivityStatus)}
          >
            <ChoiceOptions values={activityStatus.options} labels={activityStatusLabel} />
          </Select>
        )}
      </div>
      {changeable && (
        <div className={list.itemActions}>
          <ConfirmDialog
            trigger={<Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={s.delete(a.title)} />}
            title={s.deleteTitle}
            body={s.deleteBody(a.title)}
            confirmLabel={strings.common.delete}
            onConfirm={() =>
              mutate(() => call(api, routes.deleteActivity, { params: { ...ref, activityId: a.id }, etag: activity.etag }), s.changeFailed)
            }
          />
        </div>
      )}
    </li>
  );
}
