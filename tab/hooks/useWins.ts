import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

/** The pair's wins, newest first, with who recognized each and its goal. */
export function useWins(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => call(api, routes.getWins, { params: { pairId } }));
}
