// The plan's 360 feedback: the pair's requests grouped by goal, each with its results. The mentee
// asks for more here; after asking, a notice says who got the request card from the bot and who
// needs it shared into a chat.
import { Button, Caption1, Card, Subtitle1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PersonFeedbackRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { FeedbackDelivery, FeedbackRequestView, PlanView } from '../../../shared/api';
import { formatNumber } from '../../format';
import { useFeedbackRequests } from '../../hooks/useFeedbackRequests';
import { locale, strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { DismissibleNotice, EmptyState, ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { activeGoals } from './feedbackRequestFormModel';
import { FeedbackRequestDialog } from '../../app/lazyParts';
import { FeedbackRequestItem } from './FeedbackRequestItem';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 240px', minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupName: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorBrandForeground1 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
});

interface GoalGroup {
  goalId: string;
  title: string;
  requests: FeedbackRequestView[];
}

/** Groups in the plan's goal order (goals no longer in the plan last), newest request first. */
function byGoal(requests: FeedbackRequestView[], plan: PlanView): GoalGroup[] {
  const order = new Map(plan.goals.map((g, i) => [g.value.id, i]));
  const groups = new Map<string, GoalGroup>();
  for (const r of [...requests].sort((a, b) => b.value.createdAt.localeCompare(a.value.createdAt))) {
    const group = groups.get(r.value.goalId) ?? { goalId: r.value.goalId, title: r.goalTitle, requests: [] };
    group.requests.push(r);
    groups.set(r.value.goalId, group);
  }
  const rank = (g: GoalGroup) => order.get(g.goalId) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

export function FeedbackRequests() {
  const styles = useStyles();
  const { pairId, plan } = usePlanContext();
  const { state, reload } = useFeedbackRequests(pairId);
  const [delivery, setDelivery] = useState<FeedbackDelivery[]>();
  const f = strings.feedback;
  const canAsk = plan.can.askFeedback;
  const hasActiveGoal = activeGoals(plan).length > 0;

  const askButton = canAsk && hasActiveGoal && (
    <FeedbackRequestDialog
      trigger={
        <Button appearance="primary" icon={<PersonFeedbackRegular />}>
          {f.ask}
        </Button>
      }
      onCreated={(created) => {
        setDelivery(created.delivery);
        void reload();
      }}
    />
  );
  const requests = state.data?.requests;
  const satisfaction = state.data?.stakeholderSatisfaction;

  return (
    <Card aria-labelledby="feedback-heading">
      <div className={styles.header}>
        <div className={styles.heading}>
          <Subtitle1 as="h3" id="feedback-heading">
            {f.heading}
          </Subtitle1>
          <Caption1 className={styles.meta}>{canAsk && !hasActiveGoal ? f.needsActiveGoal : f.intro}</Caption1>
          {satisfaction !== undefined && <Text weight="semibold">{f.satisfaction(formatNumber(satisfaction))}</Text>}
        </div>
        {requests && requests.length > 0 && askButton}
      </div>
      <div role="status">{delivery && <DeliveryNotice delivery={delivery} onDismiss={() => setDelivery(undefined)} />}</div>
      {state.status === 'loading' && <LoadingState label={f.loading} />}
      {state.status === 'error' && !state.data && (
        <ErrorState title={f.loadFailed} message={state.error.message} onRetry={() => void reload()} />
      )}
      {requests && requests.length === 0 && (
        <EmptyState title={f.emptyTitle} headingLevel="h4" action={askButton || undefined}>
          {canAsk ? f.emptyMentee : f.emptyMentor}
        </EmptyState>
      )}
      {requests &&
        byGoal(requests, plan).map((group) => {
          const headingId = `feedback-goal-${group.goalId}`;
          return (
            <section key={group.goalId} className={styles.group} aria-labelledby={headingId}>
              <Subtitle2 as="h4" id={headingId} className={styles.groupName}>
                {f.goalGroupLabel(group.title)}
              </Subtitle2>
              <ul className={styles.list}>
                {group.requests.map((r) => (
                  <FeedbackRequestItem key={r.value.id} request={r} />
                ))}
              </ul>
            </section>
          );
        })}
    </Card>
  );
}

const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });

function DeliveryNotice({ delivery, onDismiss }: { delivery: FeedbackDelivery[]; onDismiss: () => void }) {
  const names = (delivered: boolean) => listFormat.format(delivery.filter((d) => d.delivered === delivered).map((d) => d.displayName));
  const sent = names(true);
  const notSent = names(false);
  const d = strings.feedback.delivery;
  return (
    <DismissibleNotice
      notice={{
        intent: notSent ? 'warning' : 'success',
        title: d.title,
        message: (
          <>
            {sent && <p>{d.sent(sent)}</p>}
            {notSent && <p>{d.notSent(notSent)}</p>}
          </>
        ),
      }}
      onDismiss={onDismiss}
    />
  );
}
