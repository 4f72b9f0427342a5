// A goal's milestones, by due date: check one off, edit it, delete it, or add one. Overdue is the
// server's judgement (in the viewer's time zone), shown as a badge.
import { Badge, Button, Caption1, Checkbox } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { GoalView, MilestoneView } from '../../../shared/api';
import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { formatDate, formatInstantDate } from '../../format';
import { strings } from '../../strings';
import { ConfirmDialog } from '../../app/lazyParts';
import { usePlanContext } from '../PlanPage/PlanContext';
import { usePlanMutation } from '../PlanPage/usePlanMutation';
import { PlanItemSection, usePlanItemStyles } from '../PlanItemSection/PlanItemSection';
import { MilestoneDialog } from '../../app/lazyParts';

export function MilestoneList({ goal }: { goal: GoalView }) {
  return (
    <PlanItemSection
      heading={strings.milestones.heading}
      addDialog={goal.can.addMilestone && <MilestoneDialog goal={goal} trigger={<Button size="small">{strings.milestones.add}</Button>} />}
      emptyText={strings.milestones.none}
    >
      {goal.milestones.map((m) => (
        <MilestoneItem key={m.value.id} goal={goal} milestone={m} />
      ))}
    </PlanItemSection>
  );
}

function MilestoneItem({ goal, milestone }: { goal: GoalView; milestone: MilestoneView }) {
  const styles = usePlanItemStyles();
  const api = useApi();
  const { pairId } = usePlanContext();
  const changeable = goal.can.changeMilestones;
  const { busy, mutate } = usePlanMutation();
  const m = milestone.value;
  const ref = { pairId, goalId: goal.value.id };
  const s = strings.milestones;
  // Shown while the change travels, so the box answers the click at once.
  const [pendingDone, setPendingDone] = useState<boolean>();
  const toggle = async (done: boolean) => {
    setPendingDone(done);
    await mutate(
      () => call(api, routes.updateMilestone, { params: { ...ref, milestoneId: m.id }, body: { done }, etag: milestone.etag }),
      s.changeFailed,
    );
    setPendingDone(undefined);
  };

  return (
    <li className={styles.item}>
      <div className={styles.main}>
        <Checkbox
          className={styles.label}
          label={m.title}
          checked={pendingDone ?? m.done}
          disabled={busy || !changeable}
          onChange={(_, d) => void toggle(d.checked === true)}
        />
        <div className={styles.meta}>
          <Caption1>{m.done && m.doneAt ? s.doneOn(formatInstantDate(m.doneAt)) : s.due(formatDate(m.dueDate))}</Caption1>
          {milestone.overdue && (
            <Badge color="danger" appearance="filled" size="small">
              {s.overdue}
            </Badge>
          )}
        </div>
      </div>
      {changeable && (
        <div className={styles.itemActions}>
          <MilestoneDialog
            goal={goal}
            milestone={milestone}
            trigger={<Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={s.edit(m.title)} />}
          />
          <ConfirmDialog
            trigger={<Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={s.delete(m.title)} />}
            title={s.deleteTitle}
            body={s.deleteBody(m.title)}
            confirmLabel={strings.common.delete}
            onConfirm={() =>
              mutate(
                () => call(api, routes.deleteMilestone, { params: { ...ref, milestoneId: m.id }, etag: milestone.etag }),
                s.changeFailed,
              )
            }
          />
        </div>
      )}
    </li>
  );
}
