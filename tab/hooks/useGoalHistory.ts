import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

/** Loads a goal's revisions while `open`; closed, it loads nothing. */
export function useGoalHistory(ref: { pairId: string; goalId: string }, open: boolean) {
  const api = useApi();
  return useResource(open ? `${ref.pairId}/${ref.goalId}` : undefined, () => call(api, routes.getGoalHistory, { params: ref }));
}
