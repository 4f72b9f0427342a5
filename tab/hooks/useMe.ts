import { useApi } from '../api/ApiContext';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { useResource } from './useResource';

/** Who I am and the pairs I am in. `identityKey` changes when the signed-in person changes. */
export function useMe(identityKey: string) {
  const api = useApi();
  return useResource(identityKey, () => call(api, routes.getMe));
}
