// A goal's revisions, newest first: who changed what, when, from what to what, and why. This is
// where recalibration stays visible instead of being overwritten.
import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { GoalView } from '../../../shared/api';
import { DialogActionBar } from '../../forms/DialogFrame';
import { useGoalHistory } from '../../hooks/useGoalHistory';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { RevisionList } from './RevisionList';

export function GoalHistoryDialog({ goal }: { goal: GoalView }) {
  const [open, setOpen] = useState(false);
  const { pairId } = usePlanContext();
  const history = useGoalHistory({ pairId, goalId: goal.value.id }, open);
  const { state } = history;

  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<HistoryRegular />}>{strings.goal.history}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.history.title(goal.value.title)}</DialogTitle>
          <DialogContent>
            {state.status === 'loading' && <LoadingState label={strings.history.loading} />}
            {state.status === 'error' && (
              <ErrorState title={strings.history.loadFailed} message={state.error.message} onRetry={() => void history.reload()} />
            )}
            {state.status === 'ready' && <RevisionList revisions={state.data.revisions} />}
          </DialogContent>
          <DialogActionBar dismissLabel={strings.common.close} />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
