// The Checkpoints place of a plan: the pair's checkpoints and scorecard over time, for the pair the
// plan shows.
import { usePlanContext } from '../PlanPage/PlanContext';
import CheckpointsPlace from './CheckpointsPlace';

export default function CheckpointsInPlan() {
  const { pairId } = usePlanContext();
  return <CheckpointsPlace pairId={pairId} />;
}
