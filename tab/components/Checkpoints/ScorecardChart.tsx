// The scorecard over time as charts, one per metric (their scales differ), with each checkpoint's
// recalibrations marked on the timeline. Loaded only when the Checkpoints place shows a scorecard:
// the chart library stays out of the first view's script.
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CheckpointListView } from '../../../shared/checkpoints/checkpointService';
import { checkpointStrings as s } from './checkpointStrings';

const useStyles = makeStyles({
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
});

const dateOf = (iso: string) => new Date(`${iso}T12:00:00Z`);

export default function ScorecardChart({ view }: { view: CheckpointListView }) {
  const styles = useStyles();
  const signed = view.checkpoints.filter((c) => c.scorecard);
  // A short marker per checkpoint: a chart is too narrow for goal titles, which the list under the charts gives.
  const events = [...new Set(view.recalibrations.map((r) => r.dueDate))].map((dueDate) => ({
    date: dateOf(dueDate),
    event: s.recalibrationMarker(view.recalibrations.filter((r) => r.dueDate === dueDate).length),
  }));
  return (
    <div className={styles.charts}>
      {view.metrics.map((metric) => {
        const points = signed.flatMap((c) => {
          const value = c.scorecard!.find((v) => v.metricId === metric.id)?.value;
          return value === undefined ? [] : [{ x: dateOf(c.dueDate), y: value }];
        });
        const data: LineChartPoints[] = [{ legend: metric.name, data: points, color: tokens.colorBrandForeground1 }];
        return (
          <div key={metric.id} data-testid={`scorecard-chart-${metric.id}`} data-points={points.length}>
            <LineChart
              data={{ chartTitle: metric.name, lineChartData: data }}
              height={200}
              // Room for the last date's label, which is centred on the chart's right edge.
              margins={{ right: 28 }}
              yMinValue={metric.scale.min}
              yMaxValue={metric.scale.max}
              hideLegend={false}
              {...(events.length > 0 ? { eventAnnotationProps: { events, mergedLabel: (n: number) => `${n} recalibrations` } } : {})}
            />
          </div>
        );
      })}
    </div>
  );
}
