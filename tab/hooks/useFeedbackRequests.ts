import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

/** The pair's 360 feedback requests, each with its results as the viewer may see them. */
export function useFeedbackRequests(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => call(api, routes.getFeedbackRequests, { params: { pairId } }));
}
