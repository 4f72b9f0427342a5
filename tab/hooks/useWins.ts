import { useApi } from '../api/ApiContext';
import { getWins } from '../api/endpoints';
import { useResource } from './useResource';

/** The pair's wins, newest first, with who recognized each and its goal. */
export function useWins(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => getWins(api, pairId));
}
