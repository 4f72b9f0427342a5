import { useApi } from '../api/ApiContext';
import { getFeedbackRequests } from '../api/endpoints';
import { useResource } from './useResource';

/** The pair's 360 feedback requests, each with its results as the viewer may see them. */
export function useFeedbackRequests(pairId: string) {
  const api = useApi();
  return useResource(pairId, () => getFeedbackRequests(api, pairId));
}
