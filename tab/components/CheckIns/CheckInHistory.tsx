// The pair's check-ins on the plan page, newest first: each answer with what needs attention first
// (blockers, help requests), then progress per goal, confidence, wins and next steps, the answers to
// the program's own questions (worded as the check-in asked them), the mentor's comments, and the
// missed ones; adherence on top. Read-only: answers are given in the Teams chat.
import { Badge, Body1, Caption1, Card, Subtitle1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CheckInHistoryView, CheckInInHistory } from '../../../shared/checkins/checkInHistory';
import { formatDate, formatInstant, formatNumber } from '../../format';
import type { useCheckIns } from '../../hooks/useCheckIns';
import { strings } from '../../strings';
import { usePlanContext } from '../PlanPage/PlanContext';
import { ErrorState, LoadingState } from '../StatusViews/StatusViews';
import { CheckInCommentForm } from './CheckInCommentForm';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  attention: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  factRow: { display: 'contents' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  answerFacts: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  answerTerm: { fontWeight: tokens.fontWeightSemibold },
  comments: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const statusColor = { answered: 'success', missed: 'danger', sent: 'informative' } as const;

/** The pair's check-ins, loaded once by the plan page (the meeting agenda reads them too). */
export function CheckInHistory({ checkIns }: { checkIns: ReturnType<typeof useCheckIns> }) {
  const styles = useStyles();
  const { state, reload } = checkIns;

  return (
    <Card aria-labelledby="checkins-heading">
      <div className={styles.header}>
        <Subtitle1 as="h3" id="checkins-heading">
          {strings.checkIns.heading}
        </Subtitle1>
        {state.data && <Caption1 className={styles.meta}>{adherenceLine(state.data.adherence)}</Caption1>}
      </div>
      {state.status === 'loading' && <LoadingState label={strings.checkIns.loading} />}
      {state.status === 'error' && !state.data && (
        <ErrorState title={strings.checkIns.loadFailed} message={state.error.message} onRetry={() => void reload()} />
      )}
      {state.data && (state.data.checkIns.length === 0 ? <Text>{strings.checkIns.none}</Text> : <CheckInList history={state.data} />)}
      {state.data && <CheckInCommentForm history={state.data} onAdded={reload} />}
    </Card>
  );
}

function adherenceLine(a: CheckInHistoryView['adherence']): string {
  if (a.rate === null) return strings.checkIns.noneDue;
  const line = strings.checkIns.adherence(a.answered, a.due, Math.round(a.rate * 100));
  return a.missed > 0 ? `${line} · ${strings.checkIns.missedCount(a.missed)}` : line;
}

function CheckInList({ history }: { history: CheckInHistoryView }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={strings.checkIns.listLabel}>
      {history.checkIns.map((c) => (
        <CheckInItem key={c.slot} checkIn={c} goals={history.goals} />
      ))}
    </ul>
  );
}

function CheckInItem({ checkIn, goals }: { checkIn: CheckInInHistory; goals: CheckInHistoryView['goals'] }) {
  const styles = useStyles();
  const { plan } = usePlanContext();
  const headingId = `checkin-${checkIn.slot}`;
  const answer = checkIn.answer;
  const goalTitle = (id: string) => goals.find((g) => g.id === id)?.title ?? strings.checkIns.unknownGoal;
  const goalUnit = (id: string) => goals.find((g) => g.id === id)?.unit;
  const nameOf = (personId: string) => [plan.mentor, plan.mentee].find((p) => p.id === personId)?.displayName ?? '';

  return (
    <li className={styles.item} aria-labelledby={headingId}>
      <div className={styles.itemHeader}>
        <Subtitle2 as="h4" id={headingId}>
          {strings.checkIns.period(formatDate(checkIn.slot))}
        </Subtitle2>
        <Badge appearance="tint" color={statusColor[checkIn.status]}>
          {strings.checkIns.status[checkIn.status]}
        </Badge>
        {checkIn.answeredAt && <Caption1>{strings.checkIns.answeredAt(formatInstant(checkIn.answeredAt))}</Caption1>}
      </div>
      {checkIn.status === 'missed' && <Body1>{strings.checkIns.missedNote}</Body1>}
      {answer && (
        <>
          {(answer.blockers || answer.needHelpWith) && (
            <dl className={mergeClasses(styles.answerFacts, styles.attention)}>
              {answer.blockers && <Labelled label={strings.checkIns.blockers} text={answer.blockers} />}
              {answer.needHelpWith && <Labelled label={strings.checkIns.needHelpWith} text={answer.needHelpWith} />}
            </dl>
          )}
          <dl className={styles.facts} aria-label={strings.checkIns.goalsLabel}>
            {answer.goals.map((g) => (
              <div key={g.goalId} className={styles.factRow}>
                <dt className={styles.term}>{goalTitle(g.goalId)}</dt>
                <dd className={styles.definition}>
                  {g.current !== undefined
                    ? `${formatNumber(g.current)}${goalUnit(g.goalId) ? ` ${goalUnit(g.goalId)}` : ''}`
                    : g.status
                      ? strings.checkIns.goalStatus[g.status]
                      : ''}
                </dd>
              </div>
            ))}
          </dl>
          <Text weight="semibold">{strings.checkIns.confidence(answer.confidence)}</Text>
          {(answer.wins || answer.nextSteps) && (
            <dl className={styles.answerFacts}>
              {answer.wins && <Labelled label={strings.checkIns.wins} text={answer.wins} />}
              {answer.nextSteps && <Labelled label={strings.checkIns.nextSteps} text={answer.nextSteps} />}
            </dl>
          )}
          {checkIn.programAnswers.length > 0 && (
            <dl className={styles.answerFacts} aria-label={strings.checkIns.programQuestionsLabel}>
              {checkIn.programAnswers.map((a, i) => (
                <Labelled key={i} label={a.question} text={a.answer} />
              ))}
            </dl>
          )}
        </>
      )}
      {checkIn.comments.length > 0 && (
        <div>
          <Text weight="semibold">{strings.checkIns.comments}</Text>
          <ul className={styles.comments}>
            {checkIn.comments.map((c) => (
              <li key={c.id}>
                <Caption1>{strings.checkIns.commentBy(nameOf(c.by), formatInstant(c.at))}</Caption1>
                <Body1 as="p" className={styles.text}>
                  {c.text}
                </Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

/** One answer in a `<dl>`: the question as the term, the answer on its own line below it. */
function Labelled({ label, text }: { label: string; text: string }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.answerTerm}>{label}</dt>
      <dd className={mergeClasses(styles.definition, styles.text)}>{text}</dd>
    </div>
  );
}
