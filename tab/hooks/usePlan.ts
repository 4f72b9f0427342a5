import { useApi } from '../api/ApiContext';
import { getPlan } from '../api/endpoints';
import { useResource } from './useResource';

export function usePlan(pairId: string | undefined) {
  const api = useApi();
  return useResource(pairId, () => getPlan(api, pairId ?? ''));
}
