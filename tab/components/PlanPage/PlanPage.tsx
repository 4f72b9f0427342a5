// One pair's plan: who is in it, their agreement, and the goals grouped by strategic priority.
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle1,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { cadenceLabel } from '../../../shared/program';
import { openBlockers } from '../../../shared/checkins/checkInHistory';
import { useCheckIns } from '../../hooks/useCheckIns';
import { usePlan } from '../../hooks/usePlan';
import { strings } from '../../strings';
import { AgreementSummary } from '../Agreement/AgreementSummary';
import { CheckInHistory } from '../CheckIns/CheckInHistory';
import { FeedbackRequests } from '../Feedback/FeedbackRequests';
import { MeetingSuggestions } from '../Meetings/MeetingSuggestions';
import { GoalGroups } from '../Goal/GoalGroups';
import { GoalDialog } from '../../app/lazyParts';
import { DismissibleNotice, ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { Wins } from '../Wins/Wins';
import { PlanContext, type PlanContextValue } from './PlanContext';

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
  notices: { position: 'sticky', top: 0, zIndex: 1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Notice = Parameters<PlanContextValue['notify']>[0];

export interface PlanPageProps {
  pairId: string;
  /** A goal a link pointed at: shown and focused once the plan has loaded. */
  focusGoalId?: string;
}

export function PlanPage({ pairId, focusGoalId }: PlanPageProps) {
  const styles = useStyles();
  const { state, reload } = usePlan(pairId);
  const checkIns = useCheckIns(pairId);
  const checkInList = checkIns.state.data?.checkIns;
  const blockers = useMemo(() => openBlockers(checkInList ?? []), [checkInList]);
  const [notice, setNotice] = useState<Notice>();
  const plan = state.data;
  const planLoaded = plan !== undefined;

  useEffect(() => {
    if (!planLoaded || !focusGoalId) return;
    const card = document.querySelector<HTMLElement>(`[data-goal-id="${CSS.escape(focusGoalId)}"]`);
    card?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [planLoaded, focusGoalId]);

  const context = useMemo<PlanContextValue | undefined>(
    () => (plan ? { pairId, plan, readOnly: !plan.can.editPlan, reload, notify: setNotice } : undefined),
    [pairId, plan, reload],
  );

  if (state.status === 'loading') return <LoadingState label={strings.plan.loading} />;
  if (!plan || !context) {
    return <ErrorState title={strings.plan.loadFailed} message={state.error?.message ?? ''} onRetry={() => void reload()} />;
  }

  const mine = plan.viewerRole === 'mentee';
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
        <FeedbackRequests />
        <Wins />
        <CheckInHistory checkIns={checkIns} />
      </article>
    </PlanContext.Provider>
  );
}
