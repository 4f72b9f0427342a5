// The "My mentoring" page: who I am, the pairs I am in, and the plan of the pair I selected. A
// person can be a mentee in one pair and a mentor in others, so the pairs are tabs.
import { Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { PairSummary } from '../../../shared/api';
import type { PlanLinkRef } from '../../../shared/planLinks';
import { PageFrame } from '../../app/PageFrame';
import { SectionNav, type Section } from '../../app/SectionNav';
import { usePlanLocation } from '../../app/usePlanLocation';
import { useMe } from '../../hooks/useMe';
import { useResource } from '../../hooks/useResource';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { routes } from '../../../shared/api/routes';
import { strings } from '../../strings';
import { AppHeader, type DevIdentity } from '../AppHeader/AppHeader';
import { PlanPage } from '../PlanPage/PlanPage';
import { EmptyState, ErrorState, LoadingState } from '../StatusViews/StatusViews';

const FeedbackInbox = lazy(() => import('../FeedbackInbox/FeedbackInbox'));
const ProgramPage = lazy(() => import('../Program/ProgramPage'));

const useStyles = makeStyles({
  tabs: { flexWrap: 'wrap', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/** Mentee pairs first ("My plan"), then mentees by name (the server's order). */
const tabOrder = (pairs: PairSummary[]) => [...pairs].sort((a, b) => (a.role === b.role ? 0 : a.role === 'mentee' ? -1 : 1));

function pairLabel(pair: PairSummary, pairs: PairSummary[]): string {
  const status = strings.pairs.status[pair.status];
  let label: string;
  if (pair.role === 'mentor') label = strings.pairs.mentee(pair.other.displayName);
  else
    label = pairs.filter((p) => p.role === 'mentee').length > 1 ? strings.pairs.myPlanWith(pair.other.displayName) : strings.pairs.myPlan;
  return status ? `${label} (${status})` : label;
}

export interface MyMentoringProps {
  /** Changes when the signed-in person changes, so everything loads again. */
  identityKey: string;
  devIdentity?: DevIdentity;
  /** The plan (and goal) a link opened the tab at; the first pair otherwise. */
  link?: PlanLinkRef;
}

export function MyMentoring({ identityKey, devIdentity, link }: MyMentoringProps) {
  const styles = useStyles();
  const me = useMe(identityKey);
  const { location, go } = usePlanLocation(link);
  const [chosenSection, setSection] = useState<Section>();
  const { state } = me;
  const api = useApi();
  const managed = useResource(`my-programs:${identityKey}`, () => call(api, routes.getMyPrograms));
  const manager = managed.state.status === 'ready' && managed.state.data.programs.length > 0;
  // A program manager without a pair lands on the Program place; everyone else on their mentoring.
  const withoutPair = (state.status === 'ready' && state.data.pairs.length === 0) || state.status === 'error';
  const section: Section = chosenSection ?? (manager && withoutPair ? 'program' : 'mentoring');

  const switchAction = devIdentity && <Button onClick={devIdentity.onSwitch}>{strings.devSignIn.switchPerson}</Button>;
  let body;
  if (state.status === 'loading') {
    body = <LoadingState label={strings.app.loadingMe} />;
  } else if (state.status === 'error') {
    const notEnrolled = state.error.code === 'not_found';
    body = (
      <ErrorState
        title={notEnrolled ? strings.pairs.notEnrolledTitle : strings.app.loadMeFailed}
        message={state.error.message}
        onRetry={notEnrolled ? undefined : () => void me.reload()}
        actions={switchAction}
      />
    );
  } else if (state.data.pairs.length === 0) {
    body = <EmptyState title={strings.pairs.noPairsTitle}>{strings.pairs.noPairsBody}</EmptyState>;
  } else {
    const pairs = tabOrder(state.data.pairs);
    const current = pairs.find((p) => p.pairId === location.pairId) ?? pairs[0];
    body = (
      <>
        {pairs.length > 1 && (
          <TabList
            className={styles.tabs}
            aria-label={strings.pairs.tabsLabel}
            selectedValue={current?.pairId}
            onTabSelect={(_, data) => go(String(data.value), location.place)}
          >
            {pairs.map((p) => (
              <Tab key={p.pairId} value={p.pairId}>
                {pairLabel(p, pairs)}
              </Tab>
            ))}
          </TabList>
        )}
        {current && (
          <PlanPage
            key={current.pairId}
            pairId={current.pairId}
            place={location.place}
            onPlace={(place) => go(current.pairId, place)}
            focusGoalId={current.pairId === location.pairId ? location.goalId : undefined}
          />
        )}
      </>
    );
  }

  return (
    <PageFrame>
      <AppHeader person={state.data?.person} devIdentity={devIdentity} />
      <SectionNav selected={section} onSelect={setSection} manager={manager} />
      {section === 'program' && manager ? (
        <Suspense fallback={<LoadingState label={strings.program.loading} />}>
          <ProgramPage identityKey={identityKey} />
        </Suspense>
      ) : section === 'askedOfMe' ? (
        <Suspense fallback={<LoadingState label={strings.feedbackInbox.loading} />}>
          <FeedbackInbox identityKey={identityKey} />
        </Suspense>
      ) : (
        body
      )}
    </PageFrame>
  );
}
