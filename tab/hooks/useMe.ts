import { useApi } from '../api/ApiContext';
import { getMe } from '../api/endpoints';
import { useResource } from './useResource';

/** Who I am and the pairs I am in. `identityKey` changes when the signed-in person changes. */
export function useMe(identityKey: string) {
  const api = useApi();
  return useResource(identityKey, () => getMe(api));
}
