import { useApi } from '../api/ApiContext';
import { getGoalHistory, type GoalRef } from '../api/endpoints';
import { useResource } from './useResource';

/** Loads a goal's revisions while `open`; closed, it loads nothing. */
export function useGoalHistory(ref: GoalRef, open: boolean) {
  const api = useApi();
  return useResource(open ? `${ref.pairId}/${ref.goalId}` : undefined, () => getGoalHistory(api, ref));
}
