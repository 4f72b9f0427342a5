import { useApi } from '../api/ApiContext';
import { getCheckIns } from '../api/endpoints';
import { useResource } from './useResource';

/** The pair's check-in history: answers, comments, missed ones and adherence. */
export function useCheckIns(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => getCheckIns(api, pairId));
}
