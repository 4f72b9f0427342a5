// Decides who the tab speaks as (signInChoice.ts): a person picked from the development list when
// the server offers one, else the Teams SSO token inside Teams, else a pointer to Teams.
import { useMemo, useState } from 'react';
import { devUserAuth, devUserStore, noAuth, teamsSsoAuth } from '../api/authProviders';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { routes } from '../../shared/api/routes';
import { call } from '../api/call';
import { DevSignIn } from '../components/DevSignIn/DevSignIn';
import { OpenInTeams } from '../components/DevSignIn/OpenInTeams';
import { MyMentoring } from '../components/MyMentoring/MyMentoring';
import { ErrorState, LoadingState } from '../components/StatusViews/StatusViews';
import { useResource } from '../hooks/useResource';
import { strings } from '../strings';
import { PageFrame } from './PageFrame';
import { signInChoice } from './signInChoice';
import type { Host } from './useHost';

export function Session({ host }: { host: Exclude<Host, { kind: 'detecting' }> }) {
  const anonymous = useMemo(() => createApiClient(noAuth), []);
  const devPeople = useResource('dev-people', () => call(anonymous, routes.getDevPeople).then((r) => r.people));
  const [devUser, setDevUser] = useState(() => devUserStore.get());

  const chooseDevUser = (personId: string | undefined) => {
    devUserStore.set(personId);
    setDevUser(personId);
  };

  const devClient = useMemo(() => (devUser ? createApiClient(devUserAuth(devUser)) : undefined), [devUser]);
  const teamsClient = useMemo(() => (host.kind === 'teams' ? createApiClient(teamsSsoAuth()) : undefined), [host.kind]);

  const { state } = devPeople;
  const choice = signInChoice(
    host.kind,
    state.status === 'error' ? { status: 'error', httpStatus: state.error.status } : { status: state.status },
  );
  if (choice === 'connecting')
    return (
      <PageFrame>
        <LoadingState label={strings.app.connecting} />
      </PageFrame>
    );
  if (choice === 'connect_failed' && state.status === 'error') {
    return (
      <PageFrame>
        <ErrorState title={strings.app.connectFailed} message={state.error.message} onRetry={() => void devPeople.reload()} />
      </PageFrame>
    );
  }

  if (choice === 'development' && state.status === 'ready') {
    const people = state.data;
    const signedIn = devUser && devClient ? people.find((p) => p.id === devUser) : undefined;
    if (!signedIn || !devClient) {
      return (
        <PageFrame>
          <DevSignIn people={people} onChoose={chooseDevUser} />
        </PageFrame>
      );
    }
    return (
      <ApiProvider client={devClient}>
        <MyMentoring
          identityKey={`dev:${signedIn.id}`}
          link={host.link}
          devIdentity={{ person: signedIn, onSwitch: () => chooseDevUser(undefined) }}
        />
      </ApiProvider>
    );
  }

  if (choice !== 'teams_sso' || !teamsClient)
    return (
      <PageFrame>
        <OpenInTeams />
      </PageFrame>
    );
  return (
    <ApiProvider client={teamsClient}>
      <MyMentoring identityKey="teams" link={host.link} />
    </ApiProvider>
  );
}
