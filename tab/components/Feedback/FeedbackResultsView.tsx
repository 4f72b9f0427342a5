// One request's results: per behavior the average and how often each rating was given, then the
// examples and suggestions, attributed unless the request is anonymous. Hidden anonymous results
// show only how many more answers they wait for.
import { Body1, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FeedbackComment, FeedbackResults } from '../../../shared/feedback/feedbackResults';
import { formatNumber } from '../../format';
import { strings } from '../../strings';
import { RatingDistribution } from './RatingDistribution';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  behaviors: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  behavior: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  behaviorName: { overflowWrap: 'anywhere' },
  average: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  comments: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  commentList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  comment: {
    display: 'flex',
    flexDirection: 'column',
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  commentText: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  heading: { margin: 0 },
});

export function FeedbackResultsView({ results, label }: { results: FeedbackResults; label: string }) {
  const styles = useStyles();
  const r = strings.feedback.results;

  if (results.visibility === 'hidden') {
    return (
      <MessageBar intent="info" layout="multiline" aria-label={label}>
        <MessageBarBody>{r.hidden(results.responseCount, results.required)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (results.responseCount === 0) return <Text className={styles.muted}>{r.noAnswers}</Text>;

  return (
    <section className={styles.results} aria-label={label}>
      <ul className={styles.behaviors} aria-label={r.behaviorsLabel}>
        {results.behaviors.map((b) => (
          <li key={b.behavior} className={styles.behavior}>
            <Text weight="semibold" className={styles.behaviorName}>
              {b.behavior}
            </Text>
            <div className={styles.average}>
              <Text size={500} weight="semibold">
                {b.average === undefined ? r.notRated : r.average(formatNumber(b.average))}
              </Text>
              <Caption1 className={styles.muted}>{r.ratings(b.ratings)}</Caption1>
            </div>
            <RatingDistribution behavior={b.behavior} distribution={b.distribution} />
          </li>
        ))}
      </ul>
      <div className={styles.comments}>
        <CommentList heading={r.examples} comments={results.examples} />
        <CommentList heading={r.suggestions} comments={results.suggestions} />
      </div>
      {results.anonymous && <Caption1 className={styles.muted}>{r.anonymousNote}</Caption1>}
    </section>
  );
}

function CommentList({ heading, comments }: { heading: string; comments: FeedbackComment[] }) {
  const styles = useStyles();
  return (
    <div>
      <Text as="h6" weight="semibold" className={styles.heading}>
        {heading}
      </Text>
      <ul className={styles.commentList} aria-label={heading}>
        {comments.map((c, i) => (
          <li key={i} className={styles.comment}>
            <Body1 as="p" className={styles.commentText}>
              {c.text}
            </Body1>
            {c.by && (
              <Caption1 className={styles.muted}>
                {strings.feedback.results.by(c.by.displayName, strings.feedback.relation[c.by.relation])}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
