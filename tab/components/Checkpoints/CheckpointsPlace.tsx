// The Checkpoints place of a pair: the scorecard over time (charts, loaded on demand, with a table
// alternative and the recalibrations marked), the latest value next to the previous one, every
// checkpoint with where it stands, and the guided review of the one chosen (the next one by default).
import { Badge, Button, Caption1, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import { formatScorecardValue } from '../../../shared/checkpoints/checkpoint';
import type { CheckpointListView } from '../../../shared/checkpoints/checkpointService';
import { PlaceFrame, usePlaceStyles } from '../PlaceFrame/PlaceFrame';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { CheckpointReview } from './CheckpointReview';
import { checkpointStrings as s } from './checkpointStrings';
import { ScorecardTable } from './ScorecardTable';
import { useCheckpoint, useCheckpoints } from './useCheckpoints';

const ScorecardChart = lazy(() => import('./ScorecardChart'));

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  latest: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
  figure: { display: 'flex', flexDirection: 'column' },
});

export interface CheckpointsPlaceProps {
  pairId: string;
  /** A checkpoint a link pointed at (its due date); the next one otherwise. */
  dueDate?: string;
}

function LatestNextToPrevious({ view }: { view: CheckpointListView }) {
  const styles = { ...usePlaceStyles(), ...useStyles() };
  const signed = view.checkpoints.filter((c) => c.scorecard);
  const latest = signed.at(-1);
  const previous = signed.at(-2);
  if (!latest) return null;
  return (
    <div className={styles.latest} data-testid="scorecard-latest">
      {view.metrics.map((m) => (
        <div key={m.id} className={styles.figure}>
          <Caption1 className={styles.meta}>{m.name}</Caption1>
          <Text weight="semibold">
            {s.latest}:{' '}
            {formatScorecardValue(
              m,
              latest.scorecard!.find((v) => v.metricId === m.id),
              s.noValue,
            )}
          </Text>
          {previous && (
            <Caption1>
              {s.previous}:{' '}
              {formatScorecardValue(
                m,
                previous.scorecard!.find((v) => v.metricId === m.id),
                s.noValue,
              )}
            </Caption1>
          )}
        </div>
      ))}
    </div>
  );
}

export default function CheckpointsPlace({ pairId, dueDate }: CheckpointsPlaceProps) {
  const styles = { ...usePlaceStyles(), ...useStyles() };
  const list = useCheckpoints(pairId);
  const view = list.state.data;
  const [chosen, setChosen] = useState<string | undefined>(dueDate);
  const selected = chosen ?? view?.checkpoints.at(-1)?.dueDate;
  const one = useCheckpoint(pairId, selected);
  useEffect(() => setChosen(dueDate), [dueDate]);

  if (list.state.status === 'loading') return <LoadingState label={s.loading} />;
  if (!view) return <ErrorState title={s.loadFailed} message={list.state.error?.message ?? ''} onRetry={() => void list.reload()} />;
  const hasScorecard = view.checkpoints.some((c) => c.scorecard);
  const reloadBoth = async () => {
    await Promise.all([one.reload(), list.reload()]);
  };

  return (
    <PlaceFrame id="checkpoints" heading={s.heading} intro={s.intro(view.intervalMonths)} testId="checkpoints-place">
      <section aria-labelledby="scorecard-heading" className={styles.place}>
        <Subtitle1 as="h4" id="scorecard-heading">
          {s.scorecardHeading}
        </Subtitle1>
        {hasScorecard ? (
          <>
            <LatestNextToPrevious view={view} />
            <Suspense fallback={<LoadingState label={s.chartLoading} />}>
              <ScorecardChart view={view} />
            </Suspense>
            {view.recalibrations.length > 0 && (
              <div>
                <Text weight="semibold">{s.recalibrationsHeading}</Text>
                <ul>
                  {view.recalibrations.map((r) => (
                    <li key={`${r.dueDate}-${r.goalId}`}>{s.recalibrationMark(r.dueDate, r.goalTitle, s.decisions[r.decision])}</li>
                  ))}
                </ul>
              </div>
            )}
            <details>
              <summary>{s.tableSummary}</summary>
              <ScorecardTable view={view} />
            </details>
          </>
        ) : (
          <Text>{s.noScorecardYet}</Text>
        )}
      </section>

      <nav aria-label={s.listHeading}>
        <ul className={styles.list}>
          {view.checkpoints.map((c) => (
            <li key={c.dueDate}>
              <Button
                appearance={c.dueDate === selected ? 'primary' : 'secondary'}
                aria-current={c.dueDate === selected ? 'true' : undefined}
                onClick={() => setChosen(c.dueDate)}
              >
                {s.checkpointLabel(c.number, c.dueDate)}&nbsp;
                <Badge
                  appearance="tint"
                  color={
                    c.state === 'missed'
                      ? 'danger'
                      : c.state === 'signed_off'
                        ? 'success'
                        : c.state === 'upcoming'
                          ? 'subtle'
                          : 'informative'
                  }
                >
                  {s.state[c.state]}
                </Badge>
              </Button>
            </li>
          ))}
        </ul>
      </nav>

      {one.state.data ? (
        <CheckpointReview pairId={pairId} view={one.state.data} reload={reloadBoth} />
      ) : one.state.status === 'loading' ? (
        <LoadingState label={s.loading} />
      ) : (
        <ErrorState title={s.loadFailed} message={one.state.error?.message ?? ''} onRetry={() => void one.reload()} />
      )}
    </PlaceFrame>
  );
}
