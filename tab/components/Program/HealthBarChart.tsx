// A bar chart of program health as plain SVG (no chart library on the program place), with the
// same figures as a table for screen readers and keyboard users. Bars are drawn on the figures' own
// range (a 1-5 rating from 1 to 5, a share from 0 to 100), which the table's value heading names. A
// bar whose figure is hidden (fewer than five people) draws nothing and its row says why.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { healthStrings } from './healthStrings';
import { barShare, countRange, type BarRange } from './barScale';

export interface Bar {
  label: string;
  /** Undefined when the figure is hidden; `note` then says why. */
  value?: number;
  note?: string;
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '40rem' },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  bar: { fill: tokens.colorBrandBackground },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  note: { fill: tokens.colorNeutralForeground3, fontSize: '12px', fontStyle: 'italic' },
  table: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: `2px ${tokens.spacingHorizontalS}` } },
});

const ROW = 24;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;

export function HealthBarChart({
  title,
  bars,
  range,
  format = String,
  labelHeading,
  valueHeading,
}: {
  title: string;
  bars: Bar[];
  /** What the bars' labels are (a week, a priority, a quarter): the heading of the table's first column. */
  labelHeading: string;
  /** The figures' own range; a chart of counts, without one, runs from none to its largest. */
  range?: BarRange;
  /** A figure as the bar's label and the table show it. */
  format?: (value: number) => string;
  valueHeading: string;
}) {
  const styles = useStyles();
  const titleId = useId();
  const scale = range ?? countRange(bars.map((b) => b.value));
  return (
    <figure className={styles.figure} aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${bars.length * ROW}`} role="img" aria-labelledby={titleId}>
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0 ${i * ROW})`}>
            <text className={styles.label} x={0} y={ROW * 0.65}>
              {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
            </text>
            {b.value !== undefined ? (
              <>
                <rect
                  className={styles.bar}
                  x={LABEL_WIDTH}
                  y={4}
                  height={ROW - 8}
                  width={Math.max(1, barShare(b.value, scale) * BAR_WIDTH)}
                  rx={2}
                />
                <text className={styles.label} x={LABEL_WIDTH + barShare(b.value, scale) * BAR_WIDTH + 6} y={ROW * 0.65}>
                  {format(b.value)}
                </text>
              </>
            ) : (
              <text className={styles.note} x={LABEL_WIDTH} y={ROW * 0.65}>
                —
              </text>
            )}
          </g>
        ))}
      </svg>
      <details>
        <summary>{healthStrings.showTable}</summary>
        <table className={styles.table}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.value !== undefined ? format(b.value) : b.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
