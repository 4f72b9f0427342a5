// A goal's milestones, by due date: check one off, edit it, delete it, or add one. Overdue is the
// server's judgement (in the viewer's time zone), shown as a badge.
import { Badge, Body1Strong, Button, Caption1, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { GoalView, MilestoneView } from '../../../shared/api';
import { useApi } from '../../api/ApiContext';
import { deleteMilestone, updateMilestone } from '../../api/endpoints';
import { formatDate, formatInstantDate } from '../../format';
import { strings } from '../../strings';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { usePlanContext } from '../PlanPage/PlanContext';
import { usePlanMutation } from '../PlanPage/usePlanMutation';
import { MilestoneDialog } from './MilestoneDialog';

export const useListStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { flex: '1 1 auto', minWidth: 0, display: 'flex', flexDirection: 'column' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground2,
  },
  // Fluent greys an unchecked label; in a to-do list the open items are the ones to read.
  label: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  none: { color: tokens.colorNeutralForeground2 },
  itemActions: { display: 'flex', flexShrink: 0 },
});

export function MilestoneList({ goal }: { goal: GoalView }) {
  const styles = useListStyles();
  const { readOnly } = usePlanContext();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Body1Strong as="h6" id={headingId}>{strings.milestones.heading}</Body1Strong>
        {!readOnly && <MilestoneDialog goal={goal} trigger={<Button size="small">{strings.milestones.add}</Button>} />}
      </div>
      {goal.milestones.length === 0 ? (
        <Text size={200} className={styles.none}>{strings.milestones.none}</Text>
      ) : (
        <ul className={styles.list}>
          {goal.milestones.map((m) => (
            <MilestoneItem key={m.value.id} goal={goal} milestone={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MilestoneItem({ goal, milestone }: { goal: GoalView; milestone: MilestoneView }) {
  const styles = useListStyles();
  const api = useApi();
  const { pairId, readOnly } = usePlanContext();
  const { busy, mutate } = usePlanMutation();
  const m = milestone.value;
  const ref = { pairId, goalId: goal.value.id };
  const s = strings.milestones;
  // Shown while the change travels, so the box answers the click at once.
  const [pendingDone, setPendingDone] = useState<boolean>();
  const toggle = async (done: boolean) => {
    setPendingDone(done);
    await mutate(() => updateMilestone(api, ref, m.id, milestone.etag, { done }), s.changeFailed);
    setPendingDone(undefined);
  };

  return (
    <li className={styles.item}>
      <div className={styles.main}>
        <Checkbox
          className={styles.label}
          label={m.title}
          checked={pendingDone ?? m.done}
          disabled={busy || readOnly}
          onChange={(_, d) => void toggle(d.checked === true)}
        />
        <div className={styles.meta}>
          <Caption1>{m.done && m.doneAt ? s.doneOn(formatInstantDate(m.doneAt)) : s.due(formatDate(m.dueDate))}</Caption1>
          {milestone.overdue && <Badge color="danger" appearance="filled" size="small">{s.overdue}</Badge>}
        </div>
      </div>
      {!readOnly && (
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
            onConfirm={() => mutate(() => deleteMilestone(api, ref, m.id, milestone.etag), s.changeFailed)}
          />
        </div>
      )}
    </li>
  );
}
