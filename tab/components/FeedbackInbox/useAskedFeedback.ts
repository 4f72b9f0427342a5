import { useApi } from '../../api/ApiContext';
import { routes } from '../../../shared/api/routes';
import { call } from '../../api/call';
import { useResource } from '../../hooks/useResource';

/** The feedback requests that name the signed-in person, open ones first. */
export function useAskedFeedback(identityKey: string) {
  const api = useApi();
  return useResource(`asked-feedback:${identityKey}`, () => call(api, routes.getAskedFeedback));
}
