import { Field, ProgressBar } from '@fluentui/react-components';
import type { GoalView } from '../../../shared/api';
import { formatNumber } from '../../format';
import { strings } from '../../strings';

/** Baseline → current of target, as the server measured it; nothing when not measurable yet. */
export function GoalProgress({ goal }: { goal: GoalView }) {
  const g = goal.value;
  if (goal.progress === undefined || g.baseline === undefined || g.target === undefined) return null;
  const text = strings.goal.progressValue(formatNumber(g.baseline), formatNumber(g.current ?? g.baseline), formatNumber(g.target), g.unit);
  return (
    <Field label={strings.goal.progressLabel(g.metric)} hint={text} validationState="none">
      <ProgressBar
        value={goal.progress}
        max={1}
        thickness="large"
        color={g.status === 'completed' || goal.progress >= 1 ? 'success' : 'brand'}
        aria-valuetext={`${text} (${strings.goal.progressPercent(Math.round(goal.progress * 100))})`}
      />
    </Field>
  );
}
