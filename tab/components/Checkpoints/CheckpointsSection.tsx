// The Checkpoints place on the plan page until the tab has its own navigation: a heading and one
// button; the place (and its chart) downloads when the person opens it, not with the first view.
import { Button, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import { LoadingState } from '../StatusViews/StatusViews';
import { checkpointStrings as s } from './checkpointStrings';

const CheckpointsPlace = lazy(() => import('./CheckpointsPlace'));

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export function CheckpointsSection({ pairId }: { pairId: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <Suspense fallback={<LoadingState label={s.loading} />}>
        <CheckpointsPlace pairId={pairId} />
      </Suspense>
    );
  return (
    <section aria-labelledby="checkpoints-section-heading" className={styles.header}>
      <Subtitle1 as="h3" id="checkpoints-section-heading">
        {s.heading}
      </Subtitle1>
      <Button onClick={() => setOpen(true)}>{s.open}</Button>
    </section>
  );
}
