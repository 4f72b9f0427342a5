// Decides who the tab speaks as. The server tells whether it runs in development mode: only then
// does `GET /api/dev/people` exist, and only then may a person be picked from a list. Otherwise the
// tab needs Teams, whose SSO token is the identity.
import { useMemo, useState } from 'react';
import { devUserAuth, devUserStore, noAuth, teamsSsoAuth } from '../api/authProviders';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { getDevPeople } from '../api/endpoints';
import { DevSignIn } from '../components/DevSignIn/DevSignIn';
import { OpenInTeams } from '../components/DevSignIn/OpenInTeams';
import { MyMentoring } from '../components/MyMentoring/MyMentoring';
import { ErrorState, LoadingState } from '../components/StatusViews/StatusViews';
import { useResource } from '../hooks/useResource';
import { strings } from '../strings';
import { PageFrame } from './PageFrame';
import type { Host } from './useHost';

export function Session({ host }: { host: Exclude<Host, { kind: 'detecting' }> }) {
  const anonymous = useMemo(() => createApiClient(noAuth), []);
  const devPeople = useResource('dev-people', () => getDevPeople(anonymous));
  const [devUser, setDevUser] = useState(() => devUserStore.get());

  const chooseDevUser = (personId: string | undefined) => {
    devUserStore.set(personId);
    setDevUser(personId);
  };

  const devClient = useMemo(() => (devUser ? createApiClient(devUserAuth(devUser)) : undefined), [devUser]);
  const teamsClient = useMemo(() => (host.kind === 'teams' ? createApiClient(teamsSsoAuth()) : undefined), [host.kind]);

  const { state } = devPeople;
  if (state.status === 'loading') return <PageFrame><LoadingState label={strings.app.connecting} /></PageFrame>;

  const developmentMode = state.status === 'ready';
  // 404 (or a refusal) means the route is not there: the server expects real sign-in.
  if (state.status === 'error' && ![401, 403, 404].includes(state.error.status)) {
    return (
      <PageFrame>
        <ErrorState title={strings.app.connectFailed} message={state.error.message} onRetry={() => void devPeople.reload()} />
      </PageFrame>
    );
  }

  if (developmentMode) {
    const people = state.data;
    const signedIn = devUser && devClient ? people.find((p) => p.id === devUser) : undefined;
    if (!signedIn || !devClient) {
      return <PageFrame><DevSignIn people={people} onChoose={chooseDevUser} /></PageFrame>;
    }
    return (
      <ApiProvider client={devClient}>
        <MyMentoring identityKey={`dev:${signedIn.id}`} devIdentity={{ person: signedIn, onSwitch: () => chooseDevUser(undefined) }} />
      </ApiProvider>
    );
  }

  if (!teamsClient) return <PageFrame><OpenInTeams /></PageFrame>;
  return (
    <ApiProvider client={teamsClient}>
      <MyMentoring identityKey="teams" />
    </ApiProvider>
  );
}
