// Goals grouped by the strategic priority they serve, in the program's order, then the goals not
// linked to any priority. Groups without goals are left out.
import { Button, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { GoalView } from '../../../shared/api';
import { strings } from '../../strings';
import { GoalDialog } from '../../app/lazyParts';
import { usePlanContext } from '../PlanPage/PlanContext';
import { EmptyState } from '../StatusViews/StatusViews';
import { GoalCard } from './GoalCard';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groupHeader: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
  },
  groupName: { margin: 0 },
  linked: { color: tokens.colorBrandForeground1 },
  unlinked: { borderLeftColor: tokens.colorNeutralStroke1 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  goals: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Group {
  id: string;
  name: string;
  description?: string;
  goals: GoalView[];
}

export function GoalGroups() {
  const styles = useStyles();
  const { plan } = usePlanContext();

  if (plan.goals.length === 0) {
    const mine = plan.viewerRole === 'mentee';
    return (
      <EmptyState
        title={strings.plan.noGoalsTitle}
        headingLevel="h4"
        action={plan.can.editPlan && <GoalDialog trigger={<Button appearance="primary">{strings.plan.addFirstGoal}</Button>} />}
      >
        {mine ? strings.plan.noGoalsMentee : strings.plan.noGoalsMentor}
      </EmptyState>
    );
  }

  const known = new Set(plan.program.priorities.map((p) => p.id));
  const groups: Group[] = [
    ...plan.program.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      goals: plan.goals.filter((g) => g.value.priorityId === p.id),
    })),
    {
      id: '',
      name: strings.plan.unlinkedGroup,
      goals: plan.goals.filter((g) => g.value.priorityId === undefined || !known.has(g.value.priorityId)),
    },
  ].filter((g) => g.goals.length > 0);

  return (
    <>
      {groups.map((group) => {
        const headingId = `priority-${group.id || 'none'}`;
        return (
          <section key={group.id} className={styles.group} aria-labelledby={headingId}>
            <div className={mergeClasses(styles.groupHeader, !group.id && styles.unlinked)}>
              <Subtitle2 as="h4" id={headingId} className={mergeClasses(styles.groupName, group.id && styles.linked)}>
                {group.id ? strings.plan.priorityGroupLabel(group.name) : group.name}
              </Subtitle2>
              {group.description && <p className={styles.description}>{group.description}</p>}
            </div>
            <ul className={styles.goals}>
              {group.goals.map((goal) => (
                <li key={goal.value.id}>
                  <GoalCard goal={goal} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
