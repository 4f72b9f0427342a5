// The scorecard over time as a table: the chart's alternative for screen readers (and for anyone
// who prefers numbers), one row per signed-off checkpoint, with the recalibrations of each.
import { makeStyles, tokens } from '@fluentui/react-components';
import { formatScorecardValue } from '../../../shared/checkpoints/checkpoint';
import type { CheckpointListView } from '../../../shared/checkpoints/checkpointService';
import { checkpointStrings as s } from './checkpointStrings';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  caption: { textAlign: 'left', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
});

export function ScorecardTable({ view }: { view: CheckpointListView }) {
  const styles = useStyles();
  const signed = view.checkpoints.filter((c) => c.scorecard);
  return (
    <table className={styles.table} data-testid="scorecard-table">
      <caption className={styles.caption}>{s.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            {s.checkpointColumn}
          </th>
          {view.metrics.map((m) => (
            <th scope="col" key={m.id} className={styles.cell}>
              {m.name}
            </th>
          ))}
          <th scope="col" className={styles.cell}>
            {s.recalibrationsColumn}
          </th>
        </tr>
      </thead>
      <tbody>
        {signed.map((c) => (
          <tr key={c.dueDate}>
            <th scope="row" className={styles.cell}>
              {c.dueDate}
            </th>
            {view.metrics.map((m) => (
              <td key={m.id} className={styles.cell}>
                {formatScorecardValue(
                  m,
                  c.scorecard!.find((v) => v.metricId === m.id),
                  s.noValue,
                )}
              </td>
            ))}
            <td className={styles.cell}>
              {view.recalibrations
                .filter((r) => r.dueDate === c.dueDate)
                .map((r) => `${r.goalTitle}: ${s.decisions[r.decision]}`)
                .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
