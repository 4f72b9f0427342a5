import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

export function usePlan(pairId: string | undefined) {
  const api = useApi();
  return useResource(pairId, () => call(api, routes.getPlan, { params: { pairId: pairId ?? '' } }));
}
