// "Feedback asked of me": the requests that name the signed-in person, whoever they are (a peer, a
// supervisor, a mentor of another pair, someone in no pair). Open ones to answer or change, closed
// ones with the answer given. Loaded lazily: most visits are to the plan.
import { Body1, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AskedFeedbackView } from '../../../shared/api';
import { strings } from '../../strings';
import { EmptyState, ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { AskedFeedbackItem } from './AskedFeedbackItem';
import { useAskedFeedback } from './useAskedFeedback';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface FeedbackInboxProps {
  /** Changes when the signed-in person changes, so the list loads again. */
  identityKey: string;
}

export default function FeedbackInbox({ identityKey }: FeedbackInboxProps) {
  const styles = useStyles();
  const asked = useAskedFeedback(identityKey);
  const { state, reload } = asked;
  const s = strings.feedbackInbox;

  let body;
  if (state.status === 'loading') body = <LoadingState label={s.loading} />;
  else if (state.status === 'error' && !state.data)
    body = <ErrorState title={s.loadFailed} message={state.error.message} onRetry={() => void reload()} />;
  else if (state.data && state.data.requests.length === 0)
    body = (
      <EmptyState title={s.emptyTitle} headingLevel="h3">
        {s.emptyBody}
      </EmptyState>
    );
  else if (state.data) {
    const open = state.data.requests.filter((r) => r.open);
    const closed = state.data.requests.filter((r) => !r.open);
    body = (
      <>
        <RequestGroup id="asked-open" heading={s.openHeading} label={s.openLabel} requests={open} onChanged={reload} empty={s.noneOpen} />
        {closed.length > 0 && (
          <RequestGroup id="asked-closed" heading={s.closedHeading} label={s.closedLabel} requests={closed} onChanged={reload} />
        )}
      </>
    );
  }

  return (
    <section id="asked-feedback-place" className={styles.root} aria-labelledby="asked-feedback-heading">
      <div className={styles.intro}>
        <Subtitle1 as="h2" id="asked-feedback-heading">
          {s.heading}
        </Subtitle1>
        <Body1>{s.intro}</Body1>
      </div>
      {body}
    </section>
  );
}

interface RequestGroupProps {
  id: string;
  heading: string;
  label: string;
  requests: AskedFeedbackView[];
  onChanged: () => Promise<void>;
  empty?: string;
}

function RequestGroup({ id, heading, label, requests, onChanged, empty }: RequestGroupProps) {
  const styles = useStyles();
  return (
    <div className={styles.group}>
      <Subtitle1 as="h3" id={id}>
        {heading}
      </Subtitle1>
      {requests.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <ul className={styles.list} aria-label={label}>
          {requests.map((r) => (
            <AskedFeedbackItem key={`${r.pairId}/${r.requestId}`} request={r} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}
