import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

/** The pair's check-in history: answers, comments, missed ones and adherence. */
export function useCheckIns(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => call(api, routes.getCheckIns, { params: { pairId } }));
}
