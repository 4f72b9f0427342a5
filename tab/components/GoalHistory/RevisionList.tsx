import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalRevision } from '../../../shared/goal';
import { formatDate, formatInstant, formatNumber } from '../../format';
import { strings } from '../../strings';
import { memberOf, usePlanContext } from '../PlanPage/PlanContext';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  revision: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  reason: { margin: 0, fontStyle: 'italic', overflowWrap: 'anywhere' },
  fields: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  change: { overflowWrap: 'anywhere' },
  fieldName: { fontWeight: tokens.fontWeightSemibold },
});

type FieldChange = GoalRevision['fields'][number];

export function RevisionList({ revisions }: { revisions: GoalRevision[] }) {
  const styles = useStyles();
  const { plan } = usePlanContext();
  const h = strings.history;
  if (revisions.length === 0) return <Text>{h.none}</Text>;

  const show = (change: FieldChange, value: string | number | null): string => {
    if (value === null) return strings.common.empty;
    if (change.field === 'priorityId') return plan.program.priorities.find((p) => p.id === value)?.name ?? String(value);
    if (change.field === 'status') return strings.goal.statusLabel[value as keyof typeof strings.goal.statusLabel] ?? String(value);
    if (change.field === 'dueDate') return formatDate(String(value));
    return typeof value === 'number' ? formatNumber(value) : value;
  };

  return (
    <ol className={styles.list}>
      {revisions.map((r) => {
        const who = memberOf(plan, r.by);
        return (
          <li key={r.revision} className={styles.revision}>
            <div className={styles.header}>
              <Badge appearance="tint" color={r.change === 'dropped' ? 'danger' : r.change === 'completed' ? 'success' : 'brand'}>
                {h.changeLabel[r.change]}
              </Badge>
              <Text weight="semibold">{h.revision(r.revision)}</Text>
              <Caption1 className={styles.muted}>
                {who ? h.by(who.name, h.role[who.role]) : h.bySomeoneElse} · <time dateTime={r.at}>{formatInstant(r.at)}</time>
              </Caption1>
            </div>
            {r.reason && (
              <Text as="p" className={styles.reason}>
                {h.reason}: {r.reason}
              </Text>
            )}
            {r.fields.length > 0 && (
              <ul className={styles.fields} aria-label={h.fieldsLabel(r.revision)}>
                {r.fields.map((f) => (
                  <li key={f.field} className={styles.change}>
                    <Text size={200}>
                      <span className={styles.fieldName}>{strings.goalForm.labels[f.field]}:</span> {show(f, f.from)} → {show(f, f.to)}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
