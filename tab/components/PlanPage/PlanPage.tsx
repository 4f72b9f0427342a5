// One pair's plan: who is in it, their agreement, and the goals grouped by strategic priority.
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle1,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { cadenceLabel } from '../../../shared/program';
import { openBlockers } from '../../../shared/meetings/meetingSuggestions';
import { useCheckIns } from '../../hooks/useCheckIns';
import { usePlan } from '../../hooks/usePlan';
import { strings } from '../../strings';
import { AgreementSummary } from '../Agreement/AgreementSummary';
import { MeetingSuggestions } from '../Meetings/MeetingSuggestions';
import { GoalGroups } from '../Goal/GoalGroups';
import { GoalDialog, SurveyDialog } from '../../app/lazyParts';
import { DismissibleNotice, ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { Wins } from '../Wins/Wins';
import { PlanContext, type PlanContextValue } from './PlanContext';
import { places } from '../../app/places';
import type { PlanPlace } from '../../../shared/planLinks';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  goalsHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  places: { flexWrap: 'wrap', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  notices: { position: 'sticky', top: 0, zIndex: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Notice = Parameters<PlanContextValue['notify']>[0];

export interface PlanPageProps {
  pairId: string;
  /** The place of the plan shown (its tab list chooses), the plan itself by default. */
  place?: PlanPlace;
  onPlace?: (place: PlanPlace) => void;
  /** A goal a link pointed at: shown and focused once the plan has loaded. */
  focusGoalId?: string;
}

export function PlanPage({ pairId, place = 'plan', onPlace, focusGoalId }: PlanPageProps) {
  const styles = useStyles();
  const { state, reload } = usePlan(pairId);
  const checkIns = useCheckIns(pairId);
  const checkInList = checkIns.state.data?.checkIns;
  const blockers = useMemo(() => openBlockers(checkInList ?? []), [checkInList]);
  const [notice, setNotice] = useState<Notice>();
  const plan = state.data;
  const planLoaded = plan !== undefined;

  useEffect(() => {
    if (!planLoaded || !focusGoalId || place !== 'plan') return;
    const card = document.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(focusGoalId)}"]`);
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [planLoaded, focusGoalId, place]);

  const context = useMemo<PlanContextValue | undefined>(
    () => (plan ? { pairId, plan, readOnly: !plan.can.editPlan, reload, notify: setNotice } : undefined),
    [pairId, plan, reload],
  );

  if (state.status === 'loading') return <LoadingState label={strings.plan.loading} />;
  if (!plan || !context) {
    return <ErrorState title={strings.plan.loadFailed} message={state.error?.message ?? ''} onRetry={() => void reload()} />;
  }

  const mine = plan.viewerRole === 'mentee';
  const shown = places.find((p) => p.id === place) ?? places[0]!;
  return (
    <PlanContext.Provider value={context}>
      <article className={styles.plan} aria-labelledby="plan-heading">
        <div className={styles.heading}>
          <Title3 as="h2" id="plan-heading">
            {mine ? strings.plan.myHeading : strings.plan.menteeHeading(plan.mentee.displayName)}
          </Title3>
          <Caption1 className={styles.meta}>
            {mine ? strings.plan.mentorLine(plan.mentor.displayName) : strings.plan.menteeLine(plan.mentee.displayName)}
            {' · '}
            {strings.plan.programLine(plan.program.name, cadenceLabel[plan.program.checkInCadence])}
          </Caption1>
          {/* The program's survey is for the people of its pairs that have begun. */}
          {plan.pair.value.status !== 'proposed' && (
            <div>
              <SurveyDialog programId={plan.program.id} trigger={<Button>{strings.survey.open}</Button>} />
            </div>
          )}
        </div>

        <div className={styles.notices} role="status">
          {state.status === 'error' && (
            <MessageBar intent="error">
              <MessageBarBody>{strings.plan.reloadFailed}</MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => void reload()}>{strings.common.retry}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {notice && <DismissibleNotice notice={notice} onDismiss={() => setNotice(undefined)} />}
        </div>
        {context.readOnly && (
          <MessageBar intent="info">
            <MessageBarBody>{strings.plan.readOnly}</MessageBarBody>
          </MessageBar>
        )}

        <TabList
          className={styles.places}
          aria-label={strings.places.label}
          selectedValue={shown.id}
          onTabSelect={(_, data) => onPlace?.(data.value as PlanPlace)}
        >
          {places.map((p) => (
            <Tab key={p.id} value={p.id}>
              {strings.places[p.id]}
            </Tab>
          ))}
        </TabList>

        {shown.Component ? (
          <Suspense fallback={<LoadingState label={strings.places.loading} />}>
            <shown.Component />
          </Suspense>
        ) : (
          <>
            <AgreementSummary />
            <MeetingSuggestions blockers={blockers} />

            <section aria-labelledby="goals-heading" className={styles.plan}>
              <div className={styles.goalsHeader}>
                <Subtitle1 as="h3" id="goals-heading">
                  {strings.plan.goalsHeading}
                </Subtitle1>
                {plan.can.editPlan && plan.goals.length > 0 && (
                  <GoalDialog trigger={<Button appearance="primary">{strings.plan.addGoal}</Button>} />
                )}
              </div>
              <GoalGroups />
            </section>
            <Wins />
          </>
        )}
      </article>
    </PlanContext.Provider>
  );
}
