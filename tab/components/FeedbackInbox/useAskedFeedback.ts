import { useApi } from '../../api/ApiContext';
import { getAskedFeedback } from '../../api/endpoints';
import { useResource } from '../../hooks/useResource';

/** The feedback requests that name the signed-in person, open ones first. */
export function useAskedFeedback(identityKey: string) {
  const api = useApi();
  return useResource(`asked-feedback:${identityKey}`, () => getAskedFeedback(api));
}
