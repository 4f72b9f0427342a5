// The program's open requests, for its managers: re-pair requests (who asked, the pair, the reason,
// when), each with the suggested mentors for the pair's mentee and a way to mark it handled, and the
// mentees who offered to mentor (strengths and capacity).
import {
  Badge,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MentorCandidateView, RepairRequestView } from '../../../shared/matching/programRequests';
import type { MatchingView } from '../../../shared/matching/matchingApi';
import { routes } from '../../../shared/api/routes';
import { useApi } from '../../api/ApiContext';
import { call } from '../../api/call';
import { formatInstantDate } from '../../format';
import { useResource } from '../../hooks/useResource';
import { strings } from '../../strings';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';

const useStyles = makeStyles({
  layout: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  reason: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  subtle: { color: tokens.colorNeutralForeground2 },
  matches: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const s = strings.program.requests;

export default function ProgramRequests({ programId }: { programId: string }) {
  const api = useApi();
  const styles = useStyles();
  const requests = useResource(`program-requests:${programId}`, () => call(api, routes.getProgramRequests, { params: { programId } }));
  const [failed, setFailed] = useState<string>();
  if (requests.state.status === 'loading') return <LoadingState label={s.loading} />;
  if (requests.state.status === 'error')
    return <ErrorState title={s.loadFailed} message={requests.state.error.message} onRetry={() => void requests.reload()} />;
  const { repairs, candidates } = requests.state.data;

  async function markHandled(requestId: string) {
    setFailed(undefined);
    try {
      await call(api, routes.markRequestHandled, { params: { programId, requestId } });
    } catch (e) {
      setFailed(e instanceof Error ? e.message : s.handledFailed);
    }
    await requests.reload();
  }

  return (
    <div className={styles.layout}>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{`${s.handledFailed}: ${failed}`}</MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="repairs-heading">
        <Subtitle2 as="h3" id="repairs-heading">
          {s.repairsHeading}
        </Subtitle2>
        {repairs.length === 0 ? (
          <Text as="p">{s.noRepairs}</Text>
        ) : (
          <ul className={styles.list}>
            {repairs.map((r) => (
              <li key={r.id}>
                <RepairCard programId={programId} request={r} onHandled={() => void markHandled(r.id)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="candidates-heading">
        <Subtitle2 as="h3" id="candidates-heading">
          {s.candidatesHeading}
        </Subtitle2>
        {candidates.length === 0 ? (
          <Text as="p">{s.noCandidates}</Text>
        ) : (
          <ul className={styles.list}>
            {candidates.map((c) => (
              <li key={c.id}>
                <CandidateCard candidate={c} onHandled={() => void markHandled(c.id)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RepairCard({ programId, request: r, onHandled }: { programId: string; request: RepairRequestView; onHandled: () => void }) {
  const styles = useStyles();
  const [showMatches, setShowMatches] = useState(false);
  const headingId = `repair-${r.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <Card role="article" aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text as="h4" weight="semibold" id={headingId}>
          {s.pair(r.mentor.displayName, r.mentee.displayName)}
        </Text>
        <Badge appearance="tint">{s.askedAt[r.asked]}</Badge>
      </div>
      <Caption1 className={styles.subtle}>
        {s.askedBy(r.requestedBy.displayName, s.role[r.requestedBy.role], formatInstantDate(r.requestedAt))}
      </Caption1>
      <div>
        <Caption1 className={styles.subtle}>{s.reason}</Caption1>
        <Text as="p" className={styles.reason}>
          {r.reason}
        </Text>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onHandled}>
          {s.markHandled}
        </Button>
        <Button aria-expanded={showMatches} onClick={() => setShowMatches((v) => !v)}>
          {showMatches ? s.hideMatches : s.showMatches(r.mentee.displayName)}
        </Button>
      </div>
      {showMatches && <Matches programId={programId} menteeId={r.mentee.id} menteeName={r.mentee.displayName} />}
    </Card>
  );
}

function CandidateCard({ candidate: c, onHandled }: { candidate: MentorCandidateView; onHandled: () => void }) {
  const styles = useStyles();
  const headingId = `candidate-${c.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <Card role="article" aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text as="h4" weight="semibold" id={headingId}>
          {c.person.displayName}
        </Text>
        <Badge appearance="tint">{s.capacity(c.capacity)}</Badge>
      </div>
      <Caption1 className={styles.subtle}>{s.offeredOn(formatInstantDate(c.offeredAt))}</Caption1>
      <Text>{`${s.strengths}: ${c.strengths.join(', ')}`}</Text>
      <div className={styles.actions}>
        <Button onClick={onHandled}>{s.markHandled}</Button>
      </div>
    </Card>
  );
}

/** The existing matching suggestions for the mentee, best first, each with its reasons. */
function Matches({ programId, menteeId, menteeName }: { programId: string; menteeId: string; menteeName: string }) {
  const api = useApi();
  const styles = useStyles();
  const matching = useResource<MatchingView>(`matching:${programId}:${menteeId}`, () =>
    call(api, routes.getMatching, { params: { programId, menteeId } }),
  );
  if (matching.state.status === 'loading') return <Spinner size="tiny" label={s.matchesLoading} />;
  if (matching.state.status === 'error')
    return <ErrorState title={s.matchesFailed} message={matching.state.error.message} onRetry={() => void matching.reload()} />;
  const { suggestions } = matching.state.data;
  if (suggestions.length === 0) return <Text as="p">{s.noMatches}</Text>;
  return (
    <ol className={styles.matches} aria-label={s.showMatches(menteeName)}>
      {suggestions.slice(0, 5).map((m) => (
        <li key={m.mentorId}>
          <Text weight="semibold">{m.displayName}</Text> <Caption1>{s.remaining(m.remainingCapacity)}</Caption1>
          <Caption1 as="p" className={styles.subtle}>{`${s.matchReasons}: ${m.reasons.join('; ')}`}</Caption1>
        </li>
      ))}
    </ol>
  );
}
