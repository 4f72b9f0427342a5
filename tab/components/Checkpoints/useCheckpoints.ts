import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { useResource } from '../../hooks/useResource';

/** The pair's checkpoints up to the next one, with the scorecard over time. */
export function useCheckpoints(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => call(api, routes.getCheckpoints, { params: { pairId } }));
}

/** One checkpoint: its draft or signed-off record, the scorecard, the goals, the permissions. */
export function useCheckpoint(pairId: string, dueDate: string | undefined) {
  const api = useApi();
  return useResource(dueDate === undefined ? undefined : `${pairId}/${dueDate}`, () =>
    call(api, routes.getCheckpoint, { params: { pairId, dueDate: dueDate! } }),
  );
}
